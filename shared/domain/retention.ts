/**
 * How long the desk keeps personal data (PIPL 第十九条: no longer than the purpose needs), then drops it.
 * A site's managers may change each number (site settings); these are the defaults.
 */

/**
 * Visitor records: after 180 days the visitor's name, phone, ID number, plate and note are removed;
 * the time, host and party size stay, so the visit still counts (SwipedOn's auto-anonymise keeps the
 * same). Envoy, too, keeps visitor records for a number of days the workplace sets. 180 days covers
 * the half-year in which a building is asked about an incident (a theft found late, a police request).
 */
export const DEFAULT_VISIT_RETENTION_DAYS = 180;

/**
 * Mail pickup signatures: 365 days. The signature is the desk's proof that registered mail was handed
 * over; a sender may ask the post office about a registered item (给据邮件查询) for a year after
 * posting, so the proof must outlive that window, and has little use after it.
 */
export const DEFAULT_SIGNATURE_RETENTION_DAYS = 365;

/**
 * Post-log photos: 90 days. A log photo shows a situation (a leak, a damaged door, a parcel's state)
 * for the shifts and the repair that follow; a quarter covers a repair's follow-up and a monthly review.
 * Envoy's 24 h is for photos of ID documents, which the desk does not take; these are of places and things
 * that can show people, so they are kept for the work and then dropped.
 */
export const DEFAULT_LOG_PHOTO_RETENTION_DAYS = 90;

/** Bounds a manager may set (days): at least a day's work, at most three years. */
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 1095;

/** The cutoffs of one retention pass (ISO instants): records dated before each lose their personal data. */
export interface RetentionCutoffs {
  visitsBefore: string;
  signaturesBefore: string;
  logPhotosBefore: string;
}

/** Handover sections that list visitors by name (`欧阳明珠 ×3 → 1-2-301 张三`). */
const VISITOR_SECTIONS = ['visitorsOnSite', 'visitsNotReturned'];

interface SectionLike {
  key: string;
  lines: { text: string; tag?: string }[];
}

/**
 * A handover sheet's sections with the visitors' names taken out; party size, host and pass number stay.
 * With `passNos`, only those visits' lines (a person's erasure); without, every visitor's (retention).
 */
export function withoutVisitorNames<S extends SectionLike>(sections: S[], passNos?: string[]): S[] {
  const hit = (tag: string | undefined) => !passNos || (tag !== undefined && passNos.includes(tag));
  return sections.map((s) =>
    VISITOR_SECTIONS.includes(s.key)
      ? {
          ...s,
          lines: s.lines.map((l) => (hit(l.tag) ? { ...l, text: l.text.replace(/^.*?(×\d+ )?→ /u, '$1→ ') } : l)),
        }
      : s,
  );
}

type Json = Record<string, unknown>;

/** A check-in without the visitor's personal data: time, host and party size stay (retention and erasure). */
export function blankCheckIn(payload: Json): Json {
  const visitor = payload.visitor as Json;
  // Masked number and hash go too (the hash would still link the person's visits); an older
  // event's full `idNumber` is blanked where it is still present.
  const id = 'idNumber' in visitor ? { idNumber: '' } : {};
  const phoneHash = 'phoneHash' in visitor ? { phoneHash: '' } : {};
  const gone = { name: '', phone: '', ...phoneHash, ...id, idNumberMasked: '', idHash: '' };
  return { ...payload, visitor: { ...visitor, ...gone }, plate: '', note: '' };
}

/**
 * The payload of an old event with its expired personal data removed, or null when nothing in it has
 * expired (or it was already removed). The one place history is edited: an event log that kept the
 * data would defeat the retention, so desks and HQ rewrite these fields in place (see README 个人信息保护).
 */
export function expiredPayload(type: string, payload: Json, c: RetentionCutoffs): Json | null {
  if (type === 'VisitorCheckedIn' && String(payload.checkedInAt) < c.visitsBefore) {
    const blank = blankCheckIn(payload);
    return JSON.stringify(blank) === JSON.stringify(payload) ? null : blank;
  }
  if (type === 'ShiftClosed' && String(payload.closedAt) < c.visitsBefore) {
    const blank = { ...payload, sections: withoutVisitorNames(payload.sections as SectionLike[]) };
    return JSON.stringify(blank) === JSON.stringify(payload) ? null : blank;
  }
  if (type === 'MailPickedUp' && String(payload.at) < c.signaturesBefore && payload.signature)
    return { ...payload, signature: null };
  if (type === 'LogEntryAdded' && String(payload.at) < c.logPhotosBefore && payload.attachment)
    return { ...payload, attachment: null };
  return null;
}

/** Picture hashes a payload refers to that `expiredPayload` removes (their bytes are deleted too). */
export function expiredPictures(type: string, payload: Json): string[] {
  const ref = (type === 'MailPickedUp' ? payload.signature : type === 'LogEntryAdded' ? payload.attachment : null) as {
    sha256?: string;
  } | null;
  return ref?.sha256 ? [ref.sha256] : [];
}
