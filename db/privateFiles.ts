import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds PIN hashes, ID data and the HQ secret: on POSIX only the desk's own account may
 * read it. Modes are set with chmod after creating, so a loose umask (022, 002) does not loosen them.
 * On Windows chmod only toggles read-only; there the folder's inherited ACL is cut and replaced by the
 * current user and SYSTEM only (`windowsAclArgs`), which everything inside inherits.
 */
const POSIX = process.platform !== 'win32';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * icacls arguments that leave `dir` to `user` and SYSTEM alone: inheritance from the parent removed, both
 * granted full control inherited by every file and folder below ((OI)(CI)). SYSTEM by its SID, which
 * does not change with the Windows display language.
 */
export function windowsAclArgs(dir: string, user: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`, '/grant:r', '*S-1-5-18:(OI)(CI)F'];
}

/** The signed-in Windows account as icacls names it (DOMAIN\user), from the process's environment. */
export function windowsUser(env: NodeJS.ProcessEnv = process.env): string {
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${env.USERNAME}` : (env.USERNAME ?? '');
}

/**
 * icacls arguments for the per-machine data folder (%ProgramData%\LobbyDesk): inheritance from ProgramData
 * cut, full control for SYSTEM and Administrators, modify for the PC's Users (every account that staffs the
 * desk), inherited below. The installer sets the same (build/installer.nsh).
 */
export function windowsMachineAclArgs(dir: string): string[] {
  return [
    dir,
    '/inheritance:r',
    '/grant:r',
    '*S-1-5-18:(OI)(CI)F',
    '/grant:r',
    '*S-1-5-32-544:(OI)(CI)F',
    '/grant:r',
    '*S-1-5-32-545:(OI)(CI)M',
  ];
}

let machineRoot: string | null = null;

/**
 * The data folder is per machine (Windows): folders under it keep the ACL they inherit from it (a desk user
 * with "modify" may not rewrite ACLs, and must not take them from the other accounts); the folder itself
 * is given windowsMachineAclArgs only if this process is the one that creates it.
 */
export function useMachineDataFolder(root: string): void {
  machineRoot = root;
}

/** Creates the folder if needed and makes it 0700 (on Windows: the current user and SYSTEM only). */
export function makePrivateDir(dir: string): void {
  if (!POSIX && machineRoot !== null && (dir === machineRoot || dir.startsWith(`${machineRoot}\\`))) {
    const created = !existsSync(dir);
    mkdirSync(dir, { recursive: true });
    if (created && dir === machineRoot)
      execFileSync('icacls', windowsMachineAclArgs(dir), { stdio: 'ignore', windowsHide: true });
    return;
  }
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE);
  // Without a user name to grant, the folder keeps the profile's ACL rather than locking its owner out.
  else if (windowsUser()) execFileSync('icacls', windowsAclArgs(dir, windowsUser()), { stdio: 'ignore', windowsHide: true });
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
  if (!POSIX) return; // the folder's new ACL is inherited by everything below it
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) makeTreePrivate(path);
    else makePrivateFile(path);
  }
}
