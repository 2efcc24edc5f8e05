import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, openTestDesk, importSampleDirectory } from '../support/desk.js';
import { burstAndKill } from './burstAndKill.js';

const WORKER = fileURLToPath(new URL('./checkinWorker.ts', import.meta.url));
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

interface Ack {
  visitId: string;
  passNo: string;
}

describe('a desk killed mid-burst of check-ins', () => {
  let dataDir: string;
  let hostId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-crash-'));
    // The worker runs on the real clock: the shift it works in is opened now, so it has not lapsed.
    const desk = await openTestDesk({ dataDir, clock: new TestClock(Date.now()) });
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
        const { acks, signal, stderr } = await burstAndKill(WORKER, dataDir, hostId, killAfter, ([visitId, passNo]): Ack => ({
          visitId,
          passNo,
        }));
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
