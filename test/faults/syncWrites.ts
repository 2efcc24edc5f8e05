import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { appendEvents, draft, type EventDraft } from '../../db/events.js';
import { getSiteIdentity } from '../../db/meta.js';
import type { Database } from '../../db/schema.js';

/**
 * Desk work for the sync fault suite, written through the desk's one write path (appendEvents):
 * check-ins and release passes (facts), and check-outs / releases / cancels (closing events) of
 * records this desk knows — its own or pulled — so two desks often close the same record.
 */
export async function writeSomething(db: Kysely<Database>, rnd: () => number, now: Date, n: number): Promise<void> {
  const site = (await getSiteIdentity(db))!;
  const openVisits = await db.selectFrom('visits').select('id').where('status', '=', 'on_site').limit(20).execute();
  const openPasses = await db.selectFrom('release_passes').select('id').where('status', '=', 'issued').limit(20).execute();
  const drafts: EventDraft[] = [];
  const at = now.toISOString();
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.35 || (r < 0.6 && openVisits.length === 0)) drafts.push(checkIn(site.deviceCode, at));
    else if (r < 0.6) drafts.push(draft('VisitorCheckedOut', { visitId: pick(openVisits, rnd).id, at, method: 'list' }));
    else if (r < 0.75 || openPasses.length === 0) drafts.push(passIssued(at));
    else if (r < 0.9)
      drafts.push(
        draft('ReleasePassReleased', { passId: pick(openPasses, rnd).id, at, released: [1], partial: false, note: '' }),
      );
    else drafts.push(draft('ReleasePassCancelled', { passId: pick(openPasses, rnd).id, at, reason: '取消' }));
  }
  await db
    .transaction()
    .execute((trx) => appendEvents(trx, { siteId: site.siteId, deviceId: site.deviceId, actor: 'staff-1', now }, drafts));
}

const pick = <T>(xs: T[], rnd: () => number) => xs[Math.floor(rnd() * xs.length)];

export function checkIn(deviceCode: string, at: string) {
  const id = uuidv7();
  return draft('VisitorCheckedIn', {
    visitId: id,
    requestId: id,
    passNo: `${deviceCode}-${id.slice(-8)}`,
    visitor: { name: '赵六', phone: '13700137000', idType: 'passport', idNumber: 'E12345678' },
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

export function passIssued(at: string) {
  const id = uuidv7();
  return draft('ReleasePassIssued', {
    passId: id,
    requestId: id,
    passNo: `RP-${id.slice(-8)}`,
    unit: { unitId: 'u1', unitCode: '1-2-301' },
    occupant: { occupantId: 'o1', name: '张三', company: '', role: 'owner' },
    applicant: { name: '搬家师傅', phone: '13700137000', idType: 'passport', idNumber: 'E1' },
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
