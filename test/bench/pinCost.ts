/**
 * What a stolen data folder's PIN hashes cost to guess (issue 16 item 6): `npx tsx test/bench/pinCost.ts`.
 * Figures, not asserts. Measures the desk's own verifyPin (scrypt with the parameters stored in the
 * hash) against one stored hash, then prints the whole PIN space's cost on one CPU core: 4 digits (the
 * receptionist's minimum), 6 digits (required of managers and admins, shared/domain/pinStrength.ts).
 * Env: PIN_BENCH_GUESSES (default 40).
 */
import { availableParallelism } from 'node:os';
import { hashPin, verifyPin } from '../../electron/api/pin.js';

const guesses = Number(process.env.PIN_BENCH_GUESSES ?? 40);
const stored = await hashPin('975310');
await verifyPin('000000', stored); // warm-up
const t0 = process.hrtime.bigint();
for (let i = 0; i < guesses; i++) await verifyPin(String(i).padStart(6, '0'), stored);
const perGuessMs = Number(process.hrtime.bigint() - t0) / 1e6 / guesses;

const hours = (n: number) => (n * perGuessMs) / 3_600_000;
console.log(`scrypt parameters: ${stored.split('$').slice(1, 4).join('/')} (N/r/p)`);
console.log(`per guess, one core: ${perGuessMs.toFixed(1)} ms (${guesses} guesses)`);
for (const [label, space] of [
  ['4-digit PIN', 1e4],
  ['6-digit PIN', 1e6],
] as const) {
  const h = hours(space);
  console.log(
    `${label}: whole space ${h < 1 ? `${(h * 60).toFixed(1)} min` : `${h.toFixed(1)} h`} on one core, ` +
      `${((h * 60) / availableParallelism()).toFixed(1)} min on this machine's ${availableParallelism()} cores`,
  );
}
