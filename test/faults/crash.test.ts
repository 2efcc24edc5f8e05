import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, ADMIN, importSampleDirectory } from '../support/desk.js';

const WORKER = fileURLToPath(new URL('./checkinWorker.ts', import.meta.url));
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

interface Ack {
  visitId: string;
  passNo: string;
}

/** Runs the worker until it has acknowledged `killAfter` check-ins, then kills it with SIGKILL. */
function burstAndKill(
  dataDir: string,
  hostId: string,
  killAfter: number,
): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, hostId, ADMIN.staffNo, ADMIN.pin], {
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
      const [word, visitId, passNo] = line.split(' ');
      if (word !== 'ack') return;
      acks.push({ visitId, passNo });
      // Mid-burst: the worker is already inside its next check-in when this lands.
      if (acks.length === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acks, signal, stderr });
    });
    child.on('error', reject);
  });
}

describe('a desk killed mid-burst of check-ins', () => {
  let dataDir: string;
  let hostId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-crash-'));
    const desk = await openTestDesk({ dataDir });
    await importSampleDirectory(desk);
    [{ occupantId: hostId }] = await desk.ok('directory:search', { q: '张三' });
    await desk.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    `keeps every acknowledged check-in and a gapless event sequence (${ROUNDS} rounds)`,
    async () => {
      const acknowledged: Ack[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const killAfter = 10 + ((round * 17) % 30);
        const { acks, signal, stderr } = await burstAndKill(dataDir, hostId, killAfter);
        expect(signal, stderr).toBe('SIGKILL');
        expect(acks.length).toBeGreaterThanOrEqual(killAfter);
        acknowledged.push(...acks);

        const desk = await openTestDesk({ dataDir, setUp: false });
        try {
          const raw = desk.backend.database.raw;
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');

          // Every check-in the desk acknowledged is there, under the pass number it was given.
          const stored = new Map(
            (raw.prepare('SELECT id, pass_no FROM visits').all() as { id: string; pass_no: string }[]).map((r) => [
              r.id,
              r.pass_no,
            ]),
          );
          const missing = acknowledged.filter((a) => stored.get(a.visitId) !== a.passNo);
          expect(missing).toEqual([]);
          // At most the one check-in in flight at the kill committed without being acknowledged.
          expect(stored.size - acknowledged.length).toBeGreaterThanOrEqual(0);
          expect(stored.size - acknowledged.length).toBeLessThanOrEqual(round + 1);

          // The event sequence of this desk is exactly 1..max, and its clock only moves forward.
          const log = raw.prepare('SELECT device_seq, hlc FROM events ORDER BY device_seq').all() as {
            device_seq: number;
            hlc: string;
          }[];
          expect(log.map((r) => r.device_seq)).toEqual(log.map((_, i) => i + 1));
          expect(log.every((r, i) => i === 0 || r.hlc > log[i - 1].hlc)).toBe(true);

          // A visit exists exactly for each check-in event, and each has its pass print job.
          const checkIns = raw.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'VisitorCheckedIn'").get() as { n: number };
          expect(checkIns.n).toBe(stored.size);
          expect(desk.count('print_jobs')).toBe(stored.size);

          // Pass numbers per day run 1..n without a gap or a repeat.
          const byDay = new Map<string, number[]>();
          for (const passNo of stored.values()) {
            const [, , day, n] = passNo.split('-');
            byDay.set(day, [...(byDay.get(day) ?? []), Number(n)]);
          }
          for (const ns of byDay.values()) expect(ns.sort((a, b) => a - b)).toEqual(ns.map((_, i) => i + 1));
        } finally {
          await desk.close();
        }
      }
    },
    Math.max(60_000, ROUNDS * 10_000),
  );
});
