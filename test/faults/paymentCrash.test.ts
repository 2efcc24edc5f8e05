import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, ADMIN, importSampleDirectory } from '../support/desk.js';

const WORKER = fileURLToPath(new URL('./paymentWorker.ts', import.meta.url));
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

interface Ack {
  receiptId: string;
  receiptNo: string;
  totalFen: number;
}

/** Runs the worker until it has acknowledged `killAfter` payments, then kills it with SIGKILL. */
function burstAndKill(
  dataDir: string,
  unitId: string,
  killAfter: number,
): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, unitId, ADMIN.staffNo, ADMIN.pin], {
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
      const [word, receiptId, receiptNo, totalFen] = line.split(' ');
      if (word !== 'ack') return;
      acks.push({ receiptId, receiptNo, totalFen: Number(totalFen) });
      // Mid-burst: the worker is already inside its next payment transaction when this lands.
      if (acks.length === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acks, signal, stderr });
    });
    child.on('error', reject);
  });
}

describe('a desk killed mid-burst of payments', () => {
  let dataDir: string;
  let unitId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-paycrash-'));
    const desk = await openTestDesk({ dataDir });
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
        const { acks, signal, stderr } = await burstAndKill(dataDir, unitId, killAfter);
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
