import * as OTPAuth from 'otpauth';
import { ConsoleError } from '../contract/errors.js';
import type { sessionProcs } from '../contract/session.js';
import { DECOY_HASH, passwordMatches } from '../store/password.js';
import { closeSession, openSession } from '../store/sessions.js';
import { toConsoleUser, userByLogin } from '../store/users.js';
import { recordAudit } from '../store/audit.js';
import type { ConsoleHandlers } from './context.js';

/** A TOTP code of this user's secret, the step before and after accepted (clocks a little apart). */
export function totpMatches(secret: string, code: string, at: Date): boolean {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

export const sessionHandlers: ConsoleHandlers<typeof sessionProcs> = {
  async 'session.signIn'(input, ctx) {
    const row = await userByLogin(ctx.db, input.login);
    // The same answer, in the same time, for an unknown login, a wrong password and a disabled user.
    const passwordOk = await passwordMatches(input.password, row?.password_hash ?? (await DECOY_HASH));
    const refuse = async (why: string) => {
      await recordAudit(ctx.db, {
        at: ctx.now,
        userId: row?.id ?? `login:${input.login}`,
        action: 'session.signInRefused',
        siteId: null,
        detail: { why, address: ctx.session.address },
      });
      return new ConsoleError('unauthenticated', 'console.err.badCredentials');
    };
    if (!row || !passwordOk || row.disabled_at) throw await refuse(row ? (passwordOk ? 'disabled' : 'password') : 'login');
    if (row.totp_secret) {
      if (!input.totp) throw new ConsoleError('totp_required', 'console.err.totpRequired');
      if (!totpMatches(row.totp_secret, input.totp, ctx.now)) throw await refuse('totp');
    }
    if (ctx.session.token) await closeSession(ctx.db, ctx.session.token);
    ctx.session.set(await openSession(ctx.db, row.id, ctx.now));
    await recordAudit(ctx.db, {
      at: ctx.now,
      userId: row.id,
      action: 'session.signIn',
      siteId: null,
      detail: { address: ctx.session.address },
    });
    return toConsoleUser(row);
  },
  async 'session.me'(_input, ctx) {
    return ctx.user;
  },
  async 'session.signOut'(_input, ctx) {
    if (ctx.session.token) await closeSession(ctx.db, ctx.session.token);
    ctx.session.set(null);
    return {};
  },
  async 'sites.list'(_input, ctx) {
    let q = ctx.db.selectFrom('sites').select(['id', 'code', 'name', 'kind']).orderBy('code');
    if (ctx.scope.siteIds) q = q.where('id', 'in', ctx.scope.siteIds.length ? ctx.scope.siteIds : ['']);
    return q.execute();
  },
};
