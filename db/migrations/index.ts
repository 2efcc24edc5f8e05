import type { Kysely } from 'kysely';
import type { DESK_SCHEMA_VERSION } from '../../shared/sync/version.js';
import * as m001 from './001_initial.js';
import * as m002 from './002_shifts.js';
import * as m003 from './003_release_passes.js';
import * as m004 from './004_sync.js';
import * as m005 from './005_fees.js';
import * as m006 from './006_tickets.js';
import * as m007 from './007_mail.js';
import * as m008 from './008_attachment_uploads.js';
import * as m009 from './009_site_settings.js';
import * as m010 from './010_moved_out.js';
import * as m011 from './011_drawer_reversals.js';
import * as m012 from './012_staff_lifecycle.js';
import * as m013 from './013_pin_attempts.js';
import * as m014 from './014_pin_attempt_times.js';
import * as m015 from './015_id_hashes.js';
import * as m016 from './016_sealed_fields.js';
import * as m017 from './017_parked_events.js';

/** Static, ordered list: the database's `user_version` is the number of migrations applied. */
export const migrations = [
  { name: '001_initial', up: m001.up },
  { name: '002_shifts', up: m002.up },
  { name: '003_release_passes', up: m003.up },
  { name: '004_sync', up: m004.up },
  { name: '005_fees', up: m005.up },
  { name: '006_tickets', up: m006.up },
  { name: '007_mail', up: m007.up },
  { name: '008_attachment_uploads', up: m008.up },
  { name: '009_site_settings', up: m009.up },
  { name: '010_moved_out', up: m010.up },
  { name: '011_drawer_reversals', up: m011.up },
  { name: '012_staff_lifecycle', up: m012.up },
  { name: '013_pin_attempts', up: m013.up },
  { name: '014_pin_attempt_times', up: m014.up },
  { name: '015_id_hashes', up: m015.up },
  { name: '016_sealed_fields', up: m016.up },
  { name: '017_parked_events', up: m017.up },
] as const satisfies ReadonlyArray<{ name: string; up: (db: Kysely<unknown>) => Promise<void> }>;

/**
 * HQ reads the desk's schema number from shared/ (it may not import db/); typed as that number, the
 * count fails to compile when a migration is listed and `DESK_SCHEMA_VERSION` not moved with it.
 */
export const SCHEMA_VERSION: typeof DESK_SCHEMA_VERSION = migrations.length;
