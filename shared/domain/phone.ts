/** Mainland mobile (1[3-9]xxxxxxxxx), mainland landline (0area-number[-ext]) or international (+country...). */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s()]/g, '');
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE = /^(400|800)-?\d{3}-?\d{4}$/;
const INTERNATIONAL = /^\+\d{1,3}-?\d{4,14}$/;

export function phoneProblem(raw: string): string | null {
  const p = normalizePhone(raw);
  if (p.length === 0) return 'err.required';
  if (p.startsWith('+86')) return MOBILE.test(p.slice(3).replace(/^-/, '')) ? null : 'err.phone.format';
  if (MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p) || INTERNATIONAL.test(p)) return null;
  return 'err.phone.format';
}
