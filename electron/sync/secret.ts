import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the device secret lives. Electron's main process can supply a safeStorage-backed store. */
export interface SecretStore {
  /** What sync_state.credential_ref records (never the secret itself). */
  ref: string;
  get(): string | null;
  set(secret: string): void;
}

/** Desk-server mode: the secret in a file only the desk's user may read (0600), written atomically. */
export function fileSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, 'hq-secret');
  return {
    ref: 'file:hq-secret',
    get: () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null),
    set(secret) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, secret, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    },
  };
}
