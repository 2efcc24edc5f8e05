import { session } from 'electron';
import { certificateVerdict, fetchHqPost, pemFingerprint } from './sync/fetchTransport.js';
import type { CertificateRefused, HqPost } from './sync/transport.js';

/**
 * The app's sync traffic through Electron's net (Chromium's network stack: the Windows proxy settings,
 * PAC and WPAD, as the browser on the desk PC uses them). Its own in-memory session, so the certificate
 * check below covers HQ's requests only: a pinned HQ is accepted by fingerprint alone, during the TLS
 * handshake, before the request (and the device secret in it) is written.
 */
export function electronHqPost(): HqPost {
  const hq = session.fromPartition('lobbydesk-hq');
  const pins = new Map<string, string | null>();
  const seen = new Map<string, { fingerprint: string | null; refused: CertificateRefused | null }>();
  const install = () =>
    hq.setCertificateVerifyProc((req, callback) => {
      const fingerprint = pemFingerprint(req.certificate.data);
      const verdict = certificateVerdict(
        pins.get(req.hostname) ?? null,
        fingerprint,
        req.errorCode === 0,
        req.verificationResult,
      );
      seen.set(req.hostname, { fingerprint, refused: verdict.refused });
      // -3: Chromium's own verdict (no pin, system CAs); 0 accept; -2 refuse.
      callback(pins.get(req.hostname) == null ? -3 : verdict.accept ? 0 : -2);
    });
  install();
  return fetchHqPost((input, init) => hq.fetch(input as string, init), {
    async expect(host, pin) {
      // A new pin (re-enrolment): connections and verdicts kept under the old one must not be reused.
      if (pins.has(host) && pins.get(host) !== pin) {
        await hq.closeAllConnections();
        install();
      }
      pins.set(host, pin);
      // A kept connection is not checked again: what it presented stays known, an old refusal does not.
      seen.set(host, { fingerprint: seen.get(host)?.fingerprint ?? null, refused: null });
    },
    seen: (host) => seen.get(host) ?? { fingerprint: null, refused: null },
  });
}
