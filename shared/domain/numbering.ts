/**
 * Document numbers are unique offline because each carries the site and this desk's code, and are
 * allocated gaplessly from a per-desk counter inside the writing transaction.
 */
export const SITE_CODE = /^[A-Z][A-Z0-9]{1,5}$/;
export const DEVICE_CODE = /^[A-Z0-9]{1,4}$/;

const pad = (n: number, width: number) => n.toString().padStart(width, '0');

/** Receipt: `{SITE}-{DEVICE}-{YYYY}-{NNNNNN}`, gapless per desk and year. */
export function formatReceiptNo(site: string, device: string, year: number, n: number): string {
  if (n < 1 || n > 999_999 || !Number.isInteger(n)) throw new RangeError(`receipt sequence out of range: ${n}`);
  return `${site}-${device}-${year}-${pad(n, 6)}`;
}

/** Visitor pass: `{SITE}-{DEVICE}-V{YYMMDD}-{NNNN}`, gapless per desk and day; short enough to type. */
export function formatVisitorPassNo(site: string, device: string, day: string, n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) throw new RangeError(`pass sequence out of range: ${n}`);
  if (!/^\d{8}$/.test(day)) throw new RangeError(`day must be YYYYMMDD: ${day}`);
  return `${site}-${device}-V${day.slice(2)}-${pad(n, 4)}`;
}

const PASS_NO = /^([A-Z][A-Z0-9]{1,5})-([A-Z0-9]{1,4})-V(\d{6})-(\d{4})$/;

export function parseVisitorPassNo(raw: string): { site: string; device: string; day: string; n: number } | null {
  const [, site, device, yymmdd, n] = PASS_NO.exec(raw.trim().toUpperCase()) ?? [];
  if (!site || !device || !yymmdd || !n) return null;
  return { site, device, day: `20${yymmdd}`, n: Number(n) };
}

/** Release pass (物品放行条): `{SITE}-{DEVICE}-P{YYMMDD}-{NNNN}`, gapless per desk and day, like the visitor pass. */
export function formatReleasePassNo(site: string, device: string, day: string, n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) throw new RangeError(`pass sequence out of range: ${n}`);
  if (!/^\d{8}$/.test(day)) throw new RangeError(`day must be YYYYMMDD: ${day}`);
  return `${site}-${device}-P${day.slice(2)}-${pad(n, 4)}`;
}

const RELEASE_NO = /^([A-Z][A-Z0-9]{1,5})-([A-Z0-9]{1,4})-P(\d{6})-(\d{4})$/;

/** Reads a release pass number as scanned or typed (any case, stray spaces); null when it is not one. */
export function parseReleasePassNo(raw: string): { site: string; device: string; day: string; n: number } | null {
  const [, site, device, yymmdd, n] = RELEASE_NO.exec(raw.trim().toUpperCase()) ?? [];
  if (!site || !device || !yymmdd || !n) return null;
  return { site, device, day: `20${yymmdd}`, n: Number(n) };
}

/** Mail register line (挂号邮件收发登记簿): `{SITE}-{DEVICE}-M{YYMMDD}-{NNNN}`, gapless per desk and day. */
export function formatMailRegisterNo(site: string, device: string, day: string, n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) throw new RangeError(`mail sequence out of range: ${n}`);
  if (!/^\d{8}$/.test(day)) throw new RangeError(`day must be YYYYMMDD: ${day}`);
  return `${site}-${device}-M${day.slice(2)}-${pad(n, 4)}`;
}

/** Damage register line (邮件破损登记簿): `{SITE}-{DEVICE}-D{YYYY}-{NNNN}`, gapless per desk and year. */
export function formatMailDamageNo(site: string, device: string, year: number, n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) throw new RangeError(`damage sequence out of range: ${n}`);
  return `${site}-${device}-D${year}-${pad(n, 4)}`;
}
