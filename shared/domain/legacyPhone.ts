import { maskPhone } from './mask.js';
import { normalizePhone } from './phone.js';

type Json = Record<string, unknown>;
export type MinimalPhone = { phone: string; phoneHash: string };

/** A visitor's phone, masked only, for a holder that does not hash (HQ: the number it would hash is dropped). */
export const phoneMaskedOnly = (phone: string): MinimalPhone => ({ phone: maskPhone(normalizePhone(phone)), phoneHash: '' });

/** A check-in's visitor still holding a full phone (written before desk schema 16): no '*' and no hash. */
export function holdsFullPhone(visitor: Json | undefined): boolean {
  const phone = visitor?.phone;
  return typeof phone === 'string' && phone !== '' && !phone.includes('*') && !visitor?.phoneHash;
}

/**
 * A VisitorCheckedIn written before visitor phones were minimised, with the masked phone (and, where the
 * holder has the site's key, its hash) in place of the full one, key order kept: the one exception to
 * append-only besides retention and erasure. Unchanged when the phone is already masked.
 */
export function checkInWithoutFullPhone(payload: Json, minimal: (phone: string) => MinimalPhone): Json {
  const visitor = payload.visitor as Json | undefined;
  if (!visitor || !holdsFullPhone(visitor)) return payload;
  const m = minimal(String(visitor.phone));
  const out: Json = {};
  for (const [k, v] of Object.entries(visitor)) {
    if (k === 'phone') Object.assign(out, m);
    else if (k !== 'phoneHash') out[k] = v;
  }
  return { ...payload, visitor: out };
}
