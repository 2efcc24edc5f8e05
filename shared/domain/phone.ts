/**
 * Phones are stored in one canonical form so that the same number always matches (deny list, recall,
 * directory): digits only, a leading "+" for numbers abroad, "x" before an extension.
 * Mainland numbers written with +86 are stored in their national form.
 */
export function normalizePhone(raw: string): string {
  let p = dashExtension(raw.trim())
    .toLowerCase()
    .replace(/转|ext\.?|#/g, 'x')
    .replace(/[^\d+x]/g, '');
  if (p.startsWith('+86')) {
    const national = p.slice(3);
    p = /^1/.test(national) ? national : `0${national.replace(/^0/, '')}`;
  }
  return p;
}

/**
 * `021-55556666-801`: a switchboard written with its extension after a second dash. The last group is
 * an extension only when what precedes it is a whole landline; `021-6666-8888` stays one number.
 */
function dashExtension(raw: string): string {
  const m = /^(.*\d)\s*-\s*(\d{1,6})$/.exec(raw);
  if (!m) return raw;
  const whole = raw.replace(/\D/g, '');
  const head = m[1]!.replace(/\D/g, '');
  return LANDLINE.test(head) && !LANDLINE.test(whole) ? `${m[1]}x${m[2]}` : raw;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}(x\d{1,6})?$/;
const SERVICE = /^(400|800)\d{7}$/;
const INTERNATIONAL = /^\+[1-9]\d{6,14}$/;

/** Returns an i18n error key, or null for a mobile, landline (with extension), 400/800 or international number. */
export function phoneProblem(raw: string): string | null {
  if (raw.trim().length === 0) return 'err.required';
  // Letters (beyond an "ext"/"x"/"转" before the extension) are not part of any phone number.
  if (/[^\d\s+\-().#x转ext]/i.test(raw)) return 'err.phone.format';
  const p = normalizePhone(raw);
  return MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p) || INTERNATIONAL.test(p) ? null : 'err.phone.format';
}

/** Mainland area codes: 010 and 02x have three digits, every other one four. */
const areaCodeLength = (national: string) => (/^0(10|2\d)/.test(national) ? 3 : 4);

/**
 * A stored phone split the way people read it out: area code, local number, extension.
 * Only mainland landlines have an area code; anything else is `{ local }` as stored.
 */
export function phoneParts(stored: string): { area: string; local: string; ext: string } {
  const [main = '', ext = ''] = normalizePhone(stored).split('x');
  if (!/^0\d{9,11}$/.test(main)) return { area: '', local: main, ext };
  const n = areaCodeLength(main);
  return { area: main.slice(0, n), local: main.slice(n), ext };
}

/** The full number as dialled from a desk: `13800138000`, `021-55556666`, `021-55556666转818`. */
export function displayPhone(stored: string): string {
  const { area, local, ext } = phoneParts(stored);
  return `${area ? `${area}-` : ''}${local}${ext ? `转${ext}` : ''}`;
}
