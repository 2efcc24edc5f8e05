import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { HqDatabase } from '../pg/schema.js';
import type { ConsoleProc } from './contract/define.js';
import { consoleContract } from './contract/index.js';
import { ConsoleError, type ConsoleResult } from './contract/errors.js';
import type { ConsoleUser } from './contract/session.js';
import { consoleHandlers } from './handlers/index.js';
import { scopeOf, type ConsoleCtx } from './handlers/context.js';
import { recordAudit } from './store/audit.js';
import { sessionUser } from './store/sessions.js';
import { toConsoleUser, userById } from './store/users.js';

export interface ConsoleRequest {
  name: string;
  input: unknown;
  /** The session cookie's token, as the browser sent it. */
  token: string | undefined;
  address: string;
  now: Date;
}

export interface ConsoleAnswer {
  result: ConsoleResult<unknown>;
  /** A new session token for the cookie, null to clear it, undefined to leave it. */
  setToken?: string | null;
}

/** What a user whose password was reset may still do: read who they are, sign out, choose a new one. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['session.me', 'session.signOut', 'accounts.changeOwnPassword']);

const fail = (e: ConsoleError): ConsoleResult<never> => ({
  ok: false,
  error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) },
});

async function signedInUser(db: Kysely<HqDatabase>, token: string | undefined, now: Date): Promise<ConsoleUser | null> {
  const userId = await sessionUser(db, token, now);
  const row = userId ? await userById(db, userId) : undefined;
  return row && !row.disabled_at ? toConsoleUser(row) : null;
}

function mayCall(proc: ConsoleProc, name: string, user: ConsoleUser | null): ConsoleError | null {
  if (proc.open) return null;
  if (!user) return new ConsoleError('unauthenticated', 'console.err.signedOut');
  if (user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(name))
    return new ConsoleError('forbidden', 'console.err.mustChangePassword');
  if (!proc.roles.includes(user.role) || (proc.write && user.role === 'auditor'))
    return new ConsoleError('forbidden', 'console.err.roleForbidden');
  return null;
}

/**
 * The console's one entry, as the desk's router is (electron/api/router.ts): the input parsed by its
 * schema before anything is read, the session and role checked, the handler run — a write in one
 * transaction with its audit line — and the output parsed by its schema (strict: an extra field fails).
 */
export function createConsoleRouter(db: Kysely<HqDatabase>, opts: { log?: Logger | false; strictOutputs?: boolean } = {}) {
  const strictOutputs = opts.strictOutputs ?? true;
  return async (req: ConsoleRequest): Promise<ConsoleAnswer> => {
    if (!Object.hasOwn(consoleContract, req.name))
      return { result: fail(new ConsoleError('not_found', 'console.err.unknownProcedure')) };
    const proc: ConsoleProc = consoleContract[req.name as keyof typeof consoleContract];
    const parsed = proc.input.safeParse(req.input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return { result: fail(new ConsoleError('invalid_input', 'console.err.invalidInput', issues)) };
    }
    let setToken: string | null | undefined;
    try {
      const user = await signedInUser(db, req.token, req.now);
      if (!user && req.token && !proc.open) setToken = null;
      const refusal = mayCall(proc, req.name, user);
      if (refusal) return { result: fail(refusal), setToken };
      const run = async (tx: Kysely<HqDatabase>) => {
        const ctx: ConsoleCtx = {
          db: tx,
          user: user!,
          now: req.now,
          scope: scopeOf(user ?? { siteIds: [] }),
          audit: (action, siteId, detail) => recordAudit(tx, { at: req.now, userId: user!.id, action, siteId, detail }),
          session: { token: req.token, set: (t) => void (setToken = t), address: req.address },
        };
        const handler = consoleHandlers[req.name as keyof typeof consoleHandlers] as (
          i: unknown,
          c: ConsoleCtx,
        ) => Promise<unknown>;
        const value = await handler(parsed.data, ctx);
        if (proc.write) {
          const siteId = (parsed.data as { siteId?: unknown }).siteId;
          await ctx.audit(req.name, typeof siteId === 'string' ? siteId : null, parsed.data);
        }
        return value;
      };
      const value = proc.write ? await db.transaction().execute(run) : await run(db);
      return { result: checkedOutput(req.name, proc.output, value, strictOutputs, opts.log), setToken };
    } catch (e) {
      if (e instanceof ConsoleError) return { result: fail(e), setToken };
      if (opts.log) opts.log.error({ err: e, procedure: req.name }, 'console procedure failed');
      return { result: fail(new ConsoleError('internal', 'console.err.internal')), setToken };
    }
  };
}

function checkedOutput(
  name: string,
  schema: z.ZodType,
  value: unknown,
  strict: boolean,
  log?: Logger | false,
): ConsoleResult<unknown> {
  const out = schema.safeParse(value);
  if (out.success) return { ok: true, value: out.data };
  const detail = out.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (log) log.error({ procedure: name, detail }, 'console output does not match its schema');
  const message = strict ? `output of ${name} does not match its schema: ${detail}` : 'console.err.internal';
  return { ok: false, error: { code: 'internal', message } };
}
