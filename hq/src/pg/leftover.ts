import { existsSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL process named by a data folder's postmaster.pid, as far as this OS lets us see it. */
export interface PgHolder {
  pid: number;
  port: number | null;
  /** Its parent is gone (it was re-parented): the HQ or admin command that started it was killed. */
  orphan: boolean;
  /** The process that started it, when it is still there. */
  parent: number | null;
  /** Who owns the process (its data folder's owner as a stand-in where /proc is absent). */
  user: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readProc = (pid: number, file: string) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
};

/** The parent pid from /proc/<pid>/stat (the command name in parentheses may itself hold spaces). */
const parentOf = (pid: number) => {
  const stat = readProc(pid, 'stat');
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : null;
};

const userOf = (pid: number, dataDir: string) => {
  const status = readProc(pid, 'status');
  const uid = Number(status?.match(/^Uid:\s+(\d+)/m)?.[1] ?? statSync(dataDir).uid);
  if (uid === userInfo().uid) return userInfo().username;
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
  return (
    passwd
      .split('\n')
      .find((l) => l.split(':')[2] === String(uid))
      ?.split(':')[0] ?? `uid ${uid}`
  );
};

/**
 * The live PostgreSQL holding `dataDir`, or null when there is none (no postmaster.pid, or a stale one
 * whose process is gone: PostgreSQL itself starts over a stale file). On Linux the process is checked to
 * be a postgres serving this folder (a recycled pid is not), and it is an orphan when its parent is init
 * or no longer a node process, i.e. the HQ that started it was killed. Elsewhere a live pid is taken as
 * the holder and never called an orphan (nothing is stopped on a guess).
 */
export function pgHolder(dataDir: string): PgHolder | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  const holder = { pid, port: Number.isInteger(port) && port > 0 ? port : null, user: userOf(pid, dataDir) };
  const cmdline = readProc(pid, 'cmdline');
  if (cmdline === null) return { ...holder, parent: null, orphan: false };
  const [program = ''] = cmdline.split('\0');
  if (!program.endsWith('postgres')) return null; // the pid was recycled by another program
  const parent = parentOf(pid);
  const parentIsNode = parent !== null && parent > 1 && /node/.test(readProc(parent, 'comm') ?? '');
  return { ...holder, parent: parentIsNode ? parent : null, orphan: !parentIsNode };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What to tell the administrator, on one line, when the folder is held and HQ may not free it itself. */
export function heldMessage(dataDir: string, h: PgHolder, why: string): string {
  const what = `PostgreSQL (pid ${h.pid}, user ${h.user}${h.port ? `, port ${h.port}` : ''})`;
  return `HQ cannot start: the data folder ${dataDir} is held by ${what}, ${why}.`;
}

/**
 * Before the server starts its PostgreSQL: one a killed HQ left on the folder is stopped cleanly; one
 * that still has a live parent (a running HQ or admin command) is not touched, and HQ says what holds
 * the folder. `answers`: a PostgreSQL answered on the port postmaster.pid names.
 */
export async function freeDataFolder(dataDir: string, answers: boolean, warn?: (message: string) => void): Promise<void> {
  const holder = pgHolder(dataDir);
  if (holder?.orphan) {
    warn?.(`Stopping the PostgreSQL (pid ${holder.pid}) a killed HQ left running on ${dataDir}.`);
    return stopLeftover(dataDir, holder);
  }
  if (!holder && !answers) return;
  const h = holder ?? {
    pid: Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    port: null,
    parent: null,
    orphan: false,
    user: '?',
  };
  const owner = h.parent ? ` (pid ${h.parent})` : '';
  throw new Error(
    heldMessage(
      dataDir,
      h,
      `which is already running for another HQ or admin command${owner}: stop that one first, or if none runs, \`kill -INT ${h.pid}\``,
    ),
  );
}

/**
 * Stops a PostgreSQL an earlier, killed HQ left running: SIGINT is PostgreSQL's fast shutdown (clients
 * disconnected, open transactions rolled back, a checkpoint written), so nothing committed is lost. If it
 * has not exited in `graceMs`, SIGQUIT (immediate shutdown: crash recovery at the next start, still
 * without losing anything committed). Throws one line saying what holds the folder when it cannot.
 */
export async function stopLeftover(dataDir: string, h: PgHolder, graceMs = 30_000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(h.pid, sig);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ESRCH') return;
      throw new Error(
        heldMessage(
          dataDir,
          h,
          `left by a killed HQ, and this user may not stop it (${code}): run \`kill -INT ${h.pid}\` as ${h.user} or root, then start HQ again`,
        ),
      );
    }
  };
  const gone = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (!alive(h.pid)) return true;
    return !alive(h.pid);
  };
  signal('SIGINT');
  if (await gone(graceMs)) return;
  signal('SIGQUIT');
  if (await gone(10_000)) return;
  throw new Error(
    heldMessage(
      dataDir,
      h,
      `left by a killed HQ, and it did not stop when asked: run \`kill -KILL ${h.pid}\` as ${h.user} or root, then start HQ again`,
    ),
  );
}
