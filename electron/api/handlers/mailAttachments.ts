import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fieldError } from '../../../shared/api/result.js';
import { ATTACHMENT_MAX_BYTES, sniffImageType, type AttachmentType } from '../../../shared/domain/log.js';
import type { Database } from '../../../db/schema.js';

export interface StoredAttachment {
  sha256: string;
  mime: AttachmentType;
  size: number;
  data: Buffer;
}

/**
 * A photo or signature from the desk, checked by content (JPEG/PNG/WebP, not by its name) and size
 * (≤ 5 MB) before anything is written; `field` is where the form shows the refusal.
 */
export function readAttachment(a: { contentBase64: string }, field: string): StoredAttachment {
  const data = Buffer.from(a.contentBase64, 'base64');
  if (data.length > ATTACHMENT_MAX_BYTES) throw fieldError(field, 'err.mail.photoTooLarge');
  const mime = data.length ? sniffImageType(data) : null;
  if (!mime) throw fieldError(field, 'err.mail.photoType');
  return { sha256: createHash('sha256').update(data).digest('hex'), mime, size: data.length, data };
}

/** Content-addressed: the same picture twice is one row. Written in the caller's transaction. */
export async function storeAttachment(trx: Kysely<Database>, a: StoredAttachment, now: Date): Promise<void> {
  await trx
    .insertInto('attachments')
    .values({ sha256: a.sha256, mime: a.mime, size: a.size, data: a.data, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export const attachmentRef = (a: StoredAttachment) => ({ sha256: a.sha256, mime: a.mime, size: a.size });
