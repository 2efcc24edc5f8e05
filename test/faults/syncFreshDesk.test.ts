import { describe, expect, it } from 'vitest';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { runCli } from '../../hq/src/cli.js';
import { ADMIN, checkInInput, importSampleDirectory } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { expectFieldError, failure } from '../integration/helpers.js';

/**
 * A new PC joins a site HQ already knows with nothing but HQ's address and a one-time code: the site
 * and desk code come from HQ, the first sync brings the staff, directory and records down, and the
 * receptionists sign in with the PINs they already have.
 */
const suite = hqSuite();
const open = suite.openDesk;
const fresh = () => open({ setUp: false });

describe('a desk set up from an HQ code', () => {
  it('comes down with the site, its staff, directory and visits; a colleague signs in with their own PIN', async () => {
    const a = await open({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    await a.ok('staff:create', { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '135790' });
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    const { siteId, clients } = await enrollDesks(suite.hq, [a]);
    await clients[0].syncNow();

    const b = await fresh();
    expect(await b.ok('setup:status', {}, 'x')).toEqual({ isSetUp: false });
    const code = await issueEnrollCode(suite.hq.db, siteId, 'A2');
    const done = await b.ok('setup:fromHq', { hqUrl: `${suite.hq.url}/`, code: code.toLowerCase() }, 'x');
    expect(done).toEqual({ siteName: '华远大厦', siteCode: 'HY', deviceCode: 'A2', staffCount: 2, syncError: null });
    expect(await b.ok('setup:status', {}, 'x')).toMatchObject({ isSetUp: true, needsAdmin: false, deviceCode: 'A2' });

    // The receptionist from desk A1 signs in here with the PIN they set there.
    const session = await b.ok('auth:signIn', { staffNo: 'R001', pin: '135790' }, 'r');
    expect(session).toMatchObject({ siteCode: 'HY', deviceCode: 'A2', staff: { name: '小李', role: 'receptionist' } });
    await b.ok('shift:open', { patternCode: 'A', handoverShiftId: null }, 'r');
    expect((await b.ok('directory:search', { q: 'zs', limit: 5 }, 'r')).map((h) => h.name)).toContain('张三');
    expect(b.backend.database.raw.prepare('SELECT id FROM visits').pluck().all()).toEqual([visit.id]);
    // Its own events carry HQ's site id (no alias needed) and reached HQ.
    const own = b.backend.database.raw
      .prepare('SELECT DISTINCT site_id FROM events WHERE device_id = (SELECT device_id FROM sync_state)')
      .pluck()
      .all();
    expect(own).toEqual([siteId]);
    await b.backend.services.sync.syncNow();
    expect((await b.backend.services.sync.status()).waiting).toBe(0);
    const atHq = await suite.hq.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('device_id', '=', b.backend.database.raw.prepare('SELECT device_id FROM sync_state').pluck().get() as string)
      .executeTakeFirstOrThrow();
    expect(Number(atHq.n)).toBe(b.count('events WHERE device_id = (SELECT device_id FROM sync_state)'));
    // Setting up a second time is refused, with a code or by hand.
    expect(
      failure(await b.call('setup:fromHq', { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, 'A3') }, 'x'))
        .code,
    ).toBe('already_set_up');
    expect(failure(await b.call('setup:firstAdmin', { admin: ADMIN }, 'x')).code).toBe('already_set_up');
  });

  it('a wrong code, a desk code another PC has, or an unreachable HQ are refused at their field; nothing is set up', async () => {
    const a = await open({ deviceCode: 'A1' });
    const { siteId } = await enrollDesks(suite.hq, [a]);
    const b = await fresh();
    expectFieldError(
      await b.call('setup:fromHq', { hqUrl: suite.hq.url, code: 'NOSUCHCODE' }, 'x'),
      'code',
      'err.sync.codeInvalid',
    );
    // A1 is the other PC's desk code: its receipt and pass numbers would repeat.
    const taken = await b.call(
      'setup:fromHq',
      { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, 'A1') },
      'x',
    );
    expectFieldError(taken, 'code', 'err.sync.deviceCodeTaken');
    expectFieldError(
      await b.call('setup:fromHq', { hqUrl: 'http://127.0.0.1:9', code: await issueEnrollCode(suite.hq.db, siteId, 'A2') }, 'x'),
      'hqUrl',
      'err.sync.unreachable',
    );
    expectFieldError(await b.call('setup:fromHq', { hqUrl: 'hq', code: 'A B' }, 'x'), 'hqUrl', 'err.sync.url');
    expect(await b.ok('setup:status', {}, 'x')).toEqual({ isSetUp: false });
    expect(b.count('events')).toBe(0);
  });

  it("the site's first desk from HQ asks for a first administrator, once", async () => {
    const siteId = await createSite(suite.hq.db, { code: 'XY', name: '新园小区', kind: 'residential' });
    const d = await fresh();
    const done = await d.ok('setup:fromHq', { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, 'A1') }, 'x');
    expect(done).toMatchObject({ siteName: '新园小区', siteCode: 'XY', staffCount: 0, syncError: null });
    expect(await d.ok('setup:status', {}, 'x')).toMatchObject({ isSetUp: true, needsAdmin: true });
    // Until then nobody is signed in and desk work is refused.
    expect(failure(await d.call('visits:onSite', {}, 'x')).code).toBe('unauthenticated');
    expectFieldError(await d.call('setup:firstAdmin', { admin: { ...ADMIN, pin: '12' } }, 'x'), 'admin.pin', 'err.pin.format');
    const session = await d.ok('setup:firstAdmin', { admin: ADMIN }, 'x');
    expect(session).toMatchObject({ siteCode: 'XY', deviceCode: 'A1', staff: { role: 'admin', name: ADMIN.name } });
    expect(await d.ok('setup:status', {}, 'x')).toMatchObject({ needsAdmin: false });
    expect(failure(await d.call('setup:firstAdmin', { admin: { ...ADMIN, staffNo: 'A002' } }, 'y')).code).toBe('already_set_up');
  });

  it('HQ creates sites and codes only as a desk could take them', async () => {
    const out: string[] = [];
    const cli = (...args: string[]) => runCli(suite.hq.db, args, (l) => out.push(l));
    expect(await cli('create-site', 'hy-1', '华远大厦')).toBe(1);
    expect(await cli('create-site', 'HY', '华远大厦', 'hotel')).toBe(1);
    expect(out).toEqual([
      'Site code hy-1: a letter, then 1–5 letters or digits (e.g. HY).',
      'Site kind hotel: one of residential, office, mixed.',
    ]);
    expect(await suite.hq.db.selectFrom('sites').selectAll().execute()).toEqual([]);
    expect(await cli('create-site', 'hy', '华远大厦', 'office')).toBe(0);
    expect(await cli('enroll-code', 'HY', 'A-1')).toBe(1);
    expect(out.at(-1)).toBe('Desk code A-1: 1–4 letters or digits (e.g. A1).');
    expect(await cli('enroll-code', 'HY', 'a2')).toBe(0);
    expect(await suite.hq.db.selectFrom('enroll_codes').select('device_code').execute()).toEqual([{ device_code: 'A2' }]);
  });
});
