import type { DomainEvent, EventType } from './catalog.js';
import { callbackAction } from '../domain/ticketStates.js';
import type { StepSort } from '../domain/ticketDeadlines.js';

/** Every ticket event after the opening is a step of its timeline. */
export type TicketStepEvent = Exclude<Extract<EventType, `Ticket${string}`>, 'TicketOpened'>;

/**
 * What a timeline event means to the state machine and the deadlines. Shared because the desk's
 * applier and HQ's projection fold the same timeline and must agree on it.
 */
export function stepSortOf(e: DomainEvent<TicketStepEvent>): StepSort {
  switch (e.type) {
    case 'TicketTransitioned':
      return (e as DomainEvent<'TicketTransitioned'>).payload.action;
    case 'TicketDispatched':
      return 'dispatch';
    case 'TicketCallbackRecorded':
      return callbackAction((e as DomainEvent<'TicketCallbackRecorded'>).payload.outcome) ?? 'callback_unreachable';
    case 'TicketDeferred':
      return 'defer';
    case 'TicketReopened':
      return 'reopen';
    case 'TicketCancelled':
      return 'cancel';
    case 'TicketNoteAdded':
      return 'note';
  }
  throw new Error(`not a ticket step: ${e.type}`);
}

/** A resolution carries the callback's due time, computed from the rules when it was resolved. */
export const stepCallbackDue = (e: DomainEvent<TicketStepEvent>): string | null =>
  e.type === 'TicketTransitioned' ? (e as DomainEvent<'TicketTransitioned'>).payload.callbackDueAt : null;
