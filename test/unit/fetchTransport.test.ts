import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateVerdict, fetchHqPost, pemFingerprint } from '../../electron/sync/fetchTransport.js';
import { CertificateRefused, postToHq } from '../../electron/sync/transport.js';
import { loadHqTls, type HqTls } from '../../hq/src/tls.js';

/**
 * The seam the sync client reaches HQ through: in the app Electron's net.fetch (which follows the Windows
 * proxy and PAC) with the certificate pinned by the session's check, in the desk server Node's sockets.
 * Both must agree on what a certificate's fingerprint is, and refuse the same certificates.
 */
let tls: HqTls;
/** The pin as the desk records it: 64 hex digits (HQ prints the fingerprint colon-separated). */
const pin = () => tls.fingerprint.replace(/:/g, '').toUpperCase();
const received: { path: string; auth: string | undefined; body: string }[] = [];
const answer = (req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    received.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    if (req.url === '/stall') return;
    res.writeHead(req.url === '/busy' ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ echo: JSON.parse(body || 'null') }));
  });
};
const plain = createServer(answer);
let httpsServer: ReturnType<typeof createHttpsServer>;
const url = (server: { address(): AddressInfo | string | null }, scheme: string, path: string) =>
  new URL(`${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);

beforeAll(async () => {
  tls = (await loadHqTls({}, mkdtempSync(join(tmpdir(), 'lobbydesk-tls-')), '127.0.0.1'))!;
  httpsServer = createHttpsServer({ key: tls.key, cert: tls.cert }, answer);
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
  await new Promise<void>((r) => httpsServer.listen(0, '127.0.0.1', () => r()));
});
afterAll(() => {
  for (const s of [plain, httpsServer]) {
    s.closeAllConnections();
    s.close();
  }
});

describe('sync requests through an injected fetch', () => {
  const post = fetchHqPost(fetch);

  it('sends the headers and body and hands back HQ status and answer (no certificate over http)', async () => {
    const res = await post(
      url(plain, 'http', '/sync/push'),
      { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
      '{"n":1}',
      {
        pin: null,
        timeoutMs: 2000,
      },
    );
    expect(res).toEqual({ status: 200, body: '{"echo":{"n":1}}', certSha256: null });
    expect(received.at(-1)).toEqual({ path: '/sync/push', auth: 'Bearer s3cret', body: '{"n":1}' });
    expect((await post(url(plain, 'http', '/busy'), {}, '{}', { pin: null, timeoutMs: 2000 })).status).toBe(503);
  });

  it('a stalled HQ ends at the request timeout', async () => {
    const started = Date.now();
    await expect(post(url(plain, 'http', '/stall'), {}, '{}', { pin: null, timeoutMs: 300 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("HQ's self-signed certificate without a pin is refused as untrusted, with the hint to enter the fingerprint", async () => {
    const refused = await post(url(httpsServer, 'https', '/sync/handshake'), {}, '{}', { pin: null, timeoutMs: 2000 }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(CertificateRefused);
    expect(refused).toMatchObject({ kind: 'untrusted' });
    expect(refused.message).toContain('enter the fingerprint HQ printed');
  });

  it('a fetch that cannot check certificates refuses a pinned HQ before connecting', async () => {
    const before = received.length;
    await expect(post(url(httpsServer, 'https', '/sync/push'), {}, '{}', { pin: pin(), timeoutMs: 2000 })).rejects.toThrow(
      /cannot check a pinned certificate/,
    );
    expect(received.length).toBe(before);
  });
});

describe("the app's certificate check", () => {
  it('computes the fingerprint Node reports for the same certificate (the pin the desk recorded at enrolment)', async () => {
    const res = await postToHq(url(httpsServer, 'https', '/sync/handshake'), {}, '{}', { pin: pin(), timeoutMs: 2000 });
    expect(res.certSha256).toBe(pemFingerprint(tls.cert));
    expect(pemFingerprint(tls.cert)).toBe(pin());
  });

  it('accepts a pinned certificate by its fingerprint (whole or first 32 digits) and refuses any other with the same words as Node', () => {
    const fp = pemFingerprint(tls.cert);
    expect(certificateVerdict(fp, fp, false)).toEqual({ accept: true, refused: null });
    expect(certificateVerdict(fp.slice(0, 32), fp, false).accept).toBe(true);
    const other = `${fp.startsWith('0') ? '1' : '0'}${fp.slice(1)}`;
    const verdict = certificateVerdict(other, fp, true);
    expect(verdict.accept).toBe(false);
    expect(verdict.refused).toMatchObject({ kind: 'mismatch' });
    expect(verdict.refused!.message).toContain(`it presented SHA-256 ${fp.slice(0, 16)}`);
    // Without a pin, the system's verification decides.
    expect(certificateVerdict(null, fp, true)).toEqual({ accept: true, refused: null });
    expect(certificateVerdict(null, fp, false, 'net::ERR_CERT_AUTHORITY_INVALID').refused).toMatchObject({ kind: 'untrusted' });
  });
});
