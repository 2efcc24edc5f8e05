import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface HqProcess {
  child: ChildProcess;
  url: string;
  /** Resolves when HQ says it is listening; rejects with its output when it exits first. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output: () => string;
}

/**
 * HQ as the administrator runs it, in a child process: `npm run hq` (`viaNpm`) or the command that
 * script runs, plain HTTP on loopback, the embedded PostgreSQL in `dataDir`.
 */
export function spawnHq(opts: { dataDir: string; port: number; pgPort: number; viaNpm?: boolean }): HqProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HQ_DATA_DIR: opts.dataDir,
    HQ_PORT: String(opts.port),
    HQ_PG_PORT: String(opts.pgPort),
    HQ_TLS: 'off',
    HQ_HOST: '127.0.0.1',
  };
  // Not inherited from the test runner's own npm: only `npm run hq` itself sets it.
  delete env.npm_lifecycle_event;
  const child = opts.viaNpm
    ? spawn('npm', ['run', '--silent', 'hq'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['--import', 'tsx', 'hq/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('"HQ listening"')) resolve();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    void exited.then((code) => reject(new Error(`HQ exited (${code}) before listening:\n${out}`)));
  });
  ready.catch(() => {});
  return { child, url: `http://127.0.0.1:${opts.port}`, ready, exited, output: () => out };
}

/** Pids of PostgreSQL server processes (postmaster and its workers' parent) serving `dataDir`. */
export function postgresOn(dataDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const d = argv.indexOf('-D');
    if (argv[0].endsWith('postgres') && d >= 0 && argv[d + 1] === dataDir) pids.push(Number(name));
  }
  return pids;
}

/** Children of `pid` (Linux), to find the server under `npm run hq`. */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
