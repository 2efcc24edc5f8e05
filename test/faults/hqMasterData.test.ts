import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../hq/src/cli.js';
import { openTestDesk, SAMPLE_DIRECTORY_CSV, type TestDesk } from '../support/desk.js';
import { SAMPLE_CHARGES_CSV } from '../support/fees.js';
import { startTestHq, type TestHq } from '../support/hq.js';
import { enrollDesks } from '../support/sync.js';

let hq: TestHq;
let desk: TestDesk;
const files = mkdtempSync(join(tmpdir(), 'lobbydesk-hq-import-'));

/** Runs an admin command as `npm run hq -- …` does and returns its exit code and output. */
async function hqCli(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(hq.db, args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const file = (name: string, text: string) => {
  const path = join(files, name);
  writeFileSync(path, text, 'utf8');
  return path;
};

const hqEvents = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM events`.execute(hq.db)).rows[0].n);

beforeAll(async () => {
  hq = await startTestHq();
}, 60_000);
afterAll(async () => {
  await desk?.close();
  await hq.close();
  rmSync(files, { recursive: true, force: true });
});
beforeEach(async () => {
  await hq.reset();
  await desk?.close();
  desk = await openTestDesk({ deviceCode: 'A1' });
});

describe('master data imported at HQ (npm run hq -- import-directory / import-charges)', () => {
  it('the directory and the charges imported at HQ reach the desk: the host is found, the months are due', async () => {
    const {
      clients: [client],
    } = await enrollDesks(hq, [desk]);
    const dir = await hqCli('import-directory', 'HY', file('directory.csv', SAMPLE_DIRECTORY_CSV));
    expect(dir.out).toMatch(/^imported: \d+ units, \d+ occupants/);
    const charges = await hqCli('import-charges', 'HY', file('charges.csv', SAMPLE_CHARGES_CSV));
    expect(charges).toMatchObject({ code: 0 });
    expect(charges.out).toMatch(/^imported: \d+ charges, ¥/);

    await client.syncNow();
    const [host] = await desk.ok('directory:search', { q: '张三' });
    expect(host.unitCode).toBe('1-2-301');
    const account = await desk.ok('fees:account', { unitId: host.unitId });
    expect(account.charges.length).toBeGreaterThan(0);
    // HQ's read model has the same charges it sent down.
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM hq_fee_charges`.execute(hq.db);
    expect(Number(rows[0].n)).toBe(desk.count('fee_charges'));

    // Importing the same charges again bills nothing twice: every line is refused, nothing is written.
    const before = await hqEvents();
    const again = await hqCli('import-charges', 'HY', file('charges.csv', SAMPLE_CHARGES_CSV));
    expect(again.code).toBe(1);
    expect(again.out).toContain('err.fee.alreadyCharged');
    expect(await hqEvents()).toBe(before);
  });

  it('a bad row is reported with its line and nothing is imported; charges for a unit HQ does not know are refused', async () => {
    await enrollDesks(hq, [desk]);
    const bad = SAMPLE_DIRECTORY_CSV + '\n1-2-302,1栋,80,赵七,12345,业主,\n';
    const r = await hqCli('import-directory', 'HY', file('bad.csv', bad));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^nothing imported: 1 problem/);
    expect(r.out).toMatch(/line 6\tphone\terr\./);
    expect(await hqEvents()).toBe(0);

    const charges = await hqCli('import-charges', 'HY', file('charges.csv', SAMPLE_CHARGES_CSV));
    expect(charges.code).toBe(1);
    expect(charges.out).toContain('err.fee.unitNotFound');
    expect(await hqEvents()).toBe(0);
    expect((await hqCli('import-directory', 'XX', file('directory.csv', SAMPLE_DIRECTORY_CSV))).out).toBe(
      'No site with code XX.',
    );
  });
});
