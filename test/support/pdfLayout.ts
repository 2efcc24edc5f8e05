import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

/** Points per millimetre: PDF geometry is in points (1/72 in). */
export const PT_PER_MM = 72 / 25.4;

/** A word of a PDF where poppler placed it (points from the page's top left corner). */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLayout {
  pages: number;
  /** The first page's size in points. */
  widthPt: number;
  heightPt: number;
  words: PdfWord[];
  /** The text as a reader copies it, page by page, with no white space (Chinese has none to keep). */
  pageTexts: string[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Pages and size from pdfinfo, every word's box from `pdftotext -bbox` (poppler-utils). */
export function pdfLayout(file: string): PdfLayout {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  const pageTexts: string[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((chunk, page) => {
      const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
      let text = '';
      for (const m of chunk.matchAll(re)) {
        const w = { page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: unescape(m[5]) };
        words.push(w);
        text += w.text;
      }
      pageTexts.push(text);
    });
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]), words, pageTexts };
}

/**
 * The words whose box reaches past `rightPt` (a printer cuts them off at the sheet's margin), give or
 * take a point (0.35 mm) of glyph rounding.
 */
export const wordsPastRight = (layout: PdfLayout, rightPt: number) => layout.words.filter((w) => w.xMax > rightPt + 1);

export const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A printed line: the words side by side joined left to right, without white space. */
export interface PdfLine {
  page: number;
  /** The line's top, in points from the page's top. */
  y: number;
  text: string;
}

/**
 * Two words share a line when their middles are closer than half the smaller one's height: fonts
 * differ wildly in ascent (a bold fallback's box is twice a label's), but a line's words centre alike.
 */
const sameLine = (a: { yMin: number; yMax: number }, b: PdfWord) =>
  Math.abs(a.yMin + a.yMax - b.yMin - b.yMax) / 2 < 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);

/** Taller than any printed line: a stamp set at a slant (作废), which poppler reads in pieces. */
const STAMP_PT = 60;

/** The lines of a PDF, page by page, top to bottom: what a person reads as one printed line each. */
export function linesOf(pdf: PdfLayout): PdfLine[] {
  const rows: { page: number; yMin: number; yMax: number; words: PdfWord[] }[] = [];
  for (const w of pdf.words.filter((x) => x.yMax - x.yMin < STAMP_PT)) {
    const row = rows.find((r) => r.page === w.page && sameLine(r, w));
    if (row) row.words.push(w);
    else rows.push({ page: w.page, yMin: w.yMin, yMax: w.yMax, words: [w] });
  }
  return rows
    .sort((a, b) => a.page - b.page || a.yMin - b.yMin)
    .map((r) => ({
      page: r.page,
      y: r.yMin,
      text: squeeze(
        r.words
          .sort((a, b) => a.xMin - b.xMin)
          .map((w) => w.text)
          .join(''),
      ),
    }));
}

/**
 * Rasterises a page and decodes its QR codes, as a scanner would. A sheet with two copies (the A5
 * receipt) carries two: `splitsPt` cuts the page across at those heights and each band is scanned alone.
 */
export function pdfQrCodes(file: string, page: number, splitsPt: number[] = []): string[] {
  const dpi = 200;
  const prefix = file.replace(/\.pdf$/, `-p${page}`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const rows = [0, ...splitsPt.map((pt) => Math.round((pt / 72) * dpi)), png.height];
  const found: string[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const band = png.data.subarray(rows[i] * png.width * 4, rows[i + 1] * png.width * 4);
    const code = jsQR(new Uint8ClampedArray(band), png.width, rows[i + 1] - rows[i]);
    if (code) found.push(code.data);
  }
  return found;
}
