/**
 * Crash-test child: opens the desk backend on a data folder the parent set up, signs in and checks
 * visitors in back to back. Each line `ack <visitId> <passNo>` is written only after the router
 * answered ok — that line is the acknowledgement the person at the desk would have seen.
 *
 * Usage: node --import tsx test/faults/checkinWorker.ts <dataDir> <hostOccupantId> <staffNo> <pin>
 */
import { v4 as uuidv4 } from 'uuid';
import { createBackend } from '../../electron/backend.js';
import { browserPrintBackend } from '../../electron/print/headlessPdf.js';

const [dataDir, hostOccupantId, staffNo, pin] = process.argv.slice(2);
const backend = await createBackend({ dataDir, printer: browserPrintBackend(), timers: false });
const session = 'crash-worker';
const signIn = await backend.router('auth:signIn', { staffNo, pin }, session);
if (!signIn.ok) {
  process.stderr.write(`sign-in failed: ${JSON.stringify(signIn.error)}\n`);
  process.exit(2);
}
process.stdout.write('ready\n');

for (let i = 1; ; i++) {
  const r = await backend.router(
    'visits:checkIn',
    {
      requestId: uuidv4(),
      visitor: {
        name: `访客${process.pid}-${i}`,
        phone: '13700137000',
        idType: 'passport',
        idNumber: `E${String(i).padStart(8, '0')}`,
      },
      partySize: 1,
      hostOccupantId,
      purpose: '压力测试',
      plate: '',
      expectedMinutes: 60,
    },
    session,
  );
  if (!r.ok) {
    process.stderr.write(`check-in failed: ${JSON.stringify(r.error)}\n`);
    process.exit(3);
  }
  const { visit } = r.value as { visit: { id: string; passNo: string } };
  process.stdout.write(`ack ${visit.id} ${visit.passNo}\n`);
}
