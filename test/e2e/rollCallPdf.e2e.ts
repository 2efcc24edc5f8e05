import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './printRecorder';
import { ADMIN, ARTIFACTS, deskServerForThisFile, pdfText, setUpAndOpenShift } from './support';

const desk = deskServerForThisFile();

test('the on-site page exports the evacuation roll call as a one-page PDF: a slip scanned out at machine speed is off it, phones masked, 到 on the paper', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk);
  const [host] = await desk.api(page, 'directory:search', { q: '张三' });
  const checkIn = (name: string, phone: string, idNumber: string) =>
    desk.api(page, 'visits:checkIn', {
      requestId: crypto.randomUUID(),
      visitor: { name, phone, idType: 'passport', idNumber },
      partySize: 1,
      hostOccupantId: host.occupantId,
      purpose: '拜访',
      plate: '',
      expectedMinutes: 120,
    });
  const leaving = await checkIn('赵六', '13700137000', 'E12345678');
  await checkIn('钱七', '13912345678', 'E87654321');
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);

  // F3, the scanner types the slip's code and Enter with no pause; the page says who left.
  await page.keyboard.press('F3');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.type(leaving.visit.passNo);
  await page.keyboard.press('Enter');
  await expect(page.getByText('赵六 已离开')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('roll-pdf').click();
  const pdfPath = join(ARTIFACTS, 'roll-call.pdf');
  await (await download).saveAs(pdfPath);
  const text = pdfText(pdfPath).replace(/\s+/g, ' ');
  expect(text).toContain('在场访客名单（疏散点名）');
  expect(text).toContain('钱七');
  expect(text).toContain('139****5678');
  expect(text).not.toContain('13912345678');
  expect(text).not.toContain('赵六');
  expect(text).toContain('到');
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
});
