import { describe, expect, it } from 'vitest';
import {
  callbackDue,
  DEFAULT_TICKET_RULES,
  endOfLocalDay,
  intakeDeadlines,
  type IntakeFacts,
} from '../../shared/domain/ticketDeadlines.js';

const bj = (s: string) => new Date(`${s}+08:00`).toISOString();
const facts = (f: Partial<IntakeFacts>): IntakeFacts => ({
  kind: 'complaint',
  severity: null,
  urgency: null,
  openedAt: bj('2026-11-22T09:30:00'),
  customerDeadline: null,
  promisedReplyAt: null,
  ...f,
});
const due = (f: Partial<IntakeFacts>) =>
  Object.fromEntries(intakeDeadlines(facts(f), DEFAULT_TICKET_RULES).map((d) => [d.type, d.dueAt]));

describe('intake deadlines (seeds 000, 003, 004)', () => {
  // [case, facts, expected deadlines by type]
  const table: [string, Partial<IntakeFacts>, Record<string, string>][] = [
    [
      'major complaint: escalate same day, reply in 2 days, resolve in 10, respond in 24 h',
      { severity: 'major' },
      {
        respond: bj('2026-11-23T09:30:00'),
        escalate: bj('2026-11-22T23:59:59.999'),
        reply: bj('2026-11-24T23:59:59.999'),
        resolve: bj('2026-12-02T23:59:59.999'),
      },
    ],
    [
      'important complaint: escalate within 1 hour, resolve in 3 days',
      { severity: 'important' },
      { respond: bj('2026-11-23T09:30:00'), escalate: bj('2026-11-22T10:30:00'), resolve: bj('2026-11-25T23:59:59.999') },
    ],
    [
      'minor complaint: resolve in 2 days',
      { severity: 'minor' },
      { respond: bj('2026-11-23T09:30:00'), resolve: bj('2026-11-24T23:59:59.999') },
    ],
    [
      "minor complaint with the resident's own deadline: that deadline",
      { severity: 'minor', customerDeadline: bj('2026-11-23T12:00:00') },
      { respond: bj('2026-11-23T09:30:00'), resolve: bj('2026-11-23T12:00:00') },
    ],
    [
      'day boundary: a major complaint at 23:50 escalates by midnight, resolves by the end of the 10th day after',
      { severity: 'major', openedAt: bj('2026-11-22T23:50:00') },
      {
        respond: bj('2026-11-23T23:50:00'),
        escalate: bj('2026-11-22T23:59:59.999'),
        reply: bj('2026-11-24T23:59:59.999'),
        resolve: bj('2026-12-02T23:59:59.999'),
      },
    ],
    [
      'day boundary: 00:10 Beijing is still the previous day in UTC, but counts as the new day',
      { severity: 'minor', openedAt: bj('2026-11-23T00:10:00') },
      { respond: bj('2026-11-24T00:10:00'), resolve: bj('2026-11-25T23:59:59.999') },
    ],
    [
      'extra-urgent repair: on site within 5 minutes',
      { kind: 'repair', urgency: 'extra_urgent' },
      { onsite: bj('2026-11-22T09:35:00') },
    ],
    ['urgent repair: on site within 10 minutes', { kind: 'repair', urgency: 'urgent' }, { onsite: bj('2026-11-22T09:40:00') }],
    ['normal repair: as staff allow, no intake deadline', { kind: 'repair', urgency: 'normal' }, {}],
    [
      'inquiry with a promised reply: the promise is the deadline',
      { kind: 'inquiry', promisedReplyAt: bj('2026-11-22T15:00:00') },
      { reply: bj('2026-11-22T15:00:00') },
    ],
    ['suggestion: no deadline', { kind: 'suggestion' }, {}],
  ];
  it.each(table)('%s', (_name, f, expected) => {
    expect(due(f)).toEqual(expected);
  });

  it('rules from settings replace the defaults (a site that escalates important complaints in 30 minutes)', () => {
    const rules = DEFAULT_TICKET_RULES.map((r) =>
      r.when === 'important' && r.type === 'escalate' ? { ...r, span: { unit: 'minutes' as const, n: 30 } } : r,
    );
    const d = intakeDeadlines(facts({ severity: 'important' }), rules);
    expect(d.find((x) => x.type === 'escalate')?.dueAt).toBe(bj('2026-11-22T10:00:00'));
  });
});

describe('callback deadlines (seed 000)', () => {
  const resolvedAt = bj('2026-11-22T16:00:00');
  const table: [string, Parameters<typeof callbackDue>[0], string | null][] = [
    [
      'safety facilities: within 2 days',
      { kind: 'repair', callbackClass: 'safety', resolvedAt, leakTestDate: null },
      bj('2026-11-24T23:59:59.999'),
    ],
    [
      'everything else: within 2 days',
      { kind: 'repair', callbackClass: 'other', resolvedAt, leakTestDate: null },
      bj('2026-11-24T23:59:59.999'),
    ],
    [
      'leak: 3 days after the leak test, not after the repair',
      { kind: 'repair', callbackClass: 'leak', resolvedAt, leakTestDate: '2026-11-25' },
      bj('2026-11-28T23:59:59.999'),
    ],
    [
      'leak tested the same day as the repair',
      { kind: 'repair', callbackClass: 'leak', resolvedAt, leakTestDate: '2026-11-22' },
      bj('2026-11-25T23:59:59.999'),
    ],
    [
      'complaint: the outcome is reported the same day',
      { kind: 'complaint', callbackClass: 'other', resolvedAt, leakTestDate: null },
      bj('2026-11-22T23:59:59.999'),
    ],
    ['inquiry: no callback', { kind: 'inquiry', callbackClass: 'other', resolvedAt, leakTestDate: null }, null],
    [
      'resolved at 23:59 on the last day of the month: 2 days run into the next month',
      { kind: 'repair', callbackClass: 'other', resolvedAt: bj('2026-11-30T23:59:00'), leakTestDate: null },
      bj('2026-12-02T23:59:59.999'),
    ],
  ];
  it.each(table)('%s', (_name, f, expected) => {
    expect(callbackDue(f, DEFAULT_TICKET_RULES)).toBe(expected);
  });

  it('end of local day is Beijing midnight whatever the machine zone', () => {
    expect(new Date(endOfLocalDay(Date.parse('2026-11-22T16:30:00Z'))).toISOString()).toBe('2026-11-23T15:59:59.999Z');
  });
});
