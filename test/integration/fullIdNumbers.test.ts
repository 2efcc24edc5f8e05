import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../shared/domain/mask.js';
import { applyRetention } from '../../electron/retention.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { checkInInput, importSampleDirectory, TestClock, type TestDesk } from '../support/desk.js';
import { checkInVisitor, daysLater, VISITOR } from '../support/retention.js';
import { deskHolds, hqHolds } from '../support/holdings.js';
import { addStaff, failure } from './helpers.js';

/**
 * Issue 16 item 1, `keepFullIdNumbers`: where the site's policy keeps the full ID number, the taking
 * desk keeps it sealed (AES-256-GCM with a key only it holds); the file, the WAL, the events, the other
 * desk and HQ never hold it; a manager reveals it with a reason (audited), anyone else is refused.
 */
const clock = new TestClock();
const suite = hqSuite({ clock: () => clock.now() });
const OTHER = { name: '李四', phone: '13700137000', idType: 'resident_id' as const, idNumber: '11010519491231002X' };

const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
const sealedRows = (d: TestDesk) => d.count('sealed_fields');

describe('keepFullIdNumbers: the full number sealed at the taking desk, revealed only to a manager', () => {
  it('is off by default: nothing beyond the masked number and hash is kept', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    expect((await a.ok('settings:get', {})).keepFullIdNumbers).toBe(false);
    await checkInVisitor(a);
    expect(sealedRows(a)).toBe(0);
    expect(deskHolds(a, VISITOR.idNumber)).toBe(false);
  });

  it('on: not found in the file, WAL, events, desk B or HQ; a manager reveals it with an audit line, a receptionist is refused', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    const manager = await addStaff(a, 'manager', 'M001', '975310', '陈经理');
    const receptionist = await addStaff(a, 'receptionist', 'R001', '864209', '刘前台');
    await a.ok('settings:update', { keepFullIdNumbers: true }, manager.session);
    const visit = await checkInVisitor(a);
    expect(visit.idNumberMasked).toBe(maskIdNumber(VISITOR.idNumber));
    await syncAll(clients);
    // The site's rule reached desk B too; B keeps only what it took itself.
    expect((await b.ok('settings:get', {})).keepFullIdNumbers).toBe(true);

    expect(sealedRows(a)).toBe(1);
    expect(sealedRows(b)).toBe(0);
    expect(deskHolds(a, VISITOR.idNumber)).toBe(false);
    expect(deskHolds(b, VISITOR.idNumber)).toBe(false);
    expect(await hqHolds(suite.hq.db, VISITOR.idNumber)).toBe(false);
    // The field key never leaves the desk: a 0600 file in desk-server mode (safeStorage under Electron).
    if (process.platform !== 'win32') expect(statSync(join(a.dataDir, 'field-key')).mode & 0o777).toBe(0o600);

    // A receptionist is refused by the backend, and the refusal reads nothing and records nothing.
    const refused = failure(await a.call('privacy:revealVisitId', { visitId: visit.id, reason: '核对' }, receptionist.session));
    expect(refused.code).toBe('forbidden');
    expect((await a.ok('privacy:reads', {}, manager.session)).filter((r) => r.what === 'full_id_number')).toEqual([]);

    // The manager's search shows which visit has it kept; the reveal needs a reason and is audited.
    const found = await a.ok('privacy:personSearch', { name: VISITOR.name, phone: VISITOR.phone }, manager.session);
    expect(found.map((r) => [r.id, r.fullIdKept])).toEqual([[visit.id, true]]);
    const noReason = failure(await a.call('privacy:revealVisitId', { visitId: visit.id, reason: ' ' }, manager.session));
    expect(noReason.issues?.map((i) => i.path)).toEqual(['reason']);
    const shown = await a.ok('privacy:revealVisitId', { visitId: visit.id, reason: '派出所协查' }, manager.session);
    expect(shown.idNumber).toBe(VISITOR.idNumber);
    const reads = await a.ok('privacy:reads', {}, manager.session);
    expect(reads.filter((r) => r.what === 'full_id_number').map((r) => [r.label, r.staffName, r.why])).toEqual([
      [visit.passNo, '陈经理', '派出所协查'],
    ]);
    // The audit line reaches HQ and the other desk; the number does not.
    await syncAll(clients);
    const atB = await b.ok('privacy:reads', {});
    expect(atB.filter((r) => r.what === 'full_id_number').map((r) => r.why)).toEqual(['派出所协查']);
    expect(deskHolds(a, VISITOR.idNumber)).toBe(false);
    expect(await hqHolds(suite.hq.db, VISITOR.idNumber)).toBe(false);

    // Desk B never had it: its manager-level reveal says so.
    const atOther = failure(await b.call('privacy:revealVisitId', { visitId: visit.id, reason: '派出所协查' }));
    expect(atOther.issues).toEqual([{ path: 'visitId', message: 'err.person.fullIdNotKept' }]);
  });

  it('the sealed number goes with the visit at retention and at a person’s erasure', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    await a.ok('settings:update', { keepFullIdNumbers: true });
    const erased = (await a.ok('visits:checkIn', await checkInInput(a, { visitor: OTHER }))).visit;
    const expiring = await checkInVisitor(a);
    expect(sealedRows(a)).toBe(2);
    const done = await a.ok('privacy:personErase', {
      person: { name: OTHER.name, phone: OTHER.phone, idNumber: '' },
      reason: '本人申请',
      confirmName: OTHER.name,
    });
    expect(done.erased).toBe(1);
    expect(failure(await a.call('privacy:revealVisitId', { visitId: erased.id, reason: '核对' })).issues?.[0].message).toBe(
      'err.person.fullIdNotKept',
    );
    expect(sealedRows(a)).toBe(1);

    await daysLater(a, 181);
    expect(await applyRetention(a.backend.services, a.backend.database.raw)).toBe(true);
    expect(sealedRows(a)).toBe(0);
    expect(failure(await a.call('privacy:revealVisitId', { visitId: expiring.id, reason: '核对' })).code).toBe('invalid_input');
  });
});
