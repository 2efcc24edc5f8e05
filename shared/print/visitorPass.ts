import { esc, page, type Layout } from './html.js';
import { bilingual, printT, type PrintLocale, type Under } from '../i18n/print.js';
import { qrSvg } from './qr.js';
import { issuerLines, type Issuer } from './siteHeader.js';
import { fmtDateTime } from './format.js';
import type { Visit } from '../api/schemas.js';
import { hostLine } from './hostLine.js';

/**
 * The pass prints the visit as the desk answers it (the `Visit` output): a field added to a visit reaches
 * this template without a mapping of its own (docs/adding-a-field.md).
 */
export interface VisitorPassData {
  visit: Visit;
  siteName: string;
  issuer?: Issuer;
  deviceCode: string;
  /** 0 for the first print; n > 0 prints "补打 · 第n次". */
  copyNo: number;
}

/** 访客单: what the visitor carries and hands back; the QR holds the pass number for check-out. */
export async function renderVisitorPass(d: VisitorPassData, layout: Layout, locale: PrintLocale): Promise<string> {
  const { visit: v } = d;
  const t = printT(locale);
  const row = (key: Under<'labels'>, value: string) =>
    value ? `<tr><th>${bilingual(locale, `labels.${key}`)}</th><td>${esc(value)}</td></tr>` : '';
  const body = `
<h1>${esc(t('labels.visitorPass'))}</h1>
<div class="sub">${esc(d.siteName)}${locale === 'en' ? '' : ' · VISITOR PASS'}</div>
${issuerLines(d.issuer, locale)}
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<table class="kv">
${row('passNo', v.passNo)}
${row('visitor', v.visitorName)}
${row('idDocument', v.idNumberMasked)}
${row('party', String(v.partySize))}
${row('host', hostLine(v.hostUnitCode, v.hostCompany, v.hostName))}
${row('purpose', v.purpose)}
${row('plate', v.plate)}
${row('timeIn', fmtDateTime(v.checkedInAt))}
${row('validUntil', fmtDateTime(v.validUntil))}
${row('issuedBy', `${v.actorName} · ${t('labels.desk')} ${d.deviceCode}`)}
${v.hostConfirmedBy ? row('hostConfirmed', v.hostConfirmedBy) : ''}
</table>
<div class="end">
<div class="qr">${await qrSvg(v.passNo)}</div>
<div class="end-text"><div class="code">${esc(v.passNo)}</div><div class="foot">${esc(t('labels.returnSlip'))}</div></div>
</div>`;
  return page({ title: `${t('labels.visitorPass')} ${v.passNo}`, layout, lang: locale, body });
}
