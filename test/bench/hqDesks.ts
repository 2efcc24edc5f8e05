/**
 * One load-generator process of the HQ load bench (hqLoad.ts forks a few): it plays many desks over
 * real HTTP with the real protocol — enrol with an HQ code, then every round handshake, push a batch
 * of VisitorCheckedIn events, pull the site until HQ says no more — as electron/sync/client.ts does,
 * every answer checked with shared/sync/protocol.ts's schemas. Talks to its parent over IPC only.
 */
import { v7 as uuidv7 } from 'uuid';
import { encodeHlc } from '../../shared/domain/hlc.js';
import { eventCatalog } from '../../shared/events/catalog.js';
import {
  EnrollResponse,
  HandshakeResponse,
  PullResponse,
  PushResponse,
  type PullHistory,
  type WireEvent,
} from '../../shared/sync/protocol.js';
import { DESK_SCHEMA_VERSION } from '../../shared/sync/version.js';
import { checkIn } from '../faults/syncWrites.js';

export interface DeskSpec {
  url: string;
  code: string;
  siteCode: string;
  deviceCode: string;
  actor: string;
}

export interface PhaseSpec {
  name: string;
  seconds: number;
  /** Time between a desk's round starts; 0: rounds back to back (HQ's ingest limit). */
  intervalMs: number;
  eventsPerPush: number;
}

export interface PhaseResult {
  name: string;
  wallMs: number;
  pushMs: number[];
  pullMs: number[];
  eventsAcked: number;
  eventsPulled: number;
  errors: number;
  errorSamples: string[];
}

export type ToDriver = { kind: 'enroll'; desks: DeskSpec[] } | { kind: 'run'; phase: PhaseSpec };
export type FromDriver =
  | { kind: 'enrolled'; n: number; errors: string[] }
  | { kind: 'result'; result: PhaseResult }
  | { kind: 'failed'; message: string };

interface Desk {
  spec: DeskSpec;
  deviceId: string;
  siteId: string;
  secret: string;
  seq: number;
  cursor: number;
  history: PullHistory | undefined;
}

const schemaVersion = DESK_SCHEMA_VERSION;

async function post<T>(url: string, path: string, body: unknown, parse: (x: unknown) => T, desk?: Desk): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(desk ? { 'x-device-id': desk.deviceId, authorization: `Bearer ${desk.secret}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path} ${res.status}: ${text.slice(0, 200)}`);
  return parse(JSON.parse(text));
}

async function enroll(spec: DeskSpec): Promise<Desk> {
  const r = await post(spec.url, '/sync/enroll', { schemaVersion, code: spec.code, desk: null }, (x) => EnrollResponse.parse(x));
  return { spec, deviceId: r.deviceId, siteId: r.site.id, secret: r.secret, seq: r.ackedSeq, cursor: 0, history: undefined };
}

/** `n` check-ins as the desk's own numbered events, stamped with the desk's clock now. */
function batch(desk: Desk, n: number): WireEvent[] {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const events: WireEvent[] = [];
  for (let i = 0; i < n; i++) {
    const d = checkIn(`${desk.spec.siteCode}-${desk.spec.deviceCode}`, at);
    events.push({
      id: uuidv7(),
      deviceId: desk.deviceId,
      deviceSeq: desk.seq + 1 + i,
      hlc: encodeHlc({ wallMs: now, counter: i, node: desk.deviceId }),
      type: d.type,
      v: eventCatalog[d.type].v,
      actor: desk.spec.actor,
      siteId: desk.siteId,
      payload: d.payload,
      recordedAt: at,
    });
  }
  return events;
}

/** One sync round: handshake, push one batch, pull the site's news page by page. */
async function round(desk: Desk, phase: PhaseSpec, out: PhaseResult): Promise<void> {
  const { url } = desk.spec;
  const hs = await post(
    url,
    '/sync/handshake',
    { schemaVersion, desk: { siteId: desk.siteId, deviceCode: desk.spec.deviceCode } },
    (x) => HandshakeResponse.parse(x),
    desk,
  );
  if (hs.ackedSeq !== desk.seq) throw new Error(`handshake: HQ holds seq ${hs.ackedSeq}, desk sent ${desk.seq}`);
  const events = batch(desk, phase.eventsPerPush);
  const t0 = performance.now();
  const pushed = await post(
    url,
    '/sync/push',
    { schemaVersion, sentAt: new Date().toISOString(), events },
    (x) => PushResponse.parse(x),
    desk,
  );
  out.pushMs.push(performance.now() - t0);
  const last = events[events.length - 1].deviceSeq;
  if (pushed.ackedSeq !== last || pushed.rejections.length > 0)
    throw new Error(`push: acked ${pushed.ackedSeq} of ${last}, rejections ${JSON.stringify(pushed.rejections.slice(0, 2))}`);
  desk.seq = last;
  out.eventsAcked += events.length;
  for (;;) {
    const t1 = performance.now();
    const page = await post(
      url,
      '/sync/pull',
      { schemaVersion, cursor: desk.cursor, history: desk.history },
      (x) => PullResponse.parse(x),
      desk,
    );
    out.pullMs.push(performance.now() - t1);
    desk.cursor = page.cursor;
    desk.history = page.history;
    out.eventsPulled += page.events.length;
    if (!page.more) break;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runDesk(desk: Desk, phase: PhaseSpec, end: number, out: PhaseResult): Promise<void> {
  // Desks are not in step: each starts at its own point of the interval.
  let due = performance.now() + Math.random() * phase.intervalMs;
  while (due < end) {
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    try {
      await round(desk, phase, out);
    } catch (e) {
      out.errors++;
      if (out.errorSamples.length < 5) out.errorSamples.push((e as Error).message);
      // A failed round resyncs its seq from the next handshake, as the desk does.
      desk.seq = (
        await post(desk.spec.url, '/sync/handshake', { schemaVersion }, (x) => HandshakeResponse.parse(x), desk).catch(() => ({
          ackedSeq: desk.seq,
        }))
      ).ackedSeq;
    }
    // A late round does not make the next one come sooner (no burst after a stall).
    due = phase.intervalMs === 0 ? performance.now() : Math.max(due + phase.intervalMs, performance.now());
  }
}

const desks: Desk[] = [];

async function onMessage(m: ToDriver): Promise<FromDriver> {
  if (m.kind === 'enroll') {
    const errors: string[] = [];
    // A few at a time: enrolment is not what is measured.
    for (let i = 0; i < m.desks.length; i += 20) {
      const got = await Promise.allSettled(m.desks.slice(i, i + 20).map(enroll));
      for (const g of got) {
        if (g.status === 'fulfilled') desks.push(g.value);
        else errors.push((g.reason as Error).message);
      }
    }
    return { kind: 'enrolled', n: desks.length, errors: errors.slice(0, 5) };
  }
  const out: PhaseResult = {
    name: m.phase.name,
    wallMs: 0,
    pushMs: [],
    pullMs: [],
    eventsAcked: 0,
    eventsPulled: 0,
    errors: 0,
    errorSamples: [],
  };
  const t0 = performance.now();
  await Promise.all(desks.map((d) => runDesk(d, m.phase, t0 + m.phase.seconds * 1000, out)));
  out.wallMs = performance.now() - t0;
  return { kind: 'result', result: out };
}

process.on('message', (m: ToDriver) => {
  onMessage(m).then(
    (r) => process.send!(r),
    (e: Error) => process.send!({ kind: 'failed', message: e.stack ?? e.message } satisfies FromDriver),
  );
});
