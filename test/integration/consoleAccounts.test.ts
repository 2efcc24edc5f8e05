import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { connectHq } from '../../hq/src/pg/connect.js';
import type { HqDatabase } from '../../hq/src/pg/schema.js';
import { createConsoleRouter } from '../../hq/src/console/router.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { MAX_ATTEMPTS_PER_LOGIN } from '../../hq/src/console/store/signInLimits.js';
import { createSite } from '../../hq/src/store/admin.js';
import { consoleClient } from '../support/consoleClient.js';
import { hqSuite } from '../support/hqSuite.js';

/**
 * HQ accounts (issue 21 item 1) through real HTTP on a real HQ, and a second "HQ process" (its own
 * connection pool and router on the same PostgreSQL): rate limits and TOTP steps are shared by both.
 */
const suite = hqSuite();
let second: { db: Kysely<HqDatabase>; destroy: () => Promise<void> };
beforeAll(() => {
  const { db } = connectHq(suite.hq.pgUrl, 4);
  second = { db, destroy: () => db.destroy() };
});
afterAll(async () => second?.destroy());

const ADMIN = { login: 'boss', name: '总部张主任', password: 'Lobby-HQ-2026', role: 'admin' as const, siteIds: null };

/** A sign-in at the other HQ process, from the same address as the HTTP calls. */
const signInAtSecond = (input: unknown) =>
  createConsoleRouter(second.db)({ name: 'session.signIn', input, token: undefined, address: '127.0.0.1', now: new Date() });

async function signedIn(login = ADMIN.login, password = ADMIN.password) {
  const call = consoleClient(suite.hq);
  expect((await call('session.signIn', { login, password })).body.ok).toBe(true);
  return call;
}

const users = () =>
  suite.hq.db.selectFrom('hq_console_users').select(['login', 'role', 'disabled_at']).orderBy('login').execute();
const codeAt = (secret: string, ms: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: ms });

describe('HQ accounts', () => {
  it('an admin creates a user; a bad password, a bad login, a taken login or an unknown site is refused at its field and writes nothing; the auditor may not create', async () => {
    await createConsoleUser(suite.hq.db, ADMIN);
    await createConsoleUser(suite.hq.db, {
      login: 'sj',
      name: '审计赵',
      password: 'Auditor-2026x',
      role: 'auditor',
      siteIds: null,
    });
    const hy = await createSite(suite.hq.db, { code: 'HY', name: '华悦花园', kind: 'residential' });
    const admin = await signedIn();
    const good = { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: [hy] };
    const before = await users();
    const refusals: [unknown, string, string][] = [
      [{ ...good, password: 'short1' }, 'password', 'console.err.passwordShort'],
      [{ ...good, password: '12345678901234' }, 'password', 'console.err.passwordSimple'],
      [{ ...good, login: 'has space' }, 'login', 'accounts.err.loginFormat'],
      [{ ...good, login: 'SJ' }, 'login', 'accounts.err.loginTaken'],
      [{ ...good, siteIds: ['no-such-site'] }, 'siteIds', 'accounts.err.unknownSite'],
      [{ ...good, siteIds: [] }, 'siteIds', 'accounts.err.sitesRequired'],
    ];
    for (const [input, path, message] of refusals) {
      const a = await admin('accounts.create', input);
      expect(a.body.error, JSON.stringify(input)).toMatchObject({ code: 'invalid_input', issues: [{ path, message }] });
    }
    const auditor = await signedIn('sj', 'Auditor-2026x');
    expect((await auditor('accounts.create', good)).body.error?.code).toBe('forbidden');
    expect((await auditor('accounts.list')).body.error?.code).toBe('forbidden');
    expect(await users()).toEqual(before);

    const made = await admin('accounts.create', good);
    expect(made.body.value).toMatchObject({ login: 'cw', role: 'finance', siteIds: [hy], totp: false, mustChangePassword: true });
    const listed = (await admin('accounts.list')).body.value as { login: string; lastSignInAt: string | null }[];
    expect(listed.map((u) => u.login)).toEqual(['boss', 'cw', 'sj']);
    expect(listed[0].lastSignInAt).not.toBeNull();
    // Created with the admin's password: the new user may only change it until they do.
    const cw = await signedIn('cw', 'Finance-2026x');
    expect((await cw('sites.list')).body.error?.code).toBe('forbidden');
    const same = await cw('accounts.changeOwnPassword', { currentPassword: 'Finance-2026x', password: 'Finance-2026x' });
    expect(same.body.error?.issues).toEqual([{ path: 'password', message: 'accounts.err.passwordSame' }]);
    const wrong = await cw('accounts.changeOwnPassword', { currentPassword: 'nope-nope-1', password: 'Finance-2027y' });
    expect(wrong.body.error?.issues).toEqual([{ path: 'currentPassword', message: 'accounts.err.currentWrong' }]);
    expect(
      (await cw('accounts.changeOwnPassword', { currentPassword: 'Finance-2026x', password: 'Finance-2027y' })).body.ok,
    ).toBe(true);
    expect(((await cw('sites.list')).body.value as { code: string }[]).map((s) => s.code)).toEqual(['HY']);
    const audit = await suite.hq.db.selectFrom('hq_console_audit').select(['action', 'detail']).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['accounts.create', 'accounts.changeOwnPassword']));
    expect(JSON.stringify(audit)).not.toMatch(/Finance-202/);
  });

  it('the last admin of every site cannot be disabled or demoted, by another or by themselves; with two, one may go', async () => {
    const boss = await createConsoleUser(suite.hq.db, ADMIN);
    const admin = await signedIn();
    const self = await admin('accounts.setDisabled', { id: boss.id, disabled: true });
    expect(self.body.error).toMatchObject({ code: 'conflict', message: 'accounts.err.lastAdmin' });
    const demote = await admin('accounts.update', { id: boss.id, role: 'finance', siteIds: null });
    expect(demote.body.error?.issues).toEqual([{ path: 'role', message: 'accounts.err.lastAdmin' }]);
    const hy = await createSite(suite.hq.db, { code: 'HY', name: '华悦花园', kind: 'residential' });
    const narrow = await admin('accounts.update', { id: boss.id, role: 'admin', siteIds: [hy] });
    expect(narrow.body.error?.issues).toEqual([{ path: 'role', message: 'accounts.err.lastAdmin' }]);
    expect(await users()).toMatchObject([{ login: 'boss', role: 'admin', disabled_at: null }]);

    const deputy = (await admin('accounts.create', { ...ADMIN, login: 'deputy', name: '副主任', password: 'Deputy-2026x' })).body
      .value as { id: string };
    expect((await admin('accounts.setDisabled', { id: deputy.id, disabled: true })).body.value).toMatchObject({ disabled: true });
    expect((await admin('accounts.setDisabled', { id: boss.id, disabled: true })).body.error?.code).toBe('conflict');
    expect((await admin('accounts.setDisabled', { id: deputy.id, disabled: false })).body.value).toMatchObject({
      disabled: false,
    });
    // Two admins now: the boss may step down; the deputy, the last one, may not.
    expect((await admin('accounts.update', { id: boss.id, role: 'auditor', siteIds: null })).body.ok).toBe(true);
    expect((await admin('sites.list')).body.error?.code).toBe('unauthenticated');
    await suite.hq.db.updateTable('hq_console_users').set({ must_change_password: false }).execute();
    const dep = await signedIn('deputy', 'Deputy-2026x');
    expect((await dep('accounts.setDisabled', { id: deputy.id, disabled: true })).body.error?.code).toBe('conflict');
  });

  it('TOTP: enrolled with a first code; a code accepted once is refused again (at either HQ process); a wrong one is refused', async () => {
    await createConsoleUser(suite.hq.db, ADMIN);
    const admin = await signedIn();
    const begun = (await admin('accounts.totpBegin')).body.value as { secret: string; uri: string };
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/.*boss\?.*secret=/);
    expect((await admin('accounts.totpConfirm', { code: '12345' })).body.error?.issues).toEqual([
      { path: 'code', message: 'console.err.totpFormat' },
    ]);
    const wrongCode = codeAt(begun.secret, Date.now() + 10 * 60_000);
    expect((await admin('accounts.totpConfirm', { code: wrongCode })).body.error?.issues).toEqual([
      { path: 'code', message: 'accounts.err.totpWrong' },
    ]);
    expect(
      (await suite.hq.db.selectFrom('hq_console_users').select('totp_secret').executeTakeFirstOrThrow()).totp_secret,
    ).toBeNull();
    const first = codeAt(begun.secret, Date.now());
    expect((await admin('accounts.totpConfirm', { code: first })).body.value).toMatchObject({ totp: true });

    const call = consoleClient(suite.hq);
    expect((await call('session.signIn', { login: 'boss', password: ADMIN.password })).body.error?.code).toBe('totp_required');
    // The code that confirmed the enrolment is spent.
    expect((await call('session.signIn', { login: 'boss', password: ADMIN.password, totp: first })).body.error?.code).toBe(
      'unauthenticated',
    );
    const next = codeAt(begun.secret, Date.now() + 30_000);
    const both = await Promise.all([
      call('session.signIn', { login: 'boss', password: ADMIN.password, totp: next }).then((a) => a.body.ok),
      signInAtSecond({ login: 'boss', password: ADMIN.password, totp: next }).then((a) => a.result.ok),
    ]);
    // Sent twice at once to two HQ processes: accepted once.
    expect(both.filter(Boolean)).toHaveLength(1);
    expect((await call('session.signIn', { login: 'boss', password: ADMIN.password, totp: next })).body.error?.code).toBe(
      'unauthenticated',
    );
    const refused = await suite.hq.db
      .selectFrom('hq_console_audit')
      .select('detail')
      .where('action', '=', 'session.signInRefused')
      .execute();
    expect(refused.map((r) => (r.detail as { why: string }).why)).toEqual(['totp', 'totp', 'totp']);
  });

  it('wrong passwords in parallel bursts at two HQ processes: no more than the limit are compared, then even the right password waits', async () => {
    await createConsoleUser(suite.hq.db, ADMIN);
    const call = consoleClient(suite.hq);
    const guess = (i: number) => ({ login: 'boss', password: `guess-number-${i}` });
    const codes = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        i % 2
          ? call('session.signIn', guess(i)).then((a) => a.body.error!.code)
          : signInAtSecond(guess(i)).then((a) => (a.result.ok ? 'ok' : a.result.error.code)),
      ),
    );
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(MAX_ATTEMPTS_PER_LOGIN);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(16 - MAX_ATTEMPTS_PER_LOGIN);
    expect((await call('session.signIn', { login: 'BOSS', password: ADMIN.password })).body.error).toMatchObject({
      code: 'rate_limited',
      message: 'accounts.err.rateLimited',
    });
    expect((await signInAtSecond({ login: 'boss', password: ADMIN.password })).result.ok).toBe(false);
    // Another login from the same address is not locked by them (its own count, the address's still under its limit).
    await createConsoleUser(suite.hq.db, { ...ADMIN, login: 'deputy', password: 'Deputy-2026x' });
    expect((await call('session.signIn', { login: 'deputy', password: 'Deputy-2026x' })).body.ok).toBe(true);
    const rows = await suite.hq.db.selectFrom('hq_console_sign_in_limits').selectAll().orderBy('key').execute();
    expect(rows.map((r) => [r.key, r.attempts])).toEqual([
      ['address:127.0.0.1', 16 + 2],
      ['login:boss', 16 + 2],
    ]);
    // The other admin resets the locked-out one's password: they may sign in at once, and must change it first.
    const deputy = consoleClient(suite.hq);
    expect((await deputy('session.signIn', { login: 'deputy', password: 'Deputy-2026x' })).body.ok).toBe(true);
    const boss = (
      await suite.hq.db.selectFrom('hq_console_users').select('id').where('login', '=', 'boss').executeTakeFirstOrThrow()
    ).id;
    const weak = await deputy('accounts.resetPassword', { id: boss, password: 'abcdefghijkl', clearTotp: false });
    expect(weak.body.error?.issues).toEqual([{ path: 'password', message: 'console.err.passwordSimple' }]);
    expect(
      (await deputy('accounts.resetPassword', { id: boss, password: 'Reset-pass-2026', clearTotp: false })).body.value,
    ).toMatchObject({
      mustChangePassword: true,
    });
    expect((await call('session.signIn', { login: 'boss', password: ADMIN.password })).body.error?.code).toBe('unauthenticated');
    expect((await call('session.signIn', { login: 'boss', password: 'Reset-pass-2026' })).body.value).toMatchObject({
      mustChangePassword: true,
    });
    expect((await call('accounts.list')).body.error?.code).toBe('forbidden');
    // Wrong current passwords typed in an open session count like sign-in guesses.
    const tries = [];
    for (let i = 0; i < MAX_ATTEMPTS_PER_LOGIN + 1; i++)
      tries.push(
        (await call('accounts.changeOwnPassword', { currentPassword: `nope-${i}-xxxx`, password: 'Boss-own-2026' })).body.error
          ?.code,
      );
    expect(tries.at(-1)).toBe('rate_limited');
    expect(tries.filter((c) => c === 'invalid_input')).toHaveLength(MAX_ATTEMPTS_PER_LOGIN);
  });
});
