// `npm test`: typecheck, lint, format check, build, then unit + integration + fault suites (Vitest)
// and end-to-end (Playwright, Debian's Chromium). Ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const started = Date.now();
const failedSteps = [];

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Node product code (desk main process, HQ, shared, build) without the DOM's types: it cannot lean
// on a browser. With noUncheckedIndexedAccess, as the renderer's program.
step('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
// The Node tests (unit, integration, faults): as above, without noUncheckedIndexedAccess.
step('typecheck tests', npx, ['tsc', '-p', 'tsconfig.test.json', '--noEmit']);
// The Playwright specs: Node's types and the DOM's, for what they run inside the page.
step('typecheck e2e', npx, ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']);
// The renderer and shared/ alone, with the DOM and without Node's types: screen code cannot lean on Node.
step('typecheck renderer', npx, ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
step('lint', npx, ['eslint', '.', '--max-warnings=0']);
step('format', npx, ['prettier', '--check', '.']);
step('build', process.execPath, ['build/build.mjs']);
step('unit + integration + faults', npx, [
  'vitest',
  'run',
  '--project',
  'unit',
  '--project',
  'integration',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
step('end to end', npx, ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(`${results}/vitest.json`)) {
  const v = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync(`${results}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${results}/e2e.json`, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
// A step that failed without failing a test (typecheck, lint, a crashed runner) still fails the run.
failed += failedSteps.filter((s) => !['unit + integration + faults', 'end to end'].includes(s)).length;
console.log(`\nsteps failed: ${failedSteps.join(', ') || 'none'} · ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed ? 1 : 0);
