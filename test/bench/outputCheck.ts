/**
 * What parsing every output with its schema costs (issue 20): `npx tsx test/bench/outputCheck.ts`.
 * A check-in's answer and the on-site list of BENCH_ONSITE visitors (default 500), each parsed
 * BENCH_REPEAT times (default 2,000 / 50) with the router's own check; the median per call is printed.
 */
import { contract } from '../../shared/api/contract.js';
import { checkOutput } from '../../electron/api/outputCheck.js';
import { checkInInput, importSampleDirectory, openTestDesk } from '../support/desk.js';

const ONSITE = Number(process.env.BENCH_ONSITE ?? 500);

function perCall(name: keyof typeof contract, value: unknown, repeat: number): number {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < repeat; i++) checkOutput(name, contract[name].output, value);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6 / repeat);
  }
  return times.sort((a, b) => a - b)[2];
}

const desk = await openTestDesk();
await importSampleDirectory(desk);
const checkIn = await desk.ok('visits:checkIn', await checkInInput(desk));
for (let i = 1; i < ONSITE; i++)
  await desk.ok(
    'visits:checkIn',
    await checkInInput(desk, {
      visitor: {
        name: `访客${i}`,
        phone: `137${String(i).padStart(8, '0')}`,
        idType: 'passport',
        idNumber: `E${String(i).padStart(8, '0')}`,
      },
    }),
  );
const onSite = await desk.ok('visits:onSite');
const t0 = process.hrtime.bigint();
await desk.ok('visits:onSite');
const handlerMs = Number(process.hrtime.bigint() - t0) / 1e6;

console.log(
  `visits:checkIn answer: ${perCall('visits:checkIn', checkIn, Number(process.env.BENCH_REPEAT ?? 2000)).toFixed(4)} ms a parse`,
);
console.log(
  `visits:onSite, ${onSite.length} visits: ${perCall('visits:onSite', onSite, 50).toFixed(3)} ms a parse (the whole call: ${handlerMs.toFixed(1)} ms)`,
);
await desk.close();
