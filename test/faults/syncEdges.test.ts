import { minimalId } from '../../electron/privacy/idHash.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { createSite, issueEnrollCode, listDevices, revokeDevice, writeMasterEvent } from '../../hq/src/store/admin.js';
import { SyncFailure } from '../../electron/sync/client.js';
import { checkInInput, importSampleDirectory, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { DESK_COMPATIBILITY, DESK_SCHEMA_VERSION } from '../../shared/sync/version.js';
import { lastErrorText } from '../../renderer/src/features/sync/lastErrorText.js';
import zhHansLocale from '../../shared/i18n/locales/zh-Hans.json';
import { SYNC_LIMITS } from '../../shared/sync/protocol.js';

const suite = hqSuite();
const desk = (deviceCode: string) => suite.openDesk({ deviceCode });
const hqCount = async (where = "status = 'ok'") => {
  const { rows } = await suite.hq.db.executeQuery<{ n: string }>({
    sql: `SELECT count(*) AS n FROM events WHERE ${where}`,
    parameters: [],
    query: null as never,
    queryId: null as never,
  });
  return Number(rows[0].n);
};
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${suite.hq.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const zhHans = ((key: string) =>
  key.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown>)[k], zhHansLocale)) as never;

describe('sync with a real HQ', () => {
  it('HQ speaks the desk schema version of this build', () => {
    expect(DESK_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  it("two desks of a site: every event reaches HQ once, each desk sees the other desk's visits", async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(a);
    const [ca, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
    await ca.syncNow();
    await cb.syncNow();
    expect(b.count('occupants')).toBe(a.count('occupants'));
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await b.ok('visits:checkIn', await checkInInput(b));
    await ca.syncNow();
    await cb.syncNow();
    await ca.syncNow();
    expect(a.count('visits')).toBe(2);
    expect(b.count('visits')).toBe(2);
    const own = (d: TestDesk) => d.count('events WHERE device_id = (SELECT device_id FROM sync_state)');
    // Desk A2's own first admin waits at HQ for an administrator (A1's came first): stored, not served.
    expect(await hqCount("status = 'held'")).toBe(1);
    expect(await hqCount("status IN ('ok', 'held')")).toBe(own(a) + own(b));
    expect((await ca.status()).waiting).toBe(0);
    // The same visit checked out at both desks: both kept, the earlier by HLC wins everywhere.
    await a.ok('visits:checkOut', { visitId: visit.id });
    b.clock.advance(1);
    await b.ok('visits:checkOut', { visitId: visit.id });
    await cb.syncNow();
    await ca.syncNow();
    await cb.syncNow();
    const row = (d: TestDesk) =>
      d.backend.database.raw.prepare('SELECT status, checked_out_at, close_event_id FROM visits WHERE id = ?').get(visit.id);
    expect(row(a)).toEqual(row(b));
    expect(a.count('sync_conflicts')).toBe(1);
    expect(b.count('sync_conflicts')).toBe(1);
  });

  it("site isolation: events for another site are rejected, the other site's data is never pulled, a revoked desk is refused", async () => {
    const a = await desk('A1');
    const other = await suite.openDesk({ deviceCode: 'B1' });
    const {
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    const siteB = await createSite(suite.hq.db, { code: 'XB', name: '西部', kind: 'office' });
    await importSampleDirectory(a);
    await ca.syncNow();
    // A forged batch: desk A's credential, but an event that says it belongs to site B.
    const st = a.backend.database.raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string };
    const { readFileSync } = await import('node:fs');
    const secret = readFileSync(`${a.dataDir}/hq-secret`, 'utf8');
    const seq = a.count('events') + 1;
    const forged = {
      id: 'forged-1',
      deviceId: st.device_id,
      deviceSeq: seq,
      hlc: '000000000000001-00000-x',
      type: 'DenyEntryRevoked',
      v: 1,
      actor: 'x',
      siteId: siteB,
      payload: { entryId: 'e', reason: 'r' },
      recordedAt: new Date().toISOString(),
    };
    const res = await post(
      '/sync/push',
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, sentAt: new Date().toISOString(), events: [forged] }),
      { 'x-device-id': st.device_id, authorization: `Bearer ${secret}` },
    );
    const body = (await res.json()) as { rejections: { reason: string }[] };
    expect(body.rejections[0]!.reason).toBe('wrong_site');
    expect(await hqCount(`site_id = '${siteB}'`)).toBe(0);
    // Site B's desk enrolls and pulls: nothing of site A arrives.
    const codeB = await issueEnrollCode(suite.hq.db, siteB, 'B1');
    const cb = syncClientFor(other);
    await expect(cb.enroll(suite.hq.url, codeB)).rejects.toThrow(/site XB/);
    expect(other.count('occupants')).toBe(0);
    // Revoked: refused, the queue stays.
    await revokeDevice(suite.hq.db, st.device_id);
    await a.ok('visits:checkIn', await checkInInput(a));
    await expect(ca.pushAll()).rejects.toMatchObject({ code: 'revoked' });
    expect((await ca.status()).waiting).toBeGreaterThan(0);
  });

  it('version window: a desk two schemas behind still syncs; one below the declared window gets upgrade_required, keeps its queue and says "需要更新"', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(b);
    await enrollDesks(suite.hq, [a, b]);
    // Two desk releases (migrations) old is inside HQ's window: not "N and N-1" any more.
    expect(SCHEMA_VERSION - 2).toBeGreaterThanOrEqual(DESK_COMPATIBILITY.minSchemaVersion);
    const behind2 = syncClientFor(a, { schemaVersion: SCHEMA_VERSION - 2 });
    await behind2.pushAll();
    expect((await behind2.status()).waiting).toBe(0);
    // Below the window: refused at the handshake, nothing acknowledged, the desk goes on working offline.
    const tooOld = syncClientFor(b, { schemaVersion: DESK_COMPATIBILITY.minSchemaVersion - 1 });
    const before = (await tooOld.status()).waiting;
    expect(before).toBeGreaterThan(0);
    await tooOld.syncNow();
    await b.ok('visits:checkIn', await checkInInput(b));
    const status = await b.ok('sync:status', undefined);
    expect(status.waiting).toBeGreaterThan(before);
    expect(status.lastError).toMatch(
      /^upgrade_required: This desk \(schema \d+\) is too old for HQ.*install the current desk release/,
    );
    expect(lastErrorText(zhHans, status.lastError!)).toMatch(/^需要更新：.*待同步记录保留在本机/);
    // A desk newer than HQ is told HQ must be updated first.
    const err = await syncClientFor(b, { schemaVersion: SCHEMA_VERSION + 1 })
      .pushAll()
      .catch((e: SyncFailure) => e);
    expect(err).toMatchObject({ code: 'upgrade_required', status: 426 });
    expect((err as SyncFailure).message).toMatch(/newer than HQ.*update HQ first/);
    // Updated (the current schema): the queue goes to HQ, all of it.
    await syncClientFor(b).syncNow();
    expect((await b.ok('sync:status', undefined)).waiting).toBe(0);
  });

  it('bad input at HQ: malformed JSON, oversized batch, wrong types, forged device id → 4xx with a reason, nothing stored', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await enrollDesks(suite.hq, [a, b]);
    const id = (d: TestDesk) =>
      (d.backend.database.raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string }).device_id;
    const { readFileSync } = await import('node:fs');
    const auth = { 'x-device-id': id(a), authorization: `Bearer ${readFileSync(`${a.dataDir}/hq-secret`, 'utf8')}` };
    const ev = (over: object = {}) => ({
      id: 'e1',
      deviceId: id(a),
      deviceSeq: 1,
      hlc: 'h',
      type: 'VisitorCheckedOut',
      v: 1,
      actor: 'x',
      siteId: 's',
      payload: {},
      recordedAt: 'now',
      ...over,
    });
    const cases: Array<[string, number, string]> = [];
    const check = async (name: string, r: Response) =>
      cases.push([name, r.status, ((await r.json()) as { error: string }).error]);
    await check('malformed', await post('/sync/push', '{"schemaVersion": 4, "events": [', auth));
    await check(
      'oversized',
      await post(
        '/sync/push',
        JSON.stringify({
          schemaVersion: SCHEMA_VERSION,
          sentAt: 'x',
          events: Array.from({ length: SYNC_LIMITS.maxBatchEvents + 1 }, (_, i) => ev({ deviceSeq: i + 1 })),
        }),
        auth,
      ),
    );
    await check(
      'huge body',
      await post(
        '/sync/push',
        JSON.stringify({
          schemaVersion: SCHEMA_VERSION,
          sentAt: 'x',
          events: [ev({ payload: { pad: 'x'.repeat(SYNC_LIMITS.maxBodyBytes) } })],
        }),
        auth,
      ),
    );
    await check(
      'wrong types',
      await post(
        '/sync/push',
        JSON.stringify({ schemaVersion: SCHEMA_VERSION, sentAt: 'x', events: [ev({ deviceSeq: 'one' })] }),
        auth,
      ),
    );
    await check(
      'forged device',
      await post(
        '/sync/push',
        JSON.stringify({ schemaVersion: SCHEMA_VERSION, sentAt: 'x', events: [ev({ deviceId: id(b) })] }),
        auth,
      ),
    );
    await check(
      'no credential',
      await post('/sync/push', JSON.stringify({ schemaVersion: SCHEMA_VERSION, sentAt: 'x', events: [ev()] })),
    );
    await check(
      'wrong secret',
      await post('/sync/push', JSON.stringify({ schemaVersion: SCHEMA_VERSION, sentAt: 'x', events: [ev()] }), {
        ...auth,
        authorization: 'Bearer nope',
      }),
    );
    expect(cases).toEqual([
      ['malformed', 400, 'bad_request'],
      ['oversized', 413, 'payload_too_large'],
      ['huge body', 413, 'payload_too_large'],
      ['wrong types', 400, 'bad_request'],
      ['forged device', 403, 'forged_device'],
      ['no credential', 401, 'unauthorized'],
      ['wrong secret', 401, 'unauthorized'],
    ]);
    expect(await hqCount('true')).toBe(0);
  });

  it('master data written at HQ flows down; a desk clock hours off still syncs and HQ flags the drift', async () => {
    const a = await desk('A1');
    a.clock.ms = Date.now() - 6 * 3_600_000; // the desk's clock is six hours behind HQ's
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    await writeMasterEvent(suite.hq.db, siteId, 'DirectoryImported', {
      importId: 'hq-1',
      fileName: 'hq.xlsx',
      units: [{ id: 'u-hq', code: '9-9-909', building: '9栋', areaM2: null }],
      occupants: [{ id: 'o-hq', unitId: 'u-hq', name: '总部导入', phone: '13800000000', role: 'owner', company: '' }],
    });
    await writeMasterEvent(suite.hq.db, siteId, 'DenyEntryAdded', {
      entryId: 'd-hq',
      name: '某人',
      ...minimalId('hq-test-key', '11010519491231002X'),
      phone: '',
      reason: '总部通报',
      validUntil: null,
    });
    await ca.syncNow();
    expect((await ca.status()).lastError).toBeNull();
    expect(a.count("occupants WHERE name = '总部导入'")).toBe(1);
    expect(a.count("deny_list WHERE id = 'd-hq'")).toBe(1);
    const [device] = await listDevices(suite.hq.db, siteId);
    expect(device.driftFlagged).toBe(true);
    expect(Math.round(device.drift_ms! / 3_600_000)).toBe(-6);
  });

  it('cursor too old (HQ restored from an older backup): the desk pulls the site again and keeps its unpushed events', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(a);
    const [ca, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
    await ca.syncNow();
    await cb.syncNow();
    await b.backend.services.db.updateTable('sync_state').set({ cursor: 1_000_000 }).execute();
    await b.ok('visits:checkIn', await checkInInput(b));
    const occupants = b.count('occupants');
    await cb.pullAll();
    const st = b.backend.database.raw.prepare('SELECT cursor FROM sync_state').get() as { cursor: number };
    expect(st.cursor).toBeLessThan(1_000_000);
    expect(b.count('occupants')).toBe(occupants);
    expect((await cb.status()).waiting).toBeGreaterThan(0);
    await cb.pushAll();
    expect((await cb.status()).waiting).toBe(0);
  });

  it('two desks that each imported the same directory before enrolling still sync, and keep one row per unit and occupant', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(a);
    await importSampleDirectory(b);
    const [ca, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
    await ca.syncNow();
    await cb.syncNow();
    await ca.syncNow();
    for (const [d, c] of [
      [a, ca],
      [b, cb],
    ] as const) {
      expect((await c.status()).lastError).toBeNull();
      expect(d.count('units')).toBe(3);
      expect(d.count('occupants')).toBe(4);
    }
  });
});
