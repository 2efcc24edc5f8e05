import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { startDeskServer, type DeskServer } from './deskServer';
import { ADMIN } from './support';

/**
 * The desk server trusts only its own names and only the session keys it issued (issue 13, parts 4-5),
 * and keeps its data folder to its own account (part 7). Raw requests go through node's http with the
 * Host, Origin and Cookie headers an attacker would choose.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const SETUP = { siteName: '华远大厦', siteCode: 'HY', siteKind: 'mixed', deviceCode: 'A1', admin: ADMIN };

interface Answer {
  status: number;
  cookie: string | undefined;
  body: string;
}

function send(
  url: string,
  opts: { method?: string; path?: string; host?: string; origin?: string; cookie?: string; body?: unknown },
): Promise<Answer> {
  const u = new URL(url);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { host: opts.host ?? u.host };
  if (opts.origin) headers.origin = opts.origin;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (body) headers['content-type'] = 'application/json';
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        hostname: u.hostname,
        port: u.port,
        path: opts.path ?? '/',
        method: opts.method ?? 'GET',
        headers,
        rejectUnauthorized: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        // The event stream of a signed-in session never ends: its first bytes are enough.
        if (res.headers['content-type']?.startsWith('text/event-stream')) res.once('data', () => res.destroy());
        const done = () => {
          const set = res.headers['set-cookie']?.find((c) => c.startsWith('ld_session='));
          resolve({ status: res.statusCode ?? 0, cookie: set, body: text });
        };
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const keyOf = (setCookie: string | undefined) => /^ld_session=([^;]+)/.exec(setCookie ?? '')?.[1];
const call = (url: string, name: string, input: unknown, extra: { host?: string; origin?: string; cookie?: string } = {}) =>
  send(url, { method: 'POST', path: `/api/${name}`, body: input, ...extra });

/** The page's key: loading the page hands it out. */
async function pageKey(url: string): Promise<string> {
  const key = keyOf((await send(url, {})).cookie);
  expect(key).toBeTruthy();
  return key!;
}

test.describe('desk server names and sessions', () => {
  let desk: DeskServer;
  test.beforeAll(async () => {
    desk = await startDeskServer();
  });
  test.afterAll(async () => desk.close());

  test('a foreign Host is refused for pages, API and events, with and without Origin; a foreign Origin too', async () => {
    const port = new URL(desk.url).port;
    const foreign = [
      `evil.example:${port}`,
      `evil.localhost:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
      '127.0.0.1',
      `192.168.1.5:${port}`,
      `localhost.evil:${port}`,
    ];
    let tried = 0;
    let refused = 0;
    for (const host of foreign) {
      for (const origin of [undefined, `http://${host}`]) {
        const answers = await Promise.all([
          send(desk.url, { host, origin }),
          send(desk.url, { host, origin, path: '/api/events' }),
          call(desk.url, 'setup:status', {}, { host, origin }),
          // On a fresh desk this would make the caller the admin.
          call(desk.url, 'setup:complete', SETUP, { host, origin }),
        ]);
        tried += answers.length;
        refused += answers.filter((a) => a.status === 421 && !a.cookie).length;
      }
    }
    for (const origin of [
      `http://evil.localhost:${port}`,
      `http://127.0.0.1:${Number(port) + 1}`,
      `https://127.0.0.1:${port}`,
      'null',
    ]) {
      const a = await call(desk.url, 'setup:complete', SETUP, { origin });
      tried++;
      if (a.status === 403) refused++;
    }
    console.log(`foreign Host/Origin: tried ${tried}, refused ${refused}, unsafe ${tried - refused}`);
    expect(refused).toBe(tried);
    // Nothing got through: the desk is still waiting for its first setup.
    const status = JSON.parse(
      (await call(desk.url, 'setup:status', {}, { cookie: `ld_session=${await pageKey(desk.url)}` })).body,
    );
    expect(status.value.isSetUp).toBe(false);
  });

  test('the desk answers to its own names and a same-desk Origin', async () => {
    const port = new URL(desk.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const a = await call(desk.url, 'setup:status', {}, { host, origin: `http://${host}` });
      expect(a.status).toBe(200);
    }
  });

  test('client-chosen and pre-sign-in keys are replaced; sign-out and lock end the key', async () => {
    const admin = { staffNo: ADMIN.staffNo, pin: ADMIN.pin };
    const session = async (key: string) =>
      JSON.parse((await call(desk.url, 'auth:session', {}, { cookie: `ld_session=${key}` })).body);
    let tried = 0;
    let refused = 0;

    // A made-up key is never used: the answer hands out a server key of 32 random bytes.
    for (const planted of ['a', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'attacker-chosen_key']) {
      const a = await send(desk.url, { cookie: `ld_session=${planted}` });
      tried++;
      const issued = keyOf(a.cookie);
      if (issued && issued !== planted && Buffer.from(issued, 'base64url').length === 32) refused++;
      expect(a.cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/);
    }

    // Setup with a planted key: the admin is signed in on a new key, the planted one holds nothing.
    const setup = await call(desk.url, 'setup:complete', SETUP, { cookie: 'ld_session=planted' });
    expect(JSON.parse(setup.body).ok).toBe(true);
    const afterSetup = keyOf(setup.cookie)!;
    expect((await session(afterSetup)).value?.staff.staffNo).toBe(ADMIN.staffNo);
    tried++;
    if ((await session('planted')).value === null) refused++;

    // A key handed out before sign-in (one an attacker could have fetched and planted) is worthless after it.
    const before = await pageKey(desk.url);
    const signIn = await call(desk.url, 'auth:signIn', admin, { cookie: `ld_session=${before}` });
    const after = keyOf(signIn.cookie)!;
    expect(after).not.toBe(before);
    expect((await session(after)).value?.staff.staffNo).toBe(ADMIN.staffNo);
    tried++;
    if ((await session(before)).value === null) refused++;
    // …also when the attacker's planted key sits before the real one in the Cookie header.
    const both = JSON.parse(
      (await call(desk.url, 'auth:session', {}, { cookie: `ld_session=${before}; ld_session=${after}` })).body,
    );
    expect(both.value?.staff.staffNo).toBe(ADMIN.staffNo);

    // The event stream needs a signed-in session.
    tried += 2;
    const anonymous = await send(desk.url, { path: '/api/events', cookie: `ld_session=${before}` });
    if (!anonymous.body.includes('connected')) refused++;
    if (!(await send(desk.url, { path: '/api/events', cookie: 'ld_session=planted' })).body.includes('connected')) refused++;
    expect((await send(desk.url, { path: '/api/events', cookie: `ld_session=${after}` })).body).toContain('connected');

    // Lock: the key ends, the locked session moves to a new one; unlocking hands out another.
    const lock = await call(desk.url, 'auth:lock', {}, { cookie: `ld_session=${after}` });
    const locked = keyOf(lock.cookie)!;
    expect(locked).not.toBe(after);
    tried++;
    if ((await session(after)).value === null) refused++;
    const unlock = await call(desk.url, 'auth:signIn', admin, { cookie: `ld_session=${locked}` });
    const unlocked = keyOf(unlock.cookie)!;
    expect(unlocked).not.toBe(locked);
    expect((await session(unlocked)).value?.staff.staffNo).toBe(ADMIN.staffNo);

    // Sign-out: the key ends.
    const out = await call(desk.url, 'auth:signOut', {}, { cookie: `ld_session=${unlocked}` });
    expect(keyOf(out.cookie)).not.toBe(unlocked);
    tried++;
    if ((await session(unlocked)).value === null) refused++;

    console.log(`session fixation: tried ${tried}, refused ${refused}, unsafe ${tried - refused}`);
    expect(refused).toBe(tried);
  });
});

test('in Chromium the desk signs in, locks and unlocks on new keys, and the page keeps working', async ({ page, context }) => {
  const desk = await startDeskServer();
  try {
    const cookie = async () => (await context.cookies()).find((c) => c.name === 'ld_session')!;
    await page.goto(desk.url);
    const first = await cookie();
    expect([first.httpOnly, first.sameSite, first.path, first.secure]).toEqual([true, 'Strict', '/', false]);
    await desk.api(page, 'setup:complete', SETUP);
    await desk.api(page, 'auth:signOut', {});
    await page.reload();

    // Typed at machine speed, Enter at once.
    await page.getByTestId('signin-staffNo').fill(ADMIN.staffNo);
    await page.getByTestId('signin-pin').click();
    await page.keyboard.type(ADMIN.pin);
    await page.keyboard.press('Enter');
    await page.getByTestId('shift-open').click();
    await expect(page.getByTestId('nav-directory')).toBeVisible();
    const signedIn = (await cookie()).value;
    expect(signedIn).not.toBe(first.value);

    await page.keyboard.press('Control+F12');
    await expect(page.getByText('前台已锁定')).toBeVisible();
    const locked = (await cookie()).value;
    expect(locked).not.toBe(signedIn);

    const staffNo = page.getByTestId('signin-staffNo');
    if (await staffNo.isVisible()) await staffNo.fill(ADMIN.staffNo);
    await page.getByTestId('signin-pin').click();
    await page.keyboard.type(ADMIN.pin);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-directory').click();
    await expect(page.getByTestId('directory-search')).toBeVisible();
    const unlocked = (await cookie()).value;
    expect(unlocked).not.toBe(locked);
    expect((await desk.api(page, 'auth:session', {})).staff.staffNo).toBe(ADMIN.staffNo);
    // The keys the page held before are worth nothing now.
    for (const old of [first.value, signedIn, locked]) {
      const a = JSON.parse((await call(desk.url, 'auth:session', {}, { cookie: `ld_session=${old}` })).body);
      expect(a.value).toBeNull();
    }
  } finally {
    await desk.close();
  }
});

test('a page on a rebinding name (evil.localhost) cannot set up or sign in to the desk', async () => {
  const desk = await startDeskServer();
  const port = new URL(desk.url).port;
  const browser = await chromium.launch({
    executablePath: process.env.LOBBYDESK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP evil.localhost 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    // What the desk itself answers to that name: a refusal, not the app.
    const direct = await page.goto(`http://evil.localhost:${port}/`);
    expect(direct?.status()).toBe(421);
    await expect(page.getByText('登录')).toHaveCount(0);

    // The attacker's page, first served by their own server on that name, then rebound to this PC: it calls
    // the desk by the same name (rebinding) and by 127.0.0.1 (cross-site, simple and preflighted requests).
    await page.route(`http://evil.localhost:${port}/attack`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<html><body>attack</body></html>' }),
    );
    await page.goto(`http://evil.localhost:${port}/attack`);
    const attack = (name: string, input: unknown) =>
      page.evaluate(
        async ({ name, input, deskUrl }) => {
          const post = (url: string, json: boolean) =>
            fetch(url, {
              method: 'POST',
              headers: { 'Content-Type': json ? 'application/json' : 'text/plain' },
              body: JSON.stringify(input),
              mode: json ? 'cors' : 'no-cors',
            })
              .then((r) => (r.type === 'opaque' ? 'opaque' : r.status))
              .catch(() => 'blocked');
          return Promise.all([post(`/api/${name}`, true), post(`/api/${name}`, false), post(`${deskUrl}api/${name}`, true)]);
        },
        { name, input, deskUrl: desk.url },
      );
    const isSetUp = async () => JSON.parse((await call(desk.url, 'setup:status', {})).body).value.isSetUp as boolean;
    let tried = 0;
    let refused = 0;

    // A fresh desk: becoming its admin.
    const setupTries = await attack('setup:complete', SETUP);
    tried += setupTries.length;
    expect(setupTries).toEqual([421, 421, 'blocked']);
    expect(await isSetUp()).toBe(false);
    refused += setupTries.length;

    // A set-up desk: signing in with a known PIN and reading who is signed in.
    const legit = await call(desk.url, 'setup:complete', SETUP);
    expect(JSON.parse(legit.body).ok).toBe(true);
    const signInTries = [
      ...(await attack('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin })),
      ...(await attack('auth:session', {})),
    ];
    tried += signInTries.length;
    refused += signInTries.filter((s) => s === 421 || s === 'blocked').length;
    expect(signInTries).toEqual([421, 421, 'blocked', 421, 421, 'blocked']);
    // The page shows the desk's refusal, never the app's sign-in.
    await page.goto(`http://evil.localhost:${port}/`);
    await expect(page.locator('input')).toHaveCount(0);

    // The same Chromium on the desk's own name does sign in: the refusals are about the name, not the browser.
    const real = await browser.newPage();
    await real.goto(desk.url);
    const own = await desk.api(real, 'auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    expect(own.staff.staffNo).toBe(ADMIN.staffNo);
    console.log(`rebinding page: tried ${tried}, refused ${refused}, unsafe ${tried - refused}`);
    expect(refused).toBe(tried);
  } finally {
    await browser.close();
    await desk.close();
  }
});

/** Starts dist/electron/serve.cjs under a wide-open umask (000), so only the desk's own chmod can make files private. */
function launch(
  env: Record<string, string>,
): Promise<{ url?: string; code?: number | null; stderr: string; stop(): Promise<void> }> {
  const child = spawn('sh', ['-c', 'umask 000; exec "$0" dist/electron/serve.cjs', process.execPath], {
    cwd: ROOT,
    env: { ...process.env, LOBBYDESK_PORT: '0', TZ: 'Asia/Shanghai', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve) => {
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /open (https?:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], stderr, stop });
    });
    child.on('exit', (code) => resolve({ code, stderr, stop }));
  });
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

test('listening off loopback without TLS is refused at start with one line saying why', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-lan-'));
  let tried = 0;
  let refused = 0;
  for (const host of ['0.0.0.0', '::', '192.168.1.5']) {
    const r = await launch({ LOBBYDESK_DATA_DIR: dataDir, LOBBYDESK_HOST: host });
    await r.stop();
    tried++;
    if (r.code === 1 && !r.url) refused++;
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      `LobbyDesk could not start: LOBBYDESK_HOST=${host} would expose the desk to the network over plain HTTP`,
    );
    expect(r.stderr).toContain('LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY');
  }
  // Refused before anything was opened.
  expect(existsSync(join(dataDir, 'lobbydesk.sqlite'))).toBe(false);
  console.log(`LAN without TLS: tried ${tried}, refused ${refused}, unsafe ${tried - refused}`);
  expect(refused).toBe(tried);
});

test('with a certificate the desk serves HTTPS on the LAN, its cookie Secure, its allowed names only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-tls-'));
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=desk1.lan'],
    {
      stdio: 'ignore',
    },
  );
  const desk = await launch({
    LOBBYDESK_DATA_DIR: join(dir, 'data'),
    LOBBYDESK_HOST: '0.0.0.0',
    LOBBYDESK_TLS_CERT: cert,
    LOBBYDESK_TLS_KEY: key,
    LOBBYDESK_ALLOWED_HOSTS: 'desk1.lan',
  });
  try {
    expect(desk.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const port = new URL(desk.url!).port;
    const page = await send(desk.url!, {});
    expect(page.status).toBe(200);
    expect(page.cookie).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    // The LAN name the admin listed is served; any other name and plain HTTP are not.
    const lan = await call(desk.url!, 'setup:status', {}, { host: `desk1.lan:${port}`, origin: `https://desk1.lan:${port}` });
    expect(lan.status).toBe(200);
    expect((await call(desk.url!, 'setup:status', {}, { host: `desk2.lan:${port}` })).status).toBe(421);
    expect((await call(desk.url!, 'setup:status', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(403);
    await expect(send(desk.url!.replace('https:', 'http:'), {})).rejects.toThrow();
    const signIn = await call(desk.url!, 'setup:complete', SETUP, { cookie: `ld_session=${keyOf(page.cookie)}` });
    expect(signIn.cookie).toMatch(/Secure$/);
  } finally {
    await desk.stop();
  }
});

test('the data folder is 0700 and its database, WAL, backups and HQ secret 0600 even under umask 000', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'lobbydesk-modes-')), 'data');
  // A folder an older desk left readable by everyone, with a loose file in it.
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  writeFileSync(join(dataDir, 'hq-secret'), 'device-secret');
  chmodSync(join(dataDir, 'hq-secret'), 0o644);
  const desk = await launch({ LOBBYDESK_DATA_DIR: dataDir });
  try {
    expect(desk.url).toBeTruthy();
    // The desk's first daily backup is written at start.
    const backup = join(
      'backups',
      `lobbydesk-${new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' }).replaceAll('-', '')}.sqlite`,
    );
    await expect.poll(() => existsSync(join(dataDir, backup))).toBe(true);
    // A write, so the WAL holds something.
    expect(JSON.parse((await call(desk.url!, 'setup:complete', SETUP)).body).ok).toBe(true);
    const files = ['lobbydesk.sqlite', 'lobbydesk.sqlite-wal', 'lobbydesk.sqlite-shm', 'hq-secret', backup];
    const modes = Object.fromEntries([
      ['.', modeOf(dataDir)],
      ['backups', modeOf(join(dataDir, 'backups'))],
      ...files.map((f) => [f, modeOf(join(dataDir, f))]),
    ]);
    expect(modes).toEqual({
      '.': '700',
      backups: '700',
      'lobbydesk.sqlite': '600',
      'lobbydesk.sqlite-wal': '600',
      'lobbydesk.sqlite-shm': '600',
      'hq-secret': '600',
      [backup]: '600',
    });
  } finally {
    await desk.stop();
  }
});
