import { needsCallback, type CallbackOutcome, type TicketKind } from './tickets.js';

/**
 * The ticket state machine (docs/ticket-states.md). Pure: the API asks `nextState` before it writes,
 * and the read model is `foldTimeline` over the ticket's events in HLC order, so transitions pulled
 * from another desk later converge on the same state on every desk.
 */
export const TICKET_STATES = [
  'registered',
  'dispatched',
  'in_progress',
  'resolved',
  'callback_done',
  'closed',
  'deferred',
  'reopened',
  'cancelled',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** Actions that move a ticket. `escalate` and `reply` are recorded steps that keep the state. */
export const TICKET_ACTIONS = [
  'dispatch',
  'start',
  'resolve',
  'callback_satisfied',
  'callback_not_satisfied',
  'close',
  'defer',
  'resume',
  'reopen',
  'cancel',
  'escalate',
  'reply',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const OPEN_STATES: readonly TicketState[] = ['registered', 'dispatched', 'in_progress', 'deferred', 'reopened'];
export const isTerminal = (s: TicketState) => s === 'closed' || s === 'cancelled';
/** Still the desk's business (on the board): everything not closed or cancelled. */
export const isOpen = (s: TicketState) => !isTerminal(s);

/** Where each action may start from (kind-independent part). */
const FROM: Record<TicketAction, readonly TicketState[]> = {
  dispatch: ['registered', 'reopened', 'deferred'],
  start: ['dispatched'],
  resolve: ['registered', 'dispatched', 'in_progress', 'reopened'],
  callback_satisfied: ['resolved'],
  callback_not_satisfied: ['resolved'],
  close: ['resolved', 'callback_done'],
  defer: ['registered', 'dispatched', 'in_progress', 'reopened'],
  resume: ['deferred'],
  // From cancelled only by the conflict inbox: a repair resolved at one desk while another cancelled it.
  reopen: ['resolved', 'callback_done', 'closed', 'cancelled'],
  cancel: ['registered', 'dispatched', 'in_progress', 'deferred', 'reopened'],
  escalate: OPEN_STATES,
  reply: [...OPEN_STATES, 'resolved'],
};

const TO: Record<Exclude<TicketAction, 'resume' | 'escalate' | 'reply'>, TicketState> = {
  dispatch: 'dispatched',
  start: 'in_progress',
  resolve: 'resolved',
  callback_satisfied: 'callback_done',
  callback_not_satisfied: 'reopened',
  close: 'closed',
  defer: 'deferred',
  reopen: 'reopened',
  cancel: 'cancelled',
};

export interface MachineState {
  state: TicketState;
  /** The state a deferred ticket returns to on `resume`. */
  beforeDeferral: TicketState | null;
  reopenCount: number;
}

export const initialMachine = (): MachineState => ({ state: 'registered', beforeDeferral: null, reopenCount: 0 });

export const callbackAction = (o: CallbackOutcome): TicketAction | null =>
  o === 'satisfied' ? 'callback_satisfied' : o === 'not_satisfied' ? 'callback_not_satisfied' : null;

/**
 * The state after `action`, or null when it is illegal from here. A repair or complaint closes only
 * after its callback; an inquiry, suggestion or message closes once resolved.
 */
export function nextState(kind: TicketKind, m: MachineState, action: TicketAction): MachineState | null {
  if (!FROM[action].includes(m.state)) return null;
  if (action === 'close' && m.state === 'resolved' && needsCallback(kind)) return null;
  switch (action) {
    case 'escalate':
    case 'reply':
      return m;
    case 'resume':
      return { ...m, state: m.beforeDeferral ?? 'registered', beforeDeferral: null };
    case 'defer':
      return { ...m, state: 'deferred', beforeDeferral: m.state };
    case 'reopen':
    case 'callback_not_satisfied':
      return { ...m, state: 'reopened', beforeDeferral: null, reopenCount: m.reopenCount + 1 };
    default:
      return { ...m, state: TO[action], beforeDeferral: null };
  }
}

/** The actions legal now: what the desk offers as buttons. */
export function legalActions(kind: TicketKind, m: MachineState): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => nextState(kind, m, a) !== null && !(a === 'reopen' && m.state === 'cancelled'));
}

export interface TimelineStep {
  id: string;
  hlc: string;
  /** null for entries that never move the ticket (notes, unreachable callbacks). */
  action: TicketAction | null;
}

export interface Folded extends MachineState {
  /** Steps illegal at their HLC position: kept in the timeline, flagged, without effect on the state. */
  flagged: string[];
}

/** Folds a ticket's steps in HLC order (ties by id): the same set of steps gives the same state anywhere. */
export function foldTimeline(kind: TicketKind, steps: readonly TimelineStep[]): Folded {
  const ordered = [...steps].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let m = initialMachine();
  const flagged: string[] = [];
  for (const s of ordered) {
    if (!s.action) continue;
    const next = nextState(kind, m, s.action);
    if (next) m = next;
    else flagged.push(s.id);
  }
  return { ...m, flagged };
}
