import type { accountsProcs } from '../contract/accounts.js';
import { ConsoleError, fieldError } from '../contract/errors.js';
import { accountFor, accountRow, assertAdminRemains, checkSiteIds, listAccounts } from '../store/accounts.js';
import { recordAudit } from '../store/audit.js';
import { hashPassword, passwordMatches } from '../store/password.js';
import { closeSessionsOf, openSession } from '../store/sessions.js';
import { clearLoginAttempts, releaseSignInAttempt, reserveSignInAttempt } from '../store/signInLimits.js';
import { newTotpSecret, totpStepOf } from '../store/totp.js';
import { createConsoleUser, passwordProblem, toConsoleUser, userById, userByLogin } from '../store/users.js';
import type { ConsoleCtx, ConsoleHandlers } from './context.js';

const checkPassword = (path: string, password: string) => {
  const problem = passwordProblem(password);
  if (problem) throw fieldError(path, problem);
};

const lastAdmin = () => new ConsoleError('conflict', 'accounts.err.lastAdmin');

/** A user's own act (not a `write`, so the auditor may do it too): its change and its audit line commit together. */
const ownAct = <T>(ctx: ConsoleCtx, action: string, act: (tx: ConsoleCtx['db']) => Promise<T>) =>
  ctx.db.transaction().execute(async (tx) => {
    const value = await act(tx);
    await recordAudit(tx, { at: ctx.now, userId: ctx.user.id, action, siteId: null, detail: {} });
    return value;
  });

export const accountsHandlers: ConsoleHandlers<typeof accountsProcs> = {
  async 'accounts.list'(_input, ctx) {
    return listAccounts(ctx.db);
  },
  async 'accounts.create'(input, ctx) {
    if (await userByLogin(ctx.db, input.login)) throw fieldError('login', 'accounts.err.loginTaken');
    checkPassword('password', input.password);
    await checkSiteIds(ctx.db, input.siteIds, ctx.scope);
    // The admin chose this password: the user replaces it at the first sign-in.
    const user = await createConsoleUser(ctx.db, { ...input, mustChangePassword: true });
    return accountRow(ctx.db, user.id);
  },
  async 'accounts.update'(input, ctx) {
    const row = await accountFor(ctx.db, input.id, ctx.scope);
    await checkSiteIds(ctx.db, input.siteIds, ctx.scope);
    await assertAdminRemains(
      ctx.db,
      row.id,
      { ...input, disabled: row.disabled_at !== null },
      fieldError('role', 'accounts.err.lastAdmin'),
    );
    await ctx.db
      .updateTable('hq_console_users')
      .set({ role: input.role, site_ids: input.siteIds })
      .where('id', '=', row.id)
      .execute();
    // What the user may do changed: their open sessions end and the next sign-in carries the new role.
    await closeSessionsOf(ctx.db, row.id);
    return accountRow(ctx.db, row.id);
  },
  async 'accounts.setDisabled'(input, ctx) {
    const row = await accountFor(ctx.db, input.id, ctx.scope);
    if (input.disabled)
      await assertAdminRemains(ctx.db, row.id, { role: row.role, siteIds: row.site_ids, disabled: true }, lastAdmin());
    const disabledAt = input.disabled ? (row.disabled_at?.toISOString() ?? ctx.now.toISOString()) : null;
    await ctx.db.updateTable('hq_console_users').set({ disabled_at: disabledAt }).where('id', '=', row.id).execute();
    if (input.disabled) await closeSessionsOf(ctx.db, row.id);
    return accountRow(ctx.db, row.id);
  },
  async 'accounts.resetPassword'(input, ctx) {
    const row = await accountFor(ctx.db, input.id, ctx.scope);
    checkPassword('password', input.password);
    await ctx.db
      .updateTable('hq_console_users')
      .set({
        password_hash: await hashPassword(input.password),
        must_change_password: true,
        ...(input.clearTotp ? { totp_secret: null, totp_pending: null, totp_last_step: null } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await closeSessionsOf(ctx.db, row.id);
    await clearLoginAttempts(ctx.db, row.login);
    return accountRow(ctx.db, row.id);
  },
  async 'accounts.changeOwnPassword'(input, ctx) {
    const row = (await userById(ctx.db, ctx.user.id))!;
    // A session left open is no way to guess its owner's password faster than at the sign-in page.
    if (!(await reserveSignInAttempt(ctx.db, row.login, ctx.session.address, ctx.now)))
      throw new ConsoleError('rate_limited', 'accounts.err.rateLimited');
    if (!(await passwordMatches(input.currentPassword, row.password_hash)))
      throw fieldError('currentPassword', 'accounts.err.currentWrong');
    await releaseSignInAttempt(ctx.db, row.login, ctx.session.address, { clearLogin: true });
    checkPassword('password', input.password);
    if (input.password === input.currentPassword) throw fieldError('password', 'accounts.err.passwordSame');
    const hash = await hashPassword(input.password);
    return ownAct(ctx, 'accounts.changeOwnPassword', async (tx) => {
      await tx
        .updateTable('hq_console_users')
        .set({ password_hash: hash, must_change_password: false })
        .where('id', '=', row.id)
        .execute();
      // Every other session of this user ends (one opened with the old password), and this one is rotated.
      await closeSessionsOf(tx, row.id);
      ctx.session.set(await openSession(tx, row.id, ctx.now));
      return toConsoleUser((await userById(tx, row.id))!);
    });
  },
  async 'accounts.totpBegin'(_input, ctx) {
    if (ctx.user.totp) throw new ConsoleError('conflict', 'accounts.err.totpOn');
    const made = newTotpSecret(ctx.user.login);
    await ownAct(ctx, 'accounts.totpBegin', (tx) =>
      tx.updateTable('hq_console_users').set({ totp_pending: made.secret }).where('id', '=', ctx.user.id).execute(),
    );
    return made;
  },
  async 'accounts.totpConfirm'(input, ctx) {
    const row = (await userById(ctx.db, ctx.user.id))!;
    if (row.totp_secret) throw new ConsoleError('conflict', 'accounts.err.totpOn');
    if (!row.totp_pending) throw new ConsoleError('conflict', 'accounts.err.totpNotBegun');
    const step = totpStepOf(row.totp_pending, input.code, ctx.now);
    if (step === null) throw fieldError('code', 'accounts.err.totpWrong');
    return ownAct(ctx, 'accounts.totpConfirm', async (tx) => {
      // The confirming code counts as used: it cannot sign anyone in afterwards.
      await tx
        .updateTable('hq_console_users')
        .set({ totp_secret: row.totp_pending, totp_pending: null, totp_last_step: step })
        .where('id', '=', row.id)
        .where('totp_pending', '=', row.totp_pending)
        .execute();
      return toConsoleUser((await userById(tx, row.id))!);
    });
  },
};
