import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deskDayCode, deskTime } from '../shared/domain/deskTime.js';
import BetterSqlite3 from 'better-sqlite3';
import { makeDatabasePrivate, makePrivateDir } from '../db/privateFiles.js';

export const BACKUPS_KEPT = 14;

/**
 * Daily online backup: once per local day the live database is copied (SQLite's online backup, safe
 * while the desk works) to `backups/lobbydesk-YYYYMMDD.sqlite`; the newest 14 are kept, none older
 * than 14 days or than the site's shortest retention (`maxAgeDays`).
 * Returns the file written, or null when today's backup already exists.
 */
export async function backupDaily(
  raw: BetterSqlite3.Database,
  dataDir: string,
  now: Date,
  maxAgeDays: number = BACKUPS_KEPT,
): Promise<string | null> {
  const dir = join(dataDir, 'backups');
  makePrivateDir(dir);
  const name = `lobbydesk-${deskDayCode(now)}.sqlite`;
  const existing = removeAged(dir, now, Math.min(maxAgeDays, BACKUPS_KEPT));
  if (existing.includes(name)) return null;
  const file = join(dir, name);
  await raw.backup(`${file}.partial`);
  makeDatabasePrivate(`${file}.partial`);
  // A backup is one self-contained file: no WAL sidecars when someone opens it to restore.
  const copy = new BetterSqlite3(`${file}.partial`);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  // Renamed only when complete, so a half-written copy is never mistaken for a backup.
  renameSync(`${file}.partial`, file);
  const all = [...existing, name].sort();
  for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) removeBackup(dir, old);
  return file;
}

const removeBackup = (dir: string, name: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, name + suffix), { force: true });
};

/**
 * Removes backups older than `days` by the date in their name (a desk switched off for a month
 * still has its 14 newest, all older than any retention) and answers the names left. A backup is
 * taken after the day's retention pass, so what it holds was dropped live at most `days` ago.
 */
function removeAged(dir: string, now: Date, days: number): string[] {
  const oldest = deskTime(now).startOf('day').subtract(days, 'day').format('YYYYMMDD');
  const left: string[] = [];
  for (const f of readdirSync(dir).filter((n) => /^lobbydesk-\d{8}\.sqlite$/.test(n))) {
    if (f.slice(10, 18) < oldest) removeBackup(dir, f);
    else left.push(f);
  }
  return left;
}
