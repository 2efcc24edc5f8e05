import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, makePrivateFile } from '../../db/privateFiles.js';
import { scrubText } from './scrub.js';

/** Values a log line may carry: ids, counts, codes, durations. Never a name, a phone, an ID number or a plate. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface LogLimits {
  /** Days a log file is kept (by the date in its name). */
  keepDays: number;
  /** A file this large is closed and the day goes on in the next part (desk-YYYY-MM-DD.1.log…). */
  maxFileBytes: number;
  /** All log files together: the oldest are removed beyond this. */
  maxTotalBytes: number;
}

export const LOG_LIMITS: LogLimits = { keepDays: 7, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024 };

export interface DeskLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  /** An error: its message and first stack lines, with digit runs and Chinese text masked (scrub.ts). */
  error(event: string, err: unknown, fields?: LogFields): void;
  /** The last error logged since start (for the health report and the diagnostics package). */
  lastError(): { at: string; event: string; message: string } | null;
  /** The folder the files are in (null for a log that writes nowhere). */
  readonly dir: string | null;
  close(): void;
}

const FILE = /^desk-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.log$/;

/** The log files in `dir`, oldest first (by day, then part). */
export function logFiles(dir: string): { name: string; day: string; part: number; bytes: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const [, day, part] = FILE.exec(name) ?? [];
      return day ? [{ name, day, part: Number(part ?? 0), bytes: statSync(join(dir, name)).size }] : [];
    })
    .sort((a, b) => (a.day === b.day ? a.part - b.part : a.day < b.day ? -1 : 1));
}

/** Removes files older than `keepDays` and then the oldest until the total fits; the file being written stays. */
export function pruneLogs(dir: string, today: string, limits: LogLimits, current?: string): void {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - (limits.keepDays - 1) * 86_400_000).toISOString().slice(0, 10);
  let files = logFiles(dir);
  for (const f of files) if (f.day < cutoff && f.name !== current) unlinkSync(join(dir, f.name));
  files = logFiles(dir);
  let total = files.reduce((n, f) => n + f.bytes, 0);
  for (const f of files) {
    if (total <= limits.maxTotalBytes) break;
    if (f.name === current) continue;
    unlinkSync(join(dir, f.name));
    total -= f.bytes;
  }
}

function errorText(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) {
    const stack = err.stack
      ?.split('\n')
      .slice(1, 6)
      .map((l) => l.trim());
    return { message: scrubText(`${err.name}: ${err.message}`), stack: stack ? scrubText(stack.join(' | ')) : undefined };
  }
  return { message: scrubText(String(err)) };
}

/**
 * The desk's log: one JSON line per event in `dir/desk-YYYY-MM-DD.log` (UTC day), written synchronously
 * (a line before a crash or `exit` is on disk), files 0600 in the private data folder. Rotated by day and
 * by size, kept `keepDays`, and capped in total (LOG_LIMITS). `echo` also writes each line to stderr.
 */
export function fileLog(
  dir: string,
  opts: { limits?: LogLimits; clock?: () => Date; echo?: boolean; base?: LogFields } = {},
): DeskLog {
  const limits = opts.limits ?? LOG_LIMITS;
  const clock = opts.clock ?? (() => new Date());
  makePrivateDir(dir);
  let fd: number | null = null;
  let name = '';
  let bytes = 0;
  let last: { at: string; event: string; message: string } | null = null;

  const open = (day: string) => {
    if (fd !== null) closeSync(fd);
    const parts = logFiles(dir).filter((f) => f.day === day);
    const latest = parts[parts.length - 1];
    let part = latest ? latest.part : 0;
    if (latest && latest.bytes >= limits.maxFileBytes) part++;
    name = `desk-${day}${part ? `.${part}` : ''}.log`;
    const file = join(dir, name);
    fd = openSync(file, 'a', 0o600);
    makePrivateFile(file);
    bytes = existsSync(file) ? statSync(file).size : 0;
    pruneLogs(dir, day, limits, name);
  };

  const write = (level: string, event: string, fields: LogFields = {}) => {
    const now = clock();
    const day = now.toISOString().slice(0, 10);
    const line = `${JSON.stringify({ t: now.toISOString(), level, event, ...opts.base, ...fields })}\n`;
    try {
      if (fd === null || !name.startsWith(`desk-${day}`) || bytes >= limits.maxFileBytes) {
        mkdirSync(dir, { recursive: true });
        open(day);
      }
      bytes += writeSync(fd!, line);
    } catch {
      // A full or read-only disk must not stop the desk: the line goes to stderr only.
      if (!opts.echo) process.stderr.write(line);
    }
    if (opts.echo) process.stderr.write(line);
  };

  return {
    dir,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error(event, err, fields) {
      const e = errorText(err);
      last = { at: clock().toISOString(), event, message: e.message };
      write('error', event, { ...fields, message: e.message, stack: e.stack });
    },
    lastError: () => last,
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
