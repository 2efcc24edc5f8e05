import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Backend } from '../backend.js';
import { SessionKeys } from './sessionKeys.js';
import { allowedHosts, isHostAllowed, isOriginAllowed, keyMustRotate, sessionCookie, sessionKeysIn } from './trust.js';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';

export { CONTENT_SECURITY_POLICY };

/** How long a just-ended key may still arrive (a request sent before the new cookie) without a new cookie. */
const RETIRED_GRACE_MS = 10_000;

export interface DeskServerOptions {
  rendererDir: string;
  /** PEM certificate and key: the desk serves HTTPS and marks its cookie Secure. */
  tls?: { cert: Buffer; key: Buffer };
  /** LOBBYDESK_ALLOWED_HOSTS: more names (comma-separated) the desk answers to besides loopback. */
  allowedHosts?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionKey: string;
  }
}

const refusal = (message: string) => ({ ok: false, error: { code: 'forbidden', message } });

/**
 * The desk server: the backend's API over HTTP on 127.0.0.1 (POST /api/:name), notifications as
 * Server-Sent Events, and the built renderer. Staff sign in exactly as in the app.
 */
export async function createDeskServer(backend: Backend, opts: DeskServerOptions): Promise<FastifyInstance> {
  const tls = !!opts.tls;
  // A stop (Ctrl+C, service stop) must not wait on an open browser's event stream, which never ends.
  const app = Fastify({
    logger: false,
    bodyLimit: 32 * 1024 * 1024,
    forceCloseConnections: true,
    ...(opts.tls ? { https: opts.tls } : {}),
  }) as unknown as FastifyInstance;
  const sessions = backend.services.sessions;
  const keys = new SessionKeys((key) => sessions.peek(key) !== undefined);
  const retiredAt = new Map<string, number>();
  const streams = new Map<string, Set<() => void>>();
  let names: Set<string> | null = null;
  // The port is known only once listening (tests ask for port 0).
  const ownNames = () => {
    if (names) return names;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return (names = allowedHosts(port, opts.allowedHosts, tls));
  };

  const endKey = (key: string) => {
    keys.retire(key);
    retiredAt.set(key, Date.now());
    for (const [k, at] of retiredAt) if (Date.now() - at > RETIRED_GRACE_MS) retiredAt.delete(k);
    streams.get(key)?.forEach((close) => close());
    streams.delete(key);
  };

  /** Runs `work` on the request's key and moves the session to a new key when sign-in state changed. */
  const withRotation = async <T extends { ok: boolean }>(
    req: FastifyRequest,
    procedure: string,
    setCookie: (v: string) => void,
    work: () => Promise<T>,
  ): Promise<T> => {
    const key = req.sessionKey;
    const before = sessions.peek(key);
    const result = await work();
    if (keyMustRotate(procedure, result.ok, before, sessions.peek(key))) {
      const next = keys.issue();
      sessions.rekey(key, next);
      endKey(key);
      setCookie(sessionCookie(next, tls));
    }
    return result;
  };

  app.decorateRequest('sessionKey', '');
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });

  app.addHook('onRequest', async (req, reply) => {
    // DNS rebinding: a page on another name resolved to this PC still sends its own name as Host.
    if (!isHostAllowed(req.headers.host, ownNames())) return reply.code(421).send(refusal('err.forbidden'));
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isOriginAllowed(req.headers.origin, ownNames(), tls))
      return reply.code(403).send(refusal('err.forbidden'));
    const presented = sessionKeysIn(req.headers.cookie);
    const known = presented.find((k) => keys.has(k));
    if (known) {
      req.sessionKey = known;
      return;
    }
    // Only keys this server issued are used; anything else (made up, planted, ended) gets a fresh one.
    req.sessionKey = keys.issue();
    const inFlight = presented.some((k) => Date.now() - (retiredAt.get(k) ?? -Infinity) < RETIRED_GRACE_MS);
    // A call sent just before a sign-in's new cookie must not overwrite that cookie with an empty session.
    if (!inFlight) reply.header('Set-Cookie', sessionCookie(req.sessionKey, tls));
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const setCookie = (v: string) => reply.removeHeader('set-cookie').header('Set-Cookie', v);
    return withRotation(req, req.params.name, setCookie, () => backend.router(req.params.name, req.body ?? {}, req.sessionKey));
  });

  app.get('/api/events', async (req, reply) => {
    const headers: Record<string, string | string[]> = {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    };
    const pending = reply.getHeader('set-cookie');
    if (pending) headers['Set-Cookie'] = String(pending);
    const session = await withRotation(
      req,
      'auth:session',
      (v) => (headers['Set-Cookie'] = v),
      () => backend.router('auth:session', {}, req.sessionKey),
    );
    reply.hijack();
    openStream(req.raw, reply.raw, headers, session.ok && session.value !== null ? req.sessionKey : null);
  });

  const openStream = (
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string | string[]>,
    key: string | null,
  ) => {
    res.writeHead(200, headers);
    if (!key) {
      // Nothing for a session that is not signed in; EventSource tries again and gets the stream after sign-in.
      res.end('retry: 3000\n\n');
      return;
    }
    res.write(': connected\n\n');
    const unsubscribe = backend.subscribe((n) => res.write(`data: ${JSON.stringify(n)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    const close = () => res.end();
    const open = streams.get(key) ?? new Set();
    streams.set(key, open.add(close));
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      streams.get(key)?.delete(close);
    });
  };

  if (existsSync(opts.rendererDir)) {
    await app.register(fastifyStatic, { root: opts.rendererDir, prefix: '/' });
    app.setNotFoundHandler((_req, reply: FastifyReply) => reply.sendFile('index.html'));
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('The renderer is not built: run `npm run build`.'),
    );
  }
  return app;
}
