import { highPriorityOfShift, openPending, type LogRow } from '../../db/queries/log.js';
import type { HandoverLine } from '../../shared/handover/sections.js';
import type { HandoverContribution } from './registry.js';

const line = (r: LogRow): HandoverLine => ({
  at: r.at,
  text: r.text,
  tag: r.tag,
  by: r.author_name ?? '',
  high: r.priority === 'high',
});

/** The post log's sections: what is still open (from any earlier shift too) and what mattered most. */
export const logSections: HandoverContribution[] = [
  { key: 'pending', collect: async ({ db, shift }) => (await openPending(db, shift.device_id)).map(line) },
  { key: 'highPriority', collect: async ({ db, shift }) => (await highPriorityOfShift(db, shift.id)).map(line) },
];
