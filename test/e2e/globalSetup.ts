import { execFileSync } from 'node:child_process';

/** Builds the app once (if sources changed) before any spec starts its desk server. */
export default function globalSetup() {
  execFileSync(process.execPath, ['build/build.mjs', '--if-stale'], {
    stdio: 'inherit',
    cwd: new URL('../..', import.meta.url).pathname,
  });
}
