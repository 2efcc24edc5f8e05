import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, TestClock, openTestDesk, importSampleDirectory } from '../support/desk.js';
import { burstAndKill } from './burstAndKill.js';

const WORKER = fileURLToPath(new URL('./paymentWorker.ts', import.meta.url));
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

interface Ack {
  receiptId: string;
  receiptNo: string;
  totalFen: number;
}

describe('a desk killed mid-burst of payments', () => {
  let dataDir: string;
  let unitId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-paycrash-'));
    // The worker runs on the real clock: the shift it works in is opened now, so it has not lapsed.
    const desk = await openTestDesk({ dataDir, clock: new TestClock(Date.now()) });
    await importSampleDirectory(desk);
    [{ unitId }] = await desk.ok('directory:search', { q: '张三' });
    await desk.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    `keeps every acknowledged receipt; receipts, lines, print jobs and the counter are all there or none (${ROUNDS} rounds)`,
    async () => {
      const acknowledged: Ack[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const killAfter = 10 + ((round * 13) % 25);
        const { acks, signal, stderr } = await burstAndKill(
          WORKER,
          dataDir,
          unitId,
          killAfter,
          ([receiptId, receiptNo, totalFen]): Ack => ({ receiptId, receiptNo, totalFen: Number(totalFen) }),
        );
        expect(signal, stderr).toBe('SIGKILL');
        acknowledged.push(...acks);

        const desk = await openTestDesk({ dataDir, setUp: false });
        try {
          const raw = desk.backend.database.raw;
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
          const receipts = raw.prepare('SELECT id, receipt_no, seq, total_fen FROM fee_receipts ORDER BY seq').all() as {
            id: string;
            receipt_no: string;
            seq: number;
            total_fen: number;
          }[];
          const stored = new Map(receipts.map((r) => [r.id, r]));
          // Every receipt the cashier saw is there with its number and amount.
          expect(
            acknowledged.filter(
              (a) => stored.get(a.receiptId)?.receipt_no !== a.receiptNo || stored.get(a.receiptId)?.total_fen !== a.totalFen,
            ),
          ).toEqual([]);
          // At most the payment in flight at each kill committed unacknowledged.
          expect(receipts.length - acknowledged.length).toBeGreaterThanOrEqual(0);
          expect(receipts.length - acknowledged.length).toBeLessThanOrEqual(round + 1);
          // Numbers 1..n with no gap and no repeat; the counter stands exactly at n (never reused after restart).
          expect(receipts.map((r) => r.seq)).toEqual(receipts.map((_, i) => i + 1));
          const counter = raw.prepare("SELECT value FROM counters WHERE name = 'receipt'").get() as { value: number };
          expect(counter.value).toBe(receipts.length);
          // Each receipt has its payment event, its method line and its print job: the transaction was whole.
          const events = raw.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'PaymentReceived'").get() as { n: number };
          expect(events.n).toBe(receipts.length);
          const payments = raw.prepare('SELECT COUNT(*) AS n FROM fee_receipt_payments').get() as { n: number };
          expect(payments.n).toBe(receipts.length);
          const jobs = raw.prepare("SELECT COUNT(*) AS n FROM print_jobs WHERE doc_type = 'receipt'").get() as { n: number };
          expect(jobs.n).toBe(receipts.length);
          // The account agrees: every receipt is an advance, so the credit is their sum.
          await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
          const account = await desk.ok('fees:account', { unitId });
          expect(account.balanceFen).toBe(-receipts.reduce((n, r) => n + r.total_fen, 0));
        } finally {
          await desk.close();
        }
      }
    },
    Math.max(60_000, ROUNDS * 10_000),
  );
});
