import { describe, expect, it } from 'vitest';
import { createSite } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { hqSuite } from '../support/hqSuite.js';
import type { TestHq } from '../support/hq.js';

/**
 * The console's one entry (hq/src/console/router.ts) through real HTTP on a real HQ: sessions in
 * PostgreSQL, the role and the site scope checked before a handler runs, sign-ins audited.
 */
const suite = hqSuite();

async function client(hq: TestHq) {
  let cookie = '';
  return async (name: string, input: unknown = {}, headers: Record<string, string> = {}) => {
    const send = () =>
      fetch(`${hq.url}/console/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: hq.url, cookie, ...headers },
        body: JSON.stringify(input),
      });
    // A kept-alive socket the restarted HQ closed fails once, as a browser's would, and is retried.
    const res = await send().catch(send);
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; issues?: unknown[] } },
    };
  };
}

describe('HQ console router', () => {
  it('refuses every procedure but sign-in without a session, and a bad input names its field', async () => {
    const call = await client(suite.hq);
    expect((await call('sites.list')).body.error?.code).toBe('unauthenticated');
    const bad = await call('session.signIn', { login: '', password: 'x' });
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'login', message: 'console.err.required' }] });
    expect((await call('no.such')).body.error?.code).toBe('not_found');
  });

  it('a user scoped to one site lists only that site; sign-ins and refusals are in the audit trail', async () => {
    const { db } = suite.hq;
    const hy = await createSite(db, { code: 'HY', name: '华悦花园', kind: 'residential' });
    await createSite(db, { code: 'JT', name: '金泰大厦', kind: 'office' });
    await createConsoleUser(db, { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: [hy] });
    const call = await client(suite.hq);
    expect((await call('session.signIn', { login: 'cw', password: 'wrong-password' })).body.error?.code).toBe('unauthenticated');
    expect((await call('session.signIn', { login: 'CW', password: 'Finance-2026x' })).body.ok).toBe(true);
    const sites = (await call('sites.list')).body.value as { code: string }[];
    expect(sites.map((s) => s.code)).toEqual(['HY']);
    const audit = await db.selectFrom('hq_console_audit').select(['action', 'detail']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['session.signInRefused', 'session.signIn']);
    expect(JSON.stringify(audit)).not.toContain('wrong-password');
  });

  it('a disabled user is signed out at the next call, and two HQ processes share sessions (they are in PostgreSQL)', async () => {
    const { db } = suite.hq;
    const u = await createConsoleUser(db, {
      login: 'kf',
      name: '客服王',
      password: 'Service-2026x',
      role: 'service',
      siteIds: null,
    });
    const call = await client(suite.hq);
    await call('session.signIn', { login: 'kf', password: 'Service-2026x' });
    await suite.hq.restart();
    expect((await call('session.me')).body.value).toMatchObject({ login: 'kf', role: 'service' });
    await db.updateTable('hq_console_users').set({ disabled_at: new Date().toISOString() }).where('id', '=', u.id).execute();
    expect((await call('sites.list')).body.error?.code).toBe('unauthenticated');
  });

  it('ten sign-ins in the same second each get their own session', async () => {
    await createConsoleUser(suite.hq.db, {
      login: 'sj',
      name: '审计赵',
      password: 'Auditor-2026x',
      role: 'auditor',
      siteIds: null,
    });
    const clients = await Promise.all(Array.from({ length: 10 }, () => client(suite.hq)));
    const answers = await Promise.all(clients.map((c) => c('session.signIn', { login: 'sj', password: 'Auditor-2026x' })));
    expect(answers.every((a) => a.body.ok)).toBe(true);
    const sessions = await suite.hq.db.selectFrom('hq_console_sessions').select('token_hash').execute();
    expect(new Set(sessions.map((s) => s.token_hash)).size).toBe(10);
  });
});

describe('npm run hq -- create-admin', () => {
  it('makes the first HQ administrator from a password read from stdin; a weak one or a second with the same login is refused', async () => {
    const { runCli } = await import('../../hq/src/cli.js');
    const lines: string[] = [];
    const run = (password: string, ...args: string[]) =>
      runCli(suite.hq.db, ['create-admin', ...args], (l) => lines.push(l), { readSecret: async () => password });
    expect(await run('12345678901', 'boss', '总部张主任')).toBe(1);
    expect(lines.pop()).toMatch(/Password refused/);
    expect(await run('Strong-pass-2026', 'boss', '总部张主任')).toBe(0);
    expect(await run('Strong-pass-2026', 'boss', '另一个人')).toBe(1);
    expect(lines.pop()).toMatch(/exists already/);
    const call = await client(suite.hq);
    expect((await call('session.signIn', { login: 'boss', password: 'Strong-pass-2026' })).body.value).toMatchObject({
      role: 'admin',
      siteIds: null,
    });
  });
});
