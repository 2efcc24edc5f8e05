import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { runCli } from '../../hq/src/cli.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';

/**
 * Who `unknown_device` and `readmit` admit (docs/sync-protocol.md, "Handshake"): only a device id HQ
 * has no row for is told so and kept as a knock; a known device with a wrong secret stays unauthorized;
 * readmit never takes a desk code a live device has, nor a desk that never called.
 */
const suite = hqSuite();

const handshake = (deviceId: string, secret: string, desk: { siteId: string; deviceCode: string }) =>
  fetch(`${suite.hq.url}/sync/handshake`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-device-id': deviceId, authorization: `Bearer ${secret}` },
    body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, desk }),
  }).then(async (r) => ({ status: r.status, error: ((await r.json()) as { error?: string }).error }));

const cli = async (...args: string[]) => {
  const lines: string[] = [];
  const code = await runCli(suite.hq.db, args, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

describe('a desk HQ does not know', () => {
  it('is told so only when HQ has no such device; readmit takes back only a desk that called, never a live desk code', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const { siteId, clients } = await enrollDesks(suite.hq, [a]);
    await clients[0].syncNow();
    expect((await clients[0].status()).lastError).toBeNull();
    const deviceId = (await a.backend.services.site())!.deviceId;

    expect(await handshake(deviceId, 'not-the-secret-'.repeat(3), { siteId, deviceCode: 'A1' })).toEqual({
      status: 401,
      error: 'unauthorized',
    });
    expect(await suite.hq.db.selectFrom('device_knocks').selectAll().execute()).toEqual([]);
    expect(await cli('readmit', 'HY', 'A7')).toMatchObject({ code: 1, text: expect.stringContaining('No unknown desk A7') });

    // A device id HQ lost, calling as A1 (the code a live device has) and as A7.
    expect(await handshake('0193aaaa-lost', 'a-secret-'.repeat(5), { siteId, deviceCode: 'A1' })).toEqual({
      status: 401,
      error: 'unknown_device',
    });
    expect(await cli('readmit', 'HY', 'A1')).toMatchObject({ code: 1, text: expect.stringContaining(`is device ${deviceId}`) });
    expect(await handshake('0193bbbb-lost', 'b-secret-'.repeat(5), { siteId, deviceCode: 'A7' })).toMatchObject({ status: 401 });
    expect(await handshake('0193cccc-lost', 'c-secret-'.repeat(5), { siteId, deviceCode: 'A7' })).toMatchObject({ status: 401 });
    expect(await cli('readmit', 'HY', 'A7')).toMatchObject({ code: 1, text: expect.stringContaining('2 unknown devices') });
    expect(await cli('readmit', 'HY', 'A7', '0193cccc-lost')).toMatchObject({ code: 0 });
    // Readmitted with the secret it presented: it is known now, with nothing of it held yet.
    expect(await handshake('0193cccc-lost', 'c-secret-'.repeat(5), { siteId, deviceCode: 'A7' })).toMatchObject({ status: 200 });
    expect(await handshake('0193cccc-lost', 'b-secret-'.repeat(5), { siteId, deviceCode: 'A7' })).toEqual({
      status: 401,
      error: 'unauthorized',
    });
    // A site HQ does not have leaves no knock behind.
    await handshake('0193dddd-lost', 'd-secret-'.repeat(5), { siteId: 'no-such-site', deviceCode: 'A9' });
    expect(
      (await suite.hq.db.selectFrom('device_knocks').select('device_id').orderBy('device_id').execute()).map((k) => k.device_id),
    ).toEqual(['0193aaaa-lost', '0193bbbb-lost']);
  });
});
