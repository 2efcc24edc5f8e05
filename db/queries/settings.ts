import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export async function readSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

export async function writeSettings(db: Db, values: Record<string, unknown>): Promise<void> {
  for (const [key, v] of Object.entries(values)) {
    const value = JSON.stringify(v);
    await db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
