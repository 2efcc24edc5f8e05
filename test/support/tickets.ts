import type { ProcInput } from '../../shared/api/contract.js';
import { newRequestId, type TestDesk } from './desk.js';

/** A phone complaint (important) from 张三 of 1-2-301 about a management error. */
export async function complaintInput(
  desk: TestDesk,
  overrides: Partial<ProcInput<'tickets:create'>> = {},
): Promise<ProcInput<'tickets:create'>> {
  const [o] = await desk.ok('directory:search', { q: '张三' });
  return {
    requestId: newRequestId(),
    kind: 'complaint',
    channel: 'phone',
    occupantId: o.occupantId,
    severity: 'important',
    description: '物业费账单多收了一个月',
    wants: '退还多收费用并书面道歉',
    concerned: '收费处',
    place: 'service',
    category: 'fees',
    problem: 'bill',
    ...overrides,
  };
}

/** An urgent paid repair of a blocked drain in 1-2-301. */
export async function repairInput(
  desk: TestDesk,
  overrides: Partial<ProcInput<'tickets:create'>> = {},
): Promise<ProcInput<'tickets:create'>> {
  const [o] = await desk.ok('directory:search', { q: '张三' });
  return {
    requestId: newRequestId(),
    kind: 'repair',
    channel: 'walk_in',
    occupantId: o.occupantId,
    urgency: 'urgent',
    paid: true,
    chargeFen: 8000,
    chargeAgreed: true,
    description: '厨房下水堵塞',
    convenientTime: '今天下午',
    place: 'in_unit',
    category: 'plumbing',
    problem: 'blocked_drain',
    ...overrides,
  };
}
