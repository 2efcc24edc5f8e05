import { createHmac } from 'node:crypto';
import { normalizeIdNumber } from '../../shared/domain/idDocument.js';
import { maskIdNumber, maskPhone } from '../../shared/domain/mask.js';
import { normalizePhone } from '../../shared/domain/phone.js';

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

/**
 * A visitor's phone, matched the same way (recall by phone, a person's records): HMAC-SHA-256 of the
 * normalised number with the site's ID key, domain-separated from ID numbers. Empty for no phone.
 */
export function phoneHash(key: string, phone: string): string {
  const n = normalizePhone(phone);
  return n === '' ? '' : createHmac('sha256', key).update(`phone:${n}`, 'utf8').digest('hex');
}

/** What a desk keeps of a visitor's phone: the masked form (in `phone`, shown and printed) and the keyed hash. */
export function minimalPhone(key: string, phone: string): { phone: string; phoneHash: string } {
  const n = normalizePhone(phone);
  return { phone: n ? maskPhone(n) : '', phoneHash: phoneHash(key, n) };
}
