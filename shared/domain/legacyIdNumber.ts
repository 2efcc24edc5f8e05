import { normalizeIdNumber } from './idDocument.js';
import { maskIdNumber } from './mask.js';

type Json = Record<string, unknown>;
export type MinimalId = { idNumberMasked: string; idHash: string };

/** The masked form alone, for a holder without the site's key (HQ's migration of old events). */
export function maskedOnly(idNumber: string): MinimalId {
  const n = normalizeIdNumber(idNumber);
  return { idNumberMasked: n ? maskIdNumber(n) : '', idHash: '' };
}

/** `o` with `idNumber` replaced, in its place, by the masked form and the hash (key order kept). */
function withoutFull(o: Json, minimal: (idNumber: string) => MinimalId): Json {
  if (!o || typeof o !== 'object' || !('idNumber' in o)) return o;
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'idNumber') Object.assign(out, minimal(String(v)));
    else if (k !== 'idNumberMasked' && k !== 'idHash') out[k] = v;
  }
  return out;
}

/**
 * An event written before ID numbers were minimised (VisitorCheckedIn's visitor, ReleasePassIssued's applicant, DenyEntryAdded),
 * without its full number: the one exception to append-only besides the retention pass.
 */
export function eventWithoutFullIdNumber(type: string, payload: Json, minimal: (idNumber: string) => MinimalId): Json {
  if (type === 'VisitorCheckedIn') return { ...payload, visitor: withoutFull(payload.visitor as Json, minimal) };
  if (type === 'ReleasePassIssued') return { ...payload, applicant: withoutFull(payload.applicant as Json, minimal) };
  return withoutFull(payload, minimal);
}
