import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';
import { makePrivateDir, useMachineDataFolder } from '../db/privateFiles.js';

/**
 * `machine`: one folder for every Windows account of the PC (%ProgramData%\LobbyDesk), so the reception
 * staff who sign in to Windows under different accounts share one desk identity; `user`: the account's own
 * folder (Electron's user data); `custom`: LOBBYDESK_DATA_DIR.
 */
export type DataScope = 'machine' | 'user' | 'custom';

export interface DataFolder {
  dir: string;
  scope: DataScope;
}

export interface DataFolderInputs {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** Electron's app.getPath('userData'), absent in the desk server. */
  electronUserData?: string;
  /** Whether a folder already holds a desk database (decides for a desk installed before the per-machine folder). */
  hasDatabase: (dir: string) => boolean;
}

/**
 * Where the desk keeps its data. LOBBYDESK_DATA_DIR wins. On Windows the folder is per machine unless
 * LOBBYDESK_DATA_SCOPE=user, or unless this account's own folder already holds a desk database and the
 * machine's does not (a desk installed before; moving it would look like a new desk to HQ). Elsewhere, and
 * per user: Electron's user-data folder, or where Electron would put it on this OS.
 */
export function chooseDataFolder(o: DataFolderInputs): DataFolder {
  if (o.env.LOBBYDESK_DATA_DIR) return { dir: o.env.LOBBYDESK_DATA_DIR, scope: 'custom' };
  const userDir =
    o.electronUserData ??
    (o.platform === 'win32'
      ? win32.join(o.env.APPDATA ?? win32.join(o.home, 'AppData', 'Roaming'), 'LobbyDesk')
      : o.platform === 'darwin'
        ? join(o.home, 'Library', 'Application Support', 'LobbyDesk')
        : join(o.env.XDG_CONFIG_HOME ?? join(o.home, '.config'), 'LobbyDesk'));
  const wanted = o.env.LOBBYDESK_DATA_SCOPE?.trim().toLowerCase();
  if (wanted && wanted !== 'user' && wanted !== 'machine')
    throw new Error(`LOBBYDESK_DATA_SCOPE must be "machine" or "user", not "${o.env.LOBBYDESK_DATA_SCOPE}".`);
  if (o.platform !== 'win32' || wanted === 'user') return { dir: userDir, scope: 'user' };
  const machineDir = win32.join(o.env.ProgramData ?? o.env.PROGRAMDATA ?? 'C:\\ProgramData', 'LobbyDesk');
  if (wanted !== 'machine' && o.hasDatabase(userDir) && !o.hasDatabase(machineDir)) return { dir: userDir, scope: 'user' };
  return { dir: machineDir, scope: 'machine' };
}

/** The data folder for this process, created and made private (per machine: to the PC's users, not one account). */
export function openDataFolder(electronUserData?: string): DataFolder {
  const folder = chooseDataFolder({
    env: process.env,
    platform: process.platform,
    home: homedir(),
    electronUserData,
    hasDatabase: (dir) => existsSync(join(dir, 'lobbydesk.sqlite')),
  });
  if (folder.scope === 'machine') useMachineDataFolder(folder.dir);
  makePrivateDir(folder.dir);
  return folder;
}

/** The data folder's path (the desk server; Electron's main uses openDataFolder for the scope too). */
export function resolveDataDir(electronUserData?: string): string {
  return openDataFolder(electronUserData).dir;
}
