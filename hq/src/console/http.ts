import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { HqDatabase } from '../pg/schema.js';
import { SESSION_MAX_MS } from './store/sessions.js';
import { createConsoleRouter } from './router.js';

/** The console's page may load only HQ's own scripts and talk only to HQ; never inside a frame. */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const CONSOLE_COOKIE = 'ldhq_session';

export interface ConsoleOptions {
  db: Kysely<HqDatabase>;
  /** dist/console: the built web app (absent: the API only, and `/` says how to build it). */
  dir?: string;
  now: () => Date;
  tls: boolean;
  /** HQ_PUBLIC_HOSTS: the names the console is reached by (DNS rebinding); empty: any name, same origin. */
  hosts?: string[];
  log?: Logger | false;
}

const tokenIn = (cookie: string | undefined) =>
  cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${CONSOLE_COOKIE}=`))
    ?.slice(CONSOLE_COOKIE.length + 1) || undefined;

function cookieFor(token: string | null, tls: boolean): string {
  const life = token ? Math.floor(SESSION_MAX_MS / 1000) : 0;
  return `${CONSOLE_COOKIE}=${token ?? ''}; Path=/console/api; HttpOnly; SameSite=Strict; Max-Age=${life}${tls ? '; Secure' : ''}`;
}

/**
 * A console call comes from the console's own page or not at all: the Host one of HQ's names (when
 * configured), the Origin that same host, and a JSON body (a cross-site form cannot send one).
 */
function sameOrigin(req: FastifyRequest, tls: boolean, hosts: string[]): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host || (hosts.length > 0 && !hosts.includes(host))) return false;
  if (req.headers.origin !== `${tls ? 'https' : 'http'}://${host}`) return false;
  const fetchSite = req.headers['sec-fetch-site'];
  return fetchSite === undefined || fetchSite === 'same-origin';
}

/** The console: POST /console/api/<procedure> and the web app at `/`. */
export function registerConsole(app: FastifyInstance, opts: ConsoleOptions): void {
  const route = createConsoleRouter(opts.db, { log: opts.log });
  const hosts = (opts.hosts ?? []).map((h) => h.toLowerCase());
  app.post<{ Params: { name: string } }>('/console/api/:name', async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!sameOrigin(req, opts.tls, hosts) || !String(req.headers['content-type']).startsWith('application/json'))
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'console.err.crossOrigin' } });
    const answer = await route({
      name: req.params.name,
      input: req.body,
      token: tokenIn(req.headers.cookie),
      address: req.ip,
      now: opts.now(),
    });
    if (answer.setToken !== undefined) reply.header('Set-Cookie', cookieFor(answer.setToken, opts.tls));
    return answer.result;
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/sync/') || req.url.startsWith('/updates/')) return;
    reply.header('Content-Security-Policy', CONSOLE_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });
  if (opts.dir && existsSync(opts.dir)) void app.register(fastifyStatic, { root: opts.dir, prefix: '/', index: 'index.html' });
  else app.get('/', async () => 'The HQ console is not built: run `npm run build` (dist/console).');
}
