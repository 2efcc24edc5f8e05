/**
 * Mail benchmarks: the register's history (raw prepared inserts, like past visits) and two measured
 * figures — mail_scan_in (one scanned item through the router: durable write, counter, read-back with
 * the batch count) and mail_lookup (a scanned tracking number found among every item ever registered).
 */
import type BetterSqlite3 from 'better-sqlite3';
import dayjs from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import { formatMailRegisterNo } from '../../shared/domain/numbering.js';
import { MAIL_KINDS } from '../../shared/domain/mail.js';
import type { TestDesk } from '../support/desk.js';
import { HexPool, int, pick, uuidv7At, type OccupantFixture, type Rand } from './fixtures.js';
import { summarize, timeAsync, type Summary } from './stats.js';

const COLUMNS = [
  'id',
  'batch_id',
  'register_no',
  'carrier',
  'tracking_no',
  'kind',
  'occupant_id',
  'unit_id',
  'unit_code',
  'recipient_name',
  'company',
  'location',
  'condition',
  'forward_until',
  'received_at',
  'received_by',
  'duplicate_of',
  'device_id',
  'notice_count',
  'last_notice_at',
  'last_notice_method',
  'status',
  'closed_at',
  'closed_by',
  'closing_event_id',
] as const;

const CARRIERS = ['中国邮政', 'EMS', '顺丰速运', '京东物流', '中通快递'];

export interface PastMailOptions {
  count: number;
  todayMs: number;
  days: number;
  siteCode: string;
  deviceCode: string;
  deviceId: string;
  actor: string;
  hosts: readonly OccupantFixture[];
}

/** `count` items over `days` days before today, ~97% picked up, 1% returned, the rest still on the shelf. */
export function insertPastMail(raw: BetterSqlite3.Database, o: PastMailOptions, rand: Rand): string[] {
  const insert = raw.prepare(`INSERT INTO mail_items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const flush = raw.transaction((rows: unknown[][]) => {
    for (const r of rows) insert.run(r);
  });
  const perDay = Math.ceil(o.count / o.days);
  if (perDay > 9999) throw new Error('too many items per day for 4-digit register numbers; raise days');
  const today = dayjs(o.todayMs).startOf('day');
  const pool = new HexPool();
  const sample: string[] = [];
  let rows: unknown[][] = [];
  let serial = 0;
  for (let made = 0, d = o.days; made < o.count; d--) {
    const day = today.subtract(d, 'day');
    const code = day.format('YYYYMMDD');
    const batch = uuidv7At(day.valueOf(), pool);
    for (let n = 1; n <= perDay && made < o.count; n++, made++) {
      const h = pick(rand, o.hosts);
      const at = day.valueOf() + int(rand, 8 * 60, 18 * 60) * 60_000;
      const tracking = `XA${String(++serial).padStart(10, '0')}CN`;
      const r = rand();
      const status = r < 0.97 ? 'picked_up' : r < 0.98 ? 'returned' : 'on_shelf';
      const closed = status === 'on_shelf' ? null : new Date(at + int(rand, 60, 5 * 24 * 60) * 60_000).toISOString();
      if (rand() < 2000 / o.count) sample.push(tracking);
      rows.push([
        uuidv7At(at, pool),
        batch,
        formatMailRegisterNo(o.siteCode, o.deviceCode, code, n),
        pick(rand, CARRIERS),
        tracking,
        pick(rand, MAIL_KINDS),
        h.id,
        h.unitId,
        h.unitCode,
        h.name,
        h.company,
        `A-${int(rand, 1, 9)}`,
        rand() < 0.01 ? 'damaged' : 'intact',
        null,
        new Date(at).toISOString(),
        o.actor,
        null,
        o.deviceId,
        0,
        null,
        null,
        status,
        closed,
        closed ? o.actor : null,
        null,
      ]);
      if (rows.length >= 100_000) flush(rows.splice(0));
    }
  }
  if (rows.length) flush(rows);
  rows = [];
  return sample;
}

export interface MailFigures {
  scanIn: Summary;
  lookup: Summary;
}

/** Scans in `scans` items in batches of 20 (after a warm-up), then looks up `lookups` tracking numbers from history. */
export async function measureMail(
  desk: TestDesk,
  o: { scans: number; lookups: number; warmup: number; hosts: readonly OccupantFixture[]; sample: string[] },
  rand: Rand,
): Promise<MailFigures> {
  const scanRuns: number[] = [];
  let batchId = uuidv7();
  for (let i = 0; i < o.warmup + o.scans; i++) {
    if (i % 20 === 0) batchId = uuidv7();
    const input = {
      itemId: uuidv7(),
      batchId,
      carrier: pick(rand, CARRIERS),
      trackingNo: `BN${String(i).padStart(10, '0')}`,
      kind: pick(rand, MAIL_KINDS),
      occupantId: pick(rand, o.hosts).id,
      location: 'A-1',
    };
    const ms = await timeAsync(async () => {
      const r = await desk.call('mail:receive', input);
      if (!r.ok) throw new Error(`scan-in failed: ${JSON.stringify(r.error)}`);
    });
    if (i >= o.warmup) scanRuns.push(ms);
    desk.clock.ms += 1000;
  }
  const lookupRuns: number[] = [];
  for (let i = 0; i < o.warmup + o.lookups; i++) {
    const trackingNo = pick(rand, o.sample);
    const ms = await timeAsync(async () => {
      const r = await desk.call('mail:lookup', { trackingNo });
      if (!r.ok || r.value.length !== 1) throw new Error(`lookup ${trackingNo} failed: ${JSON.stringify(r)}`);
    });
    if (i >= o.warmup) lookupRuns.push(ms);
  }
  return { scanIn: summarize(scanRuns), lookup: summarize(lookupRuns) };
}
