import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowsMachineAclArgs } from '../../db/privateFiles.js';
import { chooseDataFolder, type DataFolderInputs } from '../../electron/dataDir.js';

/** Where a desk keeps its data (issue 19 item 6): per machine on Windows, so every account at the PC is one desk. */
const windows = (over: Partial<DataFolderInputs> = {}): DataFolderInputs => ({
  env: { APPDATA: 'C:\\Users\\qt\\AppData\\Roaming', ProgramData: 'C:\\ProgramData' },
  platform: 'win32',
  home: 'C:\\Users\\qt',
  electronUserData: 'C:\\Users\\qt\\AppData\\Roaming\\LobbyDesk',
  hasDatabase: () => false,
  ...over,
});

describe('the data folder', () => {
  it('on Windows is %ProgramData%\\LobbyDesk for every account, in the app and in the desk server', () => {
    expect(chooseDataFolder(windows())).toEqual({ dir: 'C:\\ProgramData\\LobbyDesk', scope: 'machine' });
    expect(chooseDataFolder(windows({ electronUserData: undefined, env: { PROGRAMDATA: 'D:\\PD' } }))).toEqual({
      dir: 'D:\\PD\\LobbyDesk',
      scope: 'machine',
    });
  });

  it('is the account’s own with LOBBYDESK_DATA_SCOPE=user, and LOBBYDESK_DATA_DIR overrides both', () => {
    const env = { ...windows().env, LOBBYDESK_DATA_SCOPE: 'user' };
    expect(chooseDataFolder(windows({ env }))).toEqual({ dir: 'C:\\Users\\qt\\AppData\\Roaming\\LobbyDesk', scope: 'user' });
    // The desk server (no Electron): the same folder Electron would use.
    expect(chooseDataFolder(windows({ env, electronUserData: undefined })).dir).toBe(
      'C:\\Users\\qt\\AppData\\Roaming\\LobbyDesk',
    );
    expect(chooseDataFolder(windows({ env: { ...env, LOBBYDESK_DATA_DIR: 'E:\\desk' } }))).toEqual({
      dir: 'E:\\desk',
      scope: 'custom',
    });
    expect(() => chooseDataFolder(windows({ env: { LOBBYDESK_DATA_SCOPE: 'shared' } }))).toThrow(/"machine" or "user"/);
  });

  it('stays where a desk installed before keeps its database, so it does not come back as a new desk', () => {
    const userDir = 'C:\\Users\\qt\\AppData\\Roaming\\LobbyDesk';
    expect(chooseDataFolder(windows({ hasDatabase: (d) => d === userDir }))).toEqual({ dir: userDir, scope: 'user' });
    // …unless the machine's folder has one too (another account already moved there), or machine is asked for.
    expect(chooseDataFolder(windows({ hasDatabase: () => true })).scope).toBe('machine');
    const env = { ...windows().env, LOBBYDESK_DATA_SCOPE: 'machine' };
    expect(chooseDataFolder(windows({ env, hasDatabase: (d) => d === userDir })).scope).toBe('machine');
  });

  it('on Linux and macOS is where Electron keeps user data', () => {
    const base = { hasDatabase: () => false, electronUserData: undefined };
    expect(chooseDataFolder({ ...base, env: {}, platform: 'linux', home: '/home/qt' })).toEqual({
      dir: '/home/qt/.config/LobbyDesk',
      scope: 'user',
    });
    expect(chooseDataFolder({ ...base, env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/qt' }).dir).toBe(
      '/cfg/LobbyDesk',
    );
    expect(chooseDataFolder({ ...base, env: {}, platform: 'darwin', home: '/Users/qt' }).dir).toBe(
      '/Users/qt/Library/Application Support/LobbyDesk',
    );
  });

  it('per machine is shared with the PC’s Users (modify), SYSTEM and Administrators (full), by SID, as the installer sets it', () => {
    expect(windowsMachineAclArgs('C:\\ProgramData\\LobbyDesk').join(' ')).toBe(
      'C:\\ProgramData\\LobbyDesk /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F /grant:r *S-1-5-32-544:(OI)(CI)F /grant:r *S-1-5-32-545:(OI)(CI)M',
    );
    const installer = readFileSync(join(process.cwd(), 'build', 'installer.nsh'), 'utf8');
    expect(installer).toContain(`icacls "$COMMONAPPDATA\\LobbyDesk" ${windowsMachineAclArgs('').slice(1).join(' ')}`);
  });
});
