import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHq, type TestHq } from '../support/hq.js';

/**
 * Ready for a distributed PostgreSQL (Citus, distributed by `site_id`; docs/hq-scaling.md): a
 * distributed table's primary and unique keys must contain the distribution column, or Citus refuses
 * them. Read from the catalog of a migrated HQ, so a new table or index is judged as HQ really has it.
 */

/** Reference tables: small, read without a site at hand, copied whole to every node. Why each one: */
const REFERENCE_TABLES: Record<string, string> = {
  sites: 'the distribution key itself: one row per site, looked up by id and by code',
  site_aliases: 'a few rows per site, looked up by the alias a pushed event carries before its site is known',
  hq_epochs: "HQ's history identity: one row per restore, global by nature",
  hq_migrations: 'schema bookkeeping, one row per migration',
  enroll_codes:
    'one row per desk ever enrolled, looked up by the code the installer types (no site yet), written only at enrolment',
  device_knocks: 'at most 50 per site (handshake.ts), looked up by the unknown device id that knocked, written only then',
  device_sites:
    'device → site, one row per device ever enrolled: a request names only its device, so its site is read here before `devices`',
  hq_console_users: "HQ's own users (the console): company-level, one row per person at HQ",
  hq_console_sessions: 'console sessions, read by token hash at every console request, a few per HQ user',
  hq_console_audit: 'what HQ users did in the console: company-level, written at human speed, searched across sites',
  hq_console_sign_in_limits: 'sign-in attempt counters per HQ login and address: company-level, a few rows per HQ user',
};

/**
 * Keys of tables that grow with sites and still lack `site_id`, as `table.index` (or `table: no
 * site_id`). HQ migration 011 closed the 22 there were: a new one fails.
 */
const KNOWN_GAPS: string[] = [];

interface UniqueKey {
  tbl: string;
  idx: string;
  cols: string[] | null;
}

describe('HQ schema keyed by site', () => {
  let hq: TestHq;
  let tables: { tbl: string; has_site: boolean }[];
  let keys: UniqueKey[];

  beforeAll(async () => {
    hq = await startTestHq();
    tables = (
      await sql<{ tbl: string; has_site: boolean }>`
        SELECT c.relname AS tbl, EXISTS (SELECT 1 FROM pg_attribute a
          WHERE a.attrelid = c.oid AND a.attname = 'site_id' AND a.attnum > 0 AND NOT a.attisdropped) AS has_site
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(hq.db)
    ).rows;
    // Every unique index (primary keys and UNIQUE constraints have one), with its key columns only
    // (indnkeyatts: INCLUDE columns do not make a key unique per site; expressions have attnum 0).
    keys = (
      await sql<UniqueKey>`
        SELECT c.relname AS tbl, i.relname AS idx,
          (SELECT array_agg(a.attname ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum WHERE k.n <= x.indnkeyatts) AS cols
        FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique ORDER BY 1, 2`.execute(hq.db)
    ).rows;
  }, 120_000);

  afterAll(async () => {
    await hq?.close();
  });

  it('names only reference tables HQ has', () => {
    const names = new Set(tables.map((t) => t.tbl));
    expect(Object.keys(REFERENCE_TABLES).filter((t) => !names.has(t))).toEqual([]);
  });

  it('keys every growing table by site, except the gaps it knows (a new gap fails, a closed one must leave the list)', () => {
    const growing = tables.filter((t) => !(t.tbl in REFERENCE_TABLES));
    const gaps = [
      ...growing.filter((t) => !t.has_site).map((t) => `${t.tbl}: no site_id`),
      ...keys.filter((k) => !(k.tbl in REFERENCE_TABLES) && !(k.cols ?? []).includes('site_id')).map((k) => `${k.tbl}.${k.idx}`),
    ].sort();
    expect(gaps).toEqual([...KNOWN_GAPS].sort());
  });

  it('judges the keys that already carry the site as keyed', () => {
    const keyed = keys.filter((k) => (k.cols ?? []).includes('site_id')).map((k) => `${k.tbl}.${k.idx}`);
    expect(keyed).toEqual(
      expect.arrayContaining([
        'attachments.attachments_pkey',
        'hq_staff.hq_staff_pkey',
        'events.events_site_id_site_version_key',
        'events.events_pkey',
        'events.events_id_ok',
        'devices.devices_pkey',
        'held_events.held_events_pkey',
        'hq_ticket_steps.hq_ticket_steps_pkey',
      ]),
    );
  });
});
