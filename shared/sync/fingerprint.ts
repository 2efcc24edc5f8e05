/**
 * HQ's TLS certificate as the desk pins it: the SHA-256 of the certificate (DER), as 64 hex digits.
 * A person types at least the first 32 digits (128 bits: no one can make a certificate that matches
 * them), in any case, with or without the spaces, colons or dashes HQ prints between groups.
 */
export const FINGERPRINT_MIN_HEX = 32;
export const FINGERPRINT_HEX = 64;

/** Upper-case hex digits only, or null when the text is not a fingerprint (or a long enough start of one). */
export function normalizeFingerprint(text: string): string | null {
  if (!/^[0-9a-fA-F:\s-]*$/.test(text)) return null;
  const hex = text.replace(/[:\s-]/g, '').toUpperCase();
  return hex.length >= FINGERPRINT_MIN_HEX && hex.length <= FINGERPRINT_HEX ? hex : null;
}

/** The form HQ prints for a receptionist to type: the first 32 digits in groups of four. */
export function typedFingerprint(full: string): string {
  const hex = full.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return (hex.slice(0, FINGERPRINT_MIN_HEX).match(/.{4}/g) ?? []).join(' ');
}

/** Loopback: the one place a plain `http://` HQ is allowed (a test or a one-PC setup; nothing crosses a wire). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** An HQ address the desk may use: `https://` anywhere, `http://` only on loopback. */
export function hqAddressAllowed(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
}
