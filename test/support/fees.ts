import type { ProcInput } from '../../shared/api/contract.js';
import { importSampleDirectory, newRequestId, type TestDesk } from './desk.js';

/**
 * Charges for the sample directory, in the documented import format. 1-2-301 (89.5 m²) owes the
 * property fee (by area, ¥223.75) for Aug–Nov 2026 and parking for October; 2-1-1202 (120 m²,
 * vacant in custody: 70%) owes September's property fee (¥210.00).
 */
export const SAMPLE_CHARGES_CSV = [
  '单元,收费项目,月份,金额,空置,备注',
  '1-2-301,物业管理费,2026-08,,,',
  '1-2-301,物业管理费,2026-09,,,',
  '1-2-301,物业管理费,2026-10,,,',
  '1-2-301,物业管理费,2026-11,,,',
  '1-2-301,车位费,2026-10,300,,B2-018',
  '2-1-1202,物业管理费,2026-09,,是,空置托管',
].join('\n');

export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export async function importSampleCharges(desk: TestDesk) {
  return desk.ok('fees:importCharges', { fileName: 'charges.csv', contentBase64: b64(SAMPLE_CHARGES_CSV) });
}

/** The sample directory and charges; returns 1-2-301's unit id and its account. */
export async function feeDesk(desk: TestDesk) {
  await importSampleDirectory(desk);
  await importSampleCharges(desk);
  const [host] = await desk.ok('directory:search', { q: '张三' });
  return { unitId: host.unitId, account: await desk.ok('fees:account', { unitId: host.unitId }) };
}

/** Paying the given months of 1-2-301's property fee in cash, tendering `tendered`. */
export async function cashPayment(
  desk: TestDesk,
  unitId: string,
  periods: string[],
  overrides: Partial<ProcInput<'fees:pay'>> = {},
  session = 'admin',
): Promise<ProcInput<'fees:pay'>> {
  const account = await desk.ok('fees:account', { unitId }, session);
  const lines = account.charges.filter((c) => c.item === 'property' && periods.includes(c.period));
  const total = lines.reduce((n, c) => n + c.amountFen, 0);
  return {
    requestId: newRequestId(),
    unitId,
    payer: '张三',
    chargeIds: lines.map((c) => c.chargeId),
    methods: [{ method: 'cash', amount: (total / 100).toFixed(2) }],
    tendered: '',
    ...overrides,
  };
}
