import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the device secret lives. Electron's main process can supply a safeStorage-backed store. */
export interface SecretStore {
  /** What sync_state.credential_ref records (never the secret itself). */
  ref: string;
  get(): string | null;
  set(secret: string): void;
}

/**
 * Desk-server mode: the secret in a file only the desk's user may read (0600), written atomically.
 * `name` lets the desk's other keys (the site's ID key, the local field key) live the same way.
 */
export function fileSecretStore(dataDir: string, name = 'hq-secret'): SecretStore {
  const file = join(dataDir, name);
  return {
    ref: `file:${name}`,
    get: () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null),
    set(secret) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, secret, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    },
  };
}
