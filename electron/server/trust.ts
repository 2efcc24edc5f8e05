/**
 * The desk server's trust policies as plain functions: which names it answers to, which origins may
 * call it, what its session cookie looks like, and where it may listen. Kept apart from Fastify so each
 * rule is tested on its own (test/unit/deskTrust.test.ts).
 */

/** The names a desk on `port` answers to: loopback by its three spellings, plus the admin's list. */
export function allowedHosts(port: number, extra: string | undefined, tls: boolean): Set<string> {
  const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  // A browser leaves the port out of Host when it is the scheme's default.
  if (port === (tls ? 443 : 80)) ['127.0.0.1', 'localhost', '[::1]'].forEach((n) => names.add(n));
  for (const raw of (extra ?? '').split(',')) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    // "desk1.lan" means that name on this desk's port; "desk1.lan:8443" is taken as written.
    names.add(/:\d+$/.test(name) ? name : `${name}:${port}`);
  }
  return names;
}

/** A request's Host must be one of the desk's own names: a rebinding domain pointed at 127.0.0.1 is not. */
export function isHostAllowed(host: string | undefined, allowed: Set<string>): boolean {
  return !!host && allowed.has(host.toLowerCase());
}

/** An Origin, when sent, must be this desk's own scheme and one of its names ("null" never is). */
export function isOriginAllowed(origin: string | undefined, allowed: Set<string>, tls: boolean): boolean {
  if (origin === undefined) return true;
  const prefix = tls ? 'https://' : 'http://';
  if (!origin.toLowerCase().startsWith(prefix)) return false;
  return allowed.has(origin.slice(prefix.length).toLowerCase());
}

export const SESSION_COOKIE = 'ld_session';

/** The session cookie: never readable by scripts, never sent by other sites, Secure under TLS. */
export function sessionCookie(key: string, tls: boolean): string {
  return `${SESSION_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Strict${tls ? '; Secure' : ''}`;
}

/** Every ld_session value in a Cookie header (a planted cookie with a narrower Path is sent first). */
export function sessionKeysIn(cookieHeader: string | undefined): string[] {
  const keys: string[] = [];
  for (const [, key] of (cookieHeader ?? '').matchAll(/(?:^|;\s*)ld_session=([A-Za-z0-9_-]+)/g)) if (key) keys.push(key);
  return keys;
}

/** Addresses that only this PC can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Why the desk refuses to listen on `host`, or null: off loopback, PINs and cookies need TLS. */
export function listenRefusal(host: string, tls: boolean): string | null {
  if (tls || isLoopback(host)) return null;
  return (
    `LOBBYDESK_HOST=${host} would expose the desk to the network over plain HTTP, where PINs and session cookies ` +
    'cross in clear text: set LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY to serve HTTPS, or leave LOBBYDESK_HOST at 127.0.0.1.'
  );
}

/** Procedures that sign someone in: each hands out a new key, so a key known before sign-in is worthless after. */
const SIGN_IN_PROCEDURES = new Set(['auth:signIn', 'setup:complete', 'setup:fromHq', 'setup:firstAdmin']);

type KeyHolder = { staffId: string; locked: boolean } | undefined;

/**
 * Whether a call must end its session key and continue on a new one: after a sign-in or unlock, and
 * whenever who holds the key or whether it is locked changed (sign-out, lock, idle lock).
 */
export function keyMustRotate(procedure: string, ok: boolean, before: KeyHolder, after: KeyHolder): boolean {
  if (ok && SIGN_IN_PROCEDURES.has(procedure)) return true;
  return before?.staffId !== after?.staffId || before?.locked !== after?.locked;
}
