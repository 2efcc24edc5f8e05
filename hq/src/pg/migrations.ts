import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from './schema.js';
import { projectionMigrations } from '../projections/index.js';
import { eventWithoutFullIdNumber, maskedOnly } from '../../../shared/domain/legacyIdNumber.js';
import { checkInWithoutFullPhone, phoneMaskedOnly } from '../../../shared/domain/legacyPhone.js';

type Migration = { name: string; up: (db: Kysely<HqDatabase>) => Promise<void> };

/** The HQ store: sites, devices, one-time codes and the append-only event table. */
const core: Migration = {
  name: '001_core',
  async up(db) {
    await sql`
      CREATE TABLE sites (id text PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL, kind text NOT NULL,
        version bigint NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    await sql`CREATE TABLE site_aliases (alias text PRIMARY KEY, site_id text NOT NULL REFERENCES sites(id))`.execute(db);
    await sql`
      CREATE TABLE devices (id text PRIMARY KEY, site_id text NOT NULL REFERENCES sites(id), code text NOT NULL,
        secret_hash text NOT NULL, last_seq bigint NOT NULL DEFAULT 0, enrolled_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz, last_seen_at timestamptz, drift_ms bigint)`.execute(db);
    await sql`
      CREATE TABLE enroll_codes (code text PRIMARY KEY, site_id text NOT NULL REFERENCES sites(id),
        device_code text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), used_at timestamptz, used_by text)`.execute(db);
    // Append-only: rows are inserted, never updated or deleted (a later event refers to an earlier one).
    await sql`
      CREATE TABLE events (
        device_id text NOT NULL,
        device_seq bigint NOT NULL,
        id text NOT NULL,
        site_id text NOT NULL REFERENCES sites(id),
        site_version bigint NOT NULL,
        hlc text NOT NULL,
        type text NOT NULL,
        v int NOT NULL,
        actor text NOT NULL,
        desk_site_id text NOT NULL,
        -- json, not jsonb: jsonb reorders object keys, and desks must get back the exact payload they
        -- wrote (appliers serialise parts of it, so key order shows in every desk's tables).
        payload json NOT NULL,
        recorded_at text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL CHECK (status IN ('ok', 'rejected')),
        reject_reason text,
        reject_detail text,
        PRIMARY KEY (device_id, device_seq),
        UNIQUE (site_id, site_version)
      )`.execute(db);
    // An event id is stored once; a second event reusing an accepted id is kept only as a rejection.
    await sql`CREATE UNIQUE INDEX events_id_ok ON events (id) WHERE status = 'ok'`.execute(db);
    await sql`CREATE INDEX events_rejected ON events (site_id, received_at) WHERE status = 'rejected'`.execute(db);
    await sql`
      CREATE TABLE hq_conflicts (event_id text PRIMARY KEY, site_id text NOT NULL, entity text NOT NULL,
        entity_id text NOT NULL, winner_event_id text NOT NULL)`.execute(db);
  },
};

/** Photos and signatures from the desks, by content: one row per picture per site, never updated. */
const attachments: Migration = {
  name: '002_attachments',
  async up(db) {
    await sql`
      CREATE TABLE attachments (site_id text NOT NULL REFERENCES sites(id), sha256 text NOT NULL, mime text NOT NULL,
        size int NOT NULL, data bytea NOT NULL, device_id text NOT NULL REFERENCES devices(id),
        received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (site_id, sha256))`.execute(db);
  },
};

/**
 * Receipt numbers are unique per site, not across sites: two sites may share a code's digits, and a
 * number is only ever judged within its site (the prefix is checked against the pushing device).
 */
const receiptsPerSite: Migration = {
  name: '003_receipts_unique_per_site',
  async up(db) {
    await sql`ALTER TABLE hq_receipts DROP CONSTRAINT IF EXISTS hq_receipts_receipt_no_key`.execute(db);
    await sql`ALTER TABLE hq_receipts ADD CONSTRAINT hq_receipts_site_receipt_no UNIQUE (site_id, receipt_no)`.execute(db);
  },
};

/**
 * Privileged staff changes from desks wait for an HQ administrator (issue 14): such an event is stored
 * with status 'held' and its push-time version is never served; on confirmation it becomes 'ok' with
 * the site's next version (so desks whose cursor passed its first place still get it), on refusal
 * 'rejected'. held_events keeps why it was held and who decided what, when.
 */
const heldEvents: Migration = {
  name: '004_held_events',
  async up(db) {
    await sql`ALTER TABLE events DROP CONSTRAINT events_status_check`.execute(db);
    await sql`ALTER TABLE events ADD CONSTRAINT events_status_check CHECK (status IN ('ok', 'rejected', 'held'))`.execute(db);
    await sql`
      CREATE TABLE held_events (device_id text NOT NULL, device_seq bigint NOT NULL, event_id text NOT NULL,
        site_id text NOT NULL REFERENCES sites(id), why text NOT NULL, held_at timestamptz NOT NULL DEFAULT now(),
        decision text CHECK (decision IN ('confirmed', 'refused')), decided_at timestamptz, refuse_reason text,
        PRIMARY KEY (device_id, device_seq),
        -- Checked at commit: a push batch records the hold when it judges the event, before inserting the batch.
        FOREIGN KEY (device_id, device_seq) REFERENCES events (device_id, device_seq) DEFERRABLE INITIALLY DEFERRED)`.execute(db);
    await sql`CREATE INDEX held_events_site ON held_events (site_id, held_at)`.execute(db);
    // HQ reads one person's history (role, active, PIN) to judge a staff event.
    await sql`CREATE INDEX events_staff ON events (site_id, (payload->>'staffId')) WHERE type LIKE 'Staff%'`.execute(db);
  },
};

/**
 * HQ-assigned identities: a replacement code names the device it replaces, and a device row names the
 * device it took over from (its events are never pulled back to it; its seq carried over).
 */
const deviceIdentity: Migration = {
  name: '005_device_identity',
  async up(db) {
    await sql`ALTER TABLE enroll_codes ADD COLUMN replaces text REFERENCES devices(id)`.execute(db);
    await sql`ALTER TABLE devices ADD COLUMN replaces text UNIQUE REFERENCES devices(id)`.execute(db);
  },
};

/** An anonymous complaint's unit names the complainant: HQ's ticket list never held it, nor does it now. */
const anonymousUnits: Migration = {
  name: '006_anonymous_ticket_units',
  async up(db) {
    await sql`UPDATE hq_tickets SET unit_code = '', customer_name = '' WHERE anonymous`.execute(db);
  },
};

/**
 * PIPL minimum: HQ keeps each site's ID key (issued at enrolment, electron/privacy/idHash.ts), and the
 * events desks pushed before hashing lose their full ID numbers (masked, no hash: HQ never saw a key
 * for them), so no desk pulls a full number again. Text, not jsonb: the payload's key order stays.
 */
const idNumbersMinimal: Migration = {
  name: '007_id_numbers_minimal',
  async up(db) {
    await sql`ALTER TABLE sites ADD COLUMN IF NOT EXISTS id_key text`.execute(db);
    const { rows } = await sql<{ device_id: string; device_seq: string; type: string; payload: string }>`
      SELECT device_id, device_seq, type, payload::text AS payload FROM events
      WHERE (type = 'VisitorCheckedIn' AND payload->'visitor'->'idNumber' IS NOT NULL)
        OR (type = 'ReleasePassIssued' AND payload->'applicant'->'idNumber' IS NOT NULL)
        OR (type = 'DenyEntryAdded' AND payload->'idNumber' IS NOT NULL)`.execute(db);
    for (const r of rows) {
      const next = eventWithoutFullIdNumber(r.type, JSON.parse(r.payload) as Record<string, unknown>, maskedOnly);
      await sql`UPDATE events SET payload = ${JSON.stringify(next)}::json
        WHERE device_id = ${r.device_id} AND device_seq = ${r.device_seq}`.execute(db);
    }
  },
};

/**
 * Visitors' phones kept masked plus a keyed hash (desk schema 16): the check-ins desks pushed before
 * lose their full phones (masked, no hash), so no desk pulls a full phone again. Text, not jsonb.
 */
const visitorPhonesMinimal: Migration = {
  name: '008_visitor_phones_minimal',
  async up(db) {
    const { rows } = await sql<{ device_id: string; device_seq: string; payload: string }>`
      SELECT device_id, device_seq, payload::text AS payload FROM events
      WHERE type = 'VisitorCheckedIn' AND payload->'visitor'->>'phone' <> ''
        AND strpos(payload->'visitor'->>'phone', '*') = 0`.execute(db);
    for (const r of rows) {
      const next = checkInWithoutFullPhone(JSON.parse(r.payload) as Record<string, unknown>, phoneMaskedOnly);
      await sql`UPDATE events SET payload = ${JSON.stringify(next)}::json
        WHERE device_id = ${r.device_id} AND device_seq = ${r.device_seq}`.execute(db);
    }
  },
};

/**
 * History identity (issue 15): the epoch HQ's history counts in — made with the database, a new one
 * marked after a restore from backup (`restore-mark`), with each site's version at the mark, which
 * every desk of the older epoch shares — and the desks a restored HQ does not know that called it
 * (`device_knocks`, what `readmit` re-admits).
 */
const historyIdentity: Migration = {
  name: '009_history_identity',
  async up(db) {
    await sql`
      CREATE TABLE hq_epochs (epoch text PRIMARY KEY, n int NOT NULL UNIQUE, parent text REFERENCES hq_epochs(epoch),
        site_versions json NOT NULL DEFAULT '{}', started_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    await sql`INSERT INTO hq_epochs (epoch, n) VALUES (${randomUUID()}, 1)`.execute(db);
    await sql`
      CREATE TABLE device_knocks (device_id text PRIMARY KEY, site_id text NOT NULL REFERENCES sites(id),
        device_code text NOT NULL, secret_hash text NOT NULL, first_at timestamptz NOT NULL DEFAULT now(),
        last_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    await sql`CREATE INDEX device_knocks_site ON device_knocks (site_id, device_code)`.execute(db);
  },
};

/**
 * Events that wait (issue 15): one naming a record HQ does not hold yet, or (stored before this) a version
 * HQ did not know, is stored 'waiting' and applied when its record arrives or HQ is updated; its
 * push-time version is never served, it gets the site's next one when applied. The rejections of those
 * kinds stored before wait from now on.
 */
const waitingEvents: Migration = {
  name: '010_waiting_events',
  async up(db) {
    await sql`ALTER TABLE events DROP CONSTRAINT events_status_check`.execute(db);
    await sql`ALTER TABLE events ADD CONSTRAINT events_status_check CHECK (status IN ('ok', 'rejected', 'held', 'waiting'))`.execute(
      db,
    );
    await sql`
      CREATE TABLE waiting_events (device_id text NOT NULL, device_seq bigint NOT NULL, event_id text NOT NULL,
        site_id text NOT NULL REFERENCES sites(id), reason text NOT NULL, since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (device_id, device_seq), FOREIGN KEY (device_id, device_seq) REFERENCES events (device_id, device_seq))`.execute(
      db,
    );
    await sql`CREATE INDEX waiting_events_site ON waiting_events (site_id)`.execute(db);
    await waitPreviousRejections(db);
  },
};

/** Migration 010's data step: HQ's earlier rejections for a missing record or an unknown version wait now. */
export async function waitPreviousRejections(db: Kysely<HqDatabase>): Promise<void> {
  const reasons = [
    ...['unknown_visit', 'unknown_release_pass', 'unknown_mail_item', 'unknown_receipt', 'unknown_ticket'],
    ...['unknown_log_entry', 'unknown_damage', 'unknown_type', 'unknown_version'],
  ];
  await sql`INSERT INTO waiting_events (device_id, device_seq, event_id, site_id, reason)
    SELECT device_id, device_seq, id, site_id, reject_reason FROM events
    WHERE status = 'rejected' AND reject_reason = ANY(${reasons}) ON CONFLICT DO NOTHING`.execute(db);
  await sql`UPDATE events SET status = 'waiting' WHERE status = 'rejected' AND reject_reason = ANY(${reasons})`.execute(db);
}

/**
 * Keyed by site (issue 18 item 8, docs/hq-scaling.md): every table that grows with sites has `site_id`
 * first in its primary and unique keys, so each can be distributed by `site_id` (Citus) with its
 * foreign keys node-local. A request names its device, not its site: `device_sites` (device → site,
 * one row per device ever enrolled, a reference table) is read first. An event id is now accepted once
 * per site (`events_id_ok`), as Citus can only check it there. Data stays: keys are rebuilt in place.
 */
const keyedBySite: Migration = {
  name: '011_keyed_by_site',
  async up(db) {
    const run = async (...stmts: string[]) => {
      for (const s of stmts) await sql.raw(s).execute(db);
    };
    await run(
      `CREATE TABLE device_sites (device_id text PRIMARY KEY, site_id text NOT NULL REFERENCES sites(id), UNIQUE (device_id, site_id))`,
      `INSERT INTO device_sites (device_id, site_id) SELECT id, site_id FROM devices`,
      // Foreign keys on the old keys go first, then the keys, then the foreign keys come back on the new ones.
      `ALTER TABLE held_events DROP CONSTRAINT held_events_device_id_device_seq_fkey`,
      `ALTER TABLE waiting_events DROP CONSTRAINT waiting_events_device_id_device_seq_fkey`,
      `ALTER TABLE attachments DROP CONSTRAINT attachments_device_id_fkey`,
      `ALTER TABLE enroll_codes DROP CONSTRAINT enroll_codes_replaces_fkey`,
      `ALTER TABLE devices DROP CONSTRAINT devices_replaces_fkey`,
      `ALTER TABLE devices DROP CONSTRAINT devices_replaces_key`,
      `ALTER TABLE devices DROP CONSTRAINT devices_pkey`,
      `ALTER TABLE devices ADD PRIMARY KEY (site_id, id)`,
      `ALTER TABLE devices ADD CONSTRAINT devices_site_of FOREIGN KEY (id, site_id) REFERENCES device_sites (device_id, site_id)`,
      `ALTER TABLE devices ADD CONSTRAINT devices_replaces_key UNIQUE (site_id, replaces)`,
      `ALTER TABLE devices ADD CONSTRAINT devices_replaces_fkey FOREIGN KEY (site_id, replaces) REFERENCES devices (site_id, id)`,
      `ALTER TABLE enroll_codes ADD CONSTRAINT enroll_codes_replaces_fkey FOREIGN KEY (replaces, site_id) REFERENCES device_sites (device_id, site_id)`,
      `ALTER TABLE attachments ADD CONSTRAINT attachments_device_fkey FOREIGN KEY (site_id, device_id) REFERENCES devices (site_id, id)`,
      `ALTER TABLE events DROP CONSTRAINT events_pkey`,
      `ALTER TABLE events ADD PRIMARY KEY (site_id, device_id, device_seq)`,
      `DROP INDEX events_id_ok`,
      `CREATE UNIQUE INDEX events_id_ok ON events (site_id, id) WHERE status = 'ok'`,
      // The HQ pseudo-device's sequence is global (admin.ts): its last seq is read without a site.
      `CREATE INDEX events_hq_seq ON events (device_seq) WHERE device_id = 'hq'`,
      `ALTER TABLE held_events DROP CONSTRAINT held_events_pkey`,
      `ALTER TABLE held_events ADD PRIMARY KEY (site_id, device_id, device_seq)`,
      `ALTER TABLE held_events ADD CONSTRAINT held_events_event_fkey FOREIGN KEY (site_id, device_id, device_seq)
         REFERENCES events (site_id, device_id, device_seq) DEFERRABLE INITIALLY DEFERRED`,
      `ALTER TABLE waiting_events DROP CONSTRAINT waiting_events_pkey`,
      `ALTER TABLE waiting_events ADD PRIMARY KEY (site_id, device_id, device_seq)`,
      `ALTER TABLE waiting_events ADD CONSTRAINT waiting_events_event_fkey FOREIGN KEY (site_id, device_id, device_seq)
         REFERENCES events (site_id, device_id, device_seq)`,
      // A step's site is its ticket's; a step of no ticket was never read (tickets.ts reads a ticket's steps).
      `ALTER TABLE hq_ticket_steps ADD COLUMN site_id text`,
      `UPDATE hq_ticket_steps s SET site_id = t.site_id FROM hq_tickets t WHERE t.id = s.ticket_id`,
      `DELETE FROM hq_ticket_steps WHERE site_id IS NULL`,
      `ALTER TABLE hq_ticket_steps ALTER COLUMN site_id SET NOT NULL`,
      `DROP INDEX hq_ticket_steps_ticket`,
      `CREATE INDEX hq_ticket_steps_ticket ON hq_ticket_steps (site_id, ticket_id)`,
    );
    const byId = ['hq_visits', 'hq_tickets', 'hq_ticket_steps', 'hq_receipts', 'hq_fee_charges', 'hq_fee_refunds'];
    byId.push('hq_release_passes', 'hq_shifts', 'hq_log_entries', 'hq_mail_items', 'hq_mail_damage');
    const byEvent = ['hq_conflicts', 'hq_fee_events', 'hq_mail_events', 'hq_shift_events'];
    for (const [tables, col] of [
      [byId, 'id'],
      [byEvent, 'event_id'],
    ] as const) {
      for (const t of tables)
        await run(`ALTER TABLE ${t} DROP CONSTRAINT ${t}_pkey`, `ALTER TABLE ${t} ADD PRIMARY KEY (site_id, ${col})`);
    }
  },
};

/** Issue 19: which desk runs which release (from its handshake), and the channel each site's desks update from. */
const deskReleases: Migration = {
  name: '012_desk_releases',
  async up(db) {
    await sql`ALTER TABLE devices ADD COLUMN app_version text`.execute(db);
    await sql`ALTER TABLE sites ADD COLUMN update_channel text NOT NULL DEFAULT 'stable' CHECK (update_channel IN ('stable', 'pilot'))`.execute(
      db,
    );
  },
};

/** The latest health report of each desk (handshake `health`): one row per device, replaced at every round. */
const deviceHealth: Migration = {
  name: '013_device_health',
  async up(db) {
    await sql`
      CREATE TABLE device_health (site_id text NOT NULL REFERENCES sites(id), device_id text NOT NULL,
        reported_at timestamptz NOT NULL, health jsonb NOT NULL, PRIMARY KEY (site_id, device_id),
        FOREIGN KEY (site_id, device_id) REFERENCES devices(site_id, id))`.execute(db);
  },
};

/**
 * The HQ console (issue 21): HQ's own users (not desk staff), their sessions and what they did. Company-level
 * tables written at human speed, read by login or token: reference tables on a distributed HQ.
 */
const consoleAccounts: Migration = {
  name: '014_console',
  async up(db) {
    await sql`
      CREATE TABLE hq_console_users (id text PRIMARY KEY, login text NOT NULL UNIQUE, name text NOT NULL,
        password_hash text NOT NULL, role text NOT NULL CHECK (role IN ('admin', 'finance', 'service', 'auditor')),
        -- NULL: every site; otherwise the sites this user may see and act on.
        site_ids text[], totp_secret text, must_change_password boolean NOT NULL DEFAULT false,
        disabled_at timestamptz, created_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    // The token is never stored: its SHA-256 is, so a read of this table signs nobody in.
    await sql`
      CREATE TABLE hq_console_sessions (token_hash text PRIMARY KEY, user_id text NOT NULL REFERENCES hq_console_users(id),
        created_at timestamptz NOT NULL, last_seen_at timestamptz NOT NULL, expires_at timestamptz NOT NULL)`.execute(db);
    await sql`CREATE INDEX hq_console_sessions_user ON hq_console_sessions (user_id)`.execute(db);
    await sql`
      CREATE TABLE hq_console_audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL, user_id text NOT NULL,
        action text NOT NULL, site_id text, detail json NOT NULL)`.execute(db);
    await sql`CREATE INDEX hq_console_audit_at ON hq_console_audit (at DESC)`.execute(db);
  },
};

/**
 * The console's sign-in defences (issue 21): the TOTP step last accepted per user (a code is good once),
 * the secret being enrolled until its first code confirms it, the last sign-in, and the sign-in attempt
 * counters per login and per address — in PostgreSQL so every HQ process counts the same attempts.
 */
const consoleSecurity: Migration = {
  name: '015_console_security',
  async up(db) {
    await sql`
      ALTER TABLE hq_console_users ADD COLUMN totp_last_step bigint, ADD COLUMN totp_pending text,
        ADD COLUMN last_sign_in_at timestamptz`.execute(db);
    await sql`
      CREATE TABLE hq_console_sign_in_limits (key text PRIMARY KEY, attempts integer NOT NULL,
        window_start timestamptz NOT NULL)`.execute(db);
  },
};

export const hqMigrations: Migration[] = [
  core,
  ...projectionMigrations,
  attachments,
  receiptsPerSite,
  heldEvents,
  deviceIdentity,
  anonymousUnits,
  idNumbersMinimal,
  visitorPhonesMinimal,
  historyIdentity,
  waitingEvents,
  keyedBySite,
  deskReleases,
  deviceHealth,
  consoleAccounts,
  consoleSecurity,
];

/** Applies missing migrations, each in its own transaction, serialised across HQ processes by an advisory lock. */
export async function migrateHq(db: Kysely<HqDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(4242)`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS hq_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
      trx,
    );
    const done = new Set((await trx.selectFrom('hq_migrations').select('name').execute()).map((r) => r.name));
    for (const m of hqMigrations) {
      if (done.has(m.name)) continue;
      await m.up(trx);
      await trx.insertInto('hq_migrations').values({ name: m.name }).execute();
    }
  });
}
