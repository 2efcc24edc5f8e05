import type { Logger } from 'pino';

/** How often the server checks that `npm run hq` (its parent) is still there. */
const PARENT_CHECK_MS = 500;
/** A stop that hangs (a stuck connection) still ends the process, PostgreSQL having been asked to stop. */
const STOP_DEADLINE_MS = 20_000;

/**
 * Runs `stop` (HTTP server, then the embedded PostgreSQL) once, on SIGTERM or SIGINT, and exits.
 * Started by `npm run hq`, the server also stops when npm is gone: npm forwards SIGTERM/SIGINT, but a
 * killed npm (SIGKILL) cannot, and the server would be left running on its own; its parent changing
 * (re-parented) says so. Run directly (systemd, nohup), the parent is not watched.
 */
export function stopServerWith(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'HQ stopping');
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(0),
      (e: Error) => {
        log.error({ err: e }, 'HQ stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown('npm run hq is gone');
  }, PARENT_CHECK_MS).unref();
}
