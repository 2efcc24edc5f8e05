import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  page: number;
}

export interface PdfFacts {
  /** pdfinfo's page count. */
  pages: number;
  /** Page width in points. */
  widthPt: number;
  /** pdftotext -layout, whitespace folded to single spaces. */
  text: string;
  /** Every word with its right edge (pdftotext -bbox), to tell nothing runs past the right margin. */
  words: PdfWord[];
}

/** What a reader of a PDF the desk returned as base64 would see: pages, text and where each word ends. */
export function pdfFacts(base64: string, savePngTo?: string): PdfFacts {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-pdfcheck-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const widthPt = Number(/^Page size:\s+([\d.]+)/m.exec(info)?.[1]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const words: PdfWord[] = [];
    let page = 0;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
      if (m) words.push({ text: m[3], xMin: Number(m[1]), xMax: Number(m[2]), page });
    }
    if (savePngTo) execFileSync('pdftoppm', ['-png', '-r', '60', file, savePngTo]);
    return { pages, widthPt, text, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Words whose right edge lies past the page's right margin (in mm). */
export const pastRightMargin = (f: PdfFacts, marginMm: number): PdfWord[] =>
  f.words.filter((w) => w.xMax > f.widthPt - (marginMm * 72) / 25.4 + 0.5);

/** Words starting before the page's left margin (in mm): cut off by the printable area. */
export const pastLeftMargin = (f: PdfFacts, marginMm: number): PdfWord[] =>
  f.words.filter((w) => w.xMin < (marginMm * 72) / 25.4 - 0.5);
