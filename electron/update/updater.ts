import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { openShiftOf } from '../../db/queries/shifts.js';
import { getSiteIdentity } from '../../db/meta.js';
import { feedFileFor, parseFeedYaml, type UpdateFeed } from '../../shared/sync/updateFeed.js';
import type { DeskUpdateStatus } from '../../shared/api/syncSchemas.js';
import { pinnedCertificate } from '../sync/pinning.js';
import { insecureAddress } from '../sync/pinning.js';
import type { SecretStore } from '../sync/secret.js';
import { syncState } from '../sync/state.js';
import { getFromHq } from '../sync/transport.js';
import { CHECK_EVERY_MS, installRefusal, newerRelease, RETRY_AFTER_FAILURE_MS, type InstallRefusal } from './policy.js';

/**
 * What installs a downloaded, verified release: the Electron shell (electron/update/shell.ts) runs the
 * installer and quits; the desk server has none (it says the release is ready and the IT person installs it).
 */
export interface DeskInstaller {
  install(file: string, version: string): Promise<void>;
}

/** A release downloaded and verified, waiting for the time between shifts (kept across restarts). */
export interface ReadyRelease {
  version: string;
  file: string;
  sha512: string;
  size: number;
  channel: string;
}

const READY = 'ready.json';
export const updatesFolder = (dataDir: string) => join(dataDir, 'updates');

/** The release waiting in the data folder, if its file is still there and still hashes as the feed said. */
export async function readyRelease(dataDir: string): Promise<ReadyRelease | null> {
  const path = join(updatesFolder(dataDir), READY);
  if (!existsSync(path)) return null;
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as ReadyRelease;
    const file = join(updatesFolder(dataDir), r.file);
    if (!existsSync(file) || (await sha512Of(file)) !== r.sha512) return null;
    return r;
  } catch {
    return null;
  }
}

export function sha512Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha512');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('base64')))
      .on('error', reject);
  });
}

export interface DeskUpdaterOptions {
  db: Kysely<Database>;
  dataDir: string;
  secrets: SecretStore;
  /** This build's version (package.json / app.getVersion()). */
  appVersion: string;
  platform?: string;
  installer?: DeskInstaller;
  clock?: () => Date;
  /** Calls the backend is handling now (none may be cut by an install). */
  callsInFlight?: () => number;
  timeoutMs?: number;
}

/**
 * The desk's update check (issue 19), in the backend process: asks HQ which channel its site updates
 * from, reads that channel's electron-updater feed for this platform over the sync transport (the
 * enrolled desk's credential, HQ's pinned certificate), downloads a newer release in the background,
 * keeps it only when its SHA-512 and size are the feed's, and installs it between shifts.
 */
export class DeskUpdater {
  private st: DeskUpdateStatus = { state: 'idle', version: null, channel: null, checkedAt: null, error: null };
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<DeskUpdateStatus> | null = null;

  constructor(private readonly o: DeskUpdaterOptions) {}

  private now = () => (this.o.clock ?? (() => new Date()))();
  private get dir() {
    return updatesFolder(this.o.dataDir);
  }

  status(): DeskUpdateStatus {
    return { ...this.st };
  }

  /**
   * A release found ready at start (downloaded before a restart) is shown as ready; one this build
   * already is (it was installed) or is newer than is removed, so it is never installed twice.
   */
  async load(): Promise<void> {
    const r = await readyRelease(this.o.dataDir);
    if (r && !newerRelease({ version: r.version }, this.o.appVersion)) {
      rmSync(join(this.dir, r.file), { force: true });
      rmSync(join(this.dir, READY), { force: true });
      return;
    }
    if (r) this.st = { ...this.st, state: 'ready', version: r.version, channel: r.channel };
  }

  /** One check; concurrent callers share it. */
  check(): Promise<DeskUpdateStatus> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = null));
    return this.checking;
  }

  private async get(path: string, toFile?: string) {
    const st = await syncState(this.o.db);
    if (!st.hq_url || !st.device_id) throw new Error('not enrolled with HQ');
    const insecure = insecureAddress(st.hq_url);
    if (insecure) throw insecure;
    const res = await getFromHq(
      new URL(path, st.hq_url),
      { 'x-device-id': st.device_id, authorization: `Bearer ${this.o.secrets.get() ?? ''}` },
      { pin: await pinnedCertificate(this.o.db), timeoutMs: this.o.timeoutMs ?? 10 * 60_000, toFile },
    );
    if (res.status !== 200) {
      let message = res.body.slice(0, 200);
      try {
        message = (JSON.parse(res.body) as { message?: string }).message ?? message;
      } catch {
        // not JSON: the text as it came
      }
      throw new Error(`HQ answered ${res.status} for ${path}: ${message}`);
    }
    return res;
  }

  private async checkOnce(): Promise<DeskUpdateStatus> {
    const at = this.now().toISOString();
    const st = await syncState(this.o.db);
    if (!st.hq_url) return this.status();
    try {
      const { channel } = JSON.parse((await this.get('/updates/channel')).body) as { channel: string };
      let feed: UpdateFeed;
      try {
        feed = parseFeedYaml((await this.get(`/updates/${channel}/${feedFileFor(this.o.platform ?? process.platform)}`)).body);
      } catch (e) {
        // No release published for this platform and channel yet: nothing to do.
        if (/answered 404/.test((e as Error).message)) {
          this.st = { ...this.st, state: this.st.state === 'ready' ? 'ready' : 'idle', channel, checkedAt: at, error: null };
          return this.status();
        }
        throw e;
      }
      const ready = await readyRelease(this.o.dataDir);
      if (!newerRelease(feed, this.o.appVersion) || ready?.version === feed.version) {
        this.st = {
          ...this.st,
          state: ready && ready.version === feed.version ? 'ready' : 'idle',
          channel,
          checkedAt: at,
          error: null,
        };
        return this.status();
      }
      this.st = { state: 'downloading', version: feed.version, channel, checkedAt: at, error: null };
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const part = join(this.dir, `${feed.path}.part`);
      const got = await this.get(`/updates/${channel}/${encodeURIComponent(feed.path)}`, part);
      const expected = feed.files.find((f) => f.url === feed.path);
      if (got.sha512 !== feed.sha512 || (expected && got.bytes !== expected.size)) {
        rmSync(part, { force: true });
        throw new Error(
          `release ${feed.version} refused: its SHA-512 is not the feed's (${got.bytes} bytes received); nothing kept`,
        );
      }
      // An older ready release is replaced by the newer one.
      if (ready && ready.file !== feed.path) rmSync(join(this.dir, ready.file), { force: true });
      renameSync(part, join(this.dir, feed.path));
      const release: ReadyRelease = { version: feed.version, file: feed.path, sha512: feed.sha512, size: got.bytes, channel };
      writeFileSync(join(this.dir, READY), JSON.stringify(release), { mode: 0o600 });
      this.st = { state: 'ready', version: feed.version, channel, checkedAt: at, error: null };
    } catch (e) {
      const ready = await readyRelease(this.o.dataDir);
      this.st = {
        state: ready ? 'ready' : 'failed',
        version: ready?.version ?? this.st.version,
        channel: this.st.channel,
        checkedAt: at,
        error: (e as Error).message.slice(0, 300),
      };
    }
    return this.status();
  }

  /**
   * Installs the ready release if this is a moment between shifts (policy.ts); says why not otherwise.
   * Called after each shift change and by the timer.
   */
  async installIfBetweenShifts(): Promise<InstallRefusal | 'installing' | 'no_installer'> {
    let ready = await readyRelease(this.o.dataDir);
    if (ready && !newerRelease({ version: ready.version }, this.o.appVersion)) ready = null;
    const site = await getSiteIdentity(this.o.db);
    const shiftOpen = site ? !!(await openShiftOf(this.o.db, site.deviceId)) : false;
    const refusal = installRefusal({ ready: !!ready, shiftOpen, callsInFlight: this.o.callsInFlight?.() ?? 0 });
    if (refusal) return refusal;
    if (!this.o.installer) return 'no_installer';
    await this.o.installer.install(join(this.dir, ready!.file), ready!.version);
    return 'installing';
  }

  /** At start, then every few hours (the backend also tries to install each minute and after each shift change). */
  start(): void {
    const loop = async () => {
      const s = await this.check();
      this.timer = setTimeout(() => void loop(), s.state === 'failed' ? RETRY_AFTER_FAILURE_MS : CHECK_EVERY_MS);
      this.timer.unref?.();
    };
    void this.load().then(loop);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
