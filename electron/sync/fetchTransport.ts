import { X509Certificate } from 'node:crypto';
import { mismatchRefusal, untrustedRefusal, type CertificateRefused, type HqPost } from './transport.js';

/** SHA-256 of a PEM certificate as pins are written: 64 upper-case hex digits (Node's fingerprint256 without colons). */
export function pemFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toUpperCase();
}

/**
 * The verdict on the certificate a host presented, as Electron's certificate check gives it before any
 * byte of the request is sent: with a pin, the fingerprint alone decides (HQ's own certificate is
 * self-signed); without one, the system's verification (`systemOk`) does.
 */
export function certificateVerdict(
  pin: string | null,
  fingerprint: string,
  systemOk: boolean,
  systemError = 'not trusted',
): { accept: boolean; refused: CertificateRefused | null } {
  if (pin === null) return { accept: systemOk, refused: systemOk ? null : untrustedRefusal(systemError) };
  const ok = fingerprint.length > 0 && fingerprint.startsWith(pin);
  return { accept: ok, refused: ok ? null : mismatchRefusal(fingerprint) };
}

/** The certificate check of the fetch in use (Electron's session), told the pin and asked what it saw. */
export interface FetchCertificates {
  /** The next connection to `host` must present `pin` (null: verify against the system's CAs). */
  expect(host: string, pin: string | null): Promise<void> | void;
  seen(host: string): { fingerprint: string | null; refused: CertificateRefused | null };
}

const errorChain = (e: unknown): string => {
  const parts: string[] = [];
  for (let x = e as { message?: string; code?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x)
    parts.push(`${x.code ?? ''} ${x.message ?? ''}`);
  return parts.join(' | ');
};
const CERT_ERROR = /CERT|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

/**
 * `HqPost` over a WHATWG fetch: Electron's `net.fetch` (session.fetch) in the app, which follows the
 * system's proxy settings and PAC. A pin needs `certs` (the session's certificate check); without it only
 * plain HTTP and certificates the system trusts can be used.
 */
export function fetchHqPost(fetchFn: typeof fetch, certs?: FetchCertificates): HqPost {
  return async (url, headers, body, o) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const https = url.protocol === 'https:';
    if (https && o.pin !== null && !certs) throw new Error('This transport cannot check a pinned certificate.');
    if (https) await certs?.expect(host, o.pin);
    const signal = AbortSignal.timeout(o.timeoutMs);
    try {
      const res = await fetchFn(url.toString(), { method: 'POST', headers, body, redirect: 'manual', signal });
      const text = await res.text();
      return { status: res.status, body: text, certSha256: https ? (certs?.seen(host).fingerprint ?? null) : null };
    } catch (e) {
      const refused = https ? certs?.seen(host).refused : null;
      if (refused) throw refused;
      const chain = errorChain(e);
      if (https && CERT_ERROR.test(chain)) throw untrustedRefusal(chain.match(/[A-Z_:]*(CERT|SSL)[A-Z_]*/)?.[0] ?? 'certificate');
      throw e;
    }
  };
}
