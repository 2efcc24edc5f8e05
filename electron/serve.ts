import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from './backend.js';
import { resolveDataDir } from './dataDir.js';
import { browserPrintBackend } from './print/headlessPdf.js';
import { createDeskServer } from './server/deskServer.js';
import { listenRefusal } from './server/trust.js';
import { fileLog, type DeskLog } from './log/deskLog.js';
import { startFailure } from './log/startFailure.js';

/** LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY: both files, or neither (one alone is a mistake worth stopping for). */
function tlsFromEnv(): { cert: Buffer; key: Buffer } | undefined {
  const certFile = process.env.LOBBYDESK_TLS_CERT;
  const keyFile = process.env.LOBBYDESK_TLS_KEY;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new Error('HTTPS needs both LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY (PEM files).');
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

/** `npm run serve`: the desk as a local web server, for Chromium (no Electron binary) and for tests. */
export async function serveDesk(
  opts: { port?: number; host?: string; dataDir?: string; rendererDir?: string; log?: DeskLog } = {},
) {
  const host = opts.host ?? process.env.LOBBYDESK_HOST ?? '127.0.0.1';
  const tls = tlsFromEnv();
  // Refused before the database is opened: nothing starts that would listen in clear text on the LAN.
  const refusal = listenRefusal(host, !!tls);
  if (refusal) throw new Error(refusal);
  const dataDir = opts.dataDir ?? resolveDataDir();
  const backend = await createBackend({ dataDir, printer: browserPrintBackend(), log: opts.log, mode: 'server' });
  // Bundled as dist/electron/serve.cjs, next to dist/renderer.
  const rendererDir = opts.rendererDir ?? process.env.LOBBYDESK_RENDERER_DIR ?? join(__dirname, '..', 'renderer');
  const app = await createDeskServer(backend, { rendererDir, tls, allowedHosts: process.env.LOBBYDESK_ALLOWED_HOSTS });
  const port = opts.port ?? Number(process.env.LOBBYDESK_PORT ?? 5390);
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `${tls ? 'https' : 'http'}://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${actualPort}/`;
  return {
    url,
    dataDir,
    async close() {
      await app.close();
      await backend.close();
    },
  };
}

const isEntry = typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module;
if (isEntry) {
  let dataDir: string | undefined;
  let log: DeskLog | undefined;
  try {
    dataDir = resolveDataDir();
    log = fileLog(join(dataDir, 'logs'));
  } catch {
    // A data folder that cannot be made: serveDesk fails on it too, and the console line says why.
  }
  serveDesk({ dataDir, log })
    .then((desk) => {
      console.log(`LobbyDesk desk server: open ${desk.url} in Chromium or Chrome (data folder: ${desk.dataDir})`);
      log?.info('server.listening', { port: Number(new URL(desk.url).port), tls: desk.url.startsWith('https') });
      // Close the database cleanly on Ctrl+C or a service stop, then leave.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(
          signal,
          () =>
            void desk.close().finally(() => {
              log?.close();
              process.exit(0);
            }),
        );
      }
    })
    .catch((e: unknown) => {
      const failure = startFailure(e, log?.dir ?? null);
      log?.error('desk.startFailed', e, { mode: 'server', exitCode: failure.exitCode });
      log?.close();
      console.error(failure.line);
      process.exit(failure.exitCode);
    });
}
