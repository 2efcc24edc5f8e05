import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  AttachmentUpload,
  AttachmentsHeldRequest,
  EnrollRequest,
  HandshakeRequest,
  PullRequest,
  PushRequest,
  ResendRequest,
  SYNC_LIMITS,
  type SyncErrorCode,
} from '../../../shared/sync/protocol.js';
import { DESK_COMPATIBILITY, outsideWindow, type DeskCompatibility } from '../../../shared/sync/version.js';
import type { CatalogLike } from '../../../shared/events/verdict.js';
import type { HqDatabase } from '../pg/schema.js';
import { authenticate, HqError } from '../store/auth.js';
import { enroll } from '../store/enroll.js';
import { push } from '../store/push.js';
import { pull } from '../store/pull.js';
import { storeAttachment } from '../store/attachments.js';
import { attachmentsHeld, handshake } from '../store/handshake.js';
import { resendRejected } from '../store/resend.js';
import { serveDeskReleases } from './updates.js';
import { registerConsole } from '../console/http.js';

export interface HqAppOptions {
  db: Kysely<HqDatabase>;
  /** The desk schema version this HQ speaks (DESK_SCHEMA_VERSION): the top of the window it accepts. */
  schemaVersion: number;
  /** The desks HQ syncs with (default DESK_COMPATIBILITY, topped at `schemaVersion`); tests declare other windows. */
  compatibility?: DeskCompatibility;
  /** HQ_DATA_DIR/updates: the desk releases `publish-desk` stored, served at GET /updates/ (absent: no releases). */
  updatesDir?: string;
  logger?: Logger | false;
  /** HQ's clock (tests set it); every sync answer carries it and HLCs are checked against it. */
  clock?: () => Date;
  /** Serve HTTPS with this certificate (hq/src/tls.ts); without it plain HTTP (loopback tests, HQ_TLS=off). */
  https?: { key: string; cert: string } | null;
  /** The event catalog HQ judges pushed events by (tests give an older one to play an HQ not yet updated). */
  catalog?: CatalogLike;
  /** The HQ console (issue 21): dist/console to serve at `/`, and the names HQ is reached by (HQ_PUBLIC_HOSTS). */
  console?: { dir?: string; hosts?: string[] };
}

/** A request that took this long is logged even when it succeeded. */
const SLOW_REQUEST_MS = 1000;

const fail = (reply: FastifyReply, status: number, error: SyncErrorCode, message: string) =>
  reply.code(status).send({ error, message });

/**
 * The HQ HTTP API: POST /sync/enroll, /sync/push, /sync/pull, /sync/attachment. Every body is validated by the shared
 * schemas before anything is read or written; bad input is a 4xx with a reason, a database failure a
 * 503 the desk retries.
 */
export function buildHqApp(opts: HqAppOptions): FastifyInstance {
  const bodyLimit = SYNC_LIMITS.maxBodyBytes;
  const https = opts.https ? { https: opts.https } : {};
  // Fastify's two lines per request (a third of HQ's CPU under 1,000 desks, issue 18) are off: a request
  // is logged when it fails (4xx/5xx) or is slow, the push when it rejects events; errors always.
  const app = (opts.logger
    ? Fastify({ bodyLimit, loggerInstance: opts.logger, disableRequestLogging: true, ...https })
    : Fastify({ bodyLimit, logger: false, ...https })) as unknown as FastifyInstance;
  if (opts.logger)
    app.addHook('onResponse', async (req, reply) => {
      const ms = reply.elapsedTime;
      if (reply.statusCode >= 400 || ms >= SLOW_REQUEST_MS)
        req.log.info({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(ms) }, 'request');
    });
  const now = opts.clock ?? (() => new Date());
  const window = opts.compatibility ?? { ...DESK_COMPATIBILITY, maxSchemaVersion: opts.schemaVersion };
  const parse = <S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> => {
    const r = schema.safeParse(req.body);
    if (!r.success) {
      const tooMany = r.error.issues.some((i) => i.code === 'too_big' && i.path[0] === 'events' && i.path.length === 1);
      if (tooMany) throw new HqError(413, 'payload_too_large', `At most ${SYNC_LIMITS.maxBatchEvents} events per batch.`);
      throw new HqError(
        400,
        'bad_request',
        r.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .slice(0, 5)
          .join('; '),
      );
    }
    const { schemaVersion, appVersion } = r.data as { schemaVersion: number; appVersion?: string };
    const outside = outsideWindow(window, schemaVersion, appVersion);
    if (outside) throw new HqError(426, 'upgrade_required', outside);
    return r.data;
  };
  const credential = (req: FastifyRequest) => {
    const auth = req.headers.authorization ?? '';
    const secret = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
    return authenticate(opts.db, req.headers['x-device-id'] as string | undefined, secret);
  };

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err instanceof HqError) return fail(reply, err.status, err.code, err.message);
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return fail(reply, 413, 'payload_too_large', 'Request body too large.');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return fail(reply, err.statusCode, 'bad_request', err.message);
    app.log.error(err);
    return fail(reply, 503, 'unavailable', 'HQ could not store the batch; retry later.');
  });

  app.get('/health', async () => ({ ok: true }));
  app.post('/sync/enroll', async (req) => ({
    ...(await enroll(opts.db, parse(EnrollRequest, req))),
    hqTime: now().toISOString(),
  }));
  app.post('/sync/push', async (req) => {
    const cred = await credential(req);
    const body = parse(PushRequest, req);
    const res = await push(opts.db, cred, body, now(), opts.catalog);
    if (res.rejections.length)
      req.log.info(
        { device: cred.deviceId, events: body.events.length, acked: res.ackedSeq, rejected: res.rejections.length },
        'push',
      );
    return res;
  });
  app.post('/sync/pull', async (req) => pull(opts.db, await credential(req), parse(PullRequest, req), now()));
  app.post('/sync/attachment', async (req) => {
    const cred = await credential(req);
    const res = await storeAttachment(opts.db, cred, parse(AttachmentUpload, req));
    req.log.info({ device: cred.deviceId, sha256: res.sha256, stored: res.stored }, 'attachment');
    return res;
  });
  // Every round opens with what HQ holds of this device, and asks which of its pictures HQ holds (handshake.ts).
  app.post('/sync/handshake', async (req) => {
    const auth = req.headers.authorization ?? '';
    const secret = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
    return handshake(opts.db, req.headers['x-device-id'] as string | undefined, secret, parse(HandshakeRequest, req), now());
  });
  app.post('/sync/attachments/held', async (req) =>
    attachmentsHeld(opts.db, await credential(req), parse(AttachmentsHeldRequest, req), now()),
  );
  // A leader's "re-send after a fix": HQ judges one of the device's rejected events again (resend.ts).
  app.post('/sync/resend', async (req) =>
    resendRejected(opts.db, await credential(req), parse(ResendRequest, req), now(), opts.catalog),
  );
  // Desk releases (issue 19): only to enrolled desks, each from its own site's channel (hq/src/store/releases.ts).
  serveDeskReleases(app, opts.db, opts.updatesDir, credential);
  registerConsole(app, { db: opts.db, now, tls: !!opts.https, log: opts.logger, ...opts.console });
  return app;
}
