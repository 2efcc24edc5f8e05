import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { fetchHqPost } from '../../electron/sync/fetchTransport.js';
import { checkInInput, importSampleDirectory } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';

/**
 * The sync client sends every request through the one function it is given (issue 19 item 6): the app gives
 * it Electron's net.fetch (system proxy and PAC), here Node's global fetch over the same adapter, against a
 * real HQ. Enrolment, push and pull all go through it.
 */
const suite = hqSuite();

it('a desk whose requests go through the injected fetch enrols, pushes its check-in and pulls, with nothing left waiting', async () => {
  const a = await suite.openDesk({ deviceCode: 'A1' });
  await importSampleDirectory(a);
  const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
  const paths: string[] = [];
  const hqPost = fetchHqPost((input, init) => {
    paths.push(new URL(String(input)).pathname);
    return fetch(input, init);
  });
  const {
    clients: [client],
  } = await enrollDesks(suite.hq, [a], suite.hq.url, 'HY', { hqPost });
  await client.syncNow();
  expect(await client.status()).toMatchObject({ waiting: 0, lastError: null, online: true });
  const atHq = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM events WHERE payload::text LIKE ${`%${visit.id}%`}`.execute(suite.hq.db);
  expect(atHq.rows[0].n).toBeGreaterThan(0);
  expect(paths[0]).toMatch(/enrol/);
  expect(paths.some((p) => p.endsWith('/push'))).toBe(true);
  expect(paths.some((p) => p.endsWith('/pull'))).toBe(true);
});
