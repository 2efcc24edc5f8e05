import { HLC_MAX_AHEAD_MS } from '../../../shared/domain/clock.js';
import { sql } from 'kysely';
import type { Projection } from './types.js';
import { rewriteStoredPayload, type StoredEventRow } from './storedPayload.js';
import { expiredPayload, expiredPictures, RETENTION_MIN_DAYS } from '../../../shared/domain/retention.js';

const DAY_MS = 86_400_000;

/**
 * The retention pass at HQ: the same data every desk drops. The visits list loses the visitor's
 * name; the stored events of the site lose their expired personal fields — the one exception to the
 * event table's append-only rule, in the push's transaction, so a desk pulling later gets them blank;
 * and the expired signatures' and log photos' bytes are deleted. Cutoffs compare as ISO text ("C" order).
 */
export const retentionProjection: Projection = {
  name: 'retention',
  // Nothing of its own: it edits the visits projection, the event table and the attachments.
  async up() {},
  checked: {
    // HQ is the judge: a desk whose clock runs ahead (or a forged push) would have every desk drop
    // data that is not yet due. A cutoff is at least a day (the least retention) before HQ's time.
    async RetentionApplied(trx, siteId, { payload: c }) {
      const latest = Date.now() - RETENTION_MIN_DAYS * DAY_MS + HLC_MAX_AHEAD_MS; // a desk's clock may run as far ahead as its stamps may
      // Canonical ISO instants only: the cutoffs are compared as text with the records' times.
      const bad = (t: string) => Number.isNaN(Date.parse(t)) || new Date(t).toISOString() !== t || Date.parse(t) > latest;
      if ([c.visitsBefore, c.signaturesBefore, c.logPhotosBefore].some(bad)) return 'retention_cutoff_too_late';
      await sql`UPDATE hq_visits SET visitor_name = '' WHERE site_id = ${siteId}
        AND checked_in_at < ${c.visitsBefore} COLLATE "C" AND visitor_name <> ''`.execute(trx);
      const { rows } = await sql<StoredEventRow>`
        SELECT id, device_id, device_seq, type, payload::text AS payload FROM events WHERE site_id = ${siteId} AND (
          (type = 'VisitorCheckedIn' AND payload->>'checkedInAt' < ${c.visitsBefore} COLLATE "C" AND (
            payload->'visitor'->>'name' <> '' OR payload->'visitor'->>'idNumber' <> ''
            OR payload->'visitor'->>'idNumberMasked' <> '' OR payload->'visitor'->>'idHash' <> ''
            OR payload->'visitor'->>'phone' <> '' OR payload->>'plate' <> '' OR payload->>'note' <> ''))
          OR (type = 'ShiftClosed' AND payload->>'closedAt' < ${c.visitsBefore} COLLATE "C")
          OR (type = 'MailPickedUp' AND payload->>'at' < ${c.signaturesBefore} COLLATE "C"
            AND json_typeof(payload->'signature') = 'object')
          OR (type = 'LogEntryAdded' AND payload->>'at' < ${c.logPhotosBefore} COLLATE "C"
            AND json_typeof(payload->'attachment') = 'object'))`.execute(trx);
      const pictures: string[] = [];
      for (const r of rows) {
        const old = JSON.parse(r.payload) as Record<string, unknown>;
        const blank = expiredPayload(r.type, old, c);
        if (!blank) continue;
        pictures.push(...expiredPictures(r.type, old));
        await rewriteStoredPayload(trx, siteId, r, blank); // the handover sheets HQ keeps whole too
      }
      if (pictures.length)
        await sql`DELETE FROM attachments WHERE site_id = ${siteId} AND sha256 = ANY(${pictures})`.execute(trx);
      return null;
    },
  },
};
