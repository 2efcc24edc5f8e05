import { roleAtLeast, type Role } from '../domain/staff.js';
import type { EventPayload, EventType } from './catalog.js';

/**
 * Who may write each event type, kept next to the catalog. The desk's router refuses to emit an
 * event its signed-in person may not write, and HQ refuses a pushed event that breaks any rule here
 * (hq/src/store/authority.ts), so a device credential alone cannot make an event the desk would not.
 *
 * `actor`: the least role of the person named as the event's actor (the same rank order as the desk
 * contract's `access`); 'system' for the desk's own housekeeping (actor 'system'); 'setup' for the
 * event a desk writes when it is set up, before anyone exists (only as that device's first event).
 */
export type ActorRule = Role | 'system' | 'setup';

export interface Authority<T extends EventType> {
  actor: ActorRule;
  /** The person the event is about must be the actor themselves (one's own PIN, joining a shift). */
  self?: (p: EventPayload<T>) => string;
  /** People the payload names as approving or signing, each with the least role they need. */
  approvers?: (p: EventPayload<T>) => { staffId: string | null; role: Role }[];
  /** Numbers this desk issued: they carry the pushing device's `{SITE}-{DEVICE}-` prefix. */
  issues?: (p: EventPayload<T>) => string[];
  /** Numbers of the site the event refers to (any desk of the site issued them): `{SITE}-` prefix. */
  refers?: (p: EventPayload<T>) => string[];
  /** A desk code in the payload: it is the pushing device's own. */
  deviceCode?: (p: EventPayload<T>) => string;
  /** A staff change: the person changed (and the role given) must be within the actor's reach. */
  manages?: (p: EventPayload<T>) => { staffId: string; role?: Role };
  /** StaffCreated only: a desk's first administrator, who is also the event's actor, at the desk's own setup. */
  setupAdmin?: true;
}

const leader = (staffId: string | null) => [{ staffId, role: 'shift_leader' as const }];

export const eventAuthority: { [T in EventType]: Authority<T> } = {
  SiteConfigured: { actor: 'setup', deviceCode: (p) => p.deviceCode },
  StaffCreated: { actor: 'admin', manages: (p) => ({ staffId: p.staffId, role: p.role }), setupAdmin: true },
  // One's own PIN only; someone else's is a reset (StaffPinReset), which needs a manager.
  StaffPinChanged: { actor: 'guard', self: (p) => p.staffId },
  StaffUpdated: { actor: 'manager', manages: (p) => ({ staffId: p.staffId, role: p.role }) },
  StaffDisabled: { actor: 'manager', manages: (p) => ({ staffId: p.staffId }) },
  StaffEnabled: { actor: 'manager', manages: (p) => ({ staffId: p.staffId }) },
  StaffPinReset: { actor: 'manager', manages: (p) => ({ staffId: p.staffId }) },
  DirectoryImported: { actor: 'manager' },
  VisitorCheckedIn: {
    actor: 'receptionist',
    issues: (p) => [p.passNo],
    approvers: (p) => leader(p.denyOverride?.byStaffId ?? null),
  },
  VisitorCheckedOut: { actor: 'receptionist' },
  VisitAutoClosed: { actor: 'system' },
  OccupantMoveOutRecorded: { actor: 'shift_leader' },
  HostPhoneRevealed: { actor: 'receptionist' },
  // The least role of any audited read (a visitor list); the identity of a complainant is the handler's to refuse.
  PersonalDataRead: { actor: 'receptionist' },
  DenyEntryAdded: { actor: 'shift_leader' },
  DenyEntryRevoked: { actor: 'shift_leader' },
  ReleasePassIssued: {
    actor: 'receptionist',
    issues: (p) => [p.passNo],
    approvers: (p) => leader(p.arrears.approvedBy),
  },
  // The gate post records what left; anyone above a guard may do it at the desk too.
  ReleasePassReleased: { actor: 'guard' },
  ReleasePassRefused: { actor: 'guard' },
  ReleasePassCancelled: { actor: 'receptionist' },
  PrintJobQueued: { actor: 'receptionist' },
  ShiftOpened: { actor: 'receptionist', deviceCode: (p) => p.deviceCode },
  HandoverAcknowledged: { actor: 'receptionist', self: (p) => p.staffId },
  ShiftJoined: { actor: 'receptionist', self: (p) => p.staffId },
  ShiftLeft: { actor: 'receptionist', self: (p) => p.staffId },
  ShiftClosed: { actor: 'receptionist', approvers: (p) => [{ staffId: p.signedBy, role: 'receptionist' }] },
  SiteSettingsChanged: { actor: 'manager' },
  RetentionApplied: { actor: 'system' },
  PersonErased: { actor: 'manager' },
  SiteDetailsChanged: { actor: 'admin' },
  LogEntryAdded: { actor: 'receptionist', deviceCode: (p) => p.deviceCode },
  LogItemResolved: { actor: 'receptionist' },
  ChargesRaised: { actor: 'shift_leader' },
  PaymentReceived: { actor: 'receptionist', issues: (p) => [p.receiptNo] },
  ReceiptVoided: { actor: 'receptionist', refers: (p) => [p.receiptNo], approvers: (p) => leader(p.approvedBy) },
  RefundIssued: { actor: 'receptionist', approvers: (p) => leader(p.approvedBy) },
  DrawerFloatSet: { actor: 'receptionist' },
  CashMoved: { actor: 'receptionist' },
  CashMoveReversed: { actor: 'receptionist' },
  DrawerCounted: { actor: 'receptionist', approvers: (p) => leader(p.approvedBy) },
  ReminderRecorded: { actor: 'receptionist' },
  TicketOpened: { actor: 'receptionist', issues: (p) => [p.ticketNo] },
  TicketTransitioned: { actor: 'receptionist' },
  TicketDispatched: { actor: 'receptionist' },
  TicketCallbackRecorded: { actor: 'receptionist' },
  TicketDeferred: { actor: 'receptionist' },
  TicketReopened: { actor: 'receptionist' },
  TicketCancelled: { actor: 'receptionist' },
  TicketNoteAdded: { actor: 'receptionist' },
  MailReceived: { actor: 'receptionist', issues: (p) => [p.registerNo] },
  MailNoticeRecorded: { actor: 'receptionist' },
  MailDamageRecorded: { actor: 'receptionist', issues: (p) => [p.registerNo] },
  MailDamageCorrected: { actor: 'receptionist', issues: (p) => [p.registerNo] },
  MailDamageConfirmed: { actor: 'receptionist', approvers: (p) => leader(p.confirmedBy) },
  MailPickedUp: { actor: 'receptionist' },
  MailReturned: { actor: 'receptionist', approvers: (p) => leader(p.reviewedBy) },
  NewspaperDeliveryCounted: { actor: 'receptionist' },
  ConflictResolved: { actor: 'shift_leader' },
  RejectionHandled: { actor: 'shift_leader' },
};

/** Whether a signed-in person of `role` may be the actor of `type` (the desk's check before it writes). */
export function mayAct(role: Role, type: EventType): boolean {
  const rule = eventAuthority[type].actor;
  return rule !== 'system' && rule !== 'setup' && roleAtLeast(role, rule);
}
