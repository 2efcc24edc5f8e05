import { homedir } from 'node:os';
import { join } from 'node:path';
import { makePrivateDir } from '../db/privateFiles.js';

/**
 * Where the desk keeps its database: LOBBYDESK_DATA_DIR if set; otherwise Electron passes its
 * user-data folder, and the desk server uses the same place Electron would on this OS.
 */
export function resolveDataDir(electronUserData?: string): string {
  const dir =
    process.env.LOBBYDESK_DATA_DIR ||
    electronUserData ||
    (process.platform === 'win32'
      ? join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'LobbyDesk')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support', 'LobbyDesk')
        : join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'LobbyDesk'));
  makePrivateDir(dir);
  return dir;
}
