import { esc, page } from './html.js';
import { fmtDateTime } from './format.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import type { PersonRecord } from '../api/privacySchemas.js';

/** What the site holds on one person, one line per record: the copy a person may ask for. */
export function renderPersonRecords(
  d: { siteName: string; printedAt: string; person: string; records: PersonRecord[] },
  locale: PrintLocale,
): string {
  const t = printT(locale);
  // The columns in order; the words are paper.personRecords.cols.* in the locale files.
  const cols = (['n', 'kind', 'time', 'number', 'details'] as const).map((c) => t(`personRecords.cols.${c}`));
  const rows = d.records
    .map(
      (r, i) => `<tr><td>${i + 1}</td><td>${esc(t(`personRecords.kind.${r.kind}`))}</td><td>${fmtDateTime(r.at)}</td>
<td class="mono">${esc(r.ref)}</td><td>${esc(r.detail)}${r.kept ? ` (${esc(t('personRecords.kept'))})` : ''}</td></tr>`,
    )
    .join('');
  const body = `
<h1>${esc(t('personRecords.title'))}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(t('personRecords.printedAt'))} ${fmtDateTime(d.printedAt)}</div>
<div class="sub">${esc(t('personRecords.person'))}: <b>${esc(d.person)}</b> · ${esc(t('personRecords.total'))} ${d.records.length} ${esc(t('personRecords.records'))}</div>
${
  d.records.length === 0
    ? `<p style="text-align:center">${esc(t('personRecords.none'))}</p>`
    : `<table class="grid"><thead><tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
}
<div class="foot">${esc(t('personRecords.foot'))}</div>`;
  const css = `table.grid { width: 100%; border-collapse: collapse; font-size: 10pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; }
.mono { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 9pt; }`;
  return page({ title: t('personRecords.title'), layout: 'a4', lang: locale, body, css });
}
