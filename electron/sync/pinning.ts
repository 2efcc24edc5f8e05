import type { Kysely } from 'kysely';
import { getMeta, setMeta } from '../../db/meta.js';
import type { Database } from '../../db/schema.js';
import { hqAddressAllowed } from '../../shared/sync/fingerprint.js';
import type { EnrollResponse } from '../../shared/sync/protocol.js';
import { SyncFailure } from './client.js';
import { CertificateRefused } from './transport.js';

/** The SHA-256 of HQ's certificate this desk enrolled with (meta, no migration); absent = CA-verified or loopback HTTP. */
const PIN_KEY = 'hq_cert_sha256';

/** An enrolment as the desk records it: HQ's answer and the certificate it was given over. */
export type Redeemed = EnrollResponse & { certSha256: string | null };

export const pinnedCertificate = async (db: Kysely<Database>) => (await getMeta(db, PIN_KEY)) || null;

/** Written with the enrolment: a new enrolment pins the certificate it was made over (or none). */
export const recordPinnedCertificate = (trx: Kysely<Database>, certSha256: string | null) =>
  setMeta(trx, PIN_KEY, certSha256 ?? '');

export type CertificateFailureCode = 'certificate_mismatch' | 'certificate_untrusted' | 'insecure_address';

/** An address the desk may not use (plain http off this PC, e.g. one recorded before HQ spoke HTTPS); nothing is sent. */
export function insecureAddress(url: string): SyncFailure | null {
  if (hqAddressAllowed(url)) return null;
  return new SyncFailure('insecure_address', `HQ's address ${url} is plain http off this PC: enrol again with https://.`);
}

/** A refused certificate as a sync failure; it waits for a person (a retry meets the same certificate). */
export function certificateFailure(e: unknown): SyncFailure | null {
  if (!(e instanceof CertificateRefused)) return null;
  return new SyncFailure(e.kind === 'mismatch' ? 'certificate_mismatch' : 'certificate_untrusted', e.message);
}
