/**
 * Crash-test child for payments: signs in and takes payments back to back, each an advance of a
 * few yuan in cash on one unit (so it never runs out of months to pay). Each line
 * `ack <receiptId> <receiptNo> <totalFen>` is written only after the router answered ok — what the
 * cashier would have seen on screen.
 *
 * Usage: node --import tsx test/faults/paymentWorker.ts <dataDir> <unitId> <staffNo> <pin>
 */
import { v4 as uuidv4 } from 'uuid';
import { createBackend } from '../../electron/backend.js';
import { browserPrintBackend } from '../../electron/print/headlessPdf.js';

const [dataDir, unitId, staffNo, pin] = process.argv.slice(2);
const backend = await createBackend({ dataDir, printer: browserPrintBackend(), timers: false });
const session = 'crash-worker';
const signIn = await backend.router('auth:signIn', { staffNo, pin }, session);
if (!signIn.ok) {
  process.stderr.write(`sign-in failed: ${JSON.stringify(signIn.error)}\n`);
  process.exit(2);
}
process.stdout.write('ready\n');

for (let i = 1; ; i++) {
  const yuan = String(1 + (i % 9));
  const r = await backend.router(
    'fees:pay',
    { requestId: uuidv4(), unitId, payer: '压力测试', chargeIds: [], advance: yuan, methods: [{ method: 'cash', amount: yuan }] },
    session,
  );
  if (!r.ok) {
    process.stderr.write(`payment failed: ${JSON.stringify(r.error)}\n`);
    process.exit(3);
  }
  const { receipt } = r.value as { receipt: { id: string; receiptNo: string; totalFen: number } };
  process.stdout.write(`ack ${receipt.id} ${receipt.receiptNo} ${receipt.totalFen}\n`);
}
