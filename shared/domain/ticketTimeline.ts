import { initialMachine, nextState, TICKET_ACTIONS, type MachineState, type TicketAction } from './ticketStates.js';
import { meets, type Deadline, type DeadlineStatus, type StepSort } from './ticketDeadlines.js';
import type { TicketKind } from './tickets.js';

/** One entry of a ticket's timeline as the projection needs it. */
export interface Step {
  id: string;
  hlc: string;
  at: string;
  sort: StepSort;
  /** Set on a resolution: when the callback is due (computed from the rules at the time). */
  callbackDueAt?: string | null;
}

export interface TicketProjection extends MachineState {
  flagged: string[];
  deadlines: DeadlineStatus[];
}

const isAction = (s: StepSort): s is TicketAction => (TICKET_ACTIONS as readonly string[]).includes(s);
const byHlc = (a: Step, b: Step) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The ticket's state and deadlines from its timeline in HLC order. Deterministic in the set of
 * steps, so desks that pulled the same events in a different order agree. A step that is illegal
 * at its position (two desks closing and reopening at once) is kept, flagged, and has no effect.
 */
export function projectTicket(kind: TicketKind, intake: readonly Deadline[], steps: readonly Step[]): TicketProjection {
  let m = initialMachine();
  const flagged: string[] = [];
  const deadlines: DeadlineStatus[] = intake.map((d) => ({ ...d, metAt: null }));
  for (const s of [...steps].sort(byHlc)) {
    if (isAction(s.sort)) {
      const next = nextState(kind, m, s.sort);
      if (!next) {
        flagged.push(s.id);
        continue;
      }
      m = next;
    }
    for (const d of deadlines) if (!d.metAt && meets(d.type, s.sort)) d.metAt = s.at;
    if (s.sort === 'resolve' && s.callbackDueAt) deadlines.push({ type: 'callback', dueAt: s.callbackDueAt, metAt: null });
  }
  return { ...m, flagged, deadlines };
}

/** The next unmet due time (what the board sorts by), or null when nothing is pending. */
export const nextDue = (deadlines: readonly DeadlineStatus[]): string | null =>
  deadlines.filter((d) => !d.metAt).reduce<string | null>((min, d) => (min === null || d.dueAt < min ? d.dueAt : min), null);
