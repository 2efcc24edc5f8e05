import { z } from 'zod';
import { ID_TYPES } from '../domain/idDocument.js';
import { ROLES } from '../domain/staff.js';
import { HOST_CONFIRM_METHODS } from '../domain/visits.js';
import { CONSENT_METHODS, PASS_REASONS, PASS_RELATIONS } from '../domain/releasePass.js';
import { DOC_TYPES, LAYOUTS, OCCUPANT_ROLES, SITE_KINDS, SiteSettingsPatch } from '../api/schemas.js';
import { HandoverSectionSchema } from '../api/shiftSchemas.js';
import { SiteDetails } from '../api/siteSchemas.js';
import { visitDetailsStored } from '../api/visitDetails.js';
import { ATTACHMENT_TYPES, LOG_CATEGORIES, LOG_PRIORITIES } from '../domain/log.js';
import { feeEvents } from './feeEvents.js';
import { conflictEvents } from './conflictEvents.js';
import { CALLBACK_OUTCOMES, SEVERITIES, TICKET_CHANNELS, TICKET_KINDS, URGENCIES } from '../domain/tickets.js';
import { CALLBACK_CLASSES, DEADLINE_TYPES } from '../domain/ticketDeadlines.js';
import { PersonalDataReadPayload } from '../domain/privacy.js';
import { PersonErasedPayload } from '../domain/personErasure.js';
import { DAMAGE_HOWS, MAIL_CONDITIONS, MAIL_KINDS, NOTICE_METHODS, PICKUP_RELATIONS } from '../domain/mail.js';

/**
 * Every domain event type with its current schema version and payload schema. Bump `v` when a payload
 * changes shape. Checked against: the desk's writes (`appendEvents` in db/events.ts parses each payload
 * with this catalog and throws when it is off), and through `judgeEvent` (verdict.ts) the events a desk
 * pulls (parking.ts parks what this build cannot apply) and HQ's push (a newer `v` or type answers
 * upgrade_required only when it is the batch's first event, else the batch stops before it and the desk
 * keeps it queued; an invalid payload is stored as rejected).
 */
const ev = <P extends z.ZodType>(v: number, payload: P) => ({ v, payload });

/** A photo or signature kept in the `attachments` table by its SHA-256; its bytes never ride in an event. */
const AttachmentRef = z.object({ sha256: z.string(), mime: z.enum(ATTACHMENT_TYPES), size: z.number().int() });

/** What the damage register says; a correction carries the same shape plus the entry it corrects. */
const MailDamage = z.object({
  damageId: z.string(),
  itemId: z.string(),
  registerNo: z.string(),
  what: z.string(),
  how: z.array(z.enum(DAMAGE_HOWS)),
  description: z.string(),
  photo: AttachmentRef.nullable(),
  /** The desk person who signed for the item: they may not confirm their own damage record. */
  receivedBy: z.string(),
  at: z.string(),
});

/**
 * The ID number travels masked (shown, printed) with its keyed hash (matching; electron/privacy/idHash.ts),
 * never in full (PIPL minimum). `idNumber` is only read from events written before that: a desk's
 * own are rewritten at its start (electron/privacy/legacyIdNumbers.ts), HQ's by its migration.
 */
const MinimalId = {
  idNumberMasked: z.string().default(''),
  idHash: z.string().default(''),
  idNumber: z.string().optional(),
};

const VisitorSnapshot = z.object({
  name: z.string(),
  phone: z.string(),
  idType: z.enum(ID_TYPES),
  ...MinimalId,
});

export const eventCatalog = {
  SiteConfigured: ev(
    1,
    z.object({
      siteId: z.string(),
      siteCode: z.string(),
      siteName: z.string(),
      siteKind: z.enum(SITE_KINDS),
      deviceId: z.string(),
      deviceCode: z.string(),
    }),
  ),
  StaffCreated: ev(
    1,
    z.object({ staffId: z.string(), staffNo: z.string(), name: z.string(), role: z.enum(ROLES), pinHash: z.string() }),
  ),
  StaffPinChanged: ev(1, z.object({ staffId: z.string(), pinHash: z.string() })),
  StaffUpdated: ev(1, z.object({ staffId: z.string(), name: z.string(), role: z.enum(ROLES) })),
  /** A leaver: sign-in refused at every desk of the site; the row stays so history keeps the name. */
  StaffDisabled: ev(1, z.object({ staffId: z.string() })),
  StaffEnabled: ev(1, z.object({ staffId: z.string() })),
  /** An admin or manager set a new PIN for someone else (a forgotten PIN, or a PIN someone saw). */
  StaffPinReset: ev(1, z.object({ staffId: z.string(), pinHash: z.string() })),
  DirectoryImported: ev(
    1,
    z.object({
      importId: z.string(),
      fileName: z.string(),
      units: z.array(z.object({ id: z.string(), code: z.string(), building: z.string(), areaM2: z.number().nullable() })),
      occupants: z.array(
        z.object({
          id: z.string(),
          unitId: z.string(),
          name: z.string(),
          phone: z.string(),
          role: z.enum(OCCUPANT_ROLES),
          company: z.string(),
        }),
      ),
    }),
  ),
  VisitorCheckedIn: ev(
    1,
    z.object({
      visitId: z.string(),
      requestId: z.string(),
      passNo: z.string(),
      // Since desk schema 16 `phone` is the masked form and `phoneHash` its keyed hash (never the full phone).
      visitor: VisitorSnapshot.extend({ phoneHash: z.string().default('') }),
      ...visitDetailsStored,
      host: z.object({ occupantId: z.string(), unitCode: z.string(), name: z.string(), company: z.string() }),
      checkedInAt: z.string(),
      validUntil: z.string(),
      hostConfirmation: z.object({ confirmedBy: z.string(), method: z.enum(HOST_CONFIRM_METHODS) }).nullable(),
      denyOverride: z.object({ byStaffId: z.string(), reason: z.string(), denyEntryId: z.string() }).nullable(),
    }),
  ),
  VisitorCheckedOut: ev(1, z.object({ visitId: z.string(), at: z.string(), method: z.enum(['scan', 'list']) })),
  /** End of day: a visit never closed is closed as "not returned" (distinct from a check-out). */
  VisitAutoClosed: ev(1, z.object({ visitId: z.string(), at: z.string() })),
  /**
   * A resident moved out on a day (their mail is forwarded for a month from then), or `null`: the
   * record was a mistake. Two desks disagreeing offline: the later change by HLC wins everywhere.
   */
  OccupantMoveOutRecorded: ev(1, z.object({ occupantId: z.string(), movedOutOn: z.string().nullable() })),
  /**
   * A desk person was shown a host's full phone number for the confirmation call. The event is the
   * audit record of that sensitive read: its actor and HLC say who and when; no number rides in it.
   */
  HostPhoneRevealed: ev(1, z.object({ revealId: z.string(), occupantId: z.string(), unitCode: z.string() })),
  /**
   * A sensitive read of personal data (PIPL): an anonymous complainant's identity opened by a manager,
   * a visitor list exported. The event is the audit record — actor and HLC say who and when, `what`
   * and `ref` what was read, `why` the purpose; the data itself never rides in it.
   */
  PersonalDataRead: ev(1, PersonalDataReadPayload),
  DenyEntryAdded: ev(
    1,
    z.object({
      entryId: z.string(),
      name: z.string(),
      ...MinimalId,
      phone: z.string(),
      reason: z.string(),
      validUntil: z.string().nullable(),
    }),
  ),
  DenyEntryRevoked: ev(1, z.object({ entryId: z.string(), reason: z.string() })),
  /** A release pass: the snapshot the gate checks against, whatever the directory says later. */
  ReleasePassIssued: ev(
    1,
    z.object({
      passId: z.string(),
      requestId: z.string(),
      passNo: z.string(),
      unit: z.object({ unitId: z.string(), unitCode: z.string() }),
      occupant: z.object({ occupantId: z.string(), name: z.string(), company: z.string(), role: z.enum(OCCUPANT_ROLES) }),
      applicant: VisitorSnapshot,
      relation: z.enum(PASS_RELATIONS),
      authority: z.object({ occupantId: z.string(), name: z.string(), method: z.enum(CONSENT_METHODS) }).nullable(),
      items: z.array(z.object({ description: z.string(), quantity: z.number().int() })),
      reason: z.enum(PASS_REASONS),
      reasonNote: z.string(),
      wholeUnit: z.boolean(),
      carrier: z.string(),
      plate: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      issuedAt: z.string(),
      /** Arrears seen at issue; approval is the shift leader who let a whole-unit move-out go ahead. */
      arrears: z.object({ amountFen: z.number().int(), approvedBy: z.string().nullable(), reason: z.string() }),
      note: z.string(),
    }),
  ),
  /** The gate let goods out. `released` is per item line; `partial` when any line left short. */
  ReleasePassReleased: ev(
    1,
    z.object({ passId: z.string(), at: z.string(), released: z.array(z.number().int()), partial: z.boolean(), note: z.string() }),
  ),
  /** The gate turned goods back; the pass stays open (the applicant may return with the right goods). */
  ReleasePassRefused: ev(1, z.object({ passId: z.string(), at: z.string(), reason: z.string() })),
  ReleasePassCancelled: ev(1, z.object({ passId: z.string(), at: z.string(), reason: z.string() })),
  PrintJobQueued: ev(
    1,
    z.object({
      jobId: z.string(),
      docType: z.enum(DOC_TYPES),
      docId: z.string(),
      layout: z.enum(LAYOUTS),
      copyNo: z.number().int(),
    }),
  ),
  // ---- shifts and the handover (交接班) ----------------------------------------------------------
  /** A desk's shift began; `previousShiftId` is the handover it started from (null for the first). */
  ShiftOpened: ev(
    1,
    z.object({
      shiftId: z.string(),
      deviceCode: z.string(),
      patternCode: z.string(),
      openedAt: z.string(),
      plannedEnd: z.string(),
      previousShiftId: z.string().nullable(),
    }),
  ),
  /** Someone read a handover and confirmed it with their PIN before taking the post. */
  HandoverAcknowledged: ev(
    1,
    z.object({ handoverShiftId: z.string(), intoShiftId: z.string(), staffId: z.string(), at: z.string() }),
  ),
  ShiftJoined: ev(1, z.object({ shiftId: z.string(), staffId: z.string(), at: z.string() })),
  ShiftLeft: ev(1, z.object({ shiftId: z.string(), staffId: z.string(), at: z.string() })),
  /**
   * The shift ended and its handover sheet was frozen. `signedBy` is the outgoing person who
   * signed with their PIN; null with `abandoned` when it was left open and the next person took over.
   */
  ShiftClosed: ev(
    1,
    z.object({
      shiftId: z.string(),
      closedAt: z.string(),
      signedBy: z.string().nullable(),
      abandoned: z.boolean(),
      note: z.string(),
      sections: z.array(HandoverSectionSchema),
    }),
  ),
  /**
   * A manager changed the site's rules (deadline rules, classifier, shift patterns, limits) at one desk;
   * every desk of the site applies them. Per key, the change with the later HLC wins everywhere.
   */
  SiteSettingsChanged: ev(
    1,
    z.object({
      changes: SiteSettingsPatch,
      /**
       * Per changed key, the event whose value the manager saw (null: the default). Two changes based on
       * the same value are concurrent: the conflict inbox shows the one that was overwritten. Absent on
       * events written before the inbox existed.
       */
      basedOn: z.record(z.string(), z.string().nullable()).optional(),
    }),
  ),
  /**
   * The daily retention pass (个人信息保护): every desk and HQ drop the personal data older than each
   * cutoff — visitors' name, phone, ID number, plate and note (the visit stays, counted); mail pickup
   * signatures; post-log photos. Cutoffs, not record ids: the event stays a few bytes however busy the
   * desk, any desk may write it (a cutoff only moves forward, so a second desk's is harmless), and a
   * record that arrives later from an offline desk is dropped by the next day's pass.
   */
  RetentionApplied: ev(1, z.object({ visitsBefore: z.string(), signaturesBefore: z.string(), logPhotosBefore: z.string() })),
  /**
   * A manager erased one person's data at their request (设置 → 个人信息): the records named lose the
   * person's personal fields at every desk and at HQ, old events included. Record ids only, never the
   * name; the event is also the audit record of the erasure (actor and HLC: who and when; `why`).
   */
  PersonErased: ev(1, PersonErasedPayload),
  /**
   * An admin changed the site's name, address, phone or company legal name. The whole record is one
   * value: the change with the later HLC wins everywhere, and the site name that documents print follows it.
   */
  SiteDetailsChanged: ev(1, z.object({ details: SiteDetails })),
  // ---- the post log (岗位记事本) ---------------------------------------------------------------------
  /** Never edited: a correction is another entry with `correctsId`. The photo's bytes stay on the desk. */
  LogEntryAdded: ev(
    1,
    z.object({
      entryId: z.string(),
      deviceCode: z.string(),
      shiftId: z.string().nullable(),
      at: z.string(),
      category: z.enum(LOG_CATEGORIES),
      priority: z.enum(LOG_PRIORITIES),
      tag: z.string(),
      text: z.string(),
      correctsId: z.string().nullable(),
      attachment: z
        .object({ id: z.string(), mime: z.enum(ATTACHMENT_TYPES), size: z.number().int(), sha256: z.string() })
        .nullable(),
    }),
  ),
  /** A pending item (待办) closed with what was done about it. */
  LogItemResolved: ev(1, z.object({ entryId: z.string(), resolution: z.string(), at: z.string() })),
  // ---- fees, receipts and the cash drawer (收费) ------------------------------------------------------
  ...feeEvents,
  ...conflictEvents,
  // ---- intake: inquiries, complaints, repairs, suggestions, messages (咨询/投诉/报修/建议/留言) -------
  /**
   * A ticket taken. Self-contained for HQ: the customer is a snapshot (later directory changes do
   * not rewrite it), labels are copied, and the deadlines computed from the rules at intake travel
   * with it. An anonymous complainant's identity is in here for the manager role only.
   */
  TicketOpened: ev(
    1,
    z.object({
      ticketId: z.string(),
      requestId: z.string(),
      ticketNo: z.string(),
      kind: z.enum(TICKET_KINDS),
      channel: z.enum(TICKET_CHANNELS),
      customer: z.object({
        occupantId: z.string().nullable(),
        name: z.string(),
        unitCode: z.string(),
        company: z.string(),
        phone: z.string(),
      }),
      anonymous: z.boolean(),
      receiver: z.object({ staffId: z.string(), name: z.string() }),
      occurredAt: z.string().nullable(),
      location: z.string(),
      concerned: z.string(),
      description: z.string(),
      wants: z.string(),
      classification: z.object({
        place: z.string(),
        category: z.string(),
        problem: z.string(),
        label: z.string(),
        callbackClass: z.enum(CALLBACK_CLASSES),
      }),
      severity: z.enum(SEVERITIES).nullable(),
      urgency: z.enum(URGENCIES).nullable(),
      paid: z.boolean(),
      chargeFen: z.number().int(),
      convenientTime: z.string(),
      leakTestDate: z.string().nullable(),
      promisedReplyAt: z.string().nullable(),
      customerDeadline: z.string().nullable(),
      target: z.object({ occupantId: z.string(), name: z.string(), unitCode: z.string() }).nullable(),
      openedAt: z.string(),
      deadlines: z.array(z.object({ type: z.enum(DEADLINE_TYPES), dueAt: z.string() })),
      /** Set when the desk was warned of a ticket for the same unit and category within 24 h and went on. */
      duplicateOf: z.string().nullable(),
    }),
  ),
  /** start (on site), resolve, close, resume, escalate, reply: steps with no data of their own beyond a note. */
  TicketTransitioned: ev(
    1,
    z.object({
      ticketId: z.string(),
      action: z.enum(['start', 'resolve', 'close', 'resume', 'escalate', 'reply']),
      at: z.string(),
      note: z.string(),
      /** On resolve: the leak test's date (leaks) and the callback due time computed from the rules. */
      leakTestDate: z.string().nullable(),
      callbackDueAt: z.string().nullable(),
    }),
  ),
  /** Handed to a department: first-question responsibility passes on; the work order prints. */
  TicketDispatched: ev(
    1,
    z.object({
      ticketId: z.string(),
      at: z.string(),
      department: z.string(),
      assignee: z.string(),
      note: z.string(),
      /** The department needs to call: the work order prints the full number instead of the masked one. */
      showPhone: z.boolean(),
    }),
  ),
  TicketCallbackRecorded: ev(
    1,
    z.object({
      ticketId: z.string(),
      at: z.string(),
      outcome: z.enum(CALLBACK_OUTCOMES),
      calledBy: z.string(),
      note: z.string(),
    }),
  ),
  TicketDeferred: ev(1, z.object({ ticketId: z.string(), at: z.string(), until: z.string(), reason: z.string() })),
  TicketReopened: ev(1, z.object({ ticketId: z.string(), at: z.string(), reason: z.string() })),
  TicketCancelled: ev(1, z.object({ ticketId: z.string(), at: z.string(), reason: z.string() })),
  /** Never an edit: a correction is another note naming the one it corrects. */
  TicketNoteAdded: ev(1, z.object({ ticketId: z.string(), at: z.string(), text: z.string(), correctsId: z.string().nullable() })),
  // ---- mail and parcels (报刊函件) ----------------------------------------------------------------
  /** Signed for at the desk; the recipient is a snapshot, so the register reads the same whatever the directory says later. */
  MailReceived: ev(
    1,
    z.object({
      itemId: z.string(),
      batchId: z.string(),
      registerNo: z.string(),
      carrier: z.string(),
      trackingNo: z.string(),
      kind: z.enum(MAIL_KINDS),
      recipient: z.object({
        occupantId: z.string(),
        unitId: z.string(),
        unitCode: z.string(),
        name: z.string(),
        company: z.string(),
      }),
      location: z.string(),
      condition: z.enum(MAIL_CONDITIONS),
      /** A moved-out resident's item: forwarding cabinet until `forwardUntil`, weekly notices. */
      forwardUntil: z.string().nullable(),
      receivedAt: z.string(),
      /** Another item with this tracking number was still on the shelf; the desk was warned and went on. */
      duplicateOf: z.string().nullable(),
    }),
  ),
  MailNoticeRecorded: ev(1, z.object({ itemId: z.string(), at: z.string(), method: z.enum(NOTICE_METHODS), note: z.string() })),
  /** A damage register line, awaiting the shift leader's confirmation. */
  MailDamageRecorded: ev(1, MailDamage),
  /** The register is append-only: a correction is a new line linked to the one it corrects. */
  MailDamageCorrected: ev(1, MailDamage.extend({ correctsId: z.string() })),
  /** The shift leader's sign-off (second person, own PIN); only then is the record valid and the slip printed. */
  MailDamageConfirmed: ev(1, z.object({ damageId: z.string(), confirmedBy: z.string(), at: z.string() })),
  /**
   * Handed over against ID and signature. Closing: if two desks hand over one item (sync), the earlier
   * by HLC is the pickup and the later is kept, flagged.
   */
  MailPickedUp: ev(
    1,
    z.object({
      itemId: z.string(),
      at: z.string(),
      signerName: z.string(),
      relation: z.enum(PICKUP_RELATIONS),
      idType: z.enum(ID_TYPES),
      idNumberMasked: z.string(),
      signature: AttachmentRef.nullable(),
      typedName: z.string().nullable(),
    }),
  ),
  /** Unclaimed after the configured days, reviewed by a supervisor: into the return register (退件). */
  MailReturned: ev(
    1,
    z.object({ itemId: z.string(), at: z.string(), reviewedBy: z.string(), reason: z.string(), daysWaited: z.number().int() }),
  ),
  /** Newspapers and magazines counted against subscriptions; a shortfall or a late delivery goes to the shift leader. */
  NewspaperDeliveryCounted: ev(
    1,
    z.object({
      countId: z.string(),
      at: z.string(),
      carrier: z.string(),
      title: z.string(),
      expected: z.number().int(),
      received: z.number().int(),
      late: z.boolean(),
      note: z.string(),
    }),
  ),
} as const;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventPayload<T extends EventType> = z.infer<EventCatalog[T]['payload']>;

/** The envelope every event carries, locally and on the wire. */
export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  deviceId: string;
  deviceSeq: number;
  hlc: string;
  type: T;
  v: number;
  actor: string;
  siteId: string;
  payload: EventPayload<T>;
  recordedAt: string;
}
