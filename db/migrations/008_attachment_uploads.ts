import { sql, type Kysely } from 'kysely';

/**
 * Photos and signatures travel to HQ on their own channel (docs/sync-protocol.md, "Attachments"):
 * events carry only the SHA-256, and each stored picture remembers when HQ acknowledged its bytes.
 * The partial indexes keep "what is still to upload" cheap however many pictures a desk keeps.
 * Pictures stored before this migration have no upload time, so they go up after the update too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE attachments ADD COLUMN uploaded_at TEXT`.execute(db);
  await sql`CREATE INDEX attachments_to_upload ON attachments (sha256) WHERE uploaded_at IS NULL`.execute(db);
  await sql`ALTER TABLE log_attachments ADD COLUMN uploaded_at TEXT`.execute(db);
  await sql`CREATE INDEX log_attachments_to_upload ON log_attachments (id) WHERE uploaded_at IS NULL`.execute(db);
}
