import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../electron/retention.js';
import { retentionProjection } from '../../hq/src/projections/retention.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { ADMIN, importSampleDirectory, newRequestId, TestClock } from '../support/desk.js';
import { mailInput, PNG_1x1, pickupInput } from '../support/mail.js';
import { checkInVisitor, daysLater, fileHolds, personalData, PNG_2x1, VISITOR } from '../support/retention.js';

/**
 * One desk's retention pass reaches the other desk and HQ through a real HQ: every copy drops the
 * same visitor data, and the second desk, having applied the pass, does not write its own.
 */
// HQ's clock: the desks' own in the first test (HQ and desks live the same 182 days), real time otherwise.
let hqNow = () => new Date();
const suite = hqSuite({ clock: () => hqNow() });
const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};

describe('retention across the desks of a site and HQ', () => {
  it('a visit past 180 days is anonymised at both desks and at HQ, in tables and in stored events', async () => {
    // The visit happened 182 days before today, so the desks' clocks end at HQ's own time.
    const clock = new TestClock(Date.now() - 182 * 24 * 3_600_000);
    hqNow = clock.now;
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    const visit = await checkInVisitor(a);
    await a.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      text: '大堂地面破损',
      attachment: { fileName: 'floor.png', contentBase64: PNG_2x1 },
    });
    const item = await a.ok('mail:receive', await mailInput(a));
    await a.ok('mail:pickUp', pickupInput(item.item.id));
    // The handover sheet names the visitor still on site; HQ keeps the closed sheet whole (hq_shift_events).
    expect(JSON.stringify(await a.ok('shift:close', { note: '', pin: ADMIN.pin }))).toContain(VISITOR.name);
    await syncAll(clients);
    expect((await b.ok('visits:recall', { phone: VISITOR.phone }))?.name).toBe(VISITOR.name);
    const hqPictures = async () =>
      (await suite.hq.db.selectFrom('attachments').select('sha256').execute()).map((r) => r.sha256).sort();
    const [photoSha, signatureSha] = [PNG_2x1, PNG_1x1].map((b64) =>
      createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex'),
    );
    expect(await hqPictures()).toEqual([photoSha, signatureSha].sort());
    // Every row of every HQ table, as text (pg_dump in Debian is older than the embedded server).
    const hqHolds = async (text: string) => {
      const { rows: tables } = await sql<{ name: string }>`
        SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(suite.hq.db);
      for (const { name } of tables) {
        const { rows } = await sql<{ n: string }>`
          SELECT count(*) AS n FROM ${sql.table(name)} AS t WHERE t::text LIKE ${'%' + text + '%'}`.execute(suite.hq.db);
        if (Number(rows[0].n) > 0) return true;
      }
      return false;
    };
    expect(await hqHolds(VISITOR.name)).toBe(true);

    await daysLater(a, 182);
    await b.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    expect(await applyRetention(a.backend.services, a.backend.database.raw)).toBe(true);
    await syncAll(clients);
    // Desk B applied A's pass: its own daily run has nothing left to write.
    expect(await applyRetention(b.backend.services, b.backend.database.raw)).toBe(false);
    expect(b.backend.database.raw.prepare("SELECT COUNT(*) FROM events WHERE type = 'RetentionApplied'").pluck().get()).toBe(1);

    expect(await b.ok('visits:recall', { phone: VISITOR.phone })).toBeNull();
    const [atB] = await b.ok('visits:search', { text: '', from: visit.checkedInAt.slice(0, 10) });
    expect(atB).toMatchObject({ id: visit.id, visitorName: '', partySize: 3, hostName: visit.hostName });
    for (const text of personalData()) {
      expect(fileHolds(a, text)).toBe(false);
      expect(fileHolds(b, text)).toBe(false);
      expect(await hqHolds(text)).toBe(false);
    }
    // The log photo (90 days) is gone at HQ too; the signature (365 days) is not due yet.
    expect(await hqPictures()).toEqual([signatureSha]);
    // HQ still counts the visit, with its time and host.
    const { rows } = await sql`SELECT checked_in_at, host_unit_code, visitor_name FROM hq_visits`.execute(suite.hq.db);
    expect(rows).toEqual([{ checked_in_at: visit.checkedInAt, host_unit_code: visit.hostUnitCode, visitor_name: '' }]);
  });

  it("HQ refuses a pass from a desk whose clock runs ahead: the other desk keeps the visit's data", async () => {
    hqNow = () => new Date();
    const ahead = new TestClock();
    const a = await suite.openDesk({ deviceCode: 'A1', clock: ahead });
    const b = await suite.openDesk({ deviceCode: 'A2', clock: new TestClock() });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    await checkInVisitor(a);
    await syncAll(clients);
    ahead.ms = Date.now() + 200 * 24 * 3_600_000;
    expect(await applyRetention(a.backend.services, a.backend.database.raw)).toBe(true);
    await syncAll(clients);
    // Its pass is stamped by its clock, more than 10 minutes past HQ's: refused before its cutoffs are read.
    expect(a.backend.database.raw.prepare('SELECT type, reason FROM sync_rejections').all()).toEqual([
      { type: 'RetentionApplied', reason: 'hlc_ahead' },
    ]);
    expect((await b.ok('visits:recall', { phone: VISITOR.phone }))?.name).toBe(VISITOR.name);
    // A pass with a plausible stamp but cutoffs not yet due (a forged push) is refused by its cutoffs.
    const late = new Date(Date.now() - 3_600_000).toISOString();
    const siteId = (await suite.hq.db.selectFrom('sites').select('id').executeTakeFirstOrThrow()).id;
    const verdict = await retentionProjection.checked!.RetentionApplied!(suite.hq.db, siteId, {
      payload: { visitsBefore: late, signaturesBefore: late, logPhotosBefore: late },
    } as never);
    expect(verdict).toBe('retention_cutoff_too_late');
  });
});
