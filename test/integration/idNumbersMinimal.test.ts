import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../shared/domain/mask.js';
import { SCRUBBED_ID_NUMBERS, scrubFullIdNumbers } from '../../electron/privacy/legacyIdNumbers.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { hqMigrations } from '../../hq/src/pg/migrations.js';
import { issueEnrollCode } from '../../hq/src/store/admin.js';
import { checkInInput, importSampleDirectory, openTestDesk, TestClock, type TestDesk } from '../support/desk.js';
import { checkInVisitor, fileHolds, VISITOR } from '../support/retention.js';
import { failure } from './helpers.js';
import { passInput } from '../support/releasePass.js';
import { residentIdCheckChar } from '../../shared/domain/idDocument.js';

/**
 * PIPL minimum (issue 16 item 1): a visitor's ID number is kept masked plus a keyed hash. No full
 * number in the desk's file (after a checkpoint), its events, HQ's database or the other desk; the
 * hash still recalls the visitor and stops a listed person at every desk of the site.
 */
// HQ's clock is the desks' own (the test clock's day), so the clock correction HQ sends is zero.
const clock = new TestClock();
const suite = hqSuite({ clock: () => clock.now() });
const MASKED = maskIdNumber(VISITOR.idNumber);
const LISTED = { idNumber: '11010519491231002X', typed: ' 110105 19491231 002x ' };
const APPLICANT = '44030619900101123' + residentIdCheckChar('44030619900101123');

const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};

/** What someone with the data folder finds: the database after a checkpoint (WAL folded in) and its events. */
function deskHolds(desk: TestDesk, text: string): boolean {
  desk.backend.database.raw.pragma('wal_checkpoint(TRUNCATE)');
  const events = desk.backend.database.raw.prepare('SELECT payload FROM events').pluck().all() as string[];
  return fileHolds(desk, text) || events.some((p) => p.includes(text));
}

/** Every row of every HQ table, as text (Debian's pg_dump is older than the embedded server). */
async function hqHolds(text: string): Promise<boolean> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(suite.hq.db);
  for (const { name } of tables) {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(name)} AS t WHERE t::text LIKE ${'%' + text + '%'}`.execute(suite.hq.db);
    if (Number(rows[0].n) > 0) return true;
  }
  return false;
}

const checkInListed = async (desk: TestDesk) =>
  desk.call(
    'visits:checkIn',
    await checkInInput(desk, {
      visitor: { name: '另一个名字', phone: '13600136000', idType: 'resident_id', idNumber: LISTED.typed },
    }),
  );

describe('ID numbers: masked and hashed, never kept in full', () => {
  it('no full number at either desk or HQ; recall and the deny list still work at both desks by the hash', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    const visit = await checkInVisitor(a);
    expect(visit.idNumberMasked).toBe(maskIdNumber(VISITOR.idNumber));
    await a.ok('deny:add', { idNumber: LISTED.idNumber, reason: '多次滋扰住户' });
    const applicant = { name: '张三', phone: '13800138000', idType: 'resident_id' as const, idNumber: APPLICANT };
    const { pass } = await a.ok('passes:issue', await passInput(a, { applicant }));
    expect(pass.idNumberMasked).toBe(maskIdNumber(APPLICANT));
    await syncAll(clients);
    const atB = (await b.ok('passes:search', {})).find((p) => p.id === pass.id);
    expect(atB).toMatchObject({ passNo: pass.passNo, idNumberMasked: maskIdNumber(APPLICANT) });

    // Recall answers the masked number, by phone and by the number typed again.
    const byPhone = await b.ok('visits:recall', { phone: VISITOR.phone });
    expect(byPhone).toMatchObject({ name: VISITOR.name, idNumberMasked: MASKED, visits: 1 });
    expect(JSON.stringify(byPhone)).not.toContain(VISITOR.idNumber);
    expect(await b.ok('visits:recall', { idNumber: VISITOR.idNumber.toLowerCase() })).toMatchObject({ name: VISITOR.name });
    expect(await a.ok('visits:recall', { idNumber: '310104198503120000' })).toBeNull();
    // The history search finds the visit by the full number typed, though only the masked form is kept.
    expect((await b.ok('visits:search', { text: VISITOR.idNumber })).map((v) => v.id)).toEqual([visit.id]);

    // The listed person is stopped at both desks by the hash, whatever name they give.
    for (const desk of [a, b]) {
      const hit = failure(await checkInListed(desk));
      expect(hit.code).toBe('deny_list_hit');
      expect(hit.details).toMatchObject({ entry: { idNumberMasked: '110105********002X' } });
    }

    for (const id of [VISITOR.idNumber, LISTED.idNumber, APPLICANT]) {
      expect(deskHolds(a, id)).toBe(false);
      expect(deskHolds(b, id)).toBe(false);
      expect(await hqHolds(id)).toBe(false);
    }
    // The scans can find: the masked form is at HQ (in the pushed event).
    expect(await hqHolds(MASKED)).toBe(true);

    // Both desks hash with the site's key (the first desk's, which HQ handed to the second): 0600 files.
    const keyFile = (d: TestDesk) => join(d.dataDir, 'id-key');
    const keys = [a, b].map((d) => (JSON.parse(readFileSync(keyFile(d), 'utf8')) as { current: string }).current);
    expect(keys[0]).toBe(keys[1]);
    if (process.platform !== 'win32') for (const d of [a, b]) expect(statSync(keyFile(d)).mode & 0o777).toBe(0o600);
  });

  it("a desk set up offline adopts the site's key at enrolment and still matches its own earlier records", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    await importSampleDirectory(b);
    await checkInVisitor(b);
    await b.ok('deny:add', { idNumber: LISTED.idNumber, reason: '多次滋扰住户' });
    const offlineKey = b.backend.services.idKeys.current();
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    // A enrolled first: its key is the site's; B took it over from HQ's answer.
    expect(b.backend.services.idKeys.current()).toBe(a.backend.services.idKeys.current());
    expect(b.backend.services.idKeys.current()).not.toBe(offlineKey);
    expect(await b.ok('visits:recall', { idNumber: VISITOR.idNumber })).toMatchObject({ name: VISITOR.name, visits: 1 });
    expect(failure(await checkInListed(b)).code).toBe('deny_list_hit');
    // A visit B records now is hashed with the site's key: A recalls it by the number.
    await b.ok('visits:checkOut', { code: (await b.ok('visits:onSite'))[0].passNo });
    await checkInVisitor(b);
    await syncAll(clients);
    expect(await a.ok('visits:recall', { idNumber: VISITOR.idNumber })).toMatchObject({ name: VISITOR.name });
    expect(deskHolds(b, VISITOR.idNumber)).toBe(false);
  });

  it('HQ masks the full numbers of events pushed before this version; a new desk pulls them masked', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const { siteId, clients } = await enrollDesks(suite.hq, [a], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    await checkInVisitor(a);
    await syncAll(clients);
    // What an older desk pushed: the full number in place of the masked form and the hash.
    await sql`UPDATE events SET payload = ${JSON.stringify({
      ...((
        await sql<{ p: Record<string, unknown> }>`SELECT payload AS p FROM events WHERE type = 'VisitorCheckedIn'`.execute(
          suite.hq.db,
        )
      ).rows[0].p as object),
      visitor: { name: VISITOR.name, phone: VISITOR.phone, idType: 'resident_id', idNumber: VISITOR.idNumber },
    })}::json WHERE type = 'VisitorCheckedIn'`.execute(suite.hq.db);
    expect(await hqHolds(VISITOR.idNumber)).toBe(true);
    await hqMigrations.find((m) => m.name === '007_id_numbers_minimal')!.up(suite.hq.db);
    expect(await hqHolds(VISITOR.idNumber)).toBe(false);
    const { rows } = await sql<{ v: Record<string, unknown> }>`
      SELECT payload->'visitor' AS v FROM events WHERE type = 'VisitorCheckedIn'`.execute(suite.hq.db);
    expect(rows[0].v).toEqual({
      name: VISITOR.name,
      phone: VISITOR.phone,
      idType: 'resident_id',
      idNumberMasked: MASKED,
      idHash: '',
    });

    const b = await suite.openDesk({ deviceCode: 'A2' });
    const cb = syncClientFor(b);
    await cb.enroll(suite.hq.url, await issueEnrollCode(suite.hq.db, siteId, 'A2'));
    await cb.syncNow();
    // The old event's phone is masked too (HQ migration 008, no hash), so B finds the visit by name.
    expect((await b.ok('visits:search', { text: VISITOR.name }))[0]).toMatchObject({ idNumberMasked: MASKED });
    expect(deskHolds(b, VISITOR.idNumber)).toBe(false);
  });

  it('a desk one version behind pushes a full number: HQ stores and forwards it masked', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    await checkInVisitor(a);
    // The event as the older version wrote it, still in the outbox.
    a.backend.database.raw
      .prepare(
        `UPDATE events SET payload = json_set(json_remove(payload, '$.visitor.idNumberMasked', '$.visitor.idHash'), '$.visitor.idNumber', ?)
         WHERE type = 'VisitorCheckedIn'`,
      )
      .run(VISITOR.idNumber);
    await syncAll(clients);
    expect(a.backend.database.raw.prepare('SELECT COUNT(*) FROM sync_rejections').pluck().get()).toBe(0);
    expect(await hqHolds(VISITOR.idNumber)).toBe(false);
    expect(await hqHolds(MASKED)).toBe(true);
    expect(await b.ok('visits:recall', { phone: VISITOR.phone })).toMatchObject({ name: VISITOR.name, idNumberMasked: MASKED });
    expect(deskHolds(b, VISITOR.idNumber)).toBe(false);
  });

  it('a desk that kept full numbers (older version) masks and hashes its rows and events at start', async () => {
    const desk = await openTestDesk();
    try {
      await importSampleDirectory(desk);
      await checkInVisitor(desk);
      await desk.ok('deny:add', { idNumber: LISTED.idNumber, reason: '多次滋扰住户' });
      const applicant = { name: '张三', phone: '13800138000', idType: 'resident_id' as const, idNumber: APPLICANT };
      await desk.ok('passes:issue', await passInput(desk, { applicant }));
      // Make the data what the older version wrote: full numbers in the column and in the events.
      const raw = desk.backend.database.raw;
      // An older version's file has no record of the scrub (this version's first start writes it).
      raw.prepare('DELETE FROM meta WHERE key = ?').run(SCRUBBED_ID_NUMBERS);
      raw.prepare(`UPDATE visits SET id_number_masked = ?, id_hash = ''`).run(VISITOR.idNumber);
      raw.prepare(`UPDATE deny_list SET id_number_masked = ?, id_hash = ''`).run(LISTED.idNumber);
      raw.prepare(`UPDATE release_passes SET id_number_masked = ?, id_hash = ''`).run(APPLICANT);
      raw
        .prepare(
          `UPDATE events SET payload = json_set(json_remove(payload, '$.applicant.idNumberMasked', '$.applicant.idHash'), '$.applicant.idNumber', ?)
           WHERE type = 'ReleasePassIssued'`,
        )
        .run(APPLICANT);
      raw
        .prepare(
          `UPDATE events SET payload = json_set(json_remove(payload, '$.visitor.idNumberMasked', '$.visitor.idHash'), '$.visitor.idNumber', ?)
           WHERE type = 'VisitorCheckedIn'`,
        )
        .run(VISITOR.idNumber);
      raw
        .prepare(
          `UPDATE events SET payload = json_set(json_remove(payload, '$.idNumberMasked', '$.idHash'), '$.idNumber', ?)
           WHERE type = 'DenyEntryAdded'`,
        )
        .run(LISTED.idNumber);
      for (const id of [VISITOR.idNumber, LISTED.idNumber, APPLICANT]) expect(deskHolds(desk, id)).toBe(true);

      expect(await scrubFullIdNumbers(desk.backend.services.db, desk.backend.services.idKeys)).toBe(6);
      expect(await scrubFullIdNumbers(desk.backend.services.db, desk.backend.services.idKeys)).toBe(0);
      for (const id of [VISITOR.idNumber, LISTED.idNumber, APPLICANT]) expect(deskHolds(desk, id)).toBe(false);
      expect((await desk.ok('passes:search', {}))[0].idNumberMasked).toBe(maskIdNumber(APPLICANT));
      expect(await desk.ok('visits:recall', { idNumber: VISITOR.idNumber })).toMatchObject({
        name: VISITOR.name,
        idNumberMasked: MASKED,
      });
      expect(failure(await checkInListed(desk)).code).toBe('deny_list_hit');
    } finally {
      await desk.close();
    }
  });
});
