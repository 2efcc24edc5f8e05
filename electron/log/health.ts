import { statfsSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { getSiteIdentity } from '../../db/meta.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import type { DeskHealth } from '../../shared/sync/protocol.js';
import { syncState, waitingSummary } from '../sync/state.js';
import { scrubText } from './scrub.js';
import type { DeskLog } from './deskLog.js';
import { APP_VERSION } from '../version.js';

const STUCK_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

/** Free bytes on the disk that holds `dir` (null where the OS does not say). */
export function freeDiskBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** This desk's printer as its print jobs tell it (print_jobs of this device). */
async function printerHealth(db: Kysely<Database>, deviceId: string, nowMs: number): Promise<DeskHealth['printer']> {
  const since = new Date(nowMs - DAY_MS).toISOString();
  const jobs = await db
    .selectFrom('print_jobs')
    .select(['status', 'created_at', 'printed_at'])
    .where('device_id', '=', deviceId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .execute();
  const open = jobs.filter((j) => j.status === 'queued' || j.status === 'printing');
  const failed24h = jobs.filter((j) => j.status === 'failed').length;
  const finished = jobs.find((j) => j.status === 'printed' || j.status === 'failed');
  const stuck = open.some((j) => nowMs - Date.parse(j.created_at) > STUCK_MS);
  const status = stuck ? 'stuck' : finished?.status === 'failed' ? 'failed' : jobs.length === 0 ? 'idle' : 'ok';
  return { status, failed24h, queued: open.length };
}

/** What the desk reports at every handshake: versions, OS, free disk, last error, queue, clock, printer. */
export async function deskHealth(
  db: Kysely<Database>,
  o: { dataDir: string; log: DeskLog; now: Date; clockOffsetMs: number | null },
): Promise<DeskHealth> {
  const st = await syncState(db);
  const site = await getSiteIdentity(db);
  const w = site ? await waitingSummary(db, site.deviceId, st.acked_seq) : { waiting: 0, oldestWaitingAt: null };
  const nowMs = o.now.getTime();
  const logged = o.log.lastError();
  const lastError = logged
    ? { at: logged.at, message: `${logged.event}: ${logged.message}`.slice(0, 600) }
    : st.last_error
      ? { at: st.last_attempt_at ?? '', message: scrubText(st.last_error).slice(0, 600) }
      : null;
  return {
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    os: `${platform()} ${release()} ${arch()}`.slice(0, 120),
    freeDiskBytes: freeDiskBytes(o.dataDir),
    lastError,
    queueDepth: w.waiting,
    oldestWaitingSeconds: w.oldestWaitingAt ? Math.max(0, Math.round((nowMs - Date.parse(w.oldestWaitingAt)) / 1000)) : null,
    clockOffsetMs: o.clockOffsetMs === null ? null : Math.round(o.clockOffsetMs),
    printer: site ? await printerHealth(db, site.deviceId, nowMs) : { status: 'idle', failed24h: 0, queued: 0 },
  };
}
