import { describe, expect, it } from 'vitest';
import { windowsAclArgs, windowsUser } from '../../db/privateFiles.js';

/** The Windows data-folder ACL: only what the code hands icacls can be checked here (no Windows). */
describe('the data folder on Windows', () => {
  it('cuts inheritance and grants only the current user and SYSTEM, inherited by everything inside', () => {
    expect(windowsAclArgs('C:\\Users\\qt\\AppData\\Roaming\\LobbyDesk', 'LOBBY-PC\\前台')).toEqual([
      'C:\\Users\\qt\\AppData\\Roaming\\LobbyDesk',
      '/inheritance:r',
      '/grant:r',
      'LOBBY-PC\\前台:(OI)(CI)F',
      '/grant:r',
      '*S-1-5-18:(OI)(CI)F',
    ]);
  });

  it('names the account as DOMAIN\\user, or the user alone, or nobody (then the ACL is left as it is)', () => {
    expect(windowsUser({ USERDOMAIN: 'HY', USERNAME: 'desk1' })).toBe('HY\\desk1');
    expect(windowsUser({ USERNAME: 'desk1' })).toBe('desk1');
    expect(windowsUser({})).toBe('');
  });
});
