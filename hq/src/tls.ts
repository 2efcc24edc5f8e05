import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { isLoopbackHost } from '../../shared/sync/fingerprint.js';

export interface HqTls {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, colon-separated hex (what the desk pins). */
  fingerprint: string;
  source: 'files' | 'generated' | 'kept';
}

export const TLS_KEY_FILE = 'hq-tls-key.pem';
export const TLS_CERT_FILE = 'hq-tls-cert.pem';

export const certFingerprint = (certPem: string) => new X509Certificate(certPem).fingerprint256;

/** Writes a file only its owner may read (0600), atomically: a crash never leaves half a key. */
export function writePrivateFile(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/**
 * HQ's certificate: the admin's own (`HQ_TLS_CERT` + `HQ_TLS_KEY`, PEM files), else a self-signed one
 * made at first start and kept in `dataDir` (key 0600). It is pinned by fingerprint at every desk, so
 * its names and CA do not matter and it lasts 20 years: a new one means re-enrolling every desk.
 * `HQ_TLS=off` serves plain HTTP, allowed only on a loopback `HQ_HOST` (null is returned then).
 */
export async function loadHqTls(env: NodeJS.ProcessEnv, dataDir: string, host: string): Promise<HqTls | null> {
  if (env.HQ_TLS === 'off') {
    if (!isLoopbackHost(host))
      throw new Error(`HQ_TLS=off serves plain HTTP and is allowed only on loopback, not HQ_HOST=${host}.`);
    return null;
  }
  if (env.HQ_TLS_CERT || env.HQ_TLS_KEY) {
    if (!env.HQ_TLS_CERT || !env.HQ_TLS_KEY) throw new Error('Set both HQ_TLS_CERT and HQ_TLS_KEY (PEM files), or neither.');
    const cert = readFileSync(env.HQ_TLS_CERT, 'utf8');
    return { key: readFileSync(env.HQ_TLS_KEY, 'utf8'), cert, fingerprint: certFingerprint(cert), source: 'files' };
  }
  const keyFile = join(dataDir, TLS_KEY_FILE);
  const certFile = join(dataDir, TLS_CERT_FILE);
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: certFingerprint(cert), source: 'kept' };
  }
  const made = await selfSignedCertificate();
  mkdirSync(dataDir, { recursive: true });
  writePrivateFile(keyFile, made.key);
  // The certificate last: a folder with a certificate always has its key.
  writePrivateFile(certFile, made.cert);
  chmodSync(certFile, 0o644);
  return { ...made, fingerprint: certFingerprint(made.cert), source: 'generated' };
}

export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const r = await generate([{ name: 'commonName', value: `LobbyDesk HQ ${hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 24 * 3600_000),
    notAfterDate: new Date(now + 20 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: hostname() },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: r.private, cert: r.cert };
}
