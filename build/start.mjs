// `npm start`: the Electron desk when its binary is here (or can be fetched); otherwise, in one
// clear line, the desk server in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const build = spawnSync(process.execPath, ['build/build.mjs', '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let bin = electronBinary();
if (!bin) {
  // Electron 45 fetches its binary on first use; give it one short try (a desk PC has internet).
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  bin = electronBinary();
}

if (bin) {
  const child = spawn(bin, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'LobbyDesk: no Electron binary on this machine and none could be downloaded — starting the desk server instead (run `npm run install-electron` with internet to get the app window).',
  );
  const child = spawn(process.execPath, ['dist/electron/serve.cjs'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
