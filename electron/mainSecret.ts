import { safeStorage } from 'electron';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSecretStore, type SecretStore } from './sync/secret.js';

/**
 * The desk app keeps HQ's device secret encrypted with the OS keychain (Electron safeStorage: DPAPI on
 * Windows, Keychain on macOS, libsecret/kwallet on Linux), in a 0600 file. Where no keychain is
 * available it falls back to the desk server's plain 0600 file rather than failing to sync.
 */
export function desktopSecretStore(dataDir: string, name = 'hq-secret', perMachine = false): SecretStore {
  // DPAPI seals for one Windows account: in the per-machine folder every account must read the keys, so they
  // are the folder's files (its ACL: the PC's users, SYSTEM, Administrators), as in the desk server.
  if (perMachine || !safeStorage.isEncryptionAvailable()) return fileSecretStore(dataDir, name);
  const file = join(dataDir, `${name}.enc`);
  return {
    ref: `safeStorage:${name}.enc`,
    get: () => (existsSync(file) ? safeStorage.decryptString(readFileSync(file)) || null : null),
    set(secret) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, safeStorage.encryptString(secret), { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    },
  };
}
