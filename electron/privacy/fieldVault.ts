import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../sync/secret.js';
import { openField, sealField } from './fieldSeal.js';

/** The fields a desk may keep sealed, by the record they belong to. */
export const SEALED_FIELDS = ['idNumber', 'phone'] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

/**
 * This desk's key for the fields it keeps sealed (./fieldSeal.ts). It never leaves the desk: no
 * event, no HQ, no other desk holds it, so the sealed values are readable only here. Made at first use.
 */
export interface FieldVault {
  seal(refId: string, field: SealedField, plain: string): string;
  open(refId: string, field: SealedField, sealed: string): string;
}

const aad = (refId: string, field: SealedField) => `visit:${refId}:${field}`;

export function storedFieldVault(store: SecretStore): FieldVault {
  let key: Buffer | null = null;
  const k = () => {
    if (key) return key;
    const kept = store.get();
    if (kept) return (key = Buffer.from(kept, 'hex'));
    const made = randomBytes(32);
    store.set(made.toString('hex'));
    return (key = made);
  };
  return {
    seal: (refId, field, plain) => sealField(k(), plain, aad(refId, field)),
    open: (refId, field, sealed) => openField(k(), sealed, aad(refId, field)),
  };
}

export const FIELD_KEY_NAME = 'field-key';
