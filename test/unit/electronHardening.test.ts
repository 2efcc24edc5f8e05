import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveAppRequest, withFrameAncestorsNone } from '../../electron/security/appProtocol.js';
import { guardSession, guardWebContents, type GuardedContents, type GuardedSession } from '../../electron/security/harden.js';
import { menuTemplate, type MenuEntry } from '../../electron/security/menu.js';
import { allowedNavigation, isAppUrl } from '../../electron/security/navigation.js';
import { isInsideRoot, rendererFileFor } from '../../electron/security/paths.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/deskServer.js';

// Electron's binary cannot run here: these read the packaging config and the main-process module and
// drive the Electron-free policies the main process wires in.
const ROOT = new URL('../..', import.meta.url).pathname;
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The `electronFuses:` block of electron-builder.yml as key → value (a flat block of `key: bool`). */
function fusesOf(yml: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) return {};
  const fuses: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (m) fuses[m[1]] = m[2];
  }
  return fuses;
}

describe('fuses set at package time', () => {
  const fuses = fusesOf(read('electron-builder.yml'));

  it('RunAsNode, NODE_OPTIONS and --inspect are off; asar integrity and asar-only loading are on', () => {
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('every key is one the installed electron-builder knows (a misspelt fuse would be silently ignored)', () => {
    const scheme = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
      properties: Record<string, unknown>;
    };
    expect(scheme.properties).toHaveProperty('electronFuses');
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).length).toBeGreaterThanOrEqual(5);
    for (const key of Object.keys(fuses)) expect(known, key).toContain(key);
  });
});

/** Every role in a template, submenus included. */
function rolesOf(items: MenuEntry[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role.toLowerCase()] : []),
    ...(Array.isArray(i.submenu) ? rolesOf(i.submenu) : []),
  ]);
}
const DEVELOPER_ROLES = ['toggledevtools', 'reload', 'forcereload'];

describe('application menu', () => {
  it('a packaged build has no DevTools, reload or force-reload item', () => {
    const roles = rolesOf(menuTemplate(true));
    for (const r of DEVELOPER_ROLES) expect(roles).not.toContain(r);
    expect(JSON.stringify(menuTemplate(true))).not.toMatch(/devtools/i);
  });

  it('no menu role falls back to its default submenu (Electron’s default View menu carries DevTools)', () => {
    for (const item of menuTemplate(true))
      if (item.role?.toLowerCase().endsWith('menu')) expect(Array.isArray(item.submenu), item.role).toBe(true);
  });

  it('editing and zoom stay; a developer’s unpackaged run keeps reload and DevTools', () => {
    const packaged = rolesOf(menuTemplate(true));
    for (const r of ['copy', 'paste', 'undo', 'zoomin', 'quit']) expect(packaged).toContain(r);
    expect(rolesOf(menuTemplate(false))).toEqual(expect.arrayContaining(DEVELOPER_ROLES));
  });
});

describe('app:// path guard', () => {
  const root = '/app/dist/renderer';

  it('compares whole segments: a sibling folder with the same prefix is outside', () => {
    expect(isInsideRoot(root, '/app/dist/renderer/assets/a.js')).toBe(true);
    expect(isInsideRoot(root, '/app/dist/renderer-evil/x')).toBe(false);
    expect(isInsideRoot(root, '/app/dist/rendererx')).toBe(false);
    expect(rendererFileFor(root, '/../renderer-evil/x')).toBeNull();
    expect(isInsideRoot('C:\\app\\renderer', 'C:\\app\\renderer-evil\\x', path.win32)).toBe(false);
  });

  it('refuses `..` traversal, plain and %-encoded, with either separator', () => {
    for (const p of [
      '/../secret',
      '/assets/../../secret',
      '/%2e%2e/secret',
      '/..%2f..%2fetc/passwd',
      '/%2E%2E%2F%2E%2E%2Fsecret',
    ])
      expect(rendererFileFor(root, p), p).toBeNull();
    for (const p of ['/..%5c..%5csecret', '/%2e%2e%5csecret', '/assets%5c..%5c..%5csecret'])
      expect(rendererFileFor('C:\\app\\renderer', p, path.win32), p).toBeNull();
  });

  it('refuses malformed escapes and NUL; serves the app’s own files', () => {
    expect(rendererFileFor(root, '/%E0%A4%A')).toBeNull();
    expect(rendererFileFor(root, '/index.html%00.png')).toBeNull();
    expect(rendererFileFor(root, '/')).toBe('/app/dist/renderer/index.html');
    expect(rendererFileFor(root, '/assets/%E4%B8%AD.js')).toBe('/app/dist/renderer/assets/中.js');
  });
});

describe('app:// answers', () => {
  const base = mkdtempSync(join(tmpdir(), 'ld-app-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(rendererDir, 'index.html'), '<p>desk</p>');
  writeFileSync(join(rendererDir, 'assets', 'a.js'), 'ok()');
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil()');
  writeFileSync(join(base, 'secret.txt'), 'pin hashes');
  const fetchFile = async (file: string) => new Response(readFileSync(file));
  const csp = withFrameAncestorsNone(CONTENT_SECURITY_POLICY);
  const get = (p: string) => serveAppRequest(`app://desk${p}`, rendererDir, fetchFile, csp);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves the renderer, falls back to index.html, and never reads next to it', async () => {
    expect(await (await get('/assets/a.js')).text()).toBe('ok()');
    expect(await (await get('/some/route')).text()).toBe('<p>desk</p>');
    for (const p of ['/..%2frenderer-evil%2fx.js', '/%2e%2e%2fsecret.txt', '/..%2f..%2f..%2f' + base.slice(1) + '/secret.txt']) {
      const r = await get(p);
      expect(r.status, p).toBe(403);
      expect(await r.text()).toBe('forbidden');
    }
  });

  it('every answer carries the CSP with frame-ancestors none', async () => {
    for (const p of ['/', '/assets/a.js', '/%2e%2e%2fsecret.txt']) {
      const header = (await get(p)).headers.get('Content-Security-Policy') ?? '';
      expect(header, p).toContain("frame-ancestors 'none'");
      expect(header).toContain("script-src 'self'");
    }
    expect(withFrameAncestorsNone("default-src 'self'; frame-ancestors 'none'")).toBe(
      "default-src 'self'; frame-ancestors 'none'",
    );
  });
});

describe('navigation, frame navigation and redirects', () => {
  const FOREIGN = [
    'https://evil.example/',
    'http://127.0.0.1:5390/',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    'app://desk.evil/index.html',
    'app://desk@evil/index.html',
    'app://evil/index.html',
    'not a url',
  ];

  it('only the app’s own origin passes; subframes may also hold the print preview’s srcdoc', () => {
    expect(allowedNavigation('app://desk/index.html')).toBe(true);
    expect(allowedNavigation('about:srcdoc', false)).toBe(true);
    expect(allowedNavigation('about:srcdoc', true)).toBe(false);
    for (const url of FOREIGN) {
      expect(allowedNavigation(url), url).toBe(false);
      expect(allowedNavigation(url, false), url).toBe(false);
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  /** A stand-in web contents that records its listeners, so the wiring can be fired like Electron would. */
  function fakeContents() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let windowOpen: (() => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (h: () => { action: string }) => (windowOpen = h),
    } as unknown as GuardedContents;
    guardWebContents(contents);
    const fire = (event: string, details: { url: string; isMainFrame: boolean }, asArg = false) => {
      let prevented = false;
      const e = { ...details, preventDefault: () => (prevented = true) };
      listeners.get(event)!(e, ...(asArg ? [details.url] : []));
      return prevented;
    };
    return { fire, windowOpen: () => windowOpen?.() };
  }

  it('will-navigate, will-frame-navigate and will-redirect cancel a foreign URL in any frame and let the app through', () => {
    const c = fakeContents();
    for (const url of FOREIGN) {
      expect(c.fire('will-navigate', { url, isMainFrame: true }, true), url).toBe(true);
      for (const isMainFrame of [true, false]) {
        expect(c.fire('will-frame-navigate', { url, isMainFrame }), url).toBe(true);
        expect(c.fire('will-redirect', { url, isMainFrame }), url).toBe(true);
      }
    }
    expect(c.fire('will-navigate', { url: 'app://desk/index.html', isMainFrame: true }, true)).toBe(false);
    expect(c.fire('will-frame-navigate', { url: 'app://desk/index.html', isMainFrame: true })).toBe(false);
    expect(c.fire('will-redirect', { url: 'app://desk/assets/a.js', isMainFrame: false })).toBe(false);
    expect(c.fire('will-attach-webview', { url: 'app://desk/', isMainFrame: false })).toBe(true);
    expect(c.windowOpen()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('requests, checks and device access are all refused', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    } as unknown as GuardedSession;
    guardSession(session);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'hid', 'serial', 'usb', 'fullscreen']) {
      const answers: boolean[] = [];
      (handlers.request as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => answers.push(g));
      expect(answers, permission).toEqual([false]);
      expect((handlers.check as (wc: unknown, p: string) => boolean)(null, permission), permission).toBe(false);
    }
    expect((handlers.device as () => boolean)()).toBe(false);
  });
});

describe('the main process wires the guards', () => {
  const main = read('electron/main.ts');

  it('every web contents is guarded and the default session refuses permissions', () => {
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => guardWebContents\(contents\)\)/);
    expect(main).toContain('guardSession(session.defaultSession)');
  });

  it('the menu is built from the template for this build, and DevTools are off in a packaged window', () => {
    expect(main).toContain('Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged)))');
    expect(main).toContain('devTools: !app.isPackaged');
    expect(read('electron/mainPrint.ts')).toContain('devTools: false');
  });

  it('app:// is answered by the guarded handler with frame-ancestors added to the CSP', () => {
    expect(main).toMatch(/protocol\.handle\('app', \(request\) =>\s+serveAppRequest\(request\.url, rendererDir,/);
    expect(main).toContain('withFrameAncestorsNone(CONTENT_SECURITY_POLICY)');
    expect(main).not.toMatch(/startsWith\(rendererDir\)/);
  });
});
