import { esc, page } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { fmtDateTime, fmtTime } from './format.js';

export interface RollLine {
  passNo: string;
  visitorName: string;
  /** Masked as on the on-site list (138****5678): enough to recognise the number, not to read it off. */
  phoneMasked: string;
  partySize: number;
  host: string;
  checkedInAt: string;
  validUntil: string;
  overstay: boolean;
}

/** The evacuation roll call: everyone in the building now, with a tick column for the assembly point. */
export function renderOnsiteRoll(d: { siteName: string; printedAt: string; lines: RollLine[] }, locale: PrintLocale): string {
  const t = printT(locale);
  const total = d.lines.reduce((n, l) => n + l.partySize, 0);
  const rows = d.lines
    .map(
      (
        l,
        i,
      ) => `<tr${l.overstay ? ' class="over"' : ''}><td>${i + 1}</td><td>${esc(l.visitorName)}</td><td class="mono">${esc(l.phoneMasked)}</td><td>${l.partySize}</td>
<td>${esc(l.host)}</td><td>${fmtTime(l.checkedInAt)}</td><td>${fmtTime(l.validUntil)}${l.overstay ? ` <b>${esc(t('labels.overstay'))}</b>` : ''}</td>
<td class="mono">${esc(l.passNo)}</td><td class="tick"></td></tr>`,
    )
    .join('');
  const body = `
<h1>${esc(t('labels.onsiteRoll'))}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(t('labels.printedAt'))} ${fmtDateTime(d.printedAt)} · ${esc(t('labels.totalPersons'))} <b>${total}</b> ${esc(t('labels.persons'))}</div>
${
  d.lines.length === 0
    ? `<p style="text-align:center">${esc(t('labels.none'))}</p>`
    : `<table class="grid"><thead><tr><th class="n">#</th><th>${esc(t('labels.visitor'))}</th><th class="phone">${esc(t('roll.phone'))}</th><th class="party">${esc(t('labels.party'))}</th><th>${esc(t('labels.host'))}</th>
<th class="time">${esc(t('labels.timeIn'))}</th><th class="until">${esc(t('labels.validUntil'))}</th><th class="pass">${esc(t('labels.passNo'))}</th><th class="tick">${esc(t('labels.present'))}</th></tr></thead><tbody>${rows}</tbody></table>`
}`;
  // Fixed column widths within the 186 mm of A4 between margins: a long pass number or host wraps in
  // its own cell and never pushes the tick column (到) off the paper.
  const css = `table.grid { width: 100%; border-collapse: collapse; font-size: 10pt; table-layout: fixed; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; overflow-wrap: anywhere; }
table.grid tr.over td { background: #eee; }
th.n { width: 9mm; } th.phone { width: 25mm; } th.party { width: 11mm; } th.time { width: 19mm; } th.until { width: 22mm; }
th.pass { width: 36mm; } th.tick { width: 12mm; text-align: center; }
.mono { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 8.5pt; }`;
  return page({ title: t('labels.onsiteRoll'), layout: 'a4', lang: locale, body, css });
}
