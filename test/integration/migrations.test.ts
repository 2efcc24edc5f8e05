import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewerDatabaseError, openDatabase } from '../../db/open.js';
import { migrations, SCHEMA_VERSION } from '../../db/migrations/index.js';
import { Kysely, SqliteDialect } from 'kysely';
import { createBackend } from '../../electron/backend.js';
import { browserPrintBackend } from '../../electron/print/headlessPdf.js';
import { ADMIN, checkInInput, importSampleDirectory, openTestDesk } from '../support/desk.js';

const TABLES = [
  'attachments',
  'counters',
  'deny_list',
  'drawer_counts',
  'drawer_entries',
  'events',
  'fee_charges',
  'fee_receipt_lines',
  'fee_receipt_payments',
  'fee_receipts',
  'fee_refunds',
  'fee_reminders',
  'fee_voids',
  'handover_acks',
  'log_attachments',
  'log_entries',
  // The free-text index of the post log (FTS5 trigram) and its shadow tables.
  'log_fts',
  'log_fts_config',
  'log_fts_data',
  'log_fts_docsize',
  'log_fts_idx',
  'mail_closings',
  'mail_damage',
  'mail_items',
  'mail_notices',
  'meta',
  'newspaper_counts',
  'occupants',
  'parked_events',
  'pin_attempts',
  'pin_desk_attempts',
  'print_jobs',
  'release_gate_checks',
  'release_passes',
  'sealed_fields',
  'settings',
  'shift_members',
  'shifts',
  'site_settings',
  'staff',
  'sync_conflicts',
  'sync_rejections',
  'sync_state',
  'ticket_deadlines',
  'ticket_steps',
  'tickets',
  'units',
  'visits',
];
/** FTS5 writes its configuration rows when the index is created, and sync keeps one state row: not data. */
const CREATED_WITH_ROWS = new Set(['log_fts_config', 'log_fts_data', 'sync_state']);

describe('database migrations', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lobbydesk-migrate-'));
    file = join(dir, 'lobbydesk.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const schemaOf = (raw: BetterSqlite3.Database) =>
    raw.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

  it('an empty file is migrated to the current version with every table, in WAL mode with full sync', async () => {
    writeFileSync(file, ''); // a zero-byte file, as a failed first start may leave behind
    const opened = await openDatabase(file);
    try {
      const raw = opened.raw;
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const tables = (
        raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(tables).toEqual(TABLES);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const t of TABLES.filter((t) => !CREATED_WITH_ROWS.has(t)))
        expect((raw.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0);
    } finally {
      await opened.close();
    }
  });

  it('a missing file is created and migrated', async () => {
    const opened = await openDatabase(file);
    expect(opened.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await opened.close();
  });

  it('reopening a current database changes neither schema nor data', async () => {
    const desk = await openTestDesk({ dataDir: dir });
    await importSampleDirectory(desk);
    await desk.ok('visits:checkIn', await checkInInput(desk));
    const schema = schemaOf(desk.backend.database.raw);
    const events = desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all();
    await desk.reopen();
    expect(desk.backend.database.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(schemaOf(desk.backend.database.raw)).toEqual(schema);
    expect(desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all()).toEqual(events);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    expect(await desk.ok('visits:onSite')).toHaveLength(1);
    await desk.close();
  });

  it('a first-version database gains release passes and the guard role, keeping staff and their PIN lockouts', async () => {
    const old = new BetterSqlite3(file);
    old.pragma('foreign_keys = ON');
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: old }) });
    await migrations[0].up(k);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO staff VALUES ('s1', 'A001', '王经理', 'admin', 'hash', 1, '2026-01-01')").run();
    old.prepare("INSERT INTO pin_attempts VALUES ('s1', 3, NULL)").run();
    expect(() => old.prepare("INSERT INTO staff VALUES ('s2', 'G001', '老赵', 'guard', 'hash', 1, '2026-01-01')").run()).toThrow(
      /CHECK/,
    );
    await k.destroy();

    const opened = await openDatabase(file);
    try {
      const raw = opened.raw;
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(raw.prepare('SELECT id, role FROM staff').all()).toEqual([{ id: 's1', role: 'admin' }]);
      expect(raw.prepare('SELECT * FROM pin_attempts').all()).toEqual([
        { staff_id: 's1', failures: 3, locked_until: null, lock_level: 0, last_failed_at: null },
      ]);
      raw
        .prepare(
          "INSERT INTO staff (id, staff_no, name, role, pin_hash, active, created_at) VALUES ('s2', 'G001', '老赵', 'guard', 'hash', 1, '2026-01-01')",
        )
        .run();
      expect(() =>
        raw
          .prepare(
            "INSERT INTO staff (id, staff_no, name, role, pin_hash, active, created_at) VALUES ('s3', 'X001', '某', 'janitor', 'hash', 1, '2026-01-01')",
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(() => raw.prepare("INSERT INTO pin_attempts VALUES ('nobody', 1, NULL, 0, NULL)").run()).toThrow(/FOREIGN KEY/);
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await opened.close();
    }
  });

  it('a database from a newer version is refused and left untouched', async () => {
    const desk = await openTestDesk({ dataDir: dir });
    await importSampleDirectory(desk);
    await desk.ok('visits:checkIn', await checkInInput(desk));
    await desk.close();
    const newer = new BetterSqlite3(file);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.exec("CREATE TABLE parcels (id TEXT PRIMARY KEY); INSERT INTO parcels VALUES ('p1')");
    newer.close();
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();

    const refused = await openDatabase(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(NewerDatabaseError);
    expect((refused as NewerDatabaseError).found).toBe(SCHEMA_VERSION + 1);
    // The desk backend refuses to start on it too.
    await expect(createBackend({ dataDir: dir, printer: browserPrintBackend(), timers: false })).rejects.toBeInstanceOf(
      NewerDatabaseError,
    );

    expect(hash()).toBe(before);
    const check = new BetterSqlite3(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      expect(check.prepare('SELECT COUNT(*) AS n FROM visits').get()).toEqual({ n: 1 });
      expect(check.prepare('SELECT id FROM parcels').all()).toEqual([{ id: 'p1' }]);
    } finally {
      check.close();
    }
  });
});
