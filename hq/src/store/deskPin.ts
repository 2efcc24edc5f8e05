import { randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';

const scrypt = (pin: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pin, salt, len, opts, (e, k) => (e ? reject(e) : resolve(k))));

/**
 * A desk PIN set at HQ, hashed as a desk hashes it (electron/api/pin.ts: `scrypt$N$r$p$salt$hash`, the
 * desk's parameters), so every desk checks it with its own verifyPin. HQ may not import the desk's code
 * (docs/architecture: hq → shared only), hence this copy of its format.
 */
export async function hashDeskPin(pin: string): Promise<string> {
  const params = { N: 16384, r: 8, p: 1 } as const;
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, 32, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}
