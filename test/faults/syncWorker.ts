/**
 * Sync kill-test child: opens a desk's database (already enrolled) and writes and pushes in a loop
 * through the fault proxy until the parent kills it with SIGKILL mid-push.
 *
 * Usage: node --import tsx test/faults/syncWorker.ts <dataDir> <seed>
 */
import { join } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { SyncClient } from '../../electron/sync/client.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import { seededRandom } from '../support/seededRandom.js';
import { writeSomething } from './syncWrites.js';

const [dataDir, seed] = process.argv.slice(2);
const opened = await openDatabase(join(dataDir, 'lobbydesk.sqlite'));
const client = new SyncClient({
  db: opened.db,
  secrets: fileSecretStore(dataDir),
  schemaVersion: SCHEMA_VERSION,
  backoff: { baseMs: 5, capMs: 20 },
});
const rnd = seededRandom(Number(seed));
process.stdout.write('ready\n');
for (;;) {
  await writeSomething(opened.db, rnd, new Date(), 1 + Math.floor(rnd() * 5));
  await client.syncNow();
}
