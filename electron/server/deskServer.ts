import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Backend } from '../backend.js';

const COOKIE = 'ld_session';

/** Same CSP as the Electron window: only the app's own origin, no inline scripts. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

function sessionKeyOf(cookieHeader: string | undefined): string | undefined {
  const m = /(?:^|;\s*)ld_session=([A-Za-z0-9_-]+)/.exec(cookieHeader ?? '');
  return m?.[1];
}

/**
 * The desk server: the backend's API over HTTP on 127.0.0.1 (POST /api/:name), notifications as
 * Server-Sent Events, and the built renderer. Staff sign in exactly as in the app.
 */
export async function createDeskServer(backend: Backend, opts: { rendererDir: string }): Promise<FastifyInstance> {
  // A stop (Ctrl+C, service stop) must not wait on an open browser's event stream, which never ends.
  const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024, forceCloseConnections: true });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });

  const ensureSession = (cookie: string | undefined, setCookie: (v: string) => void) => {
    let key = sessionKeyOf(cookie);
    if (!key) {
      key = randomBytes(24).toString('base64url');
      setCookie(`${COOKIE}=${key}; Path=/; HttpOnly; SameSite=Strict`);
    }
    return key;
  };

  // Loading the page hands out the session cookie, so the page's first calls and anything else the window
  // sends at the same moment share one session (two cookie-less calls at once got two, and the later
  // Set-Cookie dropped the sign-in the other had just made).
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/'))
      ensureSession(req.headers.cookie, (v) => reply.header('Set-Cookie', v));
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    // Only same-origin pages may call: a page on another origin cannot drive the desk.
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`)
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'err.forbidden' } });
    const key = ensureSession(req.headers.cookie, (v) => reply.header('Set-Cookie', v));
    return backend.router(req.params.name, req.body ?? {}, key);
  });

  app.get('/api/events', (req, reply) => {
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    reply.raw.write(': connected\n\n');
    const unsubscribe = backend.subscribe((n) => reply.raw.write(`data: ${JSON.stringify(n)}\n\n`));
    const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });

  if (existsSync(opts.rendererDir)) {
    await app.register(fastifyStatic, { root: opts.rendererDir, prefix: '/' });
    app.setNotFoundHandler((_req, reply) => reply.sendFile('index.html'));
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('The renderer is not built: run `npm run build`.'),
    );
  }
  return app;
}
