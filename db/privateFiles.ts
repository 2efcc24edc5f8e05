import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds PIN hashes, full ID numbers and the HQ secret: on POSIX only the desk's own
 * account may read it. Modes are set with chmod after creating, so a loose umask (022, 002) does not
 * loosen them. On Windows chmod only toggles read-only; there the folder under %APPDATA% inherits the
 * profile's ACL (the user, SYSTEM and Administrators) — see the README's security section.
 */
const POSIX = process.platform !== 'win32';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder if needed and makes it 0700. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file 0600 (a missing one, such as a WAL not yet written, is left alone). */
export function makePrivateFile(file: string): void {
  if (POSIX && existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** The database and its WAL and shared-memory files. */
export function makeDatabasePrivate(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) makePrivateFile(file + suffix);
}

/** A folder and everything under it: folders 0700, files 0600 (a data folder written by an older desk). */
export function makeTreePrivate(dir: string): void {
  makePrivateDir(dir);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) makeTreePrivate(path);
    else makePrivateFile(path);
  }
}
