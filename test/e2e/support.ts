import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import type { Page } from '@playwright/test';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Saves a full-page screenshot under test/e2e/artifacts/ (git-ignored) for a person to look at. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
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
