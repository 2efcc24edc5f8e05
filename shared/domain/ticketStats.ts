import { projectTicket, type Step } from './ticketTimeline.js';
import { DEADLINE_TYPES, type Deadline, type DeadlineType } from './ticketDeadlines.js';
import type { TicketKind } from './tickets.js';

/** A part of a whole in percent with one decimal (87.5), null when the whole is empty: the statistics' rates. */
export const percentRate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** One ticket as the monthly statistics read it: its opening and its timeline. */
export interface StatsTicket {
  kind: TicketKind;
  channel: string;
  category: string;
  unitCode: string;
  anonymous: boolean;
  label: string;
  openedAt: string;
  intake: readonly Deadline[];
  steps: readonly Step[];
}

export interface Count {
  key: string;
  count: number;
}

export interface TicketMonthFigures {
  total: number;
  byKind: Count[];
  byCategory: Count[];
  byChannel: Count[];
  onTime: { type: DeadlineType; due: number; onTime: number; rate: number | null }[];
  callback: { resolved: number; calledBack: number; rate: number | null };
  satisfaction: { satisfied: number; notSatisfied: number; rate: number | null };
  recurring: { unitCode: string; category: string; label: string; count: number }[];
}

const countsOf = (keys: string[]): Count[] => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
};

const inMonth = (at: string | null | undefined, fromIso: string, toIso: string) => !!at && at >= fromIso && at < toIso;

/**
 * The month's ticket statistics by the desk's rules (electron/api/handlers/ticketStats.ts, db/queries/tickets.ts),
 * folded from the tickets' timelines with the desk's own projection: counts of tickets opened in the month;
 * deadlines due in the month that came due by `nowIso` or were met, and how many were met in time; tickets of a
 * kind that needs a callback whose (last) resolution fell in the month, and how many were called back; callback
 * outcomes recorded in the month; units with the same category twice or more (anonymous complaints left out).
 */
export function ticketMonthFigures(
  tickets: readonly StatsTicket[],
  fromIso: string,
  toIso: string,
  nowIso: string,
): TicketMonthFigures {
  const opened = tickets.filter((t) => inMonth(t.openedAt, fromIso, toIso));
  const due = new Map<DeadlineType, { due: number; onTime: number }>();
  let resolved = 0;
  let calledBack = 0;
  let satisfied = 0;
  let notSatisfied = 0;
  for (const t of tickets) {
    const p = projectTicket(t.kind, t.intake, t.steps);
    for (const d of p.deadlines) {
      if (!inMonth(d.dueAt, fromIso, toIso) || (d.dueAt >= nowIso && !d.metAt)) continue;
      const c = due.get(d.type) ?? { due: 0, onTime: 0 };
      c.due++;
      if (d.metAt && d.metAt <= d.dueAt) c.onTime++;
      due.set(d.type, c);
    }
    const legal = [...t.steps].filter((s) => !p.flagged.includes(s.id)).sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    const lastOf = (...sorts: string[]) => [...legal].reverse().find((s) => sorts.includes(s.sort));
    const resolve = lastOf('resolve');
    if ((t.kind === 'repair' || t.kind === 'complaint') && inMonth(resolve?.at, fromIso, toIso)) {
      resolved++;
      const cb = lastOf('callback_satisfied', 'callback_not_satisfied', 'callback_unreachable');
      if (cb && cb.sort !== 'callback_unreachable') calledBack++;
    }
    for (const s of t.steps) {
      if (!inMonth(s.at, fromIso, toIso)) continue;
      if (s.sort === 'callback_satisfied') satisfied++;
      if (s.sort === 'callback_not_satisfied') notSatisfied++;
    }
  }
  const repeats = new Map<string, { unitCode: string; category: string; label: string; count: number }>();
  for (const t of opened) {
    if (t.anonymous || !t.unitCode) continue;
    const key = `${t.unitCode}\u0000${t.category}`;
    const r = repeats.get(key) ?? { unitCode: t.unitCode, category: t.category, label: t.label, count: 0 };
    r.count++;
    if (t.label > r.label) r.label = t.label;
    repeats.set(key, r);
  }
  return {
    total: opened.length,
    byKind: countsOf(opened.map((t) => t.kind)),
    byCategory: countsOf(opened.map((t) => t.category)),
    byChannel: countsOf(opened.map((t) => t.channel)),
    onTime: DEADLINE_TYPES.map((type) => {
      const c = due.get(type) ?? { due: 0, onTime: 0 };
      return { type, ...c, rate: percentRate(c.onTime, c.due) };
    }),
    callback: { resolved, calledBack, rate: percentRate(calledBack, resolved) },
    satisfaction: { satisfied, notSatisfied, rate: percentRate(satisfied, satisfied + notSatisfied) },
    recurring: [...repeats.values()]
      .filter((r) => r.count >= 2)
      .sort((a, b) => b.count - a.count || (a.unitCode < b.unitCode ? -1 : 1))
      .slice(0, 50),
  };
}
