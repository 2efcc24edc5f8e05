import type { Kysely } from 'kysely';
import type { SyncClient } from '../sync/client.js';
import type { Database } from '../../db/schema.js';
import type { SiteIdentity } from '../../db/meta.js';
import type { StaffRow } from '../../db/queries/staff.js';
import type { EventDraft } from '../../db/events.js';
import type { DomainEvent } from '../../shared/events/catalog.js';
import type { DeskNotice, ProcName, ProcOutput, ProcParsed } from '../../shared/api/contract.js';
import type { Settings } from '../../shared/api/schemas.js';
import type { Sessions } from './sessions.js';
import type { IdKeys } from '../privacy/idKeys.js';
import type { FieldVault } from '../privacy/fieldVault.js';
import type { PrintBackend } from '../print/backend.js';
import type { DeskLog } from '../log/deskLog.js';

/** What the backend is made of; built once by createBackend and shared by every call. */
export interface Services {
  db: Kysely<Database>;
  /** The desk's clock, corrected to HQ's once an answer from HQ showed the offset. */
  clock: () => Date;
  /** No HLC beyond this is carried on by new events (HQ's time plus the allowance; undefined before any answer). */
  hlcCeilingMs: () => number | undefined;
  sessions: Sessions;
  printer: PrintBackend;
  notify: (notice: DeskNotice) => void;
  /** This desk's settings, cached; `settingsChanged` drops the cache after an update. */
  settings: () => Promise<Settings>;
  settingsChanged: () => void;
  /** The site and this desk, cached once set up (they never change afterwards). */
  site: () => Promise<SiteIdentity | null>;
  /** HQ sync: pushes this desk's events and pulls the site's. */
  sync: SyncClient;
  /** The site's ID key(s): ID numbers are kept as masked form + keyed hash (electron/privacy/idKeys.ts). */
  idKeys: IdKeys;
  /** This desk's key for the fields only it keeps, sealed (a full ID number under keepFullIdNumbers). */
  fieldVault: FieldVault;
  /** The desk's log files (start/stop, sync rounds, print jobs, errors; no personal data). */
  log: DeskLog;
  /** The data folder (the diagnostics package reads its logs). */
  dataDir: string;
  /** Runs after each committed local write (the sync client hooks in here). */
  afterWrite: (events: DomainEvent[]) => void;
}

export interface HandlerContext {
  services: Services;
  db: Kysely<Database>;
  now: Date;
  sessionKey: string;
  site: SiteIdentity | null;
  staff: StaffRow | null;
  /**
   * One SQLite transaction: `emit` appends events (stamped with this staff) and applies them.
   * `identity` is for first-run setup, when the site and the first staff do not exist yet.
   */
  transact<T>(
    work: (trx: Kysely<Database>, emit: (...drafts: EventDraft[]) => Promise<DomainEvent[]>) => Promise<T>,
    identity?: { siteId: string; deviceId: string; actor: string },
  ): Promise<T>;
}

export type Handler<N extends ProcName> = (input: ProcParsed<N>, ctx: HandlerContext) => Promise<ProcOutput<N>>;
export type HandlerMap = { [N in ProcName]: Handler<N> };

/** The signed-in site and staff; handlers behind a role check can rely on both. */
export function signedIn(ctx: HandlerContext): { site: SiteIdentity; staff: StaffRow } {
  if (!ctx.site || !ctx.staff) throw new Error('handler reached without a signed-in session');
  return { site: ctx.site, staff: ctx.staff };
}
