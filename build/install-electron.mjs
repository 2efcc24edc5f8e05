// `npm run install-electron`: fetches Electron 45's binary (needs internet; run once on a desk PC).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error('Could not download Electron (no internet?). `npm start` will run the desk server in the browser instead.');
  process.exit(r.status ?? 1);
}
// The SQLite module must match Electron's ABI to load in the app (`npm rebuild better-sqlite3` undoes it for Node).
const rebuild = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-builder', 'install-app-deps'], {
  stdio: 'inherit',
});
process.exit(rebuild.status ?? 1);
