import { maskIdNumber } from '../../shared/domain/mask.js';

/**
 * The row keeps the masked number and the hash. An event written before hashing (pulled from an HQ
 * that has not masked it yet) is stored masked, without a hash: no full number reaches the table.
 */
export function storedId(p: { idNumberMasked: string; idHash: string; idNumber?: string }) {
  if (p.idNumber && !p.idNumberMasked) return { id_number_masked: maskIdNumber(p.idNumber), id_hash: '' };
  return { id_number_masked: p.idNumberMasked, id_hash: p.idHash };
}
