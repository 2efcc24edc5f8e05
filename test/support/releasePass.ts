import dayjs from 'dayjs';
import type { ProcInput } from '../../shared/api/contract.js';
import { newRequestId, SAMPLE_DIRECTORY_CSV, type TestDesk } from './desk.js';

/**
 * The sample directory plus a rented flat (owner and tenant on record) and a company with a named
 * registered contact: enough to exercise every authority rule of a release pass.
 */
export const PASS_DIRECTORY_CSV = [
  SAMPLE_DIRECTORY_CSV,
  '3-1-502,3栋,96,陈建国,13811112222,业主,',
  '3-1-502,3栋,96,林小雨,13822223333,租户,',
  'T-1801,写字楼,,周立,13833334444,公司,华夏科技有限公司',
].join('\n');

export async function importPassDirectory(desk: TestDesk) {
  return desk.ok('directory:import', {
    fileName: 'directory.csv',
    contentBase64: Buffer.from(PASS_DIRECTORY_CSV, 'utf8').toString('base64'),
  });
}

/** The directory entry found first by `q` (a name). */
export async function occupant(desk: TestDesk, q: string) {
  const [o] = await desk.ok('directory:search', { q });
  if (!o) throw new Error(`no occupant matches ${q}`);
  return o;
}

/** A valid application by the owner 张三 of 1-2-301: three items, today 09:00–18:00 at the desk's clock. */
export async function passInput(
  desk: TestDesk,
  overrides: Partial<ProcInput<'passes:issue'>> = {},
): Promise<ProcInput<'passes:issue'>> {
  const owner = await occupant(desk, '张三');
  const day = dayjs(desk.clock.now()).startOf('day');
  return {
    requestId: newRequestId(),
    occupantId: owner.occupantId,
    applicant: { name: '张三', phone: '13800138000', idType: 'resident_id', idNumber: '11010519491231002X' },
    relation: 'owner',
    items: [
      { description: '沙发', quantity: 1 },
      { description: '冰箱', quantity: 1 },
      { description: '纸箱', quantity: 12 },
    ],
    reason: 'repair',
    carrier: '蚂蚁搬家',
    plate: '沪A12345',
    validFrom: day.hour(9).format(),
    // Today 09:00–18:00; on a desk running on the real clock late in the day, until two hours from now.
    validUntil: dayjs(Math.max(day.hour(18).valueOf(), desk.clock.ms + 2 * 3_600_000)).format(),
    ...overrides,
  };
}
