import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileSecretStore, type SecretStore } from '../sync/secret.js';

/** Where the desk keeps a named key: Electron passes safeStorage-sealed files, the desk server 0600 files. */
export type KeyStores = (name: string) => SecretStore;

export const fileKeyStores =
  (dataDir: string): KeyStores =>
  (name) =>
    fileSecretStore(dataDir, name);

/**
 * A key an older desk kept in the plain 0600 file `name` moves into `store` (safeStorage) and the plain
 * file is removed, so a copied data folder no longer carries it. Nothing to do when `store` is that file.
 * The sealed copy is written (atomically) before the plain file goes: a crash in between keeps the key.
 */
export function movePlainKey(dataDir: string, name: string, store: SecretStore): void {
  const plain = fileSecretStore(dataDir, name);
  if (store.ref === plain.ref) return;
  const value = plain.get();
  if (value === null) return;
  if (store.get() === null) store.set(value);
  const file = join(dataDir, name);
  if (existsSync(file)) unlinkSync(file);
}
