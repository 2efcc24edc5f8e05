/**
 * Intake benchmarks on their own desk: ticket_create_p99_ms (router write, durable), board_ms (the
 * open tickets among BENCH_TICKETS past ones, default 500,000) and monthly_stats_ms (a month of a
 * year at BENCH_TICKETS_PER_DAY, default 100). Past tickets are raw prepared inserts, like past visits.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { dailyRetentionAndBackup } from '../../electron/retention.js';
import { importSampleDirectory, newRequestId, TestClock, openTestDesk } from '../support/desk.js';
import { formatTicketNo } from '../../shared/domain/tickets.js';
import { summarize, timeAsync, type Summary } from './stats.js';
import { int, pick, type Rand } from './fixtures.js';

const DAY = 86_400_000;
const KINDS = ['repair', 'repair', 'repair', 'complaint', 'inquiry', 'suggestion'] as const;
const CATS = [
  ['in_unit', 'plumbing', 'blocked_drain', '户内 / 给排水 / 下水堵塞'],
  ['in_unit', 'leak', 'ceiling', '户内 / 渗漏水 / 天花渗水'],
  ['common', 'elevator', 'noise', '公共区域 / 电梯 / 异响'],
  ['service', 'fees', 'bill', '服务与收费 / 收费 / 账单疑问'],
] as const;

export interface TicketFigures {
  create: Summary;
  board: Summary;
  monthly: Summary;
  openTickets: number;
  pastTickets: number;
}

function insertPastTickets(raw: BetterSqlite3.Database, count: number, perDay: number, todayMs: number, rand: Rand): number {
  const t =
    raw.prepare(`INSERT INTO tickets (id, request_id, ticket_no, kind, channel, occupant_id, customer_name, unit_code, company,
    customer_phone, anonymous, receiver_id, receiver_name, occurred_at, location, concerned, description, wants, place, category, problem,
    label, callback_class, severity, urgency, paid, charge_fen, convenient_time, leak_test_date, promised_reply_at, customer_deadline,
    target_occupant_id, target_name, target_unit, opened_at, intake_deadlines, duplicate_of, state, is_open, reopen_count, department,
    assignee, deferred_until, defer_reason, cancel_reason, resolved_at, closed_at, last_callback, next_due_at, last_activity_at,
    flagged_count, device_id) VALUES (?, ?, ?, ?, 'phone', NULL, '张三', ?, '', '13800138000', 0, 'x', '前台', NULL, '', '', '描述', '',
    ?, ?, ?, ?, 'other', ?, ?, 0, 0, '', NULL, NULL, NULL, NULL, NULL, NULL, ?, '[]', NULL, ?, ?, 0, '工程部', '', NULL, NULL, NULL, ?, ?,
    ?, ?, ?, 0, 'dev')`);
  const dl = raw.prepare('INSERT INTO ticket_deadlines (ticket_id, n, type, due_at, met_at) VALUES (?, ?, ?, ?, ?)');
  const st = raw.prepare(
    `INSERT INTO ticket_steps (id, ticket_id, hlc, at, sort, actor, text, detail, flagged) VALUES (?, ?, ?, ?, ?, 'x', '', '{}', 0)`,
  );
  let open = 0;
  const flush = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = Math.floor(i / perDay);
      const openedMs = todayMs - (Math.ceil(count / perDay) - day) * DAY + int(rand, 8 * 60, 20 * 60) * 60_000;
      const opened = new Date(openedMs).toISOString();
      const kind = pick(rand, KINDS);
      const [place, category, problem, label] = pick(rand, CATS);
      // The last two weeks still have open tickets; everything older is closed.
      const isOpen = openedMs > todayMs - 14 * DAY && rand() < 0.1;
      if (isOpen) open++;
      const resolved = isOpen ? null : new Date(openedMs + int(rand, 1, 72) * 3_600_000).toISOString();
      const due = new Date(openedMs + 3 * DAY).toISOString();
      const id = randomUUID();
      const dayCode = new Date(openedMs + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
      t.run(
        id,
        randomUUID(),
        `${formatTicketNo('HY', 'Z9', dayCode, (i % perDay) + 1)}-${i}`,
        kind,
        `${int(rand, 1, 30)}-${int(rand, 1, 4)}-${int(rand, 1, 30)}01`,
        place,
        category,
        problem,
        label,
        kind === 'complaint' ? 'minor' : null,
        kind === 'repair' ? 'normal' : null,
        opened,
        isOpen ? 'dispatched' : 'closed',
        isOpen ? 1 : 0,
        resolved,
        resolved ? new Date(Date.parse(resolved) + DAY).toISOString() : null,
        resolved ? pick(rand, ['callback_satisfied', 'callback_satisfied', 'callback_not_satisfied']) : null,
        isOpen ? due : null,
        opened,
      );
      dl.run(id, 0, 'resolve', due, resolved);
      if (resolved) st.run(randomUUID(), id, opened, resolved, pick(rand, ['callback_satisfied', 'callback_not_satisfied']));
    }
  });
  for (let i = 0; i < count; i += 50_000) flush(i, Math.min(count, i + 50_000));
  return open;
}

export async function measureTickets(
  o: { past: number; perDay: number; creates: number; runs: number },
  rand: Rand,
): Promise<TicketFigures> {
  const clock = new TestClock();
  const desk = await openTestDesk({ clock });
  try {
    await importSampleDirectory(desk);
    const open = insertPastTickets(desk.backend.database.raw, o.past, o.perDay, clock.ms, rand);
    // No ANALYZE of the bench's own: the statistics are what the product keeps, here its daily run
    // (retention pass, backup, PRAGMA optimize) after the day's tickets, as a desk does at night.
    await dailyRetentionAndBackup(desk.backend.services, desk.backend.database.raw, desk.dataDir);
    const [host] = await desk.ok('directory:search', { q: '张三' });
    const creates: number[] = [];
    for (let i = 0; i < 50 + o.creates; i++) {
      const input = {
        requestId: newRequestId(),
        kind: 'repair' as const,
        channel: 'walk_in' as const,
        occupantId: host.occupantId,
        urgency: 'urgent' as const,
        description: '下水堵塞',
        place: 'in_unit',
        category: pick(rand, ['plumbing', 'electric', 'door_access', 'other']),
        problem: 'other',
        confirmDuplicate: true,
      };
      input.problem = { plumbing: 'tap', electric: 'light', door_access: 'lock', other: 'other' }[input.category]!;
      const ms = await timeAsync(async () => {
        const r = await desk.call('tickets:create', input);
        if (!r.ok) throw new Error(`ticket create failed: ${JSON.stringify(r.error)}`);
      });
      if (i >= 50) creates.push(ms);
      clock.ms += 1000;
      // Ticket numbers are 4 digits per desk and day.
      if (i % 5000 === 4999) clock.ms += DAY;
    }
    const board: number[] = [];
    for (let i = 0; i < o.runs + 5; i++) {
      const ms = await timeAsync(() => desk.ok('tickets:board', {}));
      if (i >= 5) board.push(ms);
    }
    const d = new Date(clock.ms - 20 * DAY + 8 * 3_600_000);
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const monthly: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(o.runs / 4)) + 2; i++) {
      const ms = await timeAsync(() => desk.ok('tickets:stats', { month }));
      if (i >= 2) monthly.push(ms);
    }
    return {
      create: summarize(creates),
      board: summarize(board),
      monthly: summarize(monthly),
      openTickets: open,
      pastTickets: o.past,
    };
  } finally {
    await desk.close();
  }
}
