import { createHmac } from 'node:crypto';
import { normalizeIdNumber } from '../../shared/domain/idDocument.js';
import { maskIdNumber } from '../../shared/domain/mask.js';

/**
 * The keyed hash an ID number is matched by (recall, deny list, repeat visits, a person's records):
 * HMAC-SHA-256 of the normalised number with the site's ID key (./idKeys.ts). Without the key, the
 * hash of a resident ID (about 10^11 possible numbers) cannot be brute-forced from the database alone.
 * Empty for an empty number, so "no ID" never matches "no ID".
 */
export function idNumberHash(key: string, idNumber: string): string {
  const n = normalizeIdNumber(idNumber);
  return n === '' ? '' : createHmac('sha256', key).update(n, 'utf8').digest('hex');
}

/** What a desk keeps of an ID number: the masked form (shown, printed) and the keyed hash. */
export function minimalId(key: string, idNumber: string): { idNumberMasked: string; idHash: string } {
  const n = normalizeIdNumber(idNumber);
  return { idNumberMasked: n ? maskIdNumber(n) : '', idHash: idNumberHash(key, n) };
}
