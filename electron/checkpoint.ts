import type BetterSqlite3 from 'better-sqlite3';

/** Past this many WAL pages SQLite checkpoints inside a commit anyway: the safety net, ~16 MB. */
const AUTOCHECKPOINT_PAGES = 4000;
const IDLE_MS = 1500;

/**
 * Moves WAL checkpoints off the commit path: SQLite's automatic checkpoint would run inside
 * whichever write crosses 1000 pages and make that receptionist wait. Instead the desk checkpoints
 * (PASSIVE: never blocks) once writes have paused, and the automatic one is kept only as a net.
 */
export function idleCheckpoint(raw: BetterSqlite3.Database): { soon: () => void; stop: () => void } {
  raw.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  let timer: NodeJS.Timeout | undefined;
  return {
    soon() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (raw.open) raw.pragma('wal_checkpoint(PASSIVE)');
      }, IDLE_MS).unref();
    },
    stop: () => clearTimeout(timer),
  };
}
