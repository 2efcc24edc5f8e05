import { execFileSync } from 'node:child_process';
import { forgetDataDirs } from './logScan';

/** Builds the app once (if sources changed) before any spec starts its desk server. */
export default function globalSetup() {
  // This run's desks list their data folders afresh (globalTeardown checks their logs).
  forgetDataDirs();
  execFileSync(process.execPath, ['build/build.mjs', '--if-stale'], {
    stdio: 'inherit',
    cwd: new URL('../..', import.meta.url).pathname,
  });
}
