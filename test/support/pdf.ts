import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF file, as a reader would copy it out (poppler's pdftotext). */
export function pdfFileText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

/** The text of a PDF the desk returned as base64 (print:pdf). */
export function pdfText(base64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return pdfFileText(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
