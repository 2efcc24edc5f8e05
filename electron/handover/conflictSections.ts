import { deskConflicts } from '../api/handlers/conflicts.js';
import type { HandoverContribution } from './registry.js';

/**
 * Conflicts nobody has resolved yet: the next shift's leader inherits them. Each line names the
 * record and both sides (desk, person, what they did); the inbox has the detail and the actions.
 */
export const conflictSections: HandoverContribution[] = [
  {
    key: 'conflictsOpen',
    collect: async ({ db }) =>
      (await deskConflicts(db)).map((c) => ({
        at: c.sides[0]?.at ?? null,
        tag: c.subject,
        text: c.sides.map((s) => [s.deskCode, s.actorName, s.what].filter(Boolean).join(' ')).join(' ↔ '),
        by: '',
        high: true,
      })),
  },
];
