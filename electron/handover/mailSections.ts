import { onShelf, recentNewspaperCounts, unconfirmedDamage } from '../../db/queries/mail.js';
import { daysWaiting } from '../../shared/domain/mail.js';
import type { HandoverContribution } from './registry.js';

/**
 * Mail's sections: what waits on the shelf and in the forwarding cabinet (by unit, with its age),
 * damage records the shift leader has not confirmed yet, and newspaper shortfalls of the shift.
 */
export const mailSections: HandoverContribution[] = [
  {
    key: 'mailAwaitingPickup',
    collect: async ({ db, now }) =>
      [...(await onShelf(db, false)), ...(await onShelf(db, true))].map((m) => ({
        at: m.received_at,
        tag: m.unit_code,
        text: `${m.tracking_no} · ${[m.company, m.recipient_name].filter(Boolean).join(' ')} · ${m.location} · ${daysWaiting(m.received_at, now)}d${m.forward_until ? ' · ⇢' : ''}`,
        by: m.received_by_name ?? '',
        high: m.forward_until !== null,
      })),
  },
  {
    key: 'mailDamageUnconfirmed',
    collect: async ({ db }) =>
      (await unconfirmedDamage(db)).map((d) => ({
        at: d.recorded_at,
        tag: d.register_no,
        text: d.what,
        by: d.recorded_by_name ?? '',
        high: true,
      })),
  },
  {
    key: 'newspaperShortfalls',
    collect: async ({ db, shift }) =>
      (await recentNewspaperCounts(db, shift.opened_at))
        .filter((n) => n.late === 1 || n.received < n.expected)
        .map((n) => ({
          at: n.at,
          tag: n.title,
          text: `${n.received}/${n.expected}${n.late ? ' · late' : ''} ${n.note}`.trim(),
          by: n.by_name ?? '',
          high: true,
        })),
  },
];
