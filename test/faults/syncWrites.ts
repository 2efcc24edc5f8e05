import { minimalId, minimalPhone } from '../../electron/privacy/idHash.js';
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { appendEvents, draft, type EventDraft } from '../../db/events.js';
import { getSiteIdentity } from '../../db/meta.js';
import type { Database } from '../../db/schema.js';
import { nextCounter } from '../../db/meta.js';
import { formatReceiptNo } from '../../shared/domain/numbering.js';
import {
  attachmentRef,
  readAttachment,
  storeAttachment,
  type StoredAttachment,
} from '../../electron/api/handlers/mailAttachments.js';
import { PNG_1x1 } from '../support/mail.js';

/**
 * Desk work for the sync fault suite, written through the desk's one write path (appendEvents):
 * check-ins, release passes, charges, payments with receipt numbers from this desk's counter, tickets
 * and mail received (facts), and check-outs / releases / cancels / voids / ticket steps / pickups
 * (closing events) of records this desk knows — its own or pulled — so two desks often close the
 * same record, pay the same month or void the same receipt; site settings and (own) PINs changed at two desks
 * converge by HLC. Most hand-overs carry a drawn signature,
 * stored with its event as the pickup handler does, so pictures ride the sync too.
 */
export async function writeSomething(db: Kysely<Database>, rnd: () => number, now: Date, n: number): Promise<void> {
  const site = (await getSiteIdentity(db))!;
  const openVisits = await db.selectFrom('visits').select('id').where('status', '=', 'on_site').limit(20).execute();
  const openPasses = await db.selectFrom('release_passes').select('id').where('status', '=', 'issued').limit(20).execute();
  const charges = await db.selectFrom('fee_charges').select('id').limit(20).execute();
  const receipts = await db.selectFrom('fee_receipts').select(['id', 'receipt_no']).limit(20).execute();
  const tickets = await db.selectFrom('tickets').select('id').where('is_open', '=', 1).limit(20).execute();
  const shelf = await db.selectFrom('mail_items').select('id').where('status', '=', 'on_shelf').limit(20).execute();
  const actor = await setupAdminOf(db, site.deviceId);
  const prefix = `${site.siteCode}-${site.deviceCode}`;
  // Receptionists change their own PIN: HQ holds another person's PIN change, or an admin's (issue 14).
  const staff = await db.selectFrom('staff').select('id').where('role', '=', 'receptionist').execute();
  const ownPins: { staffId: string; draft: EventDraft }[] = [];
  const drafts: EventDraft[] = [];
  const pictures: StoredAttachment[] = [];
  const at = now.toISOString();
  let paid = 0;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.2 || (r < 0.35 && openVisits.length === 0)) drafts.push(checkIn(prefix, at));
    else if (r < 0.35) drafts.push(draft('VisitorCheckedOut', { visitId: pick(openVisits, rnd).id, at, method: 'list' }));
    else if (r < 0.42 || (r < 0.5 && openPasses.length === 0)) drafts.push(passIssued(prefix, at));
    else if (r < 0.46)
      drafts.push(
        draft('ReleasePassReleased', { passId: pick(openPasses, rnd).id, at, released: [1], partial: false, note: '' }),
      );
    else if (r < 0.5) drafts.push(draft('ReleasePassCancelled', { passId: pick(openPasses, rnd).id, at, reason: '取消' }));
    else if (r < 0.56 || (r < 0.68 && charges.length === 0)) drafts.push(chargeRaised(rnd));
    else if (r < 0.64) paid++;
    else if (r < 0.68 && receipts.length > 0) {
      const rc = pick(receipts, rnd);
      drafts.push(draft('ReceiptVoided', { receiptId: rc.id, receiptNo: rc.receipt_no, at, approvedBy: actor, reason: '错收' }));
    } else if (r < 0.76 || (r < 0.86 && tickets.length === 0)) drafts.push(ticketOpened(prefix, at));
    else if (r < 0.86) drafts.push(ticketStep(pick(tickets, rnd).id, at, rnd));
    else if (r < 0.91 || shelf.length === 0) drafts.push(mailReceived(prefix, at));
    // Managers at two desks change the site's rules, or one person's PIN, offline: the later wins everywhere.
    else if (r < 0.925) drafts.push(draft('SiteSettingsChanged', { changes: { mailReturnDays: 1 + Math.floor(rnd() * 90) } }));
    else if (r < 0.94 && staff.length > 0) {
      const staffId = pick(staff, rnd).id;
      ownPins.push({ staffId, draft: draft('StaffPinChanged', { staffId, pinHash: `scrypt$pin-${rnd()}` }) });
    } else {
      const signature = rnd() < 0.7 ? signaturePicture(rnd) : null;
      if (signature) pictures.push(signature);
      drafts.push(mailPickedUp(pick(shelf, rnd).id, at, signature));
    }
  }
  await db.transaction().execute(async (trx) => {
    // A payment takes its receipt number from this desk's counter in the same transaction, as the handler does.
    for (let i = 0; i < paid && charges.length > 0; i++) {
      const year = now.getUTCFullYear();
      const seq = await nextCounter(trx, 'receipt', String(year));
      drafts.push(payment(formatReceiptNo(site.siteCode, site.deviceCode, year, seq), year, seq, pick(charges, rnd).id, at));
    }
    for (const p of pictures) await storeAttachment(trx, p, now);
    await appendEvents(trx, { siteId: site.siteId, deviceId: site.deviceId, actor, now }, drafts);
    for (const p of ownPins)
      await appendEvents(trx, { siteId: site.siteId, deviceId: site.deviceId, actor: p.staffId, now }, [p.draft]);
  });
}

const pick = <T>(xs: T[], rnd: () => number) => xs[Math.floor(rnd() * xs.length)];

/** The desk's own first administrator (its setup's StaffCreated): real staff of the site at HQ, so HQ accepts them as actor. */
export async function setupAdminOf(db: Kysely<Database>, deviceId: string): Promise<string> {
  const row = await db
    .selectFrom('events')
    .select('actor')
    .where('device_id', '=', deviceId)
    .where('type', '=', 'StaffCreated')
    .orderBy('device_seq')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.actor;
}

/** `prefix`: the desk's `{SITE}-{DEVICE}`, which HQ checks every number it issues against. */
export function checkIn(prefix: string, at: string) {
  const id = uuidv7();
  return draft('VisitorCheckedIn', {
    visitId: id,
    requestId: id,
    passNo: `${prefix}-V${id.slice(-8)}`,
    visitor: {
      name: '赵六',
      idType: 'passport',
      ...minimalPhone('fault-suite-key', '13700137000'),
      ...minimalId('fault-suite-key', 'E12345678'),
    },
    partySize: 1,
    host: { occupantId: 'o1', unitCode: '1-2-301', name: '张三', company: '' },
    purpose: '拜访',
    plate: '',
    note: '',
    checkedInAt: at,
    validUntil: at,
    hostConfirmation: null,
    denyOverride: null,
  });
}

export function passIssued(prefix: string, at: string) {
  const id = uuidv7();
  return draft('ReleasePassIssued', {
    passId: id,
    requestId: id,
    passNo: `${prefix}-P${id.slice(-8)}`,
    unit: { unitId: 'u1', unitCode: '1-2-301' },
    occupant: { occupantId: 'o1', name: '张三', company: '', role: 'owner' },
    applicant: { name: '搬家师傅', phone: '13700137000', idType: 'passport', ...minimalId('fault-suite-key', 'E1') },
    relation: 'owner',
    authority: null,
    items: [{ description: '沙发', quantity: 1 }],
    reason: 'moving_out',
    reasonNote: '',
    wholeUnit: false,
    carrier: '',
    plate: '',
    validFrom: at,
    validUntil: at,
    issuedAt: at,
    arrears: { amountFen: 0, approvedBy: null, reason: '' },
    note: '',
  });
}

const UNIT = { unitId: 'u1', unitCode: '1-2-301' };

function chargeRaised(rnd: () => number) {
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  return draft('ChargesRaised', {
    batchId: uuidv7(),
    source: 'manual',
    fileName: '',
    charges: [
      { ...UNIT, chargeId: uuidv7(), item: 'property', period: `2026-${month}`, amountFen: 25_000, vacant: false, note: '' },
    ],
  });
}

function payment(receiptNo: string, year: number, seq: number, chargeId: string, at: string) {
  const id = uuidv7();
  return draft('PaymentReceived', {
    receiptId: id,
    requestId: id,
    receiptNo,
    year,
    seq,
    shiftId: null,
    unit: UNIT,
    payer: '张三',
    lines: [{ chargeId, item: 'property', period: '2026-01', amountFen: 25_000 }],
    advanceFen: 0,
    totalFen: 25_000,
    methods: [{ method: 'cash', amountFen: 25_000, reference: '' }],
    tenderedFen: 30_000,
    changeFen: 5_000,
    issuedAt: at,
  });
}

function ticketOpened(prefix: string, at: string) {
  const id = uuidv7();
  return draft('TicketOpened', {
    ticketId: id,
    requestId: id,
    ticketNo: `${prefix}-T${id.slice(-8)}`,
    kind: 'repair',
    channel: 'phone',
    customer: { occupantId: 'o1', name: '张三', unitCode: '1-2-301', company: '', phone: '13700137000' },
    anonymous: false,
    receiver: { staffId: 'staff-1', name: '李四' },
    occurredAt: null,
    location: '厨房',
    concerned: '',
    description: '水龙头漏水',
    wants: '上门维修',
    classification: { place: 'indoor', category: 'plumbing', problem: 'leak', label: '室内/给排水/漏水', callbackClass: 'other' },
    severity: null,
    urgency: 'normal',
    paid: false,
    chargeFen: 0,
    convenientTime: '',
    leakTestDate: null,
    promisedReplyAt: null,
    customerDeadline: null,
    target: null,
    openedAt: at,
    deadlines: [],
    duplicateOf: null,
  });
}

/** A random step: legal or not at its HLC position — an illegal one is kept and flagged on every desk alike. */
function ticketStep(ticketId: string, at: string, rnd: () => number) {
  const r = rnd();
  if (r < 0.3)
    return draft('TicketDispatched', { ticketId, at, department: '工程部', assignee: '王师傅', note: '', showPhone: false });
  if (r < 0.5)
    return draft('TicketTransitioned', { ticketId, at, action: 'start', note: '', leakTestDate: null, callbackDueAt: null });
  if (r < 0.7)
    return draft('TicketTransitioned', { ticketId, at, action: 'resolve', note: '', leakTestDate: null, callbackDueAt: at });
  if (r < 0.85) return draft('TicketCallbackRecorded', { ticketId, at, outcome: 'satisfied', calledBy: 'staff-1', note: '' });
  return draft('TicketCancelled', { ticketId, at, reason: '重复' });
}

export function mailReceived(prefix: string, at: string) {
  const id = uuidv7();
  return draft('MailReceived', {
    itemId: id,
    batchId: id,
    registerNo: `${prefix}-M${id.slice(-8)}`,
    carrier: 'EMS',
    trackingNo: `EA${id.slice(-9)}CN`,
    kind: 'registered_letter',
    recipient: { occupantId: 'o1', unitId: 'u1', unitCode: '1-2-301', name: '张三', company: '' },
    location: 'A-1',
    condition: 'intact',
    forwardUntil: null,
    receivedAt: at,
    duplicateOf: null,
  });
}

/** A picture the desk accepts (PNG magic bytes) that differs by seed; now and then the same one twice. */
export function signaturePicture(rnd: () => number): StoredAttachment {
  const png = Buffer.from(PNG_1x1, 'base64');
  const stroke = Buffer.from(String(Math.floor(rnd() * 50)));
  return readAttachment({ contentBase64: Buffer.concat([png, stroke]).toString('base64') }, 'signature');
}

export function mailPickedUp(itemId: string, at: string, signature: StoredAttachment | null) {
  return draft('MailPickedUp', {
    itemId,
    at,
    signerName: '张三',
    relation: 'recipient',
    idType: 'passport',
    idNumberMasked: 'E1****78',
    signature: signature && attachmentRef(signature),
    typedName: signature ? null : '张三',
  });
}
