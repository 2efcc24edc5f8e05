import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HqDatabase } from '../../pg/schema.js';
import type { ConsoleProc } from '../contract/define.js';
import { ConsoleError } from '../contract/errors.js';
import type { ConsoleUser } from '../contract/session.js';

/** The sites a user may see and act on: `siteIds` null means every site. */
export interface SiteScope {
  siteIds: string[] | null;
  may(siteId: string): boolean;
  /** Throws `forbidden` for a site outside the scope (and for one that does not exist: no probing). */
  assertSite(siteId: string): void;
}

export function scopeOf(user: Pick<ConsoleUser, 'siteIds'>): SiteScope {
  const may = (siteId: string) => user.siteIds === null || user.siteIds.includes(siteId);
  return {
    siteIds: user.siteIds,
    may,
    assertSite(siteId) {
      if (!may(siteId)) throw new ConsoleError('forbidden', 'console.err.siteForbidden');
    },
  };
}

export interface ConsoleCtx {
  db: Kysely<HqDatabase>;
  /** null only in the open procedures (signing in). */
  user: ConsoleUser;
  now: Date;
  scope: SiteScope;
  /** A fact for the audit trail beyond the write itself (the router audits every write procedure). */
  audit(action: string, siteId: string | null, detail: unknown): Promise<void>;
  /** The session cookie's token as the browser sent it, and a way to set a new one or clear it. */
  session: { token: string | undefined; set(token: string | null): void; address: string };
}

/** The context of an open procedure: nobody is signed in yet. */
export type OpenCtx = Omit<ConsoleCtx, 'user' | 'scope'> & { user: ConsoleUser | null };

type Handler<P extends ConsoleProc, C> = (input: z.output<P['input']>, ctx: C) => Promise<z.input<P['output']>>;

/** The handlers of one area's procedures, typed from its contract. */
export type ConsoleHandlers<Procs extends Record<string, ConsoleProc>> = {
  [K in keyof Procs]: Handler<Procs[K], Procs[K] extends { open: true } ? OpenCtx : ConsoleCtx>;
};
