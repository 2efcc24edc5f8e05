import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchRuns, spreadTable } from '../bench/runs.js';

const dir = mkdtempSync(join(os.tmpdir(), 'bench-runs-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for run.ts: each run reports a different check-in p99 (run 1: 12, run 2: 6, run 3: 8). */
const script = join(dir, 'fakeRun.mjs');
writeFileSync(
  script,
  `import { writeFileSync } from 'node:fs';
const run = Number(process.env.BENCH_RUN_CHILD);
const p99 = [12, 6, 8][run - 1];
const file = process.argv[process.argv.indexOf('--json') + 1];
writeFileSync(file, JSON.stringify({ checkin_p99_ms: p99, board_ms: 5, note: 'x',
  targets: { checkin_p99_ms: { value: p99, target: 10, comparison: '<', unit: 'ms', met: p99 < 10 } } }));
`,
);

describe('bench runs and spread', () => {
  it('runs each figure BENCH_RUNS times in its own process and judges the target on the median', async () => {
    const agg = await benchRuns(script, 3, () => {});
    expect(agg.runs).toBe(3);
    expect(agg.spread.checkin_p99_ms).toEqual({ median: 8, min: 6, max: 12, runs: [12, 6, 8] });
    // Run 1 alone missed the target; the median of three meets it.
    expect(agg.checkin_p99_ms).toBe(8);
    expect(agg.targets.checkin_p99_ms.met).toBe(true);
    expect(agg.all_targets_met).toBe(true);
    expect(agg.board_ms).toBe(5);
    expect(spreadTable(agg, ['checkin_p99_ms', 'board_ms'])).toMatch(/checkin_p99_ms\s+8\s+6–12\s+< 10 ms\s+yes/);
  });

  it('a failed run fails the bench', async () => {
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'process.exit(3);\n');
    await expect(benchRuns(broken, 2, () => {})).rejects.toThrow('bench run 1 failed (exit 3)');
  });
});
