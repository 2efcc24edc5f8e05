import { ConsoleError } from '../contract/errors.js';
import type { sessionProcs } from '../contract/session.js';
import { DECOY_HASH, passwordMatches } from '../store/password.js';
import { closeSession, openSession } from '../store/sessions.js';
import { toConsoleUser, userByLogin } from '../store/users.js';
import { recordAudit } from '../store/audit.js';
import { releaseSignInAttempt, reserveSignInAttempt } from '../store/signInLimits.js';
import { acceptTotp } from '../store/totp.js';
import type { ConsoleHandlers } from './context.js';

export const sessionHandlers: ConsoleHandlers<typeof sessionProcs> = {
  async 'session.signIn'(input, ctx) {
    const address = ctx.session.address;
    // Counted before anything is compared: a burst of guesses gets no more comparisons than allowed.
    const allowed = await reserveSignInAttempt(ctx.db, input.login, address, ctx.now);
    const row = await userByLogin(ctx.db, input.login);
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
    if (!allowed) {
      await refuse('rateLimited');
      throw new ConsoleError('rate_limited', 'accounts.err.rateLimited');
    }
    // The same answer, in the same time, for an unknown login, a wrong password and a disabled user.
    const passwordOk = await passwordMatches(input.password, row?.password_hash ?? (await DECOY_HASH));
    if (!row || !passwordOk || row.disabled_at) throw await refuse(row ? (passwordOk ? 'disabled' : 'password') : 'login');
    if (row.totp_secret) {
      if (!input.totp) {
        // The right password, the code still to come: not a guess.
        await releaseSignInAttempt(ctx.db, input.login, address, { clearLogin: false });
        throw new ConsoleError('totp_required', 'console.err.totpRequired');
      }
      // A code already accepted once (replayed) is refused like a wrong one.
      if (!(await acceptTotp(ctx.db, row.id, row.totp_secret, input.totp, ctx.now))) throw await refuse('totp');
    }
    await releaseSignInAttempt(ctx.db, input.login, address, { clearLogin: true });
    await ctx.db
      .updateTable('hq_console_users')
      .set({ last_sign_in_at: ctx.now.toISOString() })
      .where('id', '=', row.id)
      .execute();
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
