import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import * as q from '../../../db/queries/tickets.js';
import { DEADLINE_TYPES } from '../../../shared/domain/ticketDeadlines.js';
import { deskDate, deskTime } from '../../../shared/domain/deskTime.js';
import { maskPhone } from '../../../shared/domain/mask.js';
import type { TicketStats } from '../../../shared/api/ticketSchemas.js';

/** A month `YYYY-MM` as the site's calendar bounds. */
export function monthBounds(month: string): { fromIso: string; toIso: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    fromIso: deskDate(`${month}-01`).toISOString(),
    toIso: deskDate(`${next}-01`).toISOString(),
  };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The monthly summary the seeds ask for (000, 002): counts, on-time rates, callbacks, satisfaction, recurring problems. */
export async function monthlyStats(db: Kysely<Database>, month: string, now: Date): Promise<TicketStats> {
  const { fromIso, toIso } = monthBounds(month);
  const byKind = await q.countBy(db, 'kind', fromIso, toIso);
  const onTimeRows = await q.onTimeByType(db, fromIso, toIso, now.toISOString());
  const cb = await q.callbackRate(db, fromIso, toIso);
  const sat = await q.satisfaction(db, fromIso, toIso);
  return {
    month,
    total: byKind.reduce((n, k) => n + k.count, 0),
    byKind,
    byCategory: await q.countBy(db, 'category', fromIso, toIso),
    byChannel: await q.countBy(db, 'channel', fromIso, toIso),
    onTime: DEADLINE_TYPES.map((type) => {
      const r = onTimeRows.find((x) => x.type === type);
      return { type, due: r?.due ?? 0, onTime: r?.onTime ?? 0, rate: rate(r?.onTime ?? 0, r?.due ?? 0) };
    }),
    callback: { ...cb, rate: rate(cb.calledBack, cb.resolved) },
    satisfaction: { ...sat, rate: rate(sat.satisfied, sat.satisfied + sat.notSatisfied) },
    recurring: await q.recurring(db, fromIso, toIso),
    paidChargeFen: await q.paidChargeFen(db, fromIso, toIso),
  };
}

/**
 * The month as a workbook for the supervisor: the summary and every ticket. An anonymous
 * complainant's identity is never written to the file, whoever exports it.
 */
export async function monthlyWorkbook(db: Kysely<Database>, month: string, s: TicketStats): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('汇总 Summary');
  sum.addRow(['月份 Month', month]);
  sum.addRow(['总数 Total', s.total]);
  sum.addRow([]);
  sum.addRow(['类型 Kind', '件数 Count']);
  for (const k of s.byKind) sum.addRow([k.key, k.count]);
  sum.addRow([]);
  sum.addRow(['渠道 Channel', '件数 Count']);
  for (const k of s.byChannel) sum.addRow([k.key, k.count]);
  sum.addRow([]);
  sum.addRow(['类别 Category', '件数 Count']);
  for (const k of s.byCategory) sum.addRow([k.key, k.count]);
  sum.addRow([]);
  sum.addRow(['时限 Deadline', '到期 Due', '按时 On time', '按时率 % On-time rate']);
  for (const o of s.onTime) sum.addRow([o.type, o.due, o.onTime, o.rate ?? '']);
  sum.addRow([]);
  sum.addRow(['回访率 % Callback rate', s.callback.rate ?? '', `${s.callback.calledBack}/${s.callback.resolved}`]);
  sum.addRow([
    '满意率 % Satisfaction',
    s.satisfaction.rate ?? '',
    `${s.satisfaction.satisfied}/${s.satisfaction.satisfied + s.satisfaction.notSatisfied}`,
  ]);
  sum.addRow(['有偿维修 Paid repairs (元)', s.paidChargeFen / 100]);
  sum.addRow([]);
  sum.addRow(['重复问题 Recurring: 单元 Unit', '类别 Category', '次数 Count']);
  for (const r of s.recurring) sum.addRow([r.unitCode, r.label, r.count]);

  const list = wb.addWorksheet('明细 Tickets');
  list.addRow([
    '编号 No.',
    '类型 Kind',
    '渠道 Channel',
    '受理时间 Opened',
    '单元 Unit',
    '客户 Customer',
    '电话 Phone',
    '分类 Category',
    '级别 Level',
    '状态 State',
    '重开 Reopened',
    '有偿 Paid',
    '费用(元) Charge',
  ]);
  const { fromIso, toIso } = monthBounds(month);
  for (const t of await q.ticketsOpenedBetween(db, fromIso, toIso)) {
    const anon = t.anonymous === 1;
    list.addRow([
      t.ticket_no,
      t.kind,
      t.channel,
      deskTime(t.opened_at).format('YYYY-MM-DD HH:mm'),
      anon ? '' : t.unit_code,
      anon ? '匿名 Anonymous' : t.customer_name || t.company,
      anon || !t.customer_phone ? '' : maskPhone(t.customer_phone),
      t.label,
      t.severity ?? t.urgency ?? '',
      t.state,
      t.reopen_count,
      t.paid ? '是' : '',
      t.charge_fen / 100,
    ]);
  }
  list.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
