import { phoneParts } from './phone.js';

/** Personal data is shown and printed masked (architecture: "ID: first 6 + last 4"). */
export function maskIdNumber(id: string): string {
  if (id.length <= 10)
    return id.length <= 4 ? '*'.repeat(id.length) : `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** A phone as a record keeps it: masked since desk schema 16; an older row's full phone is masked for display. */
export const shownPhone = (stored: string): string => (stored.includes('*') ? stored : maskPhone(stored));

export function maskPhone(phone: string): string {
  // A switchboard number with an extension: the extension alone reaches nobody from outside, so it
  // stays readable (the desk asks for 转818); the last four digits of the switchboard are hidden.
  const { area, local, ext } = phoneParts(phone);
  if (ext && area && local.length > 4) return `${area}-${local.slice(0, -4)}****转${ext}`;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone;
  const keepEnd = 4;
  const keepStart = digits.length >= 11 ? 3 : 2;
  let seen = 0;
  // Mask by digit position so separators like "-" and "+" survive.
  return phone.replace(/\d/g, (d) => {
    const i = seen++;
    return i < keepStart || i >= digits.length - keepEnd ? d : '*';
  });
}
