import { esc, page, type Layout } from './html.js';
import { bilingual, printT, type PrintLocale, type Under } from '../i18n/print.js';
import { qrSvg } from './qr.js';
import { issuerLines, type Issuer } from './siteHeader.js';
import { fmtDateTime } from './format.js';

export interface VisitorPassData {
  siteName: string;
  issuer?: Issuer;
  deviceCode: string;
  passNo: string;
  visitorName: string;
  idNumberMasked: string;
  partySize: number;
  host: string;
  purpose: string;
  plate: string;
  checkedInAt: string;
  validUntil: string;
  issuedBy: string;
  hostConfirmedBy: string | null;
  /** 0 for the first print; n > 0 prints "补打 · 第n次". */
  copyNo: number;
}

/** 访客单: what the visitor carries and hands back; the QR holds the pass number for check-out. */
export async function renderVisitorPass(d: VisitorPassData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  const row = (key: Under<'labels'>, value: string) =>
    value ? `<tr><th>${bilingual(locale, `labels.${key}`)}</th><td>${esc(value)}</td></tr>` : '';
  const body = `
<h1>${esc(t('labels.visitorPass'))}</h1>
<div class="sub">${esc(d.siteName)}${locale === 'en' ? '' : ' · VISITOR PASS'}</div>
${issuerLines(d.issuer, locale)}
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<table class="kv">
${row('passNo', d.passNo)}
${row('visitor', d.visitorName)}
${row('idDocument', d.idNumberMasked)}
${row('party', String(d.partySize))}
${row('host', d.host)}
${row('purpose', d.purpose)}
${row('plate', d.plate)}
${row('timeIn', fmtDateTime(d.checkedInAt))}
${row('validUntil', fmtDateTime(d.validUntil))}
${row('issuedBy', `${d.issuedBy} · ${t('labels.desk')} ${d.deviceCode}`)}
${d.hostConfirmedBy ? row('hostConfirmed', d.hostConfirmedBy) : ''}
</table>
<div class="end">
<div class="qr">${await qrSvg(d.passNo)}</div>
<div class="end-text"><div class="code">${esc(d.passNo)}</div><div class="foot">${esc(t('labels.returnSlip'))}</div></div>
</div>`;
  return page({ title: `${t('labels.visitorPass')} ${d.passNo}`, layout, lang: locale, body });
}
