/**
 * checkin_vs_same_rows on its own, on a smaller desk than `npm run bench` builds:
 * `BENCH_VISITS=50000 BENCH_CHECKINS=300 npx tsx test/bench/checkinSameRows.ts`. A desk set up through
 * the router, BENCH_OCCUPANTS occupants and BENCH_VISITS past visits inserted as the fixture does, then
 * check-ins through the router interleaved with the same rows written by hand (sameRows.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getSiteIdentity } from '../../db/meta.js';
import { dailyRetentionAndBackup } from '../../electron/retention.js';
import type { ProcInput } from '../../shared/api/contract.js';
import { ADMIN, importSampleDirectory, newRequestId, openTestDesk, TestClock, type TestDesk } from '../support/desk.js';
import {
  generateDirectory,
  generateVisitors,
  insertDirectory,
  insertPastVisits,
  PastEventLog,
  pick,
  seededRandom,
  type OccupantFixture,
  type Rand,
  type VisitorFixture,
} from './fixtures.js';
import { againstSameRows, type AgainstSameRows } from './sameRows.js';
import { timeAsync } from './stats.js';

/** A check-in as the visitor form sends it. */
export function checkInFor(v: VisitorFixture, host: OccupantFixture, rand: Rand): ProcInput<'visits:checkIn'> {
  return {
    requestId: newRequestId(),
    visitor: { name: v.name, phone: v.phone, idType: v.idType, idNumber: v.idNumber },
    partySize: rand() < 0.85 ? 1 : 2,
    hostOccupantId: host.id,
    purpose: pick(rand, ['拜访', '送货', '维修', '面试']),
    plate: '',
    expectedMinutes: 120,
    ...(rand() < 0.3 ? { hostConfirmation: { confirmedBy: host.name, method: 'phone' as const } } : {}),
  };
}

/** Pass numbers are 4 digits per desk and day: move to the next day well before 9999. */
const CHECKINS_PER_DAY = 5000;

/** Check-ins through the router on `desk` against the same rows by hand, on a copy of its file. */
export async function measureCheckinVsSameRows(o: {
  desk: TestDesk;
  dbFile: string;
  copyFile: string;
  warmup: number;
  measured: number;
  block: number;
  hosts: readonly OccupantFixture[];
  visitors: readonly VisitorFixture[];
  rand: Rand;
}): Promise<AgainstSameRows> {
  const { desk, clock } = { desk: o.desk, clock: o.desk.clock };
  let today = 0;
  return againstSameRows({
    raw: desk.backend.database.raw,
    dbFile: o.dbFile,
    copyFile: o.copyFile,
    warmup: o.warmup,
    measured: o.measured,
    block: o.block,
    write: async () => {
      if (today >= CHECKINS_PER_DAY) {
        // Next morning: the counter starts again; the idle lock wants the PIN again.
        clock.ms = new Date(clock.now()).setHours(8, 0, 0, 0) + 86_400_000;
        await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
        today = 0;
      }
      const input = checkInFor(pick(o.rand, o.visitors), pick(o.rand, o.hosts), o.rand);
      const ms = await timeAsync(async () => {
        const r = await desk.call('visits:checkIn', input);
        if (!r.ok) throw new Error(`check-in failed: ${JSON.stringify(r.error)}`);
      });
      today++;
      clock.ms += 2000;
      return ms;
    },
  });
}

const env = (k: string, d: number) => Number((process.env[k] ?? String(d)).replace(/_/g, ''));

/** A desk set up through the router with BENCH_OCCUPANTS occupants and BENCH_VISITS past visits, each with its events in the log (fixtures.ts). */
export async function buildBenchDesk(dataDir: string, clock = new TestClock()) {
  const rand = seededRandom(env('BENCH_SEED', 20261122));
  const desk = await openTestDesk({ dataDir, clock });
  await importSampleDirectory(desk);
  const raw = desk.backend.database.raw;
  const site = (await getSiteIdentity(desk.backend.services.db))!;
  const codes = new Set((raw.prepare('SELECT code FROM units').all() as { code: string }[]).map((u) => u.code));
  const dir = generateDirectory(rand, env('BENCH_OCCUPANTS', 20_000), codes);
  insertDirectory(raw, dir);
  const visitors = generateVisitors(rand, 5000);
  const admin = (raw.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
  const visits = env('BENCH_VISITS', 50_000);
  insertPastVisits(
    raw,
    {
      count: visits,
      todayMs: clock.ms,
      days: 3 * 365,
      siteCode: site.siteCode,
      deviceCode: site.deviceCode,
      deviceId: site.deviceId,
      actor: admin,
      hosts: dir.occupants,
      visitors,
      events: new PastEventLog(raw, site),
    },
    rand,
  );
  // Last night's daily run, as run.ts does: the history is what the product's retention pass leaves.
  await dailyRetentionAndBackup(desk.backend.services, raw, dataDir);
  return { desk, rand, hosts: dir.occupants, visitors, visits };
}

async function main() {
  const root = mkdtempSync(join(os.tmpdir(), 'lobbydesk-bench-checkin-'));
  const { desk, rand, hosts, visitors } = await buildBenchDesk(join(root, 'desk'));
  try {
    const r = await measureCheckinVsSameRows({
      desk,
      dbFile: join(root, 'desk', 'lobbydesk.sqlite'),
      copyFile: join(root, 'same-rows.sqlite'),
      warmup: 50,
      measured: env('BENCH_CHECKINS', 300),
      block: 50,
      hosts,
      visitors,
      rand,
    });
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } finally {
    await desk.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
