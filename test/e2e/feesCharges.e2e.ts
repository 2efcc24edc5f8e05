import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, openShiftSignedIn, shot } from './support';

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);
const month = dayjs().format('YYYY-MM');

async function uploadCharges(page: Page, name: string, lines: string[]) {
  await page
    .locator('[data-testid=charges-upload] input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
}

/** Types a unit into the host picker and takes the option once the list shows it. */
async function pickUnit(page: Page, scope: string, query: string, expectText: string) {
  await page.locator(`${scope} [data-testid=host-select] input`).focus();
  await page.keyboard.type(query);
  await expect(page.getByTestId('host-option').first()).toContainText(expectText);
  await page.keyboard.press('Enter');
}

test('charges come in from the UI: an import with a bad line listed, fixed and imported; a one-off charge; a paid repair billed from its ticket and due in F10', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk);

  // F10 → 应收: a file with two bad lines names each line and imports nothing.
  await page.keyboard.press('F10');
  await page.getByTestId('fees-tab-charges').click();
  const header = '单元,收费项目,月份,金额,空置,备注';
  const good = [
    `1-2-301,物业管理费,${month},,,`,
    `2-1-1202,物业管理费,${month},,,`,
    `T-1801,便民服务费,${month},9000,,会议室布置`,
  ];
  await uploadCharges(page, '应收-有错.csv', [
    header,
    good[0],
    '9-9-999,物业管理费,2026-12,,,',
    good[1],
    `T-1801,便民服务费,2026-13,9000,,`,
  ]);
  const problems = page.getByTestId('charges-problems');
  await expect(problems).toContainText('共有 2 处错误');
  const rows = problems.locator('tbody tr');
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('单元');
  await expect(rows.nth(0)).toContainText('没有这个单元');
  await expect(rows.nth(1)).toContainText('5');
  await expect(rows.nth(1)).toContainText('月份格式应为 2026-11');
  await shot(page, 'fc01-charges-import-errors');

  // Fixed, the same file imports whole.
  await uploadCharges(page, '应收.csv', [header, ...good]);
  await expect(page.getByTestId('charges-imported')).toHaveText('已导入 3 笔应收（3 个单元，合计 ¥9,523.75）');
  await expect(problems).toHaveCount(0);
  await shot(page, 'fc02-charges-imported');

  // A one-off charge by keyboard: the unit, the item by typing, Enter through; a bad amount is told at its field.
  await pickUnit(page, '[data-testid=raise-charge]', '2-1-1202', '2-1-1202');
  await expect(page.locator('[data-testid=raise-item] input')).toBeFocused();
  await page.keyboard.type('便民');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('raise-period')).toBeFocused();
  await expect(page.getByTestId('raise-period')).toHaveValue(month);
  await page.keyboard.press('Enter');
  await page.keyboard.type('12O.50');
  await page.keyboard.press('Enter');
  await page.keyboard.type('疏通下水道');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('raise-amount-error')).toHaveText('金额应为数字，最多两位小数（如 1409.50）');
  await expect(page.getByTestId('raise-done')).toHaveCount(0);
  await page.getByTestId('raise-amount').fill('120.50');
  await page.getByTestId('raise-amount').press('Control+Enter');
  await expect(page.getByTestId('raise-done')).toHaveText(`已登记：2-1-1202 ${month} 便民/委托服务费 ¥120.50`);
  await expect(page.getByTestId('raise-amount')).toHaveValue('');
  await expect(page.locator('[data-testid=raise-charge] [data-testid=host-select] input')).toBeFocused();
  await shot(page, 'fc03-charge-raised');

  // A paid repair (¥120 agreed at intake), resolved: the ticket drawer bills it to the unit in one step, once.
  const { ticket } = await api(page, 'tickets:create', {
    requestId: crypto.randomUUID(),
    kind: 'repair',
    channel: 'walk_in',
    customer: { name: '李四', unitCode: '1-2-301', phone: '13900139000' },
    urgency: 'urgent',
    paid: true,
    chargeFen: 12_000,
    chargeAgreed: true,
    description: '卫生间龙头漏水，换龙头',
    place: 'in_unit',
    category: 'plumbing',
    problem: 'tap',
  });
  await api(page, 'tickets:step', { ticketId: ticket.id, action: 'resolve', note: '已更换龙头' });
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('ticket-row').filter({ hasText: ticket.ticketNo }).click();
  await page.getByTestId('ticket-charge-make').click();
  await expect(page.getByTestId('ticket-charge-line')).toContainText(`已转为 1-2-301 的应收：${month} 有偿维修费 ¥120.00`);
  await expect(page.getByTestId('ticket-charge-line')).toContainText('待缴');
  await expect(page.getByTestId('ticket-charge-make')).toHaveCount(0);
  await shot(page, 'fc04-ticket-billed');

  // F10: the repair is due on 1-2-301 this month, naming its ticket.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F10');
  await pickUnit(page, '', 'zs', '张三');
  const repair = page.getByTestId('fee-charges').getByTestId('fee-line').filter({ hasText: '有偿维修费' });
  await expect(repair).toHaveCount(1);
  await expect(repair).toContainText(ticket.ticketNo);
  await expect(repair).toContainText('¥120.00');
  // The lines are grouped under their month: the repair's month row counts it.
  await expect(page.getByTestId('fee-charges').getByTestId('fee-month').first()).toContainText(month);
  await expect(page.getByTestId('fee-months-due')).toContainText(`${month} ¥343.75`);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'fc05-f10-repair-due');

  // 本月收缴率: the service charge paid moves the all-items rate; the property fee, unpaid, stays at 0 of 2 units.
  const [t1801] = await api(page, 'directory:search', { q: 'T-1801' });
  const account = await api(page, 'fees:account', { unitId: t1801.unitId });
  await api(page, 'fees:pay', {
    requestId: crypto.randomUUID(),
    unitId: t1801.unitId,
    payer: '华夏科技',
    chargeIds: [account.charges[0].chargeId],
    methods: [{ method: 'transfer', amount: '9000', reference: 'TR0001' }],
  });
  await page.getByTestId('fees-tab-arrears').click();
  await expect(page.getByTestId('rate-units')).toContainText('0.0%');
  await expect(page.getByTestId('rate-units')).toContainText('0 / 2 户已缴');
  await expect(page.getByTestId('rate-amount')).toContainText('0.0%');
  await expect(page.getByTestId('rate-amount')).toContainText('¥0.00 / ¥523.75');
  // ¥9,000 of ¥9,764.25 (property ¥523.75, service ¥9,000 + ¥120.50, repair ¥120).
  await expect(page.getByTestId('rate-all')).toContainText('92.2%');
  await shot(page, 'fc06-collection-rates');
});
