import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { createWriteStream } from 'node:fs';
import { createHash } from 'node:crypto';

export interface HqAnswer {
  status: number;
  body: string;
  /** SHA-256 of the certificate HQ presented (64 hex digits), null over plain HTTP. */
  certSha256: string | null;
}

/** HQ's certificate was refused before anything (the device secret least of all) was sent. */
export class CertificateRefused extends Error {
  constructor(
    readonly kind: 'mismatch' | 'untrusted',
    message: string,
  ) {
    super(message);
  }
}

/** Certificate errors Node reports when a chain does not verify: HQ is not who it says, for this desk. */
const UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|ERR_TLS_CERT/;

/**
 * POSTs a JSON body to HQ. Over `https://` with a pin (hex digits of the SHA-256 fingerprint, the whole
 * of it or at least its first 32), the connection is HQ's only if its certificate's fingerprint equals
 * the pin (or starts with it): the request is written to the socket only after that check, so a
 * stranger's server never sees the secret. Without a pin the certificate must verify against the system's
 * CAs (an HQ with a public certificate). `http://` is plain (the caller allows it on loopback only).
 */
export function postToHq(
  url: URL,
  headers: Record<string, string>,
  body: string,
  o: { pin: string | null; timeoutMs: number },
): Promise<HqAnswer> {
  return new Promise((resolve, reject) => {
    let certSha256: string | null = null;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const options = {
      method: 'POST',
      host,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal: AbortSignal.timeout(o.timeoutMs),
    };
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), certSha256 }));
      res.on('error', reject);
    };
    let req: ClientRequest;
    if (url.protocol === 'https:') {
      req = httpsRequest(
        {
          ...options,
          // No agent: a fresh connection per request, made (and checked) here before the request is written.
          createConnection: (_opts, done) => {
            connectChecked(host, Number(options.port), o.pin, o.timeoutMs, (err, socket, fingerprint) => {
              if (socket) certSha256 = fingerprint ?? null;
              done(err, socket as Duplex);
            });
            return undefined;
          },
        },
        onResponse,
      );
    } else req = httpRequest(options, onResponse);
    req.on('error', (e: Error & { code?: string }) =>
      reject(e instanceof CertificateRefused || !UNTRUSTED.test(e.code ?? '') ? e : untrusted(e)),
    );
    req.end(body);
  });
}

/** A GET from HQ whose body went to a file: its size and base64 SHA-512, computed while writing. */
export interface HqDownload {
  status: number;
  /** The body as text when it was not written to a file (an error answer, or no `toFile`). */
  body: string;
  bytes: number;
  sha512: string;
}

/**
 * GETs from HQ over the same pinned connection as `postToHq` (desk releases, issue 19). With `toFile`,
 * a 200 body is streamed to that file (installers are tens of MB) and hashed on the way.
 */
export function getFromHq(
  url: URL,
  headers: Record<string, string>,
  o: { pin: string | null; timeoutMs: number; toFile?: string },
): Promise<HqDownload> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port || (url.protocol === 'https:' ? 443 : 80);
    const options = {
      method: 'GET',
      host,
      port,
      path: `${url.pathname}${url.search}`,
      headers,
      signal: AbortSignal.timeout(o.timeoutMs),
    };
    const onResponse = (res: IncomingMessage) => {
      const hash = createHash('sha512');
      let bytes = 0;
      const toFile = res.statusCode === 200 && o.toFile ? createWriteStream(o.toFile, { mode: 0o600 }) : null;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        hash.update(c);
        bytes += c.length;
        if (toFile) toFile.write(c);
        else chunks.push(c);
      });
      res.on('error', reject);
      res.on('end', () => {
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            bytes,
            sha512: hash.digest('base64'),
          });
        if (toFile) toFile.end(done);
        else done();
      });
    };
    let req: ClientRequest;
    if (url.protocol === 'https:') {
      req = httpsRequest(
        {
          ...options,
          createConnection: (_opts, done) => {
            connectChecked(host, Number(port), o.pin, o.timeoutMs, (err, socket) => done(err, socket as Duplex));
            return undefined;
          },
        },
        onResponse,
      );
    } else req = httpRequest(options, onResponse);
    req.on('error', (e: Error & { code?: string }) =>
      reject(e instanceof CertificateRefused || !UNTRUSTED.test(e.code ?? '') ? e : untrusted(e)),
    );
    req.end();
  });
}

const untrusted = (e: Error) => untrustedRefusal((e as Error & { code?: string }).code ?? e.message);

/** HQ's certificate did not verify against the system's CAs (and no pin was given). */
export const untrustedRefusal = (reason: string) =>
  new CertificateRefused('untrusted', `HQ's certificate is not trusted (${reason}): enter the fingerprint HQ printed.`);

/** HQ presented a certificate other than the pinned one. */
export const mismatchRefusal = (fingerprint: string) =>
  new CertificateRefused(
    'mismatch',
    `HQ's certificate is not the one this desk was enrolled with (it presented SHA-256 ${fingerprint.slice(0, 16)}…).`,
  );

/**
 * How the sync client reaches HQ, injected: `postToHq` (Node's sockets, the desk server's) or, in the
 * Electron app, `fetchHqPost` over Electron's net (the system proxy and PAC), see electron/mainNet.ts.
 */
export type HqPost = typeof postToHq;

function connectChecked(
  host: string,
  port: number,
  pin: string | null,
  timeoutMs: number,
  done: (err: Error | null, socket?: Socket, fingerprint?: string) => void,
): void {
  let settled = false;
  const finish = (err: Error | null, socket?: Socket, fingerprint?: string) => {
    if (settled) return;
    settled = true;
    done(err, socket, fingerprint);
  };
  const socket = tlsConnect({
    host,
    port,
    servername: isIP(host) ? undefined : host,
    // A pinned certificate is trusted for its fingerprint alone (HQ's own is self-signed).
    rejectUnauthorized: pin === null,
    ALPNProtocols: ['http/1.1'],
  });
  // A handshake that never ends would outlive the request's own timeout: end it at the same time.
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`TLS handshake with HQ timed out after ${timeoutMs} ms`)));
  socket.once('secureConnect', () => {
    socket.setTimeout(0);
    const fingerprint = socket.getPeerCertificate().fingerprint256?.replace(/:/g, '').toUpperCase() ?? '';
    if (pin !== null && (fingerprint.length === 0 || !fingerprint.startsWith(pin))) {
      socket.destroy();
      return finish(mismatchRefusal(fingerprint));
    }
    finish(null, socket, fingerprint);
  });
  socket.once('error', (e: Error & { code?: string }) => finish(UNTRUSTED.test(e.code ?? '') ? untrusted(e) : e));
}
