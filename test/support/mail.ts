import type { ProcInput } from '../../shared/api/contract.js';
import { newRequestId, type TestDesk } from './desk.js';
import { occupant } from './releasePass.js';

/** A 1×1 PNG: the smallest picture the desk accepts as a photo or signature. */
export const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** One scanned registered letter for 张三 (1-2-301), intact, on shelf A-3. */
export async function mailInput(
  desk: TestDesk,
  overrides: Partial<ProcInput<'mail:receive'>> = {},
  recipient = '张三',
): Promise<ProcInput<'mail:receive'>> {
  const to = await occupant(desk, recipient);
  return {
    itemId: newRequestId(),
    batchId: overrides.batchId ?? newRequestId(),
    carrier: '中国邮政',
    trackingNo: `XA${Math.floor(Math.random() * 1e9)}CN`,
    kind: 'registered_letter',
    occupantId: to.occupantId,
    location: 'A-3',
    ...overrides,
  };
}

export const damage = (overrides: Partial<NonNullable<ProcInput<'mail:receive'>['damage']>> = {}) => ({
  what: '外包装一角',
  how: ['torn' as const, 'wet' as const],
  description: '右下角撕开约 3 cm，内件未见外露',
  ...overrides,
});

export const pickupInput = (itemId: string, overrides: Partial<ProcInput<'mail:pickUp'>> = {}): ProcInput<'mail:pickUp'> => ({
  itemId,
  signerName: '张三',
  relation: 'recipient',
  id: { idType: 'resident_id', idNumber: '11010519491231002X' },
  signature: { fileName: 'signature.png', contentBase64: PNG_1x1 },
  ...overrides,
});
