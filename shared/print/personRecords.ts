import { esc, page } from './html.js';
import { fmtDateTime } from './format.js';
import type { PrintLocale } from './labels.js';
import type { PersonRecord } from '../api/privacySchemas.js';

// Words of this one document, in the three languages the desk prints in (kept beside it, as it is the only user).
const WORDS = {
  'zh-Hans': {
    title: '个人信息副本',
    person: '本人',
    printedAt: '导出时间',
    total: '共',
    records: '条记录',
    none: '本站未保存此人的个人信息',
    kept: '依法保留',
    cols: ['#', '类别', '时间', '编号', '说明'],
    kind: { visit: '访客登记', pass: '放行条', ticket: '工单', mail: '邮件', pickup: '签收', receipt: '收据' },
    foot: '本副本依《个人信息保护法》第四十五条提供。',
  },
  'zh-Hant': {
    title: '個人資訊副本',
    person: '本人',
    printedAt: '匯出時間',
    total: '共',
    records: '條記錄',
    none: '本站未保存此人的個人資訊',
    kept: '依法保留',
    cols: ['#', '類別', '時間', '編號', '說明'],
    kind: { visit: '訪客登記', pass: '放行條', ticket: '工單', mail: '郵件', pickup: '簽收', receipt: '收據' },
    foot: '本副本依《個人信息保護法》第四十五條提供。',
  },
  en: {
    title: 'Copy of personal information',
    person: 'Person',
    printedAt: 'Exported',
    total: '',
    records: 'records',
    none: 'The site holds no personal information on this person',
    kept: 'kept by law',
    cols: ['#', 'Kind', 'Time', 'Number', 'Details'],
    kind: { visit: 'Visit', pass: 'Release pass', ticket: 'Ticket', mail: 'Mail', pickup: 'Pickup', receipt: 'Receipt' },
    foot: 'Provided under PIPL Article 45.',
  },
} as const;

/** What the site holds on one person, one line per record: the copy a person may ask for. */
export function renderPersonRecords(
  d: { siteName: string; printedAt: string; person: string; records: PersonRecord[] },
  locale: PrintLocale,
): string {
  const W = WORDS[locale];
  const rows = d.records
    .map(
      (r, i) => `<tr><td>${i + 1}</td><td>${esc(W.kind[r.kind])}</td><td>${fmtDateTime(r.at)}</td>
<td class="mono">${esc(r.ref)}</td><td>${esc(r.detail)}${r.kept ? ` (${esc(W.kept)})` : ''}</td></tr>`,
    )
    .join('');
  const body = `
<h1>${esc(W.title)}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(W.printedAt)} ${fmtDateTime(d.printedAt)}</div>
<div class="sub">${esc(W.person)}: <b>${esc(d.person)}</b> · ${esc(W.total)} ${d.records.length} ${esc(W.records)}</div>
${
  d.records.length === 0
    ? `<p style="text-align:center">${esc(W.none)}</p>`
    : `<table class="grid"><thead><tr>${W.cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
}
<div class="foot">${esc(W.foot)}</div>`;
  const css = `table.grid { width: 100%; border-collapse: collapse; font-size: 10pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; }
.mono { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 9pt; }`;
  return page({ title: W.title, layout: 'a4', lang: locale, body, css });
}
