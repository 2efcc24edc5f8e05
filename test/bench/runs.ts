/**
 * Runs and spread: `npm run bench` measures every figure BENCH_RUNS times (default 3), each run a fresh
 * process on a fixture built again from the same seed (a run never measures a desk an earlier run wrote
 * to), and reports the median with the min–max. Targets are judged on the median.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { median, round } from './stats.js';

interface TargetSpec {
  value: number;
  target: number;
  comparison: '<' | '<=' | '>=';
  unit: string;
  met: boolean;
}

/** What one run (run.ts with BENCH_RUN_CHILD) writes: figures at the top level, their targets, and the rest. */
export type RunReport = Record<string, unknown> & { targets: Record<string, TargetSpec> };

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The medians at the top level (as one run reports them), with the spread and each run's report. */
export type Aggregate = Record<string, unknown> & {
  targets: Record<string, TargetSpec>;
  all_targets_met: boolean;
  spread: Record<string, Spread>;
  runs: number;
  per_run: RunReport[];
};

/** One run in its own process; its table goes to stderr, so stdout stays the JSON's alone. */
function oneRun(script: string, file: string, run: number): Promise<RunReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, '--json', file], {
      env: { ...process.env, BENCH_RUN_CHILD: String(run) },
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench run ${run} failed (exit ${code})`));
      resolve(JSON.parse(readFileSync(file, 'utf8')) as RunReport);
    });
  });
}

const met = (t: TargetSpec, value: number) =>
  t.comparison === '<' ? value < t.target : t.comparison === '<=' ? value <= t.target : value >= t.target;

/** Every numeric top-level key of the runs, as median and min–max; targets judged on the median. */
export function aggregate(reports: RunReport[]): Aggregate {
  const keys = Object.keys(reports[0]).filter((k) => typeof reports[0][k] === 'number');
  const spread: Record<string, Spread> = {};
  for (const k of keys) {
    const xs = reports.map((r) => r[k] as number).filter((x) => Number.isFinite(x));
    spread[k] = { median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), runs: xs };
  }
  const targets = Object.fromEntries(
    Object.entries(reports[0].targets).map(([k, t]) => {
      const value = spread[k]?.median ?? t.value;
      return [k, { ...t, value, met: met(t, value) }];
    }),
  );
  const medians = Object.fromEntries(keys.map((k) => [k, spread[k].median]));
  return {
    ...medians,
    targets,
    all_targets_met: Object.values(targets).every((t) => t.met),
    spread,
    runs: reports.length,
    per_run: reports,
  };
}

export async function benchRuns(script: string, runs: number, log: (m: string) => void): Promise<Aggregate> {
  const dir = mkdtempSync(join(os.tmpdir(), 'lobbydesk-bench-runs-'));
  try {
    const reports: RunReport[] = [];
    for (let i = 1; i <= runs; i++) {
      log(`run ${i} of ${runs}`);
      reports.push(await oneRun(script, join(dir, `run${i}.json`), i));
    }
    return aggregate(reports);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table of medians with their min–max and targets. */
export function spreadTable(agg: Aggregate, keys: string[]): string {
  const lines = keys
    .filter((k) => agg.spread[k])
    .map((k) => {
      const s = agg.spread[k];
      const t = agg.targets[k];
      return [
        k,
        String(s.median),
        `${s.min}–${s.max}`,
        t ? `${t.comparison} ${t.target}${t.unit === 'x' ? 'x' : ` ${t.unit}`}` : '',
        t ? (t.met ? 'yes' : 'NO') : '',
      ];
    });
  const head = ['key', 'median', `min–max (${agg.runs} runs)`, 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [row(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n') + '\n';
}
