/**
 * Release-pass benchmarks: the fixture of past passes (raw prepared inserts, like past visits) and the
 * two measured figures, pass_issue (router write + print job, durable) and pass_verify (lookup by code).
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import dayjs from 'dayjs';
import { maskIdNumber } from '../../shared/domain/mask.js';
import { formatReleasePassNo } from '../../shared/domain/numbering.js';
import type { ProcInput } from '../../shared/api/contract.js';
import { newRequestId, type TestDesk } from '../support/desk.js';
import { HexPool, int, pick, uuidv7At, type OccupantFixture, type Rand, type VisitorFixture } from './fixtures.js';
import { summarize, timeAsync, type Summary } from './stats.js';

const COLUMNS = [
  'id',
  'request_id',
  'pass_no',
  'unit_id',
  'unit_code',
  'occupant_id',
  'occupant_name',
  'company',
  'applicant_name',
  'applicant_phone',
  'id_type',
  'id_number_masked',
  'relation',
  'authority_occupant_id',
  'authority_name',
  'authority_method',
  'items',
  'total_quantity',
  'reason',
  'reason_note',
  'whole_unit',
  'carrier',
  'plate',
  'valid_from',
  'valid_until',
  'issued_at',
  'arrears_fen',
  'arrears_approved_by',
  'arrears_reason',
  'note',
  'status',
  'closed_at',
  'closed_by',
  'cancel_reason',
  'released_items',
  'release_partial',
  'release_note',
  'actor',
  'device_id',
] as const;

const ITEMS = ['沙发', '冰箱', '纸箱', '洗衣机', '衣柜', '电视', '床垫', '书桌'];

export interface PastPassesOptions {
  count: number;
  todayMs: number;
  days: number;
  siteCode: string;
  deviceCode: string;
  deviceId: string;
  actor: string;
  owners: readonly OccupantFixture[];
  visitors: readonly VisitorFixture[];
}

/**
 * `count` past passes spread evenly over `days` days before today, numbered gaplessly per day like the
 * desk's; ~90% released, ~5% cancelled, the rest expired unused. Returns a sample of pass numbers to verify.
 */
export function insertPastPasses(raw: BetterSqlite3.Database, o: PastPassesOptions, rand: Rand): string[] {
  const insert = raw.prepare(`INSERT INTO release_passes (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const flush = raw.transaction((rows: unknown[][]) => {
    for (const r of rows) insert.run(r);
  });
  const perDay = Math.ceil(o.count / o.days);
  if (perDay > 9999) throw new Error('too many passes per day for 4-digit pass numbers; raise days');
  const today = dayjs(o.todayMs).startOf('day');
  const pool = new HexPool();
  const sample: string[] = [];
  let rows: unknown[][] = [];
  for (let made = 0, d = o.days; made < o.count; d--) {
    const day = today.subtract(d, 'day');
    const code = day.format('YYYYMMDD');
    for (let n = 1; n <= perDay && made < o.count; n++, made++) {
      const owner = pick(rand, o.owners);
      const v = pick(rand, o.visitors);
      const issued = day.valueOf() + int(rand, 8 * 60, 18 * 60) * 60_000;
      const until = issued + 4 * 3_600_000;
      const items = Array.from({ length: int(rand, 1, 4) }, () => ({
        description: pick(rand, ITEMS),
        quantity: int(rand, 1, 6),
      }));
      const r = rand();
      const status = r < 0.9 ? 'released' : r < 0.95 ? 'cancelled' : 'issued';
      const closed = status === 'issued' ? null : new Date(issued + int(rand, 10, 200) * 60_000).toISOString();
      const passNo = formatReleasePassNo(o.siteCode, o.deviceCode, code, n);
      if (rand() < 2000 / o.count) sample.push(passNo);
      rows.push([
        uuidv7At(issued, pool),
        randomUUID(),
        passNo,
        owner.unitId,
        owner.unitCode,
        owner.id,
        owner.name,
        owner.company,
        owner.name,
        v.phone,
        v.idType,
        maskIdNumber(v.idNumber),
        'owner',
        null,
        null,
        null,
        JSON.stringify(items),
        items.reduce((s, i) => s + i.quantity, 0),
        pick(rand, ['moving_out', 'repair', 'disposal']),
        '',
        0,
        '',
        '',
        new Date(issued).toISOString(),
        new Date(until).toISOString(),
        new Date(issued).toISOString(),
        0,
        null,
        '',
        '',
        status,
        closed,
        closed ? o.actor : null,
        status === 'cancelled' ? '改期' : null,
        status === 'released' ? JSON.stringify(items.map((i) => i.quantity)) : null,
        0,
        status === 'released' ? '' : null,
        o.actor,
        o.deviceId,
      ]);
      if (rows.length >= 100_000) flush(rows.splice(0));
    }
  }
  if (rows.length) flush(rows);
  rows = [];
  return sample;
}

/** A pass as the desk's form sends it: the owner applies for two to four lines of goods, valid 4 hours. */
function issueInput(owner: OccupantFixture, v: VisitorFixture, now: Date, rand: Rand): ProcInput<'passes:issue'> {
  return {
    requestId: newRequestId(),
    occupantId: owner.id,
    applicant: { name: owner.name, phone: v.phone, idType: v.idType, idNumber: v.idNumber },
    relation: 'owner',
    items: Array.from({ length: int(rand, 2, 4) }, () => ({ description: pick(rand, ITEMS), quantity: int(rand, 1, 6) })),
    reason: pick(rand, ['moving_out', 'repair', 'disposal'] as const),
    carrier: '蚂蚁搬家',
    validFrom: now.toISOString(),
    validUntil: new Date(now.getTime() + 4 * 3_600_000).toISOString(),
  };
}

export interface PassFigures {
  issue: Summary;
  verify: Summary;
  verifyVerdicts: Record<string, number>;
}

/** Issues `issues` passes (after a warm-up) and verifies `verifies` codes drawn from history, through the router. */
export async function measurePasses(
  desk: TestDesk,
  o: {
    issues: number;
    verifies: number;
    warmup: number;
    owners: readonly OccupantFixture[];
    visitors: readonly VisitorFixture[];
    sample: string[];
  },
  rand: Rand,
): Promise<PassFigures> {
  const issueRuns: number[] = [];
  for (let i = 0; i < o.warmup + o.issues; i++) {
    const input = issueInput(pick(rand, o.owners), pick(rand, o.visitors), desk.clock.now(), rand);
    const ms = await timeAsync(async () => {
      const r = await desk.call('passes:issue', input);
      if (!r.ok) throw new Error(`pass issue failed: ${JSON.stringify(r.error)}`);
    });
    if (i >= o.warmup) issueRuns.push(ms);
    desk.clock.ms += 1000;
  }
  const verifyRuns: number[] = [];
  const verdicts: Record<string, number> = {};
  for (let i = 0; i < o.warmup + o.verifies; i++) {
    const code = pick(rand, o.sample);
    let verdict = '';
    const ms = await timeAsync(async () => {
      const r = await desk.call('passes:verify', { code });
      if (!r.ok) throw new Error(`verify ${code} failed: ${JSON.stringify(r.error)}`);
      verdict = r.value.pass.verdict;
    });
    if (i >= o.warmup) {
      verifyRuns.push(ms);
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    }
  }
  return { issue: summarize(issueRuns), verify: summarize(verifyRuns), verifyVerdicts: verdicts };
}
