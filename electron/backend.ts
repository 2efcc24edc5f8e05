import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/open.js';
import { makeTreePrivate } from '../db/privateFiles.js';
import type { DeskNotice } from '../shared/api/contract.js';
import { createRouter, type Router } from './api/router.js';
import { handlers } from './api/handlers/index.js';
import { loadSettings } from './api/handlers/settings.js';
import { Sessions } from './api/sessions.js';
import type { Services } from './api/context.js';
import type { PrintBackend } from './print/backend.js';
import { closeYesterdaysVisits } from './housekeeping.js';
import { drainPrintQueue } from './print/queue.js';
import { dailyRetentionAndBackup } from './retention.js';
import { idleCheckpoint } from './checkpoint.js';
import { getSiteIdentity, type SiteIdentity } from '../db/meta.js';
import type { Settings } from '../shared/api/schemas.js';
import { SCHEMA_VERSION } from '../db/migrations/index.js';
import { SyncClient } from './sync/client.js';
import type { HqPost } from './sync/transport.js';
import { fileSecretStore, type SecretStore } from './sync/secret.js';
import { DeskClock } from './sync/deskClock.js';
import { ID_KEY_NAME, storedIdKeys, type IdKeys } from './privacy/idKeys.js';
import { fileKeyStores, movePlainKey, type KeyStores } from './privacy/keyStores.js';
import { FIELD_KEY_NAME, storedFieldVault } from './privacy/fieldVault.js';
import { scrubFullIdNumbers } from './privacy/legacyIdNumbers.js';
import { scrubFullPhones } from './privacy/legacyPhones.js';
import { DeskUpdater, type DeskInstaller } from './update/updater.js';
import { fileLog, type DeskLog } from './log/deskLog.js';
import { deskHealth } from './log/health.js';
import { APP_VERSION } from './version.js';

export interface Backend {
  router: Router;
  services: Services;
  database: OpenedDatabase;
  /** Desk releases from HQ (issue 19): checked at start and every few hours, installed between shifts. */
  updater: DeskUpdater;
  subscribe(listener: (n: DeskNotice) => void): () => void;
  close(): Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  printer: PrintBackend;
  clock?: () => Date;
  /** Housekeeping timers (end-of-day close, daily backup); tests turn them off and call them directly. */
  timers?: boolean;
  /** Where the HQ device secret is kept: Electron passes a safeStorage store; default a 0600 file. */
  secrets?: SecretStore;
  /** The site's ID key ring; default kept in `keyStores`. */
  idKeys?: IdKeys;
  /** Where the desk's own keys (ID key ring, field key) live: Electron passes safeStorage; default 0600 files. */
  keyStores?: KeyStores;
  /** This build's version (Electron: app.getVersion()); default package.json's. */
  appVersion?: string;
  /** Runs a downloaded release's installer (the Electron shell); without it a ready release waits for the IT person. */
  installer?: DeskInstaller;
  /** Which feed to read (`latest.yml` for win32…); default this machine's. */
  platform?: string;
  /** How sync reaches HQ: Electron passes net.fetch (system proxy, PAC); default Node's sockets. */
  hqPost?: HqPost;
  /** Output schema mismatches reject the call (default) or, in a packaged desk, fail it as `internal`. */
  strictOutputs?: boolean;
  /** The desk's log (electron/log/deskLog.ts); default files in `dataDir/logs`. */
  log?: DeskLog;
  /** How the desk runs, for the start line of the log: 'electron', 'server' (default 'embedded'). */
  mode?: string;
}

/** The desk's backend, the same under Electron and under the plain-Node desk server. */
export async function createBackend(opts: BackendOptions): Promise<Backend> {
  // Before anything is read or written: 0700/0600, also for a folder an older desk left 0755/0644.
  makeTreePrivate(opts.dataDir);
  const log = opts.log ?? fileLog(join(opts.dataDir, 'logs'));
  const database = await openDatabase(join(opts.dataDir, 'lobbydesk.sqlite'));
  const keyStores = opts.keyStores ?? fileKeyStores(opts.dataDir);
  // An ID key an older desk kept in the plain 0600 file moves into safeStorage before it is read.
  movePlainKey(opts.dataDir, ID_KEY_NAME, keyStores(ID_KEY_NAME));
  const idKeys = opts.idKeys ?? storedIdKeys(keyStores(ID_KEY_NAME));
  // Full ID numbers an older version kept: masked and hashed before anything reads them.
  await scrubFullIdNumbers(database.db, idKeys);
  await scrubFullPhones(database.db, idKeys);
  const listeners = new Set<(n: DeskNotice) => void>();
  let settings: Promise<Settings> | null = null;
  let site: SiteIdentity | null = null;
  const checkpoint = idleCheckpoint(database.raw);
  // Business times follow HQ's clock once an answer showed the offset (kept across restarts).
  const deskClock = new DeskClock(opts.clock);
  await deskClock.load(database.db);
  const secrets = opts.secrets ?? fileSecretStore(opts.dataDir);
  const appVersion = opts.appVersion ?? APP_VERSION;
  const sync = new SyncClient({
    db: database.db,
    secrets,
    hqPost: opts.hqPost,
    idKeys,
    schemaVersion: SCHEMA_VERSION,
    appVersion,
    deskClock,
    onChange: (pulled) => {
      const notices: DeskNotice[] = [{ kind: 'sync-changed' }];
      // Other desks' work arrived (a manager's new site rules among it): the lists that show it refresh.
      if (pulled > 0) settings = null;
      // …and an admin's new site name (SiteDetailsChanged), which the cached identity would hide.
      if (pulled > 0) site = null;
      if (pulled > 0)
        notices.push(
          { kind: 'visits-changed' },
          { kind: 'passes-changed' },
          { kind: 'log-changed' },
          { kind: 'fees-changed' },
          { kind: 'tickets-changed' },
          { kind: 'mail-changed' },
        );
      for (const n of notices) listeners.forEach((l) => l(n));
    },
    // Enrolment moved the desk to HQ's device and site id: read the identity again.
    onEnrolled: () => {
      site = null;
    },
    log,
    health: () =>
      deskHealth(database.db, { dataDir: opts.dataDir, log, now: deskClock.now(), clockOffsetMs: deskClock.reading().offsetMs }),
  });
  const services: Services = {
    db: database.db,
    clock: deskClock.now,
    hlcCeilingMs: deskClock.hlcCeilingMs,
    sessions: new Sessions(),
    printer: opts.printer,
    notify: (n) => listeners.forEach((l) => l(n)),
    settings: () => (settings ??= loadSettings(database.db)),
    settingsChanged: () => {
      settings = null;
      // The site's details (name) are site settings too: the identity is read again.
      site = null;
    },
    site: async () => (site ??= await getSiteIdentity(database.db)),
    sync,
    idKeys,
    fieldVault: storedFieldVault(keyStores(FIELD_KEY_NAME)),
    log,
    dataDir: opts.dataDir,
    afterWrite: (events) => {
      checkpoint.soon();
      sync.poke();
      if (events.some((e) => e.type === 'PrintJobQueued')) void drainPrintQueue(services);
    },
  };
  deskClock.onCorrected = (delta) => services.sessions.clockCorrected(delta);
  const handle = createRouter(services, handlers, { strictOutputs: opts.strictOutputs });
  // Calls being handled: an update never installs across one (electron/update/policy.ts).
  let inFlight = 0;
  const router: Router = async (name, input, sessionKey) => {
    inFlight++;
    try {
      return await handle(name, input, sessionKey);
    } finally {
      inFlight--;
    }
  };
  const updater = new DeskUpdater({
    db: database.db,
    dataDir: opts.dataDir,
    secrets,
    appVersion,
    platform: opts.platform,
    installer: opts.installer,
    clock: opts.clock,
    callsInFlight: () => inFlight,
  });
  sync.updates = () => updater.status();
  // After a handover closed the shift, once the call that closed it has ended: install a ready release.
  const notify = services.notify;
  services.notify = (n) => {
    notify(n);
    if (n.kind === 'shift-changed') setTimeout(() => void updater.installIfBetweenShifts().catch(() => {}), 1000).unref();
  };
  const timers: NodeJS.Timeout[] = [];
  if (opts.timers !== false) {
    const sweep = () => {
      void closeYesterdaysVisits(services).catch((e) => log.error('housekeeping.endOfDay', e));
      // The retention pass first, so the day's backup never holds what the pass drops.
      void dailyRetentionAndBackup(services, database.raw, opts.dataDir).catch((e) =>
        log.error('housekeeping.retentionOrBackup', e),
      );
    };
    sweep();
    timers.push(setInterval(sweep, 60_000).unref());
    sync.start();
    updater.start();
    timers.push(setInterval(() => void updater.installIfBetweenShifts().catch(() => {}), 60_000).unref());
  }
  log.info('desk.start', {
    version: APP_VERSION,
    schema: SCHEMA_VERSION,
    mode: opts.mode ?? 'embedded',
    platform: process.platform,
    node: process.versions.node,
    electron: process.versions.electron,
  });
  return {
    router,
    services,
    database,
    updater,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      timers.forEach(clearInterval);
      updater.stop();
      await sync.stop();
      checkpoint.stop();
      await opts.printer.close();
      await database.close();
      log.info('desk.stop', { mode: opts.mode ?? 'embedded' });
      if (!opts.log) log.close();
    },
  };
}
