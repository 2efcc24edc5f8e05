/**
 * What a stolen data folder's PIN hashes cost to guess (issue 16 item 6): `npx tsx test/bench/pinCost.ts`.
 * Figures, not asserts. Measures the desk's own check against one stored PIN — scrypt with the parameters
 * stored in the hash, after opening the seal for a hash pulled from HQ (shared/domain/pinSeal.ts) — and
 * prints the whole PIN space's cost on one CPU core: 4 digits (the receptionist's minimum), 6 digits
 * (required of managers and admins, shared/domain/pinStrength.ts). That cost is what a hash set at the
 * stolen desk costs, and a pulled one only to someone who also has the desk's key ring; without the ring
 * a pulled hash cannot be tested at all (the bench shows a wrong key opening nothing).
 * `PIN_BENCH_SLOWER=1` also times scrypt at N=2^15 and 2^16, the "slower KDF for leaders" option.
 * Env: PIN_BENCH_GUESSES (default 40).
 */
import { randomBytes, scrypt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hashPin, verifyPin } from '../../electron/api/pin.js';
import { openPinHash } from '../../electron/privacy/pinSeal.js';
import { sealPinHash } from '../../hq/src/store/pinSeal.js';

const guesses = Number(process.env.PIN_BENCH_GUESSES ?? 40);
const siteKey = randomBytes(32).toString('hex');
const plain = await hashPin('975310');
const sealed = sealPinHash(siteKey, 'bench-staff', plain);
const check = (pin: string) => verifyPin(pin, openPinHash([siteKey], 'bench-staff', sealed)!);
await check('000000'); // warm-up
const t0 = process.hrtime.bigint();
for (let i = 0; i < guesses; i++) await check(String(i).padStart(6, '0'));
const perGuessMs = Number(process.hrtime.bigint() - t0) / 1e6 / guesses;

const t1 = process.hrtime.bigint();
for (let i = 0; i < 10_000; i++) openPinHash([siteKey], 'bench-staff', sealed);
const openUs = Number(process.hrtime.bigint() - t1) / 1e3 / 10_000;

const cores = availableParallelism();
const span = (ms: number, space: number) => {
  const h = (space * ms) / 3_600_000;
  return `${h < 1 ? `${(h * 60).toFixed(1)} min` : `${h.toFixed(1)} h`} on one core, ${((h * 60) / cores).toFixed(1)} min on this machine's ${cores} cores`;
};
console.log(`scrypt parameters: ${plain.split('$').slice(1, 4).join('/')} (N/r/p)`);
console.log(
  `pulled hash, without the key ring: a wrong key opens it? ${openPinHash([randomBytes(32).toString('hex')], 'bench-staff', sealed) !== null} (AES-256-GCM, 2^256 keys)`,
);
console.log(`opening the seal: ${openUs.toFixed(1)} µs per check (the desk's added cost)`);
console.log(`per guess, one core: ${perGuessMs.toFixed(1)} ms (${guesses} guesses)`);
console.log(`  4-digit PIN: whole space ${span(perGuessMs, 1e4)}`);
console.log(`  6-digit PIN: whole space ${span(perGuessMs, 1e6)}`);
if (process.env.PIN_BENCH_SLOWER) {
  for (const N of [32768, 65536]) {
    const salt = randomBytes(16);
    const n = Math.max(5, Math.floor(guesses / 4));
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++)
      await new Promise((res, rej) =>
        scrypt(String(i), salt, 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }, (e, k) => (e ? rej(e) : res(k))),
      );
    const ms = Number(process.hrtime.bigint() - t) / 1e6 / n;
    console.log(`N=2^${Math.log2(N)}: ${ms.toFixed(1)} ms per guess and per sign-in; 6-digit PIN: ${span(ms, 1e6)}`);
  }
}
