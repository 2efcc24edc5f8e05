/**
 * Fee benchmarks, on a desk of their own (a fresh temp folder, the same TestClock date):
 * - payment_p99_ms: fees:pay through the router (zod parse, lines checked unpaid, PaymentReceived +
 *   PrintJobQueued events, the gapless receipt counter, commit with synchronous=FULL, read-back),
 *   one month of a unit's property fee in cash with change, on a desk that already holds a year of receipts;
 * - unit_lookup_ms: median of fees:account for a unit with ten years of monthly charges (4 items) of
 *   which all but the last 10 months are paid;
 * - daily_report_ms: median of fees:daily for a day of a desk that issued BENCH_FEE_RECEIPTS_PER_DAY
 *   receipts a day for BENCH_FEE_DAYS days (inserted with prepared statements, like past visits);
 * - receipt_render_ms: median of the receipt template (data → complete HTML with the QR as SVG).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { formatReceiptNo } from '../../shared/domain/numbering.js';
import { receiptVerifyRef, renderReceipt } from '../../shared/print/receipt.js';
import { receiptDetail } from '../../electron/api/handlers/feeView.js';
import { newRequestId, openTestDesk, TestClock } from '../support/desk.js';
import { againstSameRows, type AgainstSameRows } from './sameRows.js';
import { summarize, timeAsync, type Summary } from './stats.js';

export interface FeeBenchOptions {
  receiptsPerDay: number;
  days: number;
  payments: number;
  lookups: number;
  reports: number;
  renders: number;
}

export interface FeeBenchResult {
  payment: Summary;
  /** Payments against the same rows by hand (payment_vs_same_rows). */
  sameRows: AgainstSameRows;
  lookup: Summary;
  daily: Summary;
  render: Summary;
  rows: Record<string, number>;
}

const csv = (rows: string[]) => Buffer.from(rows.join('\n'), 'utf8').toString('base64');

export async function measureFees(o: FeeBenchOptions, log: (s: string) => void = () => {}): Promise<FeeBenchResult> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'lobbydesk-bench-fees-'));
  const clock = new TestClock();
  const desk = await openTestDesk({ dataDir, clock });
  try {
    const units = Math.max(50, Math.ceil((o.payments + 50) / 10) + 1);
    const dir = ['单元,楼栋,面积,姓名,电话,身份,公司', 'L-0001,L栋,95,老业主,13800000000,业主,'];
    for (let i = 0; i < units; i++) dir.push(`B-${String(i).padStart(5, '0')},B栋,${60 + (i % 80)},业主${i},,业主,`);
    await desk.ok('directory:import', { fileName: 'd.csv', contentBase64: csv(dir) });
    // Ten years of monthly charges on one unit, four items a month.
    const months = Array.from({ length: 120 }, (_, i) => dayjs('2016-12-01').add(i, 'month').format('YYYY-MM'));
    const long = ['单元,收费项目,月份,金额'];
    for (const m of months)
      long.push(`L-0001,物业管理费,${m},`, `L-0001,水费,${m},35.5`, `L-0001,电费,${m},120.3`, `L-0001,车位费,${m},300`);
    // Payments to measure: ten months of the property fee on each of the other units.
    for (let i = 0; i < units; i++)
      for (const m of months.slice(-10)) long.push(`B-${String(i).padStart(5, '0')},物业管理费,${m},`);
    await desk.ok('fees:importCharges', { fileName: 'c.csv', contentBase64: csv(long) });
    const [lookupUnit] = await desk.ok('directory:search', { q: 'L-0001' });
    const account = await desk.ok('fees:account', { unitId: lookupUnit.unitId });
    // Pay all but the last ten months of the long unit, a year at a time.
    const toPay = account.charges.filter((c) => c.period < months[110]);
    for (let i = 0; i < toPay.length; i += 48) {
      const chunk = toPay.slice(i, i + 48);
      const total = chunk.reduce((n, c) => n + c.amountFen, 0);
      await desk.ok('fees:pay', {
        requestId: newRequestId(),
        unitId: lookupUnit.unitId,
        payer: '老业主',
        chargeIds: chunk.map((c) => c.chargeId),
        methods: [{ method: 'transfer', amount: (total / 100).toFixed(2), reference: `T${i}` }],
      });
    }
    log(`fees: ${units} units, ${long.length - 1} charges; lookup unit has ${account.charges.length} charges`);

    // A year of this desk's receipts, 500 a day, straight into the file.
    const raw = desk.backend.database.raw;
    const site = raw.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string };
    const actor = (raw.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const insR = raw.prepare(
      `INSERT INTO fee_receipts (id, request_id, receipt_no, device_id, year, seq, shift_id, unit_id, unit_code, payer, lines_fen,
        advance_fen, total_fen, tendered_fen, change_fen, issued_at, actor, voided_at, void_event, voided_by, void_approver, void_reason)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, '业主', ?, 0, ?, ?, 0, ?, ?, ?, NULL, NULL, NULL, NULL)`,
    );
    const insL = raw.prepare(
      'INSERT INTO fee_receipt_lines (receipt_id, charge_id, item, period, amount_fen) VALUES (?, ?, ?, ?, ?)',
    );
    const insP = raw.prepare(
      "INSERT INTO fee_receipt_payments (receipt_id, idx, method, amount_fen, reference) VALUES (?, 0, ?, ?, '')",
    );
    const methods = ['cash', 'wechat', 'alipay', 'card', 'transfer'];
    const items = ['property', 'water', 'electricity', 'parking'];
    const today = dayjs(clock.ms).startOf('day');
    const t = performance.now();
    let n = 0;
    raw.transaction(() => {
      for (let d = o.days; d >= 1; d--) {
        const day = today.subtract(d, 'day');
        for (let k = 0; k < o.receiptsPerDay; k++) {
          const id = randomUUID();
          const at = day.add(8 * 60 + Math.floor((k * 12 * 60) / o.receiptsPerDay), 'minute').toISOString();
          const fen = 10_000 + ((k * 7919) % 90_000);
          n++;
          // Old-year numbers go under a year the live counter never reaches, so they never collide.
          insR.run(
            id,
            id,
            formatReceiptNo('HY', 'A1', 2000 + Math.floor(n / 999_999), 1 + (n % 999_999)),
            site.value,
            1990,
            n,
            `hist-${k}`,
            `H-${k}`,
            fen,
            fen,
            fen,
            at,
            actor,
            k % 97 === 0 ? at : null,
          );
          insL.run(id, randomUUID(), items[k % 4], day.format('YYYY-MM'), fen);
          insP.run(id, methods[k % 5], fen);
        }
      }
    })();
    log(`fees: ${n} past receipts inserted (${Math.round(performance.now() - t)} ms)`);

    const lookup: number[] = [];
    for (let i = 0; i < o.lookups + 20; i++) {
      const ms = await timeAsync(() => desk.ok('fees:account', { unitId: lookupUnit.unitId }));
      if (i >= 20) lookup.push(ms);
    }
    const daily: number[] = [];
    for (let i = 0; i < o.reports + 5; i++) {
      const date = today.subtract(1 + (i % Math.max(1, o.days)), 'day').format('YYYY-MM-DD');
      const ms = await timeAsync(() => desk.ok('fees:daily', { date }));
      if (i >= 5) daily.push(ms);
    }
    const payable = await Promise.all(
      Array.from({ length: units }, (_, i) =>
        desk.ok('directory:search', { q: `B-${String(i).padStart(5, '0')}` }).then((r) => r[0].unitId),
      ),
    );
    // Payments through the router against the same rows by hand on a copy of this desk (sameRows.ts).
    let paid = 0;
    const sameRows = await againstSameRows({
      raw,
      dbFile: join(dataDir, 'lobbydesk.sqlite'),
      copyFile: join(dataDir, 'same-rows.sqlite'),
      warmup: 50,
      measured: o.payments,
      block: 50,
      write: async () => {
        const unitId = payable[paid++ % units];
        const acc = await desk.ok('fees:account', { unitId });
        const due = acc.charges.find((c) => !c.paidReceiptNo)!;
        const input = {
          requestId: newRequestId(),
          unitId,
          payer: '业主',
          chargeIds: [due.chargeId],
          methods: [{ method: 'cash' as const, amount: (due.amountFen / 100).toFixed(2) }],
          tendered: String(Math.ceil(due.amountFen / 10_000) * 100),
        };
        clock.ms += 1000;
        return timeAsync(() => desk.ok('fees:pay', input));
      },
    });
    const payment = sameRows.real;
    const lastReceipt = (
      raw.prepare('SELECT id FROM fee_receipts WHERE year > 2000 ORDER BY seq DESC LIMIT 1').get() as { id: string }
    ).id;
    const detail = (await receiptDetail(desk.backend.database.db, lastReceipt))!;
    const data = {
      siteName: '华远大厦',
      deviceCode: 'A1',
      ...detail,
      verifyRef: receiptVerifyRef(detail.receiptNo, detail.totalFen, detail.id),
      copyNo: 0,
      voided: null,
    };
    const render: number[] = [];
    for (let i = 0; i < o.renders + 20; i++) {
      const ms = await timeAsync(() => renderReceipt(data, 'roll80', 'zh-Hans'));
      if (i >= 20) render.push(ms);
    }
    return {
      payment,
      sameRows,
      lookup: summarize(lookup),
      daily: summarize(daily),
      render: summarize(render),
      rows: { fee_receipts: n + paid, fee_lookup_charges: account.charges.length, fee_units: units },
    };
  } finally {
    await desk.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// On its own: `BENCH_PAYMENTS=200 BENCH_FEE_DAYS=30 npx tsx test/bench/fees.ts`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = (k: string, d: number) => Number((process.env[k] ?? String(d)).replace(/_/g, ''));
  const r = await measureFees(
    {
      receiptsPerDay: env('BENCH_FEE_RECEIPTS_PER_DAY', 500),
      days: env('BENCH_FEE_DAYS', 365),
      payments: env('BENCH_PAYMENTS', 1000),
      lookups: 100,
      reports: 20,
      renders: 100,
    },
    (m) => process.stderr.write(`[bench] ${m}\n`),
  );
  process.stdout.write(`${JSON.stringify({ payment: r.payment, sameRows: r.sameRows }, null, 2)}\n`);
}
