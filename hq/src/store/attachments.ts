import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';
import { ATTACHMENT_MAX_BYTES, sniffImageType } from '../../../shared/domain/log.js';
import type { AttachmentUpload, AttachmentUploadResponse } from '../../../shared/sync/protocol.js';
import { HqError, type DeviceCredential } from './auth.js';

/**
 * Stores one picture for the device's site. The bytes must hash to the name the events use and be
 * the image type they claim, or nothing is stored and the desk is told why (a 400 it does not retry).
 * The same picture twice — a retried request, or a second desk of the site — is one row.
 */
export async function storeAttachment(
  db: Kysely<HqDatabase>,
  cred: DeviceCredential,
  body: AttachmentUpload,
): Promise<AttachmentUploadResponse> {
  const data = Buffer.from(body.contentBase64, 'base64');
  if (data.length === 0 || data.length > ATTACHMENT_MAX_BYTES)
    throw new HqError(400, 'bad_request', `An attachment is 1 byte to ${ATTACHMENT_MAX_BYTES} bytes; got ${data.length}.`);
  if (createHash('sha256').update(data).digest('hex') !== body.sha256)
    throw new HqError(400, 'bad_request', `The bytes do not hash to ${body.sha256}.`);
  if (sniffImageType(data) !== body.mime) throw new HqError(400, 'bad_request', `The bytes are not ${body.mime}.`);
  const inserted = await db
    .insertInto('attachments')
    .values({ site_id: cred.siteId, sha256: body.sha256, mime: body.mime, size: data.length, data, device_id: cred.deviceId })
    .onConflict((oc) => oc.columns(['site_id', 'sha256']).doNothing())
    .returning('sha256')
    .executeTakeFirst();
  return { sha256: body.sha256, stored: !!inserted };
}

/**
 * Pictures the site's accepted events refer to whose bytes HQ has not received (yet): any
 * `"sha256":"…"` in a payload, so a later event type with a picture is covered without a change here.
 * A full scan of the site's events — an admin check, not a hot path.
 */
export async function missingAttachments(db: Kysely<HqDatabase>, siteId: string): Promise<string[]> {
  const { rows } = await sql<{ sha256: string }>`
    SELECT DISTINCT m[1] AS sha256
    FROM events e, regexp_matches(e.payload::text, '"sha256":"([0-9a-f]{64})"', 'g') AS m
    WHERE e.site_id = ${siteId} AND e.status = 'ok'
    EXCEPT SELECT sha256 FROM attachments WHERE site_id = ${siteId}
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.sha256);
}

export async function attachmentCount(db: Kysely<HqDatabase>, siteId: string): Promise<number> {
  const r = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
