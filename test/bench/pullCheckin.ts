/**
 * Check-ins on a desk while a colleague's backlog arrives (`npm run bench`, or on its own:
 * `BENCH_PULL_BACKLOG=2000 npx tsx test/bench/pullCheckin.ts`). HQ runs in a child process (as in the
 * field, on another machine: its work is not the desk's event loop's); the receiving desk pulls
 * BENCH_PULL_BACKLOG events while a receptionist checks a visitor in every BENCH_PULL_CHECKIN_MS, and the
 * same desk's check-ins with no pull are the baseline, measured in the same run.
 *
 * A check-in's time runs from the moment it was due (the receptionist pressed Enter) to its answer, so
 * a blocked event loop (timers firing late) counts, not only the call itself.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getSiteIdentity } from '../../db/meta.js';
import { connectHq } from '../../hq/src/pg/connect.js';
import { startEmbeddedPostgres } from '../../hq/src/pg/embedded.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { freePort } from '../support/hq.js';
import { spawnHq } from '../support/hqProcess.js';
import { syncClientFor } from '../support/sync.js';
import { summarize, type Summary } from './stats.js';
import { fillOutbox } from './sync.js';

export interface CheckinDuringPull {
  checkin_p99_during_pull_ms: number;
  checkin_p99_no_pull_ms: number;
  pull_backlog_events: number;
  pull_s: number;
  during: Summary;
  baseline: Summary;
  notes: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Check-ins every `intervalMs` until `done()`, each timed from when it was due. */
async function paced(intervalMs: number, done: () => boolean, checkIn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let due = performance.now();
  while (!done()) {
    due += intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await checkIn();
    times.push(performance.now() - due);
    // After a stall the next visitor comes when the desk answers again, not in a burst.
    due = Math.max(due, performance.now());
  }
  return times;
}

export async function measureCheckinDuringPull(opts: {
  backlog: number;
  intervalMs: number;
  baselineCheckins: number;
  log: (m: string) => void;
}): Promise<CheckinDuringPull> {
  const root = mkdtempSync(join(tmpdir(), 'lobbydesk-pullbench-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(root, 0o755);
  const dataDir = join(root, 'hq-data');
  const hq = spawnHq({ dataDir, port: await freePort(), pgPort: await freePort() });
  const desks: TestDesk[] = [];
  let hqDb: ReturnType<typeof connectHq>['db'] | undefined;
  try {
    await hq.ready;
    // Admin work goes through HQ's own running PostgreSQL, as an admin command does.
    const pg = await startEmbeddedPostgres(dataDir, 0, { attach: true });
    hqDb = connectHq(pg.url('lobbydesk_hq'), 2).db;
    const siteId = await createSite(hqDb, { code: 'HY', name: '华远大厦', kind: 'mixed' });

    const source = await openTestDesk({ deviceCode: 'A1', openShift: false });
    desks.push(source);
    const sourceClient = syncClientFor(source);
    await sourceClient.enroll(hq.url, await issueEnrollCode(hqDb, siteId, 'A1'));
    // After enrolment: the desk carries HQ's site and device ids.
    const site = (await getSiteIdentity(source.backend.services.db))!;
    fillOutbox(source, opts.backlog, site.siteId, site.deviceId, 'A1');
    await sourceClient.pushAll();
    opts.log(`pull bench: ${opts.backlog} events at HQ (site ${site.siteCode})`);

    const desk = await openTestDesk({ deviceCode: 'B2', clock: source.clock });
    desks.push(desk);
    await importSampleDirectory(desk);
    const client = syncClientFor(desk);
    await client.enroll(hq.url, await issueEnrollCode(hqDb, siteId, 'B2'));
    const input = await checkInInput(desk);
    const checkIn = async () => {
      const r = await desk.call('visits:checkIn', { ...input, requestId: newRequestId() });
      if (!r.ok) throw new Error(`check-in failed: ${JSON.stringify(r.error)}`);
    };
    for (let i = 0; i < 20; i++) await checkIn(); // warm-up: statement cache, JIT

    let n = 0;
    const baselineRuns = await paced(opts.intervalMs, () => n++ >= opts.baselineCheckins, checkIn);
    let pulling = true;
    const t0 = performance.now();
    const pull = client.pullAll().finally(() => (pulling = false));
    const [duringRuns, applied] = await Promise.all([paced(opts.intervalMs, () => !pulling, checkIn), pull]);
    const pullS = Math.round((performance.now() - t0) / 10) / 100;
    const arrived = (
      desk.backend.database.raw.prepare("SELECT COUNT(*) AS n FROM visits WHERE pass_no LIKE 'HY-A1-%'").get() as { n: number }
    ).n;
    // By pass number: the fixture's random pass numbers may, rarely, repeat (one visit for both).
    const sent = (
      source.backend.database.raw
        .prepare("SELECT COUNT(DISTINCT json_extract(payload, '$.passNo')) AS n FROM events WHERE type = 'VisitorCheckedIn'")
        .get() as { n: number }
    ).n;
    if (arrived !== sent) throw new Error(`the pull brought ${arrived} of ${sent} check-ins (${applied} events)`);
    const during = summarize(duringRuns);
    const baseline = summarize(baselineRuns);
    opts.log(
      `check-in during a pull of ${opts.backlog} events (${pullS} s): p99 ${during.p99} ms over ${during.n}; without a pull p99 ${baseline.p99} ms`,
    );
    return {
      checkin_p99_during_pull_ms: during.p99,
      checkin_p99_no_pull_ms: baseline.p99,
      pull_backlog_events: opts.backlog,
      pull_s: pullS,
      during,
      baseline,
      notes: [
        `checkin_p99_during_pull_ms: visits:checkIn through the router on a desk pulling a colleague's ${opts.backlog} check-in events (pages of 2,000, applied in slices of at most 20 ms / 400 events, each its own SQLite transaction, the event loop given a turn between slices) from HQ in a child process over loopback HTTP; a check-in is due every ${opts.intervalMs} ms and timed from when it was due; checkin_p99_no_pull_ms: the same desk and check-ins before the pull, same run.`,
      ],
    };
  } finally {
    for (const d of desks) await d.close().catch(() => undefined);
    await hqDb?.destroy();
    hq.child.kill('SIGTERM');
    await hq.exited;
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const backlog = Number(process.env.BENCH_PULL_BACKLOG ?? 25_000);
  const r = await measureCheckinDuringPull({
    backlog,
    intervalMs: Number(process.env.BENCH_PULL_CHECKIN_MS ?? 50),
    baselineCheckins: Number(process.env.BENCH_PULL_BASELINE ?? 200),
    log: (m) => process.stderr.write(`[bench] ${m}\n`),
  });
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
