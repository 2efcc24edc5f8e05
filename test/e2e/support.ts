import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import type { Page } from '@playwright/test';
import { startDeskServer, type DeskServer } from './deskServer';
import { expect, test } from './printRecorder';
import type { TestHq } from '../support/hq';
import { issueEnrollCode } from '../../hq/src/store/admin';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Saves a full-page screenshot under test/e2e/artifacts/ (git-ignored) for a person to look at, with
 * animations finished, so a ticked box shows ticked and a dialog shows whole.
 */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The first administrator of the specs' site. */
export const ADMIN = { staffNo: 'A001', name: '王经理', pin: '246810' };

/** By API: site 华远大厦 (HY, desk A1) set up with ADMIN, who is then signed in. */
export async function setUpSite(page: Page, desk: DeskServer) {
  await desk.api(page, 'setup:complete', {
    siteName: '华远大厦',
    siteCode: 'HY',
    siteKind: 'mixed',
    deviceCode: 'A1',
    admin: ADMIN,
  });
}

/** The specs' common start, by API: site 华远大厦 (HY, desk A1) set up with ADMIN, the fixture directory imported. */
export async function setUpSiteWithDirectory(page: Page, desk: DeskServer) {
  await setUpSite(page, desk);
  const csv = readFileSync(join(import.meta.dirname, 'fixtures', 'directory.csv'));
  await desk.api(page, 'directory:import', { fileName: 'directory.csv', contentBase64: csv.toString('base64') });
}

/**
 * The spec file's own desk server (a fresh data folder), started before its first test and closed after its
 * last; the file's tests run in order on it. The object stands for the server from the start, so specs keep
 * `desk.url` and `desk.api(...)` as they were.
 */
export function deskServerForThisFile(opts?: Parameters<typeof startDeskServer>[0]): DeskServer {
  test.describe.configure({ mode: 'serial' });
  let server: DeskServer | undefined;
  test.beforeAll(async () => {
    server = await startDeskServer(opts);
  });
  test.afterAll(() => server?.close());
  const started = () => {
    if (!server) throw new Error('the desk server starts in beforeAll: use it inside a test');
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get dataDir() {
      return started().dataDir;
    },
    api: (page, name, input) => started().api(page, name, input),
    close: () => started().close(),
  };
}

/** What a spec adds to the common start of desk work (setUpAndOpenShift, openShiftSignedIn). */
export interface ShiftStart {
  /** false: the site without the fixture directory (default: with it). */
  directory?: boolean;
  /** Months (YYYY-MM) of 1-2-301's 物业管理费 imported as charges, before the shift opens. */
  feeMonths?: string[];
  /** Staff the admin creates before the shift opens. */
  staff?: Array<{ staffNo: string; name: string; pin: string; role: string }>;
  /** More set-up by API after the staff, before the shift opens. */
  beforeShift?: () => Promise<unknown>;
  /** More set-up by API once the shift is open, before the page is reloaded. */
  onShift?: () => Promise<unknown>;
}

/**
 * The specs' common start for desk work, by API: the site set up with the directory (setUpSiteWithDirectory),
 * the spec's charges and staff, shift A opened by ADMIN (signed in since set-up). The page is left where it was.
 */
export async function setUpAndOpenShift(page: Page, desk: DeskServer, start: Omit<ShiftStart, 'onShift'> = {}) {
  await page.goto(desk.url);
  await (start.directory === false ? setUpSite(page, desk) : setUpSiteWithDirectory(page, desk));
  if (start.feeMonths) {
    const charges = ['单元,收费项目,月份', ...start.feeMonths.map((m) => `1-2-301,物业管理费,${m}`)].join('\n');
    await desk.api(page, 'fees:importCharges', {
      fileName: 'charges.csv',
      contentBase64: Buffer.from(charges).toString('base64'),
    });
  }
  for (const person of start.staff ?? []) await desk.api(page, 'staff:create', person);
  await start.beforeShift?.();
  // The desk's first shift (no handover before it to read): desk work happens inside a shift.
  await desk.api(page, 'shift:open', { patternCode: 'A', handoverShiftId: null });
}

/** setUpAndOpenShift, then the page reloaded on the desk with ADMIN in the status bar. */
export async function openShiftSignedIn(page: Page, desk: DeskServer, start: ShiftStart = {}) {
  await setUpAndOpenShift(page, desk, start);
  await start.onShift?.();
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
}

/** A fresh page of the desk signed in by typing ADMIN's staff number and PIN; ADMIN is in the status bar. */
export async function signInByForm(page: Page, desk: DeskServer) {
  await page.goto(desk.url);
  await page.getByTestId('signin-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('signin-pin').fill(ADMIN.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
}

/** The set-up form typed as a person does (site 华远大厦, HY, with ADMIN), then shift A opened. */
export async function setUpByFormAndOpenShift(page: Page, desk: DeskServer) {
  await page.goto(desk.url);
  await page.getByTestId('setup-siteName').fill('华远大厦');
  await page.getByTestId('setup-siteCode').fill('HY');
  await page.getByTestId('setup-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-pin').fill(ADMIN.pin);
  await page.getByTestId('setup-pinAgain').fill(ADMIN.pin);
  await page.getByTestId('setup-pinAgain').press('Enter');
  await page.getByTestId('shift-pattern').getByText('A 班').click();
  await page.getByTestId('shift-open').click();
}

/** On the sync page, enrols this desk as A1 of the HQ site `siteId` with a fresh one-time code. */
export async function enrolOnSyncPage(page: Page, hq: TestHq, siteId: string) {
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await page.getByTestId('hq-url').fill(hq.url);
  await page.getByTestId('enroll-code').fill(await issueEnrollCode(hq.db, siteId, 'A1'));
  await page.getByTestId('enroll-submit').click();
}

/** The text of a PDF file, as a reader would copy it (poppler's pdftotext). */
export { pdfFileText as pdfText } from '../support/pdf';

/** Rasterises a PDF's first page and decodes the QR code printed on it, as a scanner would. */
export function pdfQr(pdfPath: string): string | null {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
