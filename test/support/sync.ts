import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { SyncClient } from '../../electron/sync/client.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import type { HqPost } from '../../electron/sync/transport.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import type { TestHq } from './hq.js';
import type { TestDesk } from './desk.js';
import type { CatalogLike } from '../../shared/events/verdict.js';

/** A sync client for a test desk with short backoff, as the backend would run it. */
export function syncClientFor(
  desk: TestDesk,
  // `catalog`: what the desk's build knows of the event catalog (an older build parks what it lacks).
  // `hqPost`: how requests reach HQ (default Node's sockets; the app passes net.fetch).
  opts: { schemaVersion?: number; batchEvents?: number; catalog?: CatalogLike; appVersion?: string; hqPost?: HqPost } = {},
) {
  return new SyncClient({
    db: desk.backend.services.db,
    secrets: fileSecretStore(desk.dataDir),
    idKeys: desk.backend.services.idKeys,
    schemaVersion: opts.schemaVersion ?? SCHEMA_VERSION,
    appVersion: opts.appVersion,
    clock: desk.clock.now,
    backoff: { baseMs: 5, capMs: 50 },
    batchEvents: opts.batchEvents,
    catalog: opts.catalog,
    hqPost: opts.hqPost,
    requestTimeoutMs: 10_000,
    // As the backend's own client does: the desk's cached identity follows HQ's ids.
    onEnrolled: () => desk.backend.services.settingsChanged(),
  });
}

/**
 * Creates the test site HY at HQ (as the desks set it up) and enrolls each desk with a one-time code.
 * `backendClient`: use the desk backend's own sync client, as the app does (what it pulls refreshes
 * the backend's caches); otherwise a separate client with short backoff.
 */
export async function enrollDesks(
  hq: TestHq,
  desks: TestDesk[],
  hqUrl = hq.url,
  siteCode = 'HY',
  opts: { backendClient?: boolean; hqPost?: HqPost } = {},
) {
  const siteId = await createSite(hq.db, { code: siteCode, name: '华远大厦', kind: 'mixed' });
  const clients = [];
  for (const desk of desks) {
    const site = await desk.backend.services.site();
    const client = opts.backendClient ? desk.backend.services.sync : syncClientFor(desk, { hqPost: opts.hqPost });
    await client.enroll(hqUrl, await issueEnrollCode(hq.db, siteId, site!.deviceCode));
    clients.push(client);
  }
  return { siteId, clients };
}
