// Builds the desk: renderer (Vite) → dist/renderer; the HQ console (Vite) → dist/console; main, preload and desk server (esbuild) → dist/electron.
// `--if-stale` skips the build when dist is newer than every source file (used by `npm run serve`).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleInMain } from './closure.mjs';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = ['shared', 'db', 'electron', 'renderer', 'hq/console', 'hq/src/console', 'package-lock.json', 'vite.config.ts'];
const MARKER = join(root, 'dist/electron/serve.cjs');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

if (process.argv.includes('--if-stale') && existsSync(MARKER)) {
  const built = statSync(MARKER).mtimeMs;
  if (SOURCES.every((s) => newestMtime(join(root, s)) < built)) process.exit(0);
}

await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
// The HQ console (issue 21): HQ serves dist/console at `/`.
await viteBuild({ configFile: join(root, 'hq/console/vite.config.ts'), logLevel: 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
};
await esbuild({
  ...common,
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts', serve: 'electron/serve.ts' },
  outdir: join(root, 'dist/electron'),
  external: ['electron'],
  plugins: [bundleInMain],
});
console.log('built dist/renderer and dist/electron');
