import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { getSiteIdentity } from '../../db/meta.js';
import { adoptIdentity, enrolmentDesk } from './identity.js';
import {
  certificateFailure,
  insecureAddress,
  pinnedCertificate,
  recordPinnedCertificate,
  type CertificateFailureCode,
  type Redeemed,
} from './pinning.js';
import { postToHq, type HqPost } from './transport.js';
import {
  AttachmentUploadResponse,
  EnrollResponse,
  PullResponse,
  PushResponse,
  ResendResponse,
  SYNC_LIMITS,
  SyncError,
  type SyncErrorCode,
} from '../../shared/sync/protocol.js';
import type { SecretStore } from './secret.js';
import type { IdKeys } from '../privacy/idKeys.js';
import { applyPage, outbox, recordPush, syncState, waitingSummary } from './state.js';
import { recordHeld } from './held.js';
import { recordResend } from './resend.js';
import { handshakeWithHq } from './handshake.js';
import { pullHistory } from './history.js';
import { PULL_PAGE_EVENTS } from './slices.js';
import { attachmentsWaiting, markUploaded, pendingAttachments, recordAttachmentRejection } from './attachments.js';
import { DeskClock, type ClockReading } from './deskClock.js';
import { hqNeedsUpdate, parkedSummary, type ParkedGroup } from './parking.js';
import type { CatalogLike } from '../../shared/events/verdict.js';
import type { DeskUpdateStatus } from '../../shared/api/syncSchemas.js';
import type { DeskHealth } from '../../shared/sync/protocol.js';
import type { DeskLog } from '../log/deskLog.js';

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncErrorCode | 'network' | 'protocol' | 'local' | CertificateFailureCode,
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
  /** Failures a retry can fix; the rest wait for a person (enroll again, update the desk). */
  get transient() {
    return this.code === 'network' || this.code === 'unavailable' || this.code === 'protocol' || this.code === 'local';
  }
}

export interface SyncClientOptions {
  db: Kysely<Database>;
  secrets: SecretStore;
  /** The site's ID key: offered at enrolment, replaced by the site's key from HQ's answer. */
  idKeys?: IdKeys;
  schemaVersion: number;
  /** This build's version (semver), sent in the handshake: HQ lists which desk runs which release. */
  appVersion?: string;
  clock?: () => Date;
  /** The backend's corrected clock; the client measures HQ's offset into it (default: one over `clock`). */
  deskClock?: DeskClock;
  /** Backoff: base and cap in ms (full jitter); the cap is 5 minutes in production. */
  backoff?: { baseMs: number; capMs: number };
  watchdogMs?: number;
  debounceMs?: number;
  batchEvents?: number;
  requestTimeoutMs?: number;
  /** After each round; `pulled` = events from other desks applied in it. */
  onChange?: (pulled: number) => void;
  /** After an enrolment gave this desk HQ's device (and site) id: cached identities are stale. */
  onEnrolled?: () => void;
  /** The catalog pulled events are judged by (tests give an older one to play a desk not yet updated). */
  catalog?: CatalogLike;
  /** How requests reach HQ: default Node's sockets (postToHq); the Electron app passes its net.fetch. */
  hqPost?: HqPost;
  /** One line per round (outcome, counts, duration) goes here. */
  log?: DeskLog;
  /** The desk's health, sent with every handshake (electron/log/health.ts). */
  health?: () => Promise<DeskHealth>;
}

export interface SyncStatus {
  enrolled: boolean;
  hqUrl: string | null;
  online: boolean;
  waiting: number;
  oldestWaitingAt: string | null;
  /** Photos and signatures whose bytes HQ has not acknowledged yet. */
  attachmentsWaiting: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  rejections: number;
  /** Pulled events this build cannot apply yet (a newer desk wrote them), by kind. */
  parked: ParkedGroup[];
  /** HQ's clock against this desk's, and the desk's corrected time now. */
  clock: ClockReading & { now: string };
  appVersion?: string;
  update?: DeskUpdateStatus;
}

/**
 * The desk's sync client. It runs in the backend process (Electron or desk server): push the outbox
 * in deviceSeq order until HQ has acknowledged everything, then pull pages until HQ has nothing newer.
 * Triggers: start, local writes (debounced), connectivity regained (`poke`), a watchdog timer; after a
 * failure it waits a full-jitter exponential backoff (random in [0, min(cap, base·2^n)]).
 */
export class SyncClient {
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private stopped = true;
  /** Set by `stop()` only: a desk never started (tests, set-up) still runs the round a caller asked for. */
  private halted = false;
  online = false;
  /** The desk's update from HQ, shown with the sync status (electron/update/updater.ts sets it). */
  updates: (() => DeskUpdateStatus) | null = null;

  readonly deskClock: DeskClock;

  constructor(private readonly o: SyncClientOptions) {
    this.deskClock = o.deskClock ?? new DeskClock(o.clock);
  }

  // Times this desk records (last sync, rejections) are on the corrected clock; the PC's own clock is what
  // HQ compares for drift (`sentAt`) and what the offset is measured on.
  private now = () => this.deskClock.now();
  private rawMs = () => this.deskClock.raw().getTime();

  private async request<T>(path: string, body: unknown, parse: (x: unknown) => T, auth = true): Promise<T> {
    const st = await syncState(this.o.db);
    if (!st.hq_url) throw new SyncFailure('unauthorized', 'Not enrolled with HQ.');
    const cred = auth ? { deviceId: st.device_id!, secret: this.o.secrets.get() ?? '' } : null;
    return (await this.post(st.hq_url, path, body, parse, cred, await pinnedCertificate(this.o.db))).value;
  }

  private async post<T>(
    url: string,
    path: string,
    body: unknown,
    parse: (x: unknown) => T,
    cred: { deviceId: string; secret: string } | null,
    pin: string | null,
  ): Promise<{ value: T; certSha256: string | null }> {
    const insecure = insecureAddress(url);
    if (insecure) throw insecure;
    let res;
    const sentMs = this.rawMs();
    try {
      res = await (this.o.hqPost ?? postToHq)(
        new URL(path, url),
        {
          'content-type': 'application/json',
          ...(cred ? { 'x-device-id': cred.deviceId, authorization: `Bearer ${cred.secret}` } : {}),
        },
        JSON.stringify(body),
        { pin, timeoutMs: this.o.requestTimeoutMs ?? 30_000 },
      );
    } catch (e) {
      throw certificateFailure(e) ?? new SyncFailure('network', (e as Error).message);
    }
    const ok = res.status >= 200 && res.status < 300;
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch (e) {
      throw new SyncFailure(ok ? 'protocol' : 'network', `HQ answered ${res.status}: ${(e as Error).message}`, res.status);
    }
    if (!ok) {
      const err = SyncError.safeParse(json);
      if (err.success) throw new SyncFailure(err.data.error, err.data.message, res.status);
      throw new SyncFailure(res.status >= 500 ? 'unavailable' : 'protocol', `HQ answered ${res.status}`, res.status);
    }
    this.deskClock.observe(sentMs, this.rawMs(), (json as { hqTime?: string }).hqTime);
    try {
      return { value: parse(json), certSha256: res.certSha256 };
    } catch {
      throw new SyncFailure('protocol', 'HQ sent an answer this desk does not understand.');
    }
  }

  /**
   * Redeems a one-time code and keeps the secret; the caller records the enrollment (with
   * `recordEnrollment`, in the transaction that also sets up a fresh desk). A desk that is already
   * set up sends its identity, which HQ checks against the code, and adopts HQ's ids (`enroll`).
   * `fingerprint` (hex digits, see shared/sync/fingerprint.ts) is what HQ's certificate must match; the
   * full one seen is pinned.
   */
  async redeem(hqUrl: string, code: string, fingerprint: string | null = null): Promise<Redeemed> {
    const idKey = this.o.idKeys?.current();
    const req = { schemaVersion: this.o.schemaVersion, code, desk: await enrolmentDesk(this.o.db), idKey };
    const { value: res, certSha256 } = await this.post(
      hqUrl,
      '/sync/enroll',
      req,
      (x) => EnrollResponse.parse(x),
      null,
      fingerprint,
    );
    this.o.secrets.set(res.secret);
    if (res.idKey) this.o.idKeys?.adopt(res.idKey);
    return { ...res, certSha256 };
  }

  /** Where this desk syncs from now on; written with the caller's other changes, or on its own. */
  async recordEnrollment(trx: Kysely<Database>, hqUrl: string, res: Redeemed): Promise<void> {
    await recordPinnedCertificate(trx, res.certSha256);
    await trx
      .updateTable('sync_state')
      .set({
        hq_url: hqUrl,
        device_id: res.deviceId,
        credential_ref: this.o.secrets.ref,
        // HQ's count for this device id is authoritative: 0 when new, the old device's on a replacement.
        acked_seq: res.ackedSeq,
        enrolled_at: this.now().toISOString(),
        last_error: null,
      })
      .where('id', '=', 1)
      .execute();
  }

  /** Enrolls a desk that is already set up (the HQ sync page). */
  async enroll(hqUrl: string, code: string, fingerprint: string | null = null): Promise<EnrollResponse> {
    await this.running; // no round under the old identity runs across the change
    const res = await this.redeem(hqUrl, code, fingerprint);
    // HQ's ids and the enrolment in one transaction: no event is ever left under the retired id.
    await this.o.db.transaction().execute(async (trx) => {
      // A request arriving now reads the identity after this transaction, not the cached one before it.
      this.o.onEnrolled?.();
      await adoptIdentity(trx, res, this.now());
      await this.recordEnrollment(trx, hqUrl, res);
    });
    this.o.onEnrolled?.();
    return res;
  }

  /** Pushes until the outbox is empty; returns how many events were sent. */
  async pushAll(): Promise<number> {
    let sent = 0;
    for (;;) {
      const st = await syncState(this.o.db);
      const batch = await outbox(
        this.o.db,
        st.device_id!,
        st.acked_seq,
        this.o.batchEvents ?? SYNC_LIMITS.maxBatchEvents,
        SYNC_LIMITS.maxBodyBytes - 64 * 1024,
      );
      const [oldest] = batch;
      if (!oldest) return sent;
      sent += batch.length;
      const res = await this.request(
        '/sync/push',
        { schemaVersion: this.o.schemaVersion, sentAt: new Date(this.rawMs()).toISOString(), events: batch },
        (x) => PushResponse.parse(x),
      );
      await recordPush(
        this.o.db,
        res.ackedSeq,
        res.rejections,
        new Map(batch.map((e) => [e.id, e.type])),
        this.now().toISOString(),
      );
      // HQ knows less than the batch started from (its store was restored): resend from what it has.
      if (res.ackedSeq < st.acked_seq) {
        await this.o.db.updateTable('sync_state').set({ acked_seq: res.ackedSeq }).where('id', '=', 1).execute();
      }
      if (res.ackedSeq < oldest.deviceSeq && res.expectedSeq === null)
        throw new SyncFailure('protocol', 'HQ acknowledged nothing.');
    }
  }

  /** Pulls pages until HQ has nothing newer; "cursor too old" resets the cursor and pulls again. */
  async pullAll(): Promise<number> {
    let applied = 0;
    for (;;) {
      const st = await syncState(this.o.db);
      const history = st.cursor > 0 ? await pullHistory(this.o.db) : undefined;
      let page;
      try {
        page = await this.request(
          '/sync/pull',
          { schemaVersion: this.o.schemaVersion, cursor: st.cursor, history, limit: PULL_PAGE_EVENTS },
          (x) => PullResponse.parse(x),
        );
      } catch (e) {
        if (e instanceof SyncFailure && e.code === 'cursor_too_old') {
          // Snapshot reset: pull the site from the start; applying is idempotent and keeps local unpushed events.
          await this.o.db.updateTable('sync_state').set({ cursor: 0 }).where('id', '=', 1).execute();
          continue;
        }
        throw e;
      }
      applied += await applyPage(this.o.db, page.events, page.cursor, { history: page.history, catalog: this.o.catalog });
      if (page.held) await recordHeld(this.o.db, page.held, this.now().toISOString());
      if (!page.more) return applied;
    }
  }

  /**
   * Uploads every photo and signature HQ has not acknowledged, a few at a time (each is up to 5 MB).
   * Runs after push and pull: records first, pictures after. A picture HQ refuses for its content is
   * listed with the rejections and skipped, so it never holds the others back.
   */
  async uploadAttachments(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await pendingAttachments(this.o.db, 4);
      if (batch.length === 0) return sent;
      for (const a of batch) {
        try {
          await this.request(
            '/sync/attachment',
            { schemaVersion: this.o.schemaVersion, sha256: a.sha256, mime: a.mime, contentBase64: a.data.toString('base64') },
            (x) => AttachmentUploadResponse.parse(x),
          );
        } catch (e) {
          if (!(e instanceof SyncFailure) || (e.code !== 'bad_request' && e.code !== 'payload_too_large')) throw e;
          await recordAttachmentRejection(this.o.db, a, e.code, e.message, this.now().toISOString());
        }
        await markUploaded(this.o.db, a, this.now().toISOString());
        sent++;
      }
    }
  }

  /** A leader's "re-send after a fix": HQ judges one of this desk's rejected events again; the list follows its answer. */
  async resend(eventId: string): Promise<ResendResponse> {
    const res = await this.request('/sync/resend', { schemaVersion: this.o.schemaVersion, eventId }, (x) =>
      ResendResponse.parse(x),
    );
    await recordResend(this.o.db, res);
    return res;
  }

  /** One full round (push, pull, then pictures); records success or the error for the status bar. */
  async syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // `running` is cleared in the same step that reads `again` for the last time: a call arriving after
    // the loop's last check but before a later `.finally` would otherwise be answered by a round that
    // ran before its write (a check-in made just before "sync now" left waiting).
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again && !this.halted);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async round(): Promise<void> {
    const at = this.now().toISOString();
    const st = await syncState(this.o.db);
    if (!st.hq_url) return;
    const started = Date.now();
    let pulled = 0;
    let pushed = 0;
    try {
      const health = await this.o.health?.().catch(() => undefined);
      await handshakeWithHq(
        this.o.db,
        (path, body, parse) => this.request(path, body, parse),
        this.o.schemaVersion,
        this.o.appVersion,
        health,
      );
      // HQ not yet updated for an event of this build keeps it queued; the pull goes on meanwhile.
      const hqBehind = await this.pushAll().then((n) => {
        pushed = n;
        return null;
      }, hqNeedsUpdate);
      pulled = await this.pullAll();
      const attachments = await this.uploadAttachments();
      this.failures = 0;
      this.online = true;
      await this.o.db
        .updateTable('sync_state')
        .set({ last_attempt_at: at, last_success_at: this.now().toISOString(), last_error: hqBehind })
        .where('id', '=', 1)
        .execute();
      await this.deskClock.save(this.o.db);
      this.o.log?.info('sync.round', {
        outcome: hqBehind ? 'hq_behind' : 'ok',
        pushed,
        pulled,
        attachments,
        ms: Date.now() - started,
      });
    } catch (e) {
      // Anything else failed on this desk (e.g. applying a pulled page): retried, shown as a local error.
      const f = e instanceof SyncFailure ? e : new SyncFailure('local', (e as Error).message);
      this.failures++;
      this.online = !(f.code === 'network' || f.code === 'unavailable');
      await this.o.db
        .updateTable('sync_state')
        .set({ last_attempt_at: at, last_error: `${f.code}: ${f.message}`.slice(0, 500) })
        .where('id', '=', 1)
        .execute();
      this.o.log?.error('sync.round', f, {
        outcome: 'failed',
        code: f.code,
        status: f.status,
        pushed,
        pulled,
        failures: this.failures,
        ms: Date.now() - started,
      });
      if (!this.stopped && f.transient) this.schedule(this.backoffDelay());
    } finally {
      this.o.onChange?.(pulled);
    }
  }

  backoffDelay(): number {
    const { baseMs, capMs } = this.o.backoff ?? { baseMs: 1000, capMs: 5 * 60_000 };
    return Math.random() * Math.min(capMs, baseMs * 2 ** Math.min(this.failures, 30));
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
    this.timer.unref?.();
  }

  start(): void {
    this.stopped = false;
    this.halted = false;
    void this.syncNow();
    this.watchdog = setInterval(() => void this.syncNow(), this.o.watchdogMs ?? 60_000);
    this.watchdog.unref?.();
  }

  /** A local write happened: sync soon, once per burst (unless backing off after a failure). */
  poke(): void {
    if (this.stopped || (this.timer && this.failures > 0)) return;
    this.schedule(this.o.debounceMs ?? 500);
  }

  /** Connectivity came back: try now, forgetting the backoff. */
  connectivityRegained(): void {
    this.failures = 0;
    if (!this.stopped) void this.syncNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearInterval(this.watchdog);
    await this.running?.catch(() => {});
  }

  async status(): Promise<SyncStatus> {
    const st = await syncState(this.o.db);
    const site = await getSiteIdentity(this.o.db);
    const w = site ? await waitingSummary(this.o.db, site.deviceId, st.acked_seq) : { waiting: 0, oldestWaitingAt: null };
    const rej = await this.o.db
      .selectFrom('sync_rejections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      enrolled: !!st.hq_url,
      hqUrl: st.hq_url,
      online: this.online,
      ...w,
      attachmentsWaiting: await attachmentsWaiting(this.o.db),
      lastSuccessAt: st.last_success_at,
      lastError: st.last_error,
      rejections: Number(rej.n),
      parked: await parkedSummary(this.o.db),
      clock: { ...this.deskClock.reading(), now: this.deskClock.now().toISOString() },
      ...(this.o.appVersion ? { appVersion: this.o.appVersion } : {}),
      ...(this.updates ? { update: this.updates() } : {}),
    };
  }
}
