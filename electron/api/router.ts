import { z } from 'zod';
import { contract, type ProcName } from '../../shared/api/contract.js';
import { ApiFailure, type ApiResult, type ErrorCode, type FieldIssue } from '../../shared/api/result.js';
import { roleAtLeast } from '../../shared/domain/staff.js';
import { liveWriter } from '../sync/identity.js';
import { appendEvents } from '../../db/events.js';
import { staffById } from '../../db/queries/staff.js';
import type { DomainEvent } from '../../shared/events/catalog.js';
import { mayAct } from '../../shared/events/authority.js';
import type { HandlerContext, HandlerMap, Services } from './context.js';
import { shiftGateRefusal } from './shiftGate.js';
import { setDeskZone } from '../../shared/domain/deskTime.js';
import { checkOutput, OutputMismatch } from './outputCheck.js';

export type Router = (name: string, input: unknown, sessionKey: string) => Promise<ApiResult<unknown>>;

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * The one entry to the backend, for IPC and HTTP alike: parse the input with the procedure's schema
 * before anything else, check sign-in and role, run the handler, and turn every failure into data.
 */
export interface RouterOptions {
  /**
   * Every output is parsed with its procedure's output schema (an extra field fails too). Strict (tests,
   * development builds, the desk server): a mismatch rejects the call with the procedure's name, so the
   * test or the developer sees it. Not strict (a packaged desk): the mismatch is logged with the name and
   * the call fails as `internal`; the unchecked value is never sent. See docs/decisions.md, issue 20.
   */
  strictOutputs?: boolean;
}

export function createRouter(services: Services, handlers: HandlerMap, opts: RouterOptions = {}): Router {
  const strictOutputs = opts.strictOutputs ?? true;
  return async (name, rawInput, sessionKey) => {
    if (!Object.hasOwn(contract, name)) return fail('not_found', `unknown procedure ${name}`);
    const proc = contract[name as ProcName];
    const parsed = proc.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: 'err.invalidInput', issues: zodIssues(parsed.error) } };
    }
    try {
      const now = services.clock();
      const settings = await services.settings();
      setDeskZone(settings.siteTimeZone);
      const site = await services.site();
      if (!site && !name.startsWith('setup:')) return fail('setup_required', 'err.setupRequired');
      const session = services.sessions.current(sessionKey, now.getTime(), settings.idleLockMinutes, proc.access !== 'public');
      let staff = session && !session.locked ? ((await staffById(services.db, session.staffId)) ?? null) : null;
      if (staff && !staff.active) staff = null;
      if (proc.access !== 'public') {
        if (session?.locked) return fail('locked', 'err.locked');
        if (!staff) return fail('unauthenticated', 'err.unauthenticated');
        if (!roleAtLeast(staff.role, proc.access)) return fail('forbidden', 'err.forbidden');
        // A reset PIN is known to whoever set it: its owner chooses their own before anything else.
        if (staff.must_change_pin === 1 && name !== 'auth:changePin') return fail('forbidden', 'err.pin.mustChange');
        if (proc.gate === 'shift' && site) {
          const refusal = await shiftGateRefusal(services.db, site, staff, now);
          if (refusal) return fail('shift_required', refusal);
        }
      }
      const ctx = makeContext(services, now, sessionKey, site, staff);
      const handler = handlers[name as ProcName] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      checkOutput(name, proc.output, value);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof OutputMismatch && strictOutputs) throw e;
      if (e instanceof ApiFailure) {
        // Refused PINs are counted in pinCheck, whichever procedure asked: the leader's lockout list reloads.
        if (PIN_REFUSALS.has(e.code)) services.notify({ kind: 'lockouts-changed' });
        return { ok: false, error: e.toError() };
      }
      services.log.error('api.failed', e, { procedure: name });
      return fail('internal', 'err.internal');
    }
  };
}

const PIN_REFUSALS = new Set<ErrorCode>(['wrong_pin', 'pin_locked_out', 'pin_desk_busy']);

function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function makeContext(
  services: Services,
  now: Date,
  sessionKey: string,
  site: HandlerContext['site'],
  staff: HandlerContext['staff'],
): HandlerContext {
  return {
    services,
    db: services.db,
    now,
    sessionKey,
    site,
    staff,
    async transact(work, identity) {
      const written: DomainEvent[] = [];
      const result = await services.db.transaction().execute((trx) =>
        work(trx, async (...drafts) => {
          const given = identity ?? site;
          if (!given) throw new Error('no site identity: events cannot be written before setup');
          // The same table HQ judges pushed events by: a handler never writes what HQ would refuse.
          if (!identity && drafts.some((d) => !staff || !mayAct(staff.role, d.type)))
            throw new ApiFailure('forbidden', 'err.forbidden');
          const s = await liveWriter(trx, given);
          const actor = identity?.actor ?? staff?.id ?? 'system';
          const events = await appendEvents(
            trx,
            { siteId: s.siteId, deviceId: s.deviceId, actor, now, hlcCeilingMs: services.hlcCeilingMs() },
            drafts,
          );
          written.push(...events);
          return events;
        }),
      );
      if (written.length) services.afterWrite(written);
      return result;
    },
  };
}
