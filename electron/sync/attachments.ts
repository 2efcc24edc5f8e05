import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AttachmentType } from '../../shared/domain/log.js';

type Db = Kysely<Database>;

/** A picture whose bytes HQ has not acknowledged: mail photos and signatures, or a post-log photo. */
export interface PendingAttachment {
  table: 'attachments' | 'log_attachments';
  /** The row's key in its table (the hash for mail pictures, the entry's attachment id for the log). */
  key: string;
  sha256: string;
  mime: AttachmentType;
  data: Buffer;
}

/** Up to `limit` pictures still to upload, mail pictures before post-log photos; each found through its partial index. */
export async function pendingAttachments(db: Db, limit: number): Promise<PendingAttachment[]> {
  const mail = await db
    .selectFrom('attachments')
    .select(['sha256', 'mime', 'data'])
    .where('uploaded_at', 'is', null)
    .limit(limit)
    .execute();
  const out: PendingAttachment[] = mail.map((r) => ({ table: 'attachments', key: r.sha256, ...r }) as PendingAttachment);
  if (out.length >= limit) return out;
  const log = await db
    .selectFrom('log_attachments')
    .select(['id', 'sha256', 'mime', 'data'])
    .where('uploaded_at', 'is', null)
    .limit(limit - out.length)
    .execute();
  return [...out, ...log.map(({ id, ...r }) => ({ table: 'log_attachments', key: id, ...r }) as PendingAttachment)];
}

export async function markUploaded(db: Db, a: PendingAttachment, at: string): Promise<void> {
  if (a.table === 'attachments')
    await db.updateTable('attachments').set({ uploaded_at: at }).where('sha256', '=', a.key).execute();
  else await db.updateTable('log_attachments').set({ uploaded_at: at }).where('id', '=', a.key).execute();
}

export async function attachmentsWaiting(db: Db): Promise<number> {
  const count = async (table: 'attachments' | 'log_attachments') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('uploaded_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return (await count('attachments')) + (await count('log_attachments'));
}

/**
 * HQ refused a picture's bytes (they no longer hash to their name — a damaged disk — or are not the
 * image they claim): listed with the rejected records for a supervisor, and not sent again.
 */
export async function recordAttachmentRejection(db: Db, a: PendingAttachment, reason: string, detail: string, at: string) {
  await db
    .insertInto('sync_rejections')
    .values({ event_id: `attachment:${a.sha256}`, device_seq: 0, type: 'Attachment', reason, detail, received_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
