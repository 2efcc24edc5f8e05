import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ADMIN } from '../support/desk.js';

/**
 * Runs a crash worker (`<worker> <dataDir> <arg> <staffNo> <pin>`, printing `ack …` per acknowledged
 * write) until it has acknowledged `killAfter` writes, then kills it with SIGKILL. Mid-burst: the worker
 * is already inside its next transaction when the kill lands.
 */
export function burstAndKill<Ack>(
  worker: string,
  dataDir: string,
  arg: string,
  killAfter: number,
  parseAck: (fields: string[]) => Ack,
): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dataDir, arg, ADMIN.staffNo, ADMIN.pin], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker did not reach ${killAfter} acknowledgements in time; got ${acks.length}; stderr: ${stderr}`));
    }, 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, ...fields] = line.split(' ');
      if (word !== 'ack') return;
      acks.push(parseAck(fields));
      if (acks.length === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acks, signal, stderr });
    });
    child.on('error', reject);
  });
}
