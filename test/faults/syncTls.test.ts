import { describe, expect, it } from 'vitest';
import { getMeta } from '../../db/meta.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { selfSignedCertificate } from '../../hq/src/tls.js';
import { typedFingerprint } from '../../shared/sync/fingerprint.js';
import { checkInInput, importSampleDirectory } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { expectFieldError } from '../integration/helpers.js';
import { FaultProxy } from './faultProxy.js';

/**
 * HQ over HTTPS with its self-signed certificate: a desk enrols with the fingerprint HQ printed and
 * pins the certificate; anyone else answering at HQ's address (another certificate) is refused before
 * the desk sends its code or its secret. Plain http is refused except to this PC itself.
 */
const suite = hqSuite({ tls: true });
const hq = () => suite.hq;
const tls = () => suite.hq.tls!;
/** The full SHA-256 as `npm run hq` prints it: colon-separated pairs. */
const printed = () => tls().fingerprint.match(/.{2}/g)!.join(':');
const wrongFingerprint = () => `${tls().fingerprint.startsWith('0') ? '1' : '0'}${tls().fingerprint.slice(1)}`;

/** An HTTPS server at another address with another certificate that forwards to HQ: a man in the middle. */
async function impostor() {
  const other = await selfSignedCertificate();
  const proxy = new FaultProxy(
    () => hq().port,
    async () => {},
    other,
  );
  const seen: string[] = [];
  proxy.onRequest = async (path) => {
    seen.push(path);
    return 'forward';
  };
  return { url: await proxy.listen(), seen, close: () => proxy.close() };
}

describe('HQ over HTTPS with a pinned certificate', () => {
  it('a desk enrols with the fingerprint typed as printed, pushes and pulls; a new PC sets up from HQ the same way', async () => {
    const siteId = await createSite(hq().db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    // The short form a receptionist types: the first 32 digits in groups, here in lower case.
    const typed = typedFingerprint(tls().fingerprint).toLowerCase();
    expect(typed).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    await a.ok('sync:enroll', { hqUrl: hq().url, code: await issueEnrollCode(hq().db, siteId, 'A1'), fingerprint: typed });
    // The desk pinned the whole certificate it was given, not just what was typed.
    expect(await getMeta(a.backend.services.db, 'hq_cert_sha256')).toBe(tls().fingerprint);
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await a.backend.services.sync.syncNow();
    expect(await a.backend.services.sync.status()).toMatchObject({ waiting: 0, lastError: null, online: true });

    const b = await suite.openDesk({ setUp: false });
    const done = await b.ok(
      'setup:fromHq',
      { hqUrl: hq().url, code: await issueEnrollCode(hq().db, siteId, 'A2'), fingerprint: printed() },
      'x',
    );
    expect(done).toMatchObject({ siteCode: 'HY', deviceCode: 'A2', syncError: null });
    // Pulled over HTTPS: A1's visit is at B.
    expect(b.backend.database.raw.prepare('SELECT id FROM visits').pluck().all()).toEqual([visit.id]);
    await b.ok('auth:signIn', { staffNo: 'A001', pin: '246810' }, 'm');
    await b.ok('shift:open', { patternCode: 'A', handoverShiftId: null }, 'm');
    await b.ok('visits:checkOut', { visitId: visit.id }, 'm');
    await b.backend.services.sync.syncNow();
    await a.backend.services.sync.syncNow();
    expect(a.backend.database.raw.prepare('SELECT status FROM visits').pluck().all()).toEqual(['checked_out']);
    expect(await b.backend.services.sync.status()).toMatchObject({ waiting: 0, lastError: null });
  });

  it('a wrong or missing fingerprint is refused at its field and the code is not spent; a bad one is refused as typed', async () => {
    const siteId = await createSite(hq().db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const b = await suite.openDesk({ setUp: false });
    const code = await issueEnrollCode(hq().db, siteId, 'A2');
    const setUp = (fingerprint?: string) => b.call('setup:fromHq', { hqUrl: hq().url, code, fingerprint }, 'x');
    expectFieldError(await setUp(wrongFingerprint()), 'fingerprint', 'err.sync.certificateMismatch');
    // Self-signed and no fingerprint: nothing to trust it by.
    expectFieldError(await setUp(''), 'fingerprint', 'err.sync.certificateUntrusted');
    expectFieldError(await setUp(undefined), 'fingerprint', 'err.sync.certificateUntrusted');
    expectFieldError(await setUp(tls().fingerprint.slice(0, 20)), 'fingerprint', 'err.sync.fingerprint');
    expectFieldError(await setUp(`${tls().fingerprint.slice(0, 40)}XY`), 'fingerprint', 'err.sync.fingerprint');
    expect(await b.ok('setup:status', {}, 'x')).toEqual({ isSetUp: false });
    expect(b.count('events')).toBe(0);
    // The code never reached HQ: it still sets the desk up with the right fingerprint.
    expect(await hq().db.selectFrom('devices').selectAll().execute()).toEqual([]);
    const done = await b.ok('setup:fromHq', { hqUrl: hq().url, code, fingerprint: tls().fingerprint }, 'x');
    expect(done).toMatchObject({ deviceCode: 'A2', syncError: null });
  });

  it('after enrolment another certificate at the address is refused: nothing is sent, the desk says why, its records wait', async () => {
    const siteId = await createSite(hq().db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    await a.ok('sync:enroll', {
      hqUrl: hq().url,
      code: await issueEnrollCode(hq().db, siteId, 'A1'),
      fingerprint: tls().fingerprint,
    });
    await a.backend.services.sync.syncNow();
    const mitm = await impostor();
    try {
      // Someone answers at HQ's address with their own certificate and would pass everything on.
      await a.backend.database.db.updateTable('sync_state').set({ hq_url: mitm.url }).execute();
      await a.ok('visits:checkIn', await checkInInput(a));
      await a.backend.services.sync.syncNow();
      const st = await a.backend.services.sync.status();
      expect(st.lastError).toBe(
        "certificate_mismatch: HQ's certificate is not the one this desk was enrolled with " +
          `(it presented SHA-256 ${st.lastError!.match(/SHA-256 ([0-9A-F]{16})/)![1]}…).`,
      );
      expect(st.waiting).toBeGreaterThan(0);
      // Not one request (with the device's secret) reached the impostor.
      expect(mitm.seen).toEqual([]);
      // Enrolling again through it is refused too, before the code is sent.
      expectFieldError(
        await a.call('sync:enroll', {
          hqUrl: mitm.url,
          code: await issueEnrollCode(hq().db, siteId, 'A1'),
          fingerprint: tls().fingerprint,
        }),
        'fingerprint',
        'err.sync.certificateMismatch',
      );
      expect(mitm.seen).toEqual([]);
    } finally {
      await mitm.close();
    }
    // Back at the real HQ everything waiting drains.
    await a.backend.database.db.updateTable('sync_state').set({ hq_url: hq().url }).execute();
    await a.backend.services.sync.syncNow();
    expect(await a.backend.services.sync.status()).toMatchObject({ waiting: 0, lastError: null });
  });

  it('plain http is refused at the address field except to this PC itself', async () => {
    const b = await suite.openDesk({ setUp: false });
    for (const hqUrl of ['http://192.168.1.20:8780', 'http://hq.example.com', 'http://127.0.0.1.example.com:8780']) {
      expectFieldError(await b.call('setup:fromHq', { hqUrl, code: 'ABCD2345' }, 'x'), 'hqUrl', 'err.sync.insecureUrl');
    }
    // Loopback passes the address check (nothing listens there, so HQ is unreachable).
    for (const hqUrl of ['http://127.0.0.1:9', 'http://localhost:9', 'http://[::1]:9']) {
      expectFieldError(await b.call('setup:fromHq', { hqUrl, code: 'ABCD2345' }, 'x'), 'hqUrl', 'err.sync.unreachable');
    }
    expect(b.count('events')).toBe(0);
  });

  it('a desk that recorded a plain http address off this PC (before HQ spoke HTTPS) does not sync there and says so', async () => {
    const siteId = await createSite(hq().db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await a.ok('sync:enroll', { hqUrl: hq().url, code: await issueEnrollCode(hq().db, siteId, 'A1'), fingerprint: printed() });
    await a.backend.database.db.updateTable('sync_state').set({ hq_url: 'http://192.168.1.20:8780' }).execute();
    await a.backend.services.sync.syncNow();
    expect((await a.backend.services.sync.status()).lastError).toBe(
      "insecure_address: HQ's address http://192.168.1.20:8780 is plain http off this PC: enrol again with https://.",
    );
  });
});
