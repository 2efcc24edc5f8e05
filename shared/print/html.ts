/** Escapes text for HTML; every value that reaches a print template goes through it. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type Layout = 'roll80' | 'a6' | 'a5' | 'a4';

/** Paper sizes in millimetres; a roll has no fixed height (the printer cuts after the content). */
export const PAPER: Record<Layout, { widthMm: number; heightMm: number | null }> = {
  roll80: { widthMm: 80, heightMm: null },
  a6: { widthMm: 105, heightMm: 148 },
  a5: { widthMm: 148, heightMm: 210 },
  a4: { widthMm: 210, heightMm: 297 },
};

/** The sheet's margins (the roll: the printer's unprintable edge); nothing may print past them. */
export const PAGE_MARGIN_MM: Record<Layout, number> = { roll80: 4, a6: 6, a5: 6, a4: 12 };

// Fonts that carry Chinese glyphs on Windows, macOS and Linux desks, in that order. The common ones stop
// at the BMP; the browser takes a name like 𠮷 (CJK Extension B) from the next font that has it:
// SimSun-ExtB on Windows, HanaMinB (Debian fonts-hanazono) on Linux.
const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft JhengHei", "SimSun-ExtB", "HanaMinB", sans-serif';

/**
 * A6 is one sheet for a whole pass or label: smaller type and rows, each label with its English on the
 * same line, and the closing block (QR beside its number, the foot, a signature line) side by side.
 */
const A6_CSS = `body { font-size: 9pt; line-height: 1.22; }
h1 { font-size: 1.35em; }
.sub { margin-bottom: 1mm; }
.issuer { font-size: 0.75em; margin: 0; }
.issuer + .issuer { margin-top: 0; }
.reprint { margin: 0.5mm 0 1mm; padding: 0.2mm; }
table.kv th, table.kv td { padding: 0.3mm 1.5mm 0.3mm 0; }
table.kv th .en { display: inline; margin-left: 1mm; }
.qr { margin: 1mm 0 0; }
.qr svg { width: 24mm; }
.end { display: flex; align-items: center; gap: 3mm; margin-top: 1.5mm; }
.end .qr { margin: 0; flex: none; }
.end .qr svg { width: 24mm; display: block; }
.end-text { flex: 1; min-width: 0; }
.end-text .code { text-align: left; }
.end-text .foot { text-align: left; border-top: none; margin-top: 1mm; padding-top: 0; }`;

/** A complete, self-contained HTML page (inline CSS, no external resources) for one document. */
export function page(opts: { title: string; layout: Layout; lang: string; body: string; css?: string }): string {
  const paper = PAPER[opts.layout];
  const size = paper.heightMm ? `${paper.widthMm}mm ${paper.heightMm}mm` : `${paper.widthMm}mm auto`;
  const margin = opts.layout === 'roll80' ? `3mm ${PAGE_MARGIN_MM.roll80}mm` : `${PAGE_MARGIN_MM[opts.layout]}mm`;
  return `<!doctype html>
<html lang="${esc(opts.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(opts.title)}</title>
<style>
@page { size: ${size}; margin: ${margin}; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; color: #000; font-size: ${opts.layout === 'a4' ? '11pt' : '10pt'}; line-height: 1.35;
  width: ${opts.layout === 'roll80' ? '72mm' : 'auto'}; }
h1 { font-size: 1.45em; margin: 0 0 1mm; text-align: center; letter-spacing: 0.1em; }
.sub { text-align: center; font-size: 0.85em; margin-bottom: 2mm; }
.issuer { text-align: center; font-size: 0.8em; margin: -1.5mm 0 2mm; }
.issuer + .issuer { margin-top: -2mm; }
.reprint { border: 1.5px solid #000; text-align: center; font-weight: bold; margin: 1mm 0 2mm; padding: 0.5mm; }
table.kv { width: 100%; border-collapse: collapse; }
table.kv th { text-align: left; font-weight: normal; white-space: nowrap; padding: 0.6mm 2mm 0.6mm 0; vertical-align: top; width: 1%; }
/* A long value wraps between Chinese characters or words; a number or a reference breaks only if it is wider than the line. */
table.kv td { padding: 0.6mm 0; font-weight: bold; overflow-wrap: anywhere; }
.en { font-weight: normal; font-size: 0.75em; color: #333; display: block; }
.qr { text-align: center; margin: 2mm 0 1mm; }
.qr svg { width: ${opts.layout === 'a4' ? '30mm' : '32mm'}; height: auto; }
.code { text-align: center; font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 1.05em; letter-spacing: 0.05em; }
.foot { border-top: 1px dashed #000; margin-top: 2mm; padding-top: 1mm; font-size: 0.8em; text-align: center; }
${opts.layout === 'a6' ? A6_CSS : ''}
${opts.css ?? ''}
</style></head>
<body>${opts.body}</body></html>`;
}
