import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHqTls, selfSignedCertificate, TLS_CERT_FILE, TLS_KEY_FILE } from '../../hq/src/tls.js';
import { hqAddressAllowed, normalizeFingerprint, typedFingerprint } from '../../shared/sync/fingerprint.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lobbydesk-hqtls-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("HQ's certificate", () => {
  it('is made at first start, its key kept 0600, and the same one served (same fingerprint) at every start after', async () => {
    const dir = tempDir();
    const first = (await loadHqTls({}, dir, '0.0.0.0'))!;
    expect(first.source).toBe('generated');
    expect(statSync(join(dir, TLS_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(first.fingerprint).toBe(new X509Certificate(readFileSync(join(dir, TLS_CERT_FILE))).fingerprint256);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const again = (await loadHqTls({}, dir, '0.0.0.0'))!;
    expect(again).toMatchObject({ source: 'kept', fingerprint: first.fingerprint, key: first.key });
  });

  it("is the admin's own with HQ_TLS_CERT and HQ_TLS_KEY; one without the other is refused", async () => {
    const dir = tempDir();
    const own = await selfSignedCertificate();
    writeFileSync(join(dir, 'c.pem'), own.cert);
    writeFileSync(join(dir, 'k.pem'), own.key);
    const tls = (await loadHqTls({ HQ_TLS_CERT: join(dir, 'c.pem'), HQ_TLS_KEY: join(dir, 'k.pem') }, dir, '0.0.0.0'))!;
    expect(tls).toMatchObject({ source: 'files', cert: own.cert, fingerprint: new X509Certificate(own.cert).fingerprint256 });
    await expect(loadHqTls({ HQ_TLS_CERT: join(dir, 'c.pem') }, dir, '0.0.0.0')).rejects.toThrow(
      'Set both HQ_TLS_CERT and HQ_TLS_KEY',
    );
  });

  it('is off (plain HTTP) only when asked, and only on loopback', async () => {
    const dir = tempDir();
    expect(await loadHqTls({ HQ_TLS: 'off' }, dir, '127.0.0.1')).toBeNull();
    await expect(loadHqTls({ HQ_TLS: 'off' }, dir, '0.0.0.0')).rejects.toThrow('allowed only on loopback');
    await expect(loadHqTls({ HQ_TLS: 'off' }, dir, '192.168.1.20')).rejects.toThrow('allowed only on loopback');
  });
});

describe('the fingerprint a receptionist types', () => {
  const full = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF';
  it('is the first 32 digits in groups; typed in any case, with or without separators, it is the same', () => {
    expect(typedFingerprint(full)).toBe('ABCD EF01 2345 6789 ABCD EF01 2345 6789');
    expect(normalizeFingerprint('abcd ef01 2345 6789 abcd ef01 2345 6789')).toBe('ABCDEF0123456789ABCDEF0123456789');
    expect(normalizeFingerprint(full)).toBe(full.replace(/:/g, ''));
    expect(normalizeFingerprint('ABCD-EF01-2345-6789-ABCD-EF01-2345-678')).toBeNull(); // 31 digits
    expect(normalizeFingerprint('ABCD EF01 2345 6789 ABCD EF01 2345 678O')).toBeNull(); // letter O for zero
    expect(normalizeFingerprint(`${full}:00`)).toBeNull();
  });
  it('goes with an https address; http only to this PC', () => {
    expect(hqAddressAllowed('https://hq.example:8780')).toBe(true);
    expect(hqAddressAllowed('http://127.0.0.1:8780')).toBe(true);
    expect(hqAddressAllowed('http://localhost:8780')).toBe(true);
    expect(hqAddressAllowed('http://[::1]:8780')).toBe(true);
    expect(hqAddressAllowed('http://10.0.0.5:8780')).toBe(false);
    expect(hqAddressAllowed('http://localhost.evil.example')).toBe(false);
    expect(hqAddressAllowed('ftp://127.0.0.1')).toBe(false);
  });
});
