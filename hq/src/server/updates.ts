import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { releaseFileName } from '../../../shared/sync/updateFeed.js';
import type { HqDatabase } from '../pg/schema.js';
import { HqError, type DeviceCredential } from '../store/auth.js';
import { channelOfSite, isChannel } from '../store/releases.js';

/**
 * GET /updates/channel → `{channel}`: the channel of the calling desk's site; GET /updates/<channel>/<file>:
 * the feed (`latest.yml`, `latest-linux.yml`…) and the installers `publish-desk` stored. Both need the
 * device credential the sync endpoints take, and a desk reads only its own site's channel (a stable
 * site's desks never install a pilot build). No schema-version check: a desk too old to sync must still
 * be able to fetch the release that brings it back into the window.
 */
export function serveDeskReleases(
  app: FastifyInstance,
  db: Kysely<HqDatabase>,
  updatesDir: string | undefined,
  credential: (req: FastifyRequest) => Promise<DeviceCredential>,
): void {
  app.get('/updates/channel', async (req) => ({ channel: await channelOfSite(db, (await credential(req)).siteId) }));
  app.get<{ Params: { channel: string; file: string } }>('/updates/:channel/:file', async (req, reply) => {
    const cred = await credential(req);
    const { channel, file } = req.params;
    if (!isChannel(channel) || !releaseFileName.safeParse(file).success || file.endsWith('.part'))
      throw new HqError(404, 'bad_request', 'No such release file.');
    if (channel !== (await channelOfSite(db, cred.siteId)))
      throw new HqError(403, 'forbidden_site', `This desk's site updates from another channel than ${channel}.`);
    const path = updatesDir ? join(updatesDir, channel, file) : null;
    if (!path || !existsSync(path) || !statSync(path).isFile()) throw new HqError(404, 'bad_request', 'No such release file.');
    const type = file.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream';
    return reply
      .header('content-type', type)
      .header('content-length', statSync(path).size)
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  });
}
