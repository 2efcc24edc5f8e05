import type { TFunction } from 'i18next';
import type { Conflict, ConflictSide } from '../api/conflictSchemas.js';

// The desk's conflict inbox and the HQ console's conflicts tab word a conflict alike (the desk's words).

/** What a side did, in words: a check-out method, a ticket step; numbers, names and values as they are. */
export function whatText(t: TFunction, c: Conflict, s: ConflictSide): string {
  if (c.kind === 'double_checkout') return t(`conflicts.checkoutBy.${s.what}`);
  if (c.kind === 'ticket_lost_to_cancel') return t(`conflicts.step.${s.what}`, { defaultValue: s.what });
  if (c.kind === 'double_pickup' && s.what === 'returned') return t('conflicts.returned');
  return s.what;
}

/**
 * The record in words: the detection is the same on every desk and at HQ, so it names a setting by its key and a
 * fee by its item code; the leader reads them as the settings page and the receipt name them.
 */
export function subjectText(t: TFunction, c: Conflict): string {
  if (c.kind === 'setting_overwritten') return t(`settings.${c.subject}`, { defaultValue: c.subject });
  if (c.kind !== 'fee_paid_twice') return c.subject;
  const [unit, item, period] = c.subject.split(' · ');
  return [unit, t(`feeItem.${item}`, { defaultValue: item }), period].join(' · ');
}
