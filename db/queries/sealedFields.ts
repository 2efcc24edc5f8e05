import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export const putSealedField = (db: Db, visitId: string, field: string, sealed: string) =>
  db
    .insertInto('sealed_fields')
    .values({ visit_id: visitId, field, sealed })
    .onConflict((oc) => oc.columns(['visit_id', 'field']).doUpdateSet({ sealed }))
    .execute();

export const sealedField = async (db: Db, visitId: string, field: string) =>
  (
    await db
      .selectFrom('sealed_fields')
      .select('sealed')
      .where('visit_id', '=', visitId)
      .where('field', '=', field)
      .executeTakeFirst()
  )?.sealed ?? null;

/** Of these visits, the ones whose full ID number this desk keeps sealed (what a manager may reveal). */
export const visitsWithSealedId = async (db: Db, visitIds: string[]) =>
  new Set(
    visitIds.length
      ? (
          await db
            .selectFrom('sealed_fields')
            .select('visit_id')
            .where('field', '=', 'idNumber')
            .where('visit_id', 'in', visitIds)
            .execute()
        ).map((r) => r.visit_id)
      : [],
  );

/** A person's erasure: their visits' sealed fields go with the rest. */
export const dropSealedFields = (db: Db, visitIds: string[]) =>
  visitIds.length ? db.deleteFrom('sealed_fields').where('visit_id', 'in', visitIds).execute() : Promise.resolve();

/** Retention: the sealed fields of visits checked in before the cutoff go with the visit's personal data. */
export const dropSealedFieldsBefore = (db: Db, before: string) =>
  db
    .deleteFrom('sealed_fields')
    .where('visit_id', 'in', db.selectFrom('visits').select('id').where('checked_in_at', '<', before))
    .execute();
