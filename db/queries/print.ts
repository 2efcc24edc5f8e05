import type { Kysely, Selectable } from 'kysely';
import type { Database, PrintJobsTable } from '../schema.js';

type Db = Kysely<Database>;
export type PrintJobRow = Selectable<PrintJobsTable>;

export async function printJobById(db: Db, id: string): Promise<PrintJobRow | undefined> {
  return db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * How many print jobs were queued for a document before, whatever became of them (queued, printed or
 * failed), on this desk and on the desks whose PrintJobQueued events it has pulled: the next copy is a
 * reprint if > 0.
 */
export async function printCount(db: Db, docType: string, docId: string): Promise<number> {
  const r = await db
    .selectFrom('print_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('doc_type', '=', docType as PrintJobRow['doc_type'])
    .where('doc_id', '=', docId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function queuedJobsOf(db: Db, deviceId: string): Promise<PrintJobRow[]> {
  return db
    .selectFrom('print_jobs')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .execute();
}

export async function recentJobs(db: Db, deviceId: string, limit = 50): Promise<PrintJobRow[]> {
  return db
    .selectFrom('print_jobs')
    .selectAll()
    .where('device_id', '=', deviceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Claims a queued job for printing; false if another attempt already claimed or printed it. */
export async function claimJob(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('print_jobs')
    .set({ status: 'printing' })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markJob(db: Db, id: string, status: 'printed' | 'failed', atIso: string, error?: string) {
  await db
    .updateTable('print_jobs')
    .set({ status, printed_at: status === 'printed' ? atIso : null, error: error ?? null })
    .where('id', '=', id)
    .execute();
}
