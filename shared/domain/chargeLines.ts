/**
 * The charge list of a payment as the cashier moves through it: each month (oldest first) is a row
 * that ticks all its lines, followed by its lines. Pure, so the keyboard rules are tested on their own.
 */
export interface DueLine {
  chargeId: string;
  period: string;
}

export type LineRow<C extends DueLine> =
  { kind: 'month'; key: string; period: string; lines: C[] } | { kind: 'line'; key: string; period: string; line: C };

export function lineRows<C extends DueLine>(due: C[]): LineRow<C>[] {
  const months = new Map<string, C[]>();
  for (const c of [...due].sort((a, b) => a.period.localeCompare(b.period))) {
    months.set(c.period, [...(months.get(c.period) ?? []), c]);
  }
  return [...months].flatMap(([period, lines]) => [
    { kind: 'month' as const, key: `m:${period}`, period, lines },
    ...lines.map((line) => ({ kind: 'line' as const, key: line.chargeId, period, line })),
  ]);
}

/** Space on a row: a month ticks all its lines, or unticks them when all were ticked; a line flips. */
export function toggleRow<C extends DueLine>(row: LineRow<C>, chosen: string[]): string[] {
  const ids = row.kind === 'month' ? row.lines.map((l) => l.chargeId) : [row.line.chargeId];
  const allIn = ids.every((id) => chosen.includes(id));
  return allIn ? chosen.filter((id) => !ids.includes(id)) : [...chosen, ...ids.filter((id) => !chosen.includes(id))];
}
