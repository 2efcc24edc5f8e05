import { newWorkbook } from '../../../shared/import/excel.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import * as q from '../../../db/queries/tickets.js';
import { percentRate as rate } from '../../../shared/domain/ticketStats.js';
import { DEADLINE_TYPES } from '../../../shared/domain/ticketDeadlines.js';
import { monthBounds } from '../../../shared/domain/deskTime.js';
import { fmtDateTime } from '../../../shared/print/format.js';
import { EXPORT_WORDS, wordFor } from '../../../shared/export/exportWords.js';
import type { PrintLocale } from '../../../shared/i18n/print.js';
import type { ClassifierTree } from '../../../shared/api/ticketSchemas.js';
import { maskPhone } from '../../../shared/domain/mask.js';
import type { TicketStats } from '../../../shared/api/ticketSchemas.js';

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

/** A category code as the classifier names it in the desk's language, as the statistics page does. */
const categoryName = (tree: ClassifierTree, code: string, locale: PrintLocale) =>
  tree.flatMap((p) => p.categories).find((c) => c.code === code)?.[locale === 'en' ? 'en' : 'zh'] ?? code;

/**
 * The month as a workbook for the supervisor: the summary and every ticket, in the desk's language and
 * on the site's clock. An anonymous complainant's identity is never written to the file, whoever exports it.
 */
export async function monthlyWorkbook(
  db: Kysely<Database>,
  month: string,
  s: TicketStats,
  locale: PrintLocale,
  tree: ClassifierTree,
): Promise<Buffer> {
  const X = EXPORT_WORDS[locale];
  const H = X.stats;
  const wb = await newWorkbook();
  const sum = wb.addWorksheet(X.sheets.summary);
  sum.addRow([H.month, month]);
  sum.addRow([H.total, s.total]);
  sum.addRow([]);
  sum.addRow([H.kind, H.count]);
  for (const k of s.byKind) sum.addRow([wordFor(X.kind, k.key), k.count]);
  sum.addRow([]);
  sum.addRow([H.channel, H.count]);
  for (const k of s.byChannel) sum.addRow([wordFor(X.channel, k.key), k.count]);
  sum.addRow([]);
  sum.addRow([H.category, H.count]);
  for (const k of s.byCategory) sum.addRow([categoryName(tree, k.key, locale), k.count]);
  sum.addRow([]);
  sum.addRow([H.deadline, H.due, H.onTime, H.onTimeRate]);
  for (const o of s.onTime) sum.addRow([wordFor(X.deadline, o.type), o.due, o.onTime, o.rate ?? '']);
  sum.addRow([]);
  sum.addRow([H.callbackRate, s.callback.rate ?? '', `${s.callback.calledBack}/${s.callback.resolved}`]);
  sum.addRow([
    H.satisfaction,
    s.satisfaction.rate ?? '',
    `${s.satisfaction.satisfied}/${s.satisfaction.satisfied + s.satisfaction.notSatisfied}`,
  ]);
  sum.addRow([H.paidRepairs, s.paidChargeFen / 100]);
  sum.addRow([]);
  sum.addRow([H.recurringUnit, H.category, H.times]);
  for (const r of s.recurring) sum.addRow([r.unitCode, r.label, r.count]);

  const list = wb.addWorksheet(X.sheets.tickets);
  list.addRow([
    H.no,
    H.kind,
    H.channel,
    H.opened,
    H.unit,
    H.customer,
    H.phone,
    H.problem,
    H.level,
    H.state,
    H.reopened,
    H.paid,
    H.charge,
  ]);
  const { fromIso, toIso } = monthBounds(month);
  for (const t of await q.ticketsOpenedBetween(db, fromIso, toIso)) {
    const anon = t.anonymous === 1;
    list.addRow([
      t.ticket_no,
      wordFor(X.kind, t.kind),
      wordFor(X.channel, t.channel),
      fmtDateTime(t.opened_at),
      anon ? '' : t.unit_code,
      anon ? X.anonymous : t.customer_name || t.company,
      anon || !t.customer_phone ? '' : maskPhone(t.customer_phone),
      t.label,
      t.severity ? wordFor(X.severity, t.severity) : wordFor(X.urgency, t.urgency),
      wordFor(X.state, t.state),
      t.reopen_count,
      t.paid ? X.yes : '',
      t.charge_fen / 100,
    ]);
  }
  list.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
