/**
 * HQ at company scale (`npm run bench`, or on its own: `npx tsx test/bench/hqLoad.ts`): N simulated
 * desks in a few load-generator processes (hqDesks.ts) against HQ in its own process(es) on the
 * embedded PostgreSQL, over real HTTP with the real protocol. First a paced phase — every desk pushes
 * BENCH_HQ_EVENTS check-ins every BENCH_HQ_INTERVAL_S and pulls its site — then a short saturated phase
 * (rounds back to back) for HQ's ingest limit, set against PostgreSQL's own COPY of the same rows into
 * the same events table. Then the same with the desks split between BENCH_HQ_PROCESSES HQs on one PostgreSQL.
 *
 * Env: BENCH_HQ_DESKS (default 50; full: 1000), BENCH_HQ_SECONDS (paced phase, default 20; full: 180),
 * BENCH_HQ_EVENTS (per push, default 20), BENCH_HQ_INTERVAL_S (default 30), BENCH_HQ_DESKS_PER_SITE
 * (default 4), BENCH_HQ_SAT_SECONDS (default 10), BENCH_HQ_DRIVERS (load-generator processes, default 2),
 * BENCH_HQ_PROCESSES (the split run's HQs, default 2; 0 skips it), BENCH_HQ_CPU_PROF (a folder: HQ runs
 * with --cpu-prof there and the top functions by self time are reported).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { connectHq } from '../../hq/src/pg/connect.js';
import { startEmbeddedPostgres } from '../../hq/src/pg/embedded.js';
import { migrateHq } from '../../hq/src/pg/migrations.js';
import { createSite, issueEnrollCode, writeMasterEvent } from '../../hq/src/store/admin.js';
import { freePort } from '../support/hq.js';
import { childrenOf, postgresOn } from '../support/hqProcess.js';
import { percentile, round } from './stats.js';
import type { DeskSpec, FromDriver, PhaseResult, PhaseSpec, ToDriver } from './hqDesks.js';
import { summarizeCpuProfiles } from './cpuProfile.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface HqLoadOptions {
  desks: number;
  seconds: number;
  eventsPerPush: number;
  intervalS: number;
  desksPerSite: number;
  satSeconds: number;
  drivers: number;
  hqProcesses: number;
  cpuProfDir?: string;
  log: (m: string) => void;
}

export interface HqLoadFigures {
  hq_processes: number;
  hq_events_per_s: number;
  hq_push_p50_ms: number;
  hq_push_p99_ms: number;
  hq_pull_p99_ms: number;
  hq_rss_mb: number;
  hq_errors: number;
  hq_ingest_events_per_s: number;
  hq_saturated_push_p99_ms: number;
  pg_copy_events_per_s: number;
  hq_ingest_vs_copy: number;
  pushes: number;
  pulls: number;
  events_pulled: number;
  error_samples: string[];
  /** CPU seconds over both phases: HQ process(es), PostgreSQL (all backends), the load generators. */
  cpu_s: { hq: number; postgres: number; drivers: number };
  cpu_profile?: { fn: string; self_ms: number; share: number }[];
}

/** utime + stime of a process in seconds (Linux /proc), 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

const rssMb = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** HQ as the administrator runs it (`hq/src/main.ts`), plain HTTP on loopback, on an existing PostgreSQL. */
export function startHq(
  databaseUrl: string,
  port: number,
  dataDir: string,
  cpuProfDir?: string,
): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    HQ_PORT: String(port),
    HQ_TLS: 'off',
    HQ_HOST: '127.0.0.1',
    HQ_DATA_DIR: dataDir,
  };
  // Only `npm run hq` itself sets it (HQ then stops with its npm); `npm run bench` must not pass it on.
  delete env.npm_lifecycle_event;
  const args = [...(cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : []), '--import', 'tsx', 'hq/src/main.ts'];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      if (out.length > 100_000) return; // only its start matters here
      out += chunk.toString('utf8');
      if (out.includes('"HQ listening"')) resolve();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => reject(new Error(`HQ exited (${code}) before listening:\n${out}`)));
  });
  ready.catch(() => {});
  return { child, ready, output: () => out };
}

function startDriver(): { child: ChildProcess; ask: (m: ToDriver) => Promise<FromDriver> } {
  const child = fork(join(root, 'test/bench/hqDesks.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (m: ToDriver) =>
    new Promise<FromDriver>((resolve, reject) => {
      child.once('message', (r: FromDriver) => (r.kind === 'failed' ? reject(new Error(r.message)) : resolve(r)));
      child.send(m);
    });
  return { child, ask };
}

const merge = (rs: PhaseResult[]): PhaseResult => ({
  name: rs[0].name,
  wallMs: Math.max(...rs.map((r) => r.wallMs)),
  pushMs: rs.flatMap((r) => r.pushMs),
  pullMs: rs.flatMap((r) => r.pullMs),
  eventsAcked: rs.reduce((s, r) => s + r.eventsAcked, 0),
  eventsPulled: rs.reduce((s, r) => s + r.eventsPulled, 0),
  errors: rs.reduce((s, r) => s + r.errors, 0),
  errorSamples: rs.flatMap((r) => r.errorSamples).slice(0, 5),
});

/**
 * PostgreSQL's limit for the same rows: the events HQ stored, written out by the server and then
 * COPYed back into the same (emptied) events table — same indexes, same foreign key — in one
 * transaction with synchronous_commit on. Server-side files: no client, no network in the way.
 */
async function copyBaseline(db: ReturnType<typeof connectHq>['db'], dir: string): Promise<{ rows: number; perS: number }> {
  const file = join(dir, 'events.copy');
  await sql.raw(`COPY events TO '${file}'`).execute(db);
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM events`.execute(db);
  await sql`TRUNCATE events CASCADE`.execute(db);
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = on`.execute(trx);
    await sql.raw(`COPY events FROM '${file}'`).execute(trx);
  });
  const s = (performance.now() - t0) / 1000;
  return { rows: Number(rows[0].n), perS: Number(rows[0].n) / s };
}

/** One run: a fresh PostgreSQL, `opts.hqProcesses` HQs on it, the desks split between them. */
export async function runHqLoad(opts: HqLoadOptions): Promise<HqLoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-hqload-'));
  // As root, PostgreSQL runs as the `postgres` user: it must reach its folder and write the COPY file.
  chmodSync(dir, 0o777);
  const pg = await startEmbeddedPostgres(join(dir, 'pg'), await freePort());
  const hqs: ReturnType<typeof startHq>[] = [];
  const drivers: ReturnType<typeof startDriver>[] = [];
  let hqDb: ReturnType<typeof connectHq>['db'] | undefined;
  try {
    await pg.createDatabase('lobbydesk_hq');
    // The administrator's connection: sites, staff and enrolment codes through HQ's own functions.
    hqDb = connectHq(pg.url('lobbydesk_hq'), 4).db;
    await migrateHq(hqDb);
    const specs: Omit<DeskSpec, 'url'>[] = [];
    const sites = Math.ceil(opts.desks / opts.desksPerSite);
    for (let s = 0; s < sites; s++) {
      const siteCode = `S${s + 1}`;
      const siteId = await createSite(hqDb, { code: siteCode, name: `测试大厦${s + 1}`, kind: 'mixed' });
      // The site's administrator, written at HQ: the desks' check-ins name them as actor.
      const actor = `admin-${siteCode}`;
      await writeMasterEvent(hqDb, siteId, 'StaffCreated', {
        staffId: actor,
        staffNo: '001',
        name: '管理员',
        role: 'admin',
        pinHash: 'x',
      });
      for (let d = 0; d < opts.desksPerSite && specs.length < opts.desks; d++) {
        const deviceCode = `D${d + 1}`;
        specs.push({ code: await issueEnrollCode(hqDb, siteId, deviceCode), siteCode, deviceCode, actor });
      }
    }
    const ports: number[] = [];
    for (let i = 0; i < opts.hqProcesses; i++) {
      const port = await freePort();
      ports.push(port);
      const profDir = opts.cpuProfDir ? join(opts.cpuProfDir, `hq${opts.hqProcesses}-${i}`) : undefined;
      if (profDir) mkdirSync(profDir, { recursive: true });
      hqs.push(startHq(pg.url('lobbydesk_hq'), port, join(dir, `hq${i}`), profDir));
    }
    await Promise.all(hqs.map((h) => h.ready));
    // Desk i talks to HQ i mod n, and is played by driver i mod drivers.
    for (let i = 0; i < opts.drivers; i++) drivers.push(startDriver());
    const byDriver = drivers.map(() => [] as DeskSpec[]);
    specs.forEach((s, i) => byDriver[i % drivers.length].push({ ...s, url: `http://127.0.0.1:${ports[i % ports.length]}` }));
    const enrolled = await Promise.all(drivers.map((d, i) => d.ask({ kind: 'enroll', desks: byDriver[i] })));
    const enrollErrors = enrolled.flatMap((e) => (e.kind === 'enrolled' ? e.errors : []));
    if (enrollErrors.length) throw new Error(`enrolment failed: ${enrollErrors.join('; ')}\n${hqs[0].output().slice(-3000)}`);
    opts.log(`hq load: ${specs.length} desks on ${sites} sites enrolled at ${opts.hqProcesses} HQ process(es)`);

    const pgPids = () => postgresOn(join(dir, 'pg')).flatMap((p) => [p, ...childrenOf(p)]);
    const cpu0 = { hq: hqs.map((h) => cpuSeconds(h.child.pid!)), pg: new Map(pgPids().map((p) => [p, cpuSeconds(p)])) };
    const drv0 = drivers.map((d) => cpuSeconds(d.child.pid!));
    let rss = 0;
    const sampler = setInterval(() => {
      for (const h of hqs) rss = Math.max(rss, rssMb(h.child.pid!));
    }, 500);
    const phase = async (p: PhaseSpec) => {
      const rs = await Promise.all(drivers.map((d) => d.ask({ kind: 'run', phase: p })));
      return merge(rs.map((r) => (r as Extract<FromDriver, { kind: 'result' }>).result));
    };
    const paced = await phase({
      name: 'paced',
      seconds: opts.seconds,
      intervalMs: opts.intervalS * 1000,
      eventsPerPush: opts.eventsPerPush,
    });
    opts.log(
      `hq load paced: ${paced.eventsAcked} events in ${round(paced.wallMs / 1000)} s, push p99 ${round(percentile(paced.pushMs, 99))} ms, ${paced.errors} errors`,
    );
    const sat = await phase({ name: 'saturated', seconds: opts.satSeconds, intervalMs: 0, eventsPerPush: opts.eventsPerPush });
    opts.log(`hq load saturated: ${sat.eventsAcked} events in ${round(sat.wallMs / 1000)} s, ${sat.errors} errors`);
    clearInterval(sampler);
    const pgCpu = pgPids().reduce((s, p) => s + cpuSeconds(p) - (cpu0.pg.get(p) ?? 0), 0);
    const cpu = {
      hq: round(
        hqs.reduce((s, h, i) => s + cpuSeconds(h.child.pid!) - cpu0.hq[i], 0),
        1,
      ),
      postgres: round(pgCpu, 1),
      drivers: round(
        drivers.reduce((s, d, i) => s + cpuSeconds(d.child.pid!) - drv0[i], 0),
        1,
      ),
    };
    await stopAll(hqs.map((h) => h.child));
    const copy = await copyBaseline(hqDb, dir);
    const ingest = sat.eventsAcked / (sat.wallMs / 1000);
    const figures: HqLoadFigures = {
      hq_processes: opts.hqProcesses,
      hq_events_per_s: round(paced.eventsAcked / (paced.wallMs / 1000)),
      hq_push_p50_ms: round(percentile(paced.pushMs, 50)),
      hq_push_p99_ms: round(percentile(paced.pushMs, 99)),
      hq_pull_p99_ms: round(percentile(paced.pullMs, 99)),
      hq_rss_mb: round(rss, 0),
      hq_errors: paced.errors + sat.errors,
      hq_ingest_events_per_s: round(ingest),
      hq_saturated_push_p99_ms: round(percentile(sat.pushMs, 99)),
      pg_copy_events_per_s: round(copy.perS),
      hq_ingest_vs_copy: round(ingest / copy.perS, 3),
      pushes: paced.pushMs.length + sat.pushMs.length,
      pulls: paced.pullMs.length + sat.pullMs.length,
      events_pulled: paced.eventsPulled + sat.eventsPulled,
      error_samples: [...paced.errorSamples, ...sat.errorSamples].slice(0, 5),
      cpu_s: cpu,
    };
    if (opts.cpuProfDir) figures.cpu_profile = summarizeCpuProfiles(join(opts.cpuProfDir, `hq${opts.hqProcesses}-0`), 15);
    return figures;
  } finally {
    for (const d of drivers) d.child.kill('SIGTERM');
    await stopAll(hqs.map((h) => h.child));
    await hqDb?.destroy();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SIGTERM, as the administrator's service manager stops HQ (it closes the server, then its pool). */
async function stopAll(children: ChildProcess[]) {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
}

const envInt = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
  return n;
};

export function hqLoadOptionsFromEnv(log: (m: string) => void): HqLoadOptions {
  return {
    desks: Math.max(1, envInt('BENCH_HQ_DESKS', 50)),
    seconds: Math.max(1, envInt('BENCH_HQ_SECONDS', 20)),
    eventsPerPush: Math.max(1, envInt('BENCH_HQ_EVENTS', 20)),
    intervalS: Math.max(1, envInt('BENCH_HQ_INTERVAL_S', 30)),
    desksPerSite: Math.max(1, Math.min(9, envInt('BENCH_HQ_DESKS_PER_SITE', 4))),
    satSeconds: Math.max(1, envInt('BENCH_HQ_SAT_SECONDS', 10)),
    drivers: Math.max(1, envInt('BENCH_HQ_DRIVERS', 2)),
    hqProcesses: envInt('BENCH_HQ_PROCESSES', 2),
    cpuProfDir: process.env.BENCH_HQ_CPU_PROF || undefined,
    log,
  };
}

/** One HQ, then (unless BENCH_HQ_PROCESSES=0 or 1) the desks split between several HQs on one PostgreSQL. */
export async function measureHqLoad(
  opts: HqLoadOptions,
): Promise<{ one: HqLoadFigures; split: HqLoadFigures | null; notes: string[] }> {
  const one = await runHqLoad({ ...opts, hqProcesses: 1 });
  const split = opts.hqProcesses > 1 ? await runHqLoad(opts) : null;
  return {
    one,
    split,
    notes: [
      `hq load: ${opts.desks} desks (${opts.desksPerSite} a site) played by ${opts.drivers} load-generator processes over loopback HTTP against HQ (hq/src/main.ts, its own process, pino logging as in the field: errors, failed and slow requests, pushes with rejections) on embedded PostgreSQL (synchronous_commit=on, fsync on). Each round as electron/sync/client.ts does it: handshake, push ${opts.eventsPerPush} VisitorCheckedIn events, pull the site until no more; every answer parsed with shared/sync/protocol.ts. Paced phase: a round every ${opts.intervalS} s per desk (desks out of step) for ${opts.seconds} s; hq_events_per_s is the acknowledged events over that phase (the offered rate is ${round((opts.desks * opts.eventsPerPush) / opts.intervalS)} events/s).`,
      `hq_ingest_events_per_s: ${opts.satSeconds} s with every desk's rounds back to back (HQ's limit with batches of ${opts.eventsPerPush}); pg_copy_events_per_s: the rows HQ stored, COPYed by the server from a file into the same emptied events table (its indexes and foreign key) in one durable transaction; hq_ingest_vs_copy = the two. hq_errors counts failed rounds (non-2xx, network, rejection or wrong ack) in both phases; hq_rss_mb the largest HQ process RSS.`,
      ...(split ? [`hq load split: the same desks, desk i at HQ process i mod ${opts.hqProcesses}, all on one PostgreSQL.`] : []),
    ],
  };
}

export const HQ_LOAD_KEYS = [
  'hq_events_per_s',
  'hq_push_p50_ms',
  'hq_push_p99_ms',
  'hq_pull_p99_ms',
  'hq_rss_mb',
  'hq_errors',
  'hq_ingest_events_per_s',
  'pg_copy_events_per_s',
  'hq_ingest_vs_copy',
  'hq2_events_per_s',
  'hq2_push_p50_ms',
  'hq2_push_p99_ms',
  'hq2_pull_p99_ms',
  'hq2_rss_mb',
  'hq2_errors',
  'hq2_ingest_events_per_s',
] as const;

/** The bench's top-level keys: the one-HQ run as `hq_*`, the split run as `hq2_*` (absent when skipped). */
export function hqLoadKeys(r: { one: HqLoadFigures; split: HqLoadFigures | null }): Record<string, number> {
  const pick = (f: HqLoadFigures, prefix: string) => ({
    [`${prefix}_events_per_s`]: f.hq_events_per_s,
    [`${prefix}_push_p50_ms`]: f.hq_push_p50_ms,
    [`${prefix}_push_p99_ms`]: f.hq_push_p99_ms,
    [`${prefix}_pull_p99_ms`]: f.hq_pull_p99_ms,
    [`${prefix}_rss_mb`]: f.hq_rss_mb,
    [`${prefix}_errors`]: f.hq_errors,
    [`${prefix}_ingest_events_per_s`]: f.hq_ingest_events_per_s,
  });
  return {
    ...pick(r.one, 'hq'),
    pg_copy_events_per_s: r.one.pg_copy_events_per_s,
    hq_ingest_vs_copy: r.one.hq_ingest_vs_copy,
    ...(r.split ? pick(r.split, 'hq2') : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await measureHqLoad(hqLoadOptionsFromEnv((m) => process.stderr.write(`[bench] ${m}\n`)));
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
