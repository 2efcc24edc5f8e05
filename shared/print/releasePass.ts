import { esc, page, type Layout } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { qrSvg } from './qr.js';
import { issuerLines, type Issuer } from './siteHeader.js';
import { fmtDateTime, fmtTime, fmtYuan } from './format.js';
import type { CONSENT_METHODS, PASS_REASONS, PASS_RELATIONS } from '../domain/releasePass.js';

export interface ReleasePassData {
  siteName: string;
  issuer?: Issuer;
  deviceCode: string;
  passNo: string;
  unit: string;
  applicantName: string;
  idNumberMasked: string;
  relation: (typeof PASS_RELATIONS)[number];
  authority: { name: string; method: (typeof CONSENT_METHODS)[number] } | null;
  items: { description: string; quantity: number }[];
  reason: (typeof PASS_REASONS)[number];
  reasonNote: string;
  wholeUnit: boolean;
  carrier: string;
  plate: string;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  issuedBy: string;
  arrearsFen: number;
  arrearsApprovedBy: string | null;
  /** 0 for the first print; n > 0 prints "补打 · 第n次". */
  copyNo: number;
}

/** On A6 this many items take one column; more run in two. */
const A6_ONE_COLUMN = 8;

/** Same day: "2026-11-22 09:00–18:00"; across days, from and until on their own lines (never broken mid-time). */
function windowText(from: string, until: string): string {
  if (fmtDateTime(from).slice(0, 10) === fmtDateTime(until).slice(0, 10)) return `${fmtDateTime(from)}–${fmtTime(until)}`;
  return `${fmtDateTime(from)} —<br>${fmtDateTime(until)}`;
}

/**
 * 物品放行条: what the carrier shows at the gate. The guard counts the goods against the item list;
 * the QR holds the pass number for the gate's scanner. Bilingual labels like the visitor pass.
 */
export async function renderReleasePass(d: ReleasePassData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  const label = (
    key: 'unit' | 'applicant' | 'relation' | 'consent' | 'reason' | 'carrier' | 'window' | 'issuedBy' | 'arrears',
    // The print language only: an English subtitle under a Chinese label is noise on a Chinese pass.
  ) => t(`releasePass.${key}`);
  const row = (key: Parameters<typeof label>[0], value: string) =>
    value ? `<tr><th>${label(key)}</th><td>${esc(value)}</td></tr>` : '';
  const total = d.items.reduce((n, i) => n + i.quantity, 0);
  const head = `<thead><tr><th class="n">#</th><th>${esc(t('releasePass.item'))}</th><th class="q">${esc(t('releasePass.qty'))}</th></tr></thead>`;
  const rows = (list: typeof d.items, from: number) =>
    list
      .map((i, n) => `<tr><td class="n">${from + n + 1}</td><td>${esc(i.description)}</td><td class="q">${i.quantity}</td></tr>`)
      .join('');
  const foot = `<tfoot><tr><td></td><td>${esc(t('releasePass.total'))}</td><td class="q">${total}</td></tr></tfoot>`;
  // A long list on A6 runs in two columns side by side, so the pass stays one sheet.
  const half = layout === 'a6' && d.items.length > A6_ONE_COLUMN ? Math.ceil(d.items.length / 2) : d.items.length;
  const items =
    half < d.items.length
      ? `<div class="items-2"><table class="items">${head}<tbody>${rows(d.items.slice(0, half), 0)}</tbody></table>
<table class="items">${head}<tbody>${rows(d.items.slice(half), half)}</tbody>${foot}</table></div>`
      : `<table class="items">${head}<tbody>${rows(d.items, 0)}</tbody>${foot}</table>`;
  const reason = [t(`releasePass.reasons.${d.reason}`), d.wholeUnit ? t('releasePass.wholeUnit') : '', d.reasonNote]
    .filter(Boolean)
    .join(' · ');
  const body = `
<h1>${esc(t('releasePass.title'))}</h1>
<div class="sub">${esc(d.siteName)}${t('releasePass.sub') ? ` · ${esc(t('releasePass.sub'))}` : ''}</div>
${issuerLines(d.issuer, locale)}
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<div class="code big">${esc(d.passNo)}</div>
<table class="kv">
${row('unit', d.unit)}
${row('applicant', `${d.applicantName} · ${d.idNumberMasked}`)}
${row('relation', t(`releasePass.relations.${d.relation}`))}
${d.authority ? row('consent', `${d.authority.name}（${t(`releasePass.methods.${d.authority.method}`)}）`) : ''}
${row('reason', reason)}
${row('carrier', [d.carrier, d.plate].filter(Boolean).join(' · '))}
<tr><th>${label('window')}</th><td class="window">${windowText(d.validFrom, d.validUntil)}</td></tr>
${d.arrearsFen > 0 ? row('arrears', `${fmtYuan(d.arrearsFen)} · ${t('releasePass.arrearsApproved')} ${d.arrearsApprovedBy ?? ''}`) : ''}
${row('issuedBy', `${d.issuedBy} · ${t('labels.desk')} ${d.deviceCode} · ${fmtDateTime(d.issuedAt)}`)}
</table>
${items}
<div class="end">
<div class="qr">${await qrSvg(d.passNo)}</div>
<div class="end-text"><div class="sign">${esc(t('releasePass.gate'))}：</div><div class="foot">${esc(t('releasePass.foot'))}</div></div>
</div>`;
  const css = `table.items { width: 100%; border-collapse: collapse; margin-top: 2mm; }
table.items th, table.items td { border-bottom: 1px solid #000; padding: 0.8mm 1mm; text-align: left; vertical-align: top; }
table.items td { font-weight: bold; word-break: break-all; }
table.items .n { width: 6mm; font-weight: normal; } table.items .q { width: 12mm; text-align: right; }
table.items tfoot td { border-bottom: none; border-top: 1.5px solid #000; }
.items-2 { display: flex; gap: 3mm; align-items: flex-start; }
${layout === 'a6' ? 'table.items th, table.items td { padding: 0.1mm 1mm; } table.items { margin-top: 1.5mm; } .items-2 ~ .end .qr svg { width: 20mm; }' : ''}
.code.big { font-size: 1.25em; font-weight: bold; margin-bottom: 1.5mm; }
td.window { word-break: keep-all; white-space: nowrap; }
.sign { margin-top: 3mm; border-bottom: 1px solid #000; height: 8mm; font-size: 0.85em; }`;
  return page({ title: `${t('releasePass.title')} ${d.passNo}`, layout, lang: locale, body, css });
}
