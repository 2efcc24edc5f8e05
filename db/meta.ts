import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Whether the log holds any event (a desk that is not set up holds none). */
async function holdsEvents(db: Db): Promise<boolean> {
  return (await db.selectFrom('events').select('seq').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Work a database file needs once (a legacy scrub at start): in one transaction with its `mark` in
 * meta, and skipped when the mark is there. A desk not yet set up has written nothing, not even the
 * mark (its file stays empty until setup); its first start after setup writes it. Returns what the work
 * counted, 0 when skipped.
 */
export async function oncePerFile(db: Db, mark: string, work: (trx: Db) => Promise<number>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (await getMeta(trx, mark)) return 0;
    const counted = await work(trx);
    if (await holdsEvents(trx)) await setMeta(trx, mark, new Date().toISOString());
    return counted;
  });
}

/** Next value of a gapless counter; call inside the transaction that uses the number. */
export async function nextCounter(db: Db, name: string, scope: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, scope, value: 1 })
    .onConflict((oc) => oc.columns(['name', 'scope']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * The site's details (name, address, phone, company) live in `site_settings` under this key, with the
 * HLC of the change that set them, like the site's rules; they are not a `Settings` key.
 */
export const SITE_DETAILS_KEY = 'siteDetails';

export interface SiteIdentity {
  siteId: string;
  siteCode: string;
  siteName: string;
  siteKind: string;
  deviceId: string;
  deviceCode: string;
}

const SITE_KEYS = ['site_id', 'site_code', 'site_name', 'site_kind', 'device_id', 'device_code'] as const;

export async function getSiteIdentity(db: Db): Promise<SiteIdentity | null> {
  const rows = await db
    .selectFrom('meta')
    .selectAll()
    .where('key', 'in', [...SITE_KEYS])
    .execute();
  const m = new Map(rows.map((r) => [r.key, r.value]));
  if (!m.get('site_id') || !m.get('device_id')) return null;
  // The name an admin last gave the site (SiteDetailsChanged) over the one it was set up with.
  const details = await db.selectFrom('site_settings').select('value').where('key', '=', SITE_DETAILS_KEY).executeTakeFirst();
  return {
    siteId: m.get('site_id')!,
    siteCode: m.get('site_code')!,
    siteName: details ? (JSON.parse(details.value) as { siteName: string }).siteName : m.get('site_name')!,
    siteKind: m.get('site_kind')!,
    deviceId: m.get('device_id')!,
    deviceCode: m.get('device_code')!,
  };
}
