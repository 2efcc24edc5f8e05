// Starts the built desk server on a fresh, empty data folder (first-run setup is part of the test).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['build/build.mjs', '--if-stale'], { stdio: 'inherit' });
const dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-e2e-'));
const child = spawn(process.execPath, ['dist/electron/serve.cjs'], {
  stdio: 'inherit',
  env: { ...process.env, LOBBYDESK_DATA_DIR: dataDir },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
