import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { SiteDetails } from '../../shared/api/siteSchemas.js';
import { getMeta, SITE_DETAILS_KEY } from '../meta.js';

type Db = Kysely<Database>;

/** The details as the latest `SiteDetailsChanged` left them; before any, the name the site was set up with. */
export async function readSiteDetails(db: Db): Promise<SiteDetails> {
  const row = await db.selectFrom('site_settings').select('value').where('key', '=', SITE_DETAILS_KEY).executeTakeFirst();
  if (row) return JSON.parse(row.value) as SiteDetails;
  return { siteName: (await getMeta(db, 'site_name')) ?? '', address: '', phone: '', companyName: '' };
}
