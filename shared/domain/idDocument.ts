/**
 * Identity documents a visitor may show. Mainland resident ID numbers follow GB 11643-1999:
 * 6-digit region, 8-digit birth date, 3-digit sequence, and a MOD 11-2 check character.
 */
export const ID_TYPES = ['resident_id', 'hk_macao_permit', 'taiwan_permit', 'passport', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (const [i, w] of WEIGHTS.entries()) sum += Number(first17[i]) * w;
  // sum % 11 is 0…10, and CHECK_CHARS has 11 characters.
  return CHECK_CHARS[sum % 11]!;
}

/** Returns an i18n error key, or null when the number is acceptable. */
export function residentIdProblem(raw: string, today: Date = new Date()): string | null {
  const id = raw.trim().toUpperCase();
  // The first-generation card (15 digits, no check character) is no longer valid as a 居民身份证:
  // say so and point to 其他证件 rather than only "should be 18 digits".
  if (/^\d{15}$/.test(id)) return 'err.idNumber.residentOld15';
  if (!/^\d{17}[\dX]$/.test(id)) return 'err.idNumber.residentFormat';
  if (!/^[1-9]/.test(id)) return 'err.idNumber.region';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!realDate || year < 1900 || birth.getTime() > today.getTime()) return 'err.idNumber.birthDate';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'err.idNumber.checksum';
  return null;
}

const OTHER_FORMATS: Record<Exclude<IdType, 'resident_id'>, RegExp> = {
  // 港澳居民来往内地通行证: H or M, 8 digits (10 on the older booklet).
  hk_macao_permit: /^[HM]\d{8}(\d{2})?$/,
  // 台湾居民来往大陆通行证: 8 digits (10 on the older booklet).
  taiwan_permit: /^\d{8}(\d{2})?$/,
  passport: /^[A-Z0-9]{5,17}$/,
  other: /^.{2,30}$/,
};

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function idNumberProblem(type: IdType, raw: string, today?: Date): string | null {
  const id = normalizeIdNumber(raw);
  if (id.length === 0) return 'err.required';
  if (type === 'resident_id') return residentIdProblem(id, today);
  return OTHER_FORMATS[type].test(id) ? null : `err.idNumber.${type}`;
}
