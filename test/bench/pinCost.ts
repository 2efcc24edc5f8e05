/**
 * What a stolen data folder's PIN hashes cost to guess (issue 16 item 6): `npx tsx test/bench/pinCost.ts`.
 * Figures, not asserts. Measures the desk's own check (open the sealed hash with the site key, then
 * scrypt with the parameters stored in the hash) against one stored PIN, then prints the whole PIN
 * space's cost on one CPU core: 4 digits (the receptionist's minimum), 6 digits (required of managers
 * and admins, shared/domain/pinStrength.ts). Since PIN hashes are sealed (electron/privacy/pinSeal.ts)
 * that cost applies only to someone who also has the key; without it, no guess can be checked offline
 * at all (the bench shows a wrong key opening nothing). `PIN_BENCH_N2` also times scrypt at N=2^15,
 * the "slower KDF" option. Env: PIN_BENCH_GUESSES (default 40).
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hashPin, verifyPin } from '../../electron/api/pin.js';
import type { IdKeys } from '../../electron/privacy/idKeys.js';
import { openPinHash, sealPinHash } from '../../electron/privacy/pinSeal.js';

const guesses = Number(process.env.PIN_BENCH_GUESSES ?? 40);
const ring = (key: string): IdKeys => ({
  current: () => key,
  all: () => [key],
  hashes: () => [],
  phoneHashes: () => [],
  adopt: () => undefined,
});
const siteKey = ring(randomBytes(32).toString('hex'));
const staffId = 'bench-staff';
const plain = await hashPin('975310');
const stored = sealPinHash(siteKey.current(), staffId, plain);
const check = async (pin: string) => verifyPin(pin, openPinHash(siteKey, staffId, stored)!);
await check('000000'); // warm-up
const t0 = process.hrtime.bigint();
for (let i = 0; i < guesses; i++) await check(String(i).padStart(6, '0'));
const perGuessMs = Number(process.hrtime.bigint() - t0) / 1e6 / guesses;

const t1 = process.hrtime.bigint();
for (let i = 0; i < 10_000; i++) openPinHash(siteKey, staffId, stored);
const openUs = Number(process.hrtime.bigint() - t1) / 1e3 / 10_000;

const cores = availableParallelism();
const span = (ms: number, space: number) => {
  const h = (space * ms) / 3_600_000;
  const one = h < 1 ? `${(h * 60).toFixed(1)} min` : `${h.toFixed(1)} h`;
  return `${one} on one core, ${((h * 60) / cores).toFixed(1)} min on this machine's ${cores} cores`;
};
console.log(`stored: ${stored.slice(0, 24)}… (sealed, ${stored.length} chars; no "scrypt$" in the folder or at HQ)`);
console.log(
  `without the site key: a wrong key opens it? ${openPinHash(ring(randomBytes(32).toString('hex')), staffId, stored) !== null} — no guess can be tested offline (AES-256-GCM key, 2^256)`,
);
console.log(`opening the seal: ${openUs.toFixed(1)} µs per check (the desk's added cost)`);
console.log(`scrypt parameters: ${plain.split('$').slice(1, 4).join('/')} (N/r/p)`);
console.log(`with the key too: per guess, one core: ${perGuessMs.toFixed(1)} ms (${guesses} guesses)`);
console.log(`  4-digit PIN: whole space ${span(perGuessMs, 1e4)}`);
console.log(`  6-digit PIN: whole space ${span(perGuessMs, 1e6)}`);
if (process.env.PIN_BENCH_N2) {
  const salt = randomBytes(16);
  const t2 = process.hrtime.bigint();
  const n = Math.max(5, Math.floor(guesses / 4));
  for (let i = 0; i < n; i++) scryptSync(String(i), salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t2) / 1e6 / n;
  console.log(`N=2^15 instead: ${ms.toFixed(1)} ms per guess and per sign-in; 6-digit PIN: ${span(ms, 1e6)}`);
}
