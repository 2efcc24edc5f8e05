import { esc, page, type Layout } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { mailRow } from './mailDamageSlip.js';
import { qrSvg } from './qr.js';
import { fmtDateTime } from './format.js';
import type { MailKind } from '../domain/mail.js';

export interface MailPickupSlipData {
  siteName: string;
  registerNo: string;
  trackingNo: string;
  carrier: string;
  kind: MailKind;
  recipient: string;
  location: string;
  receivedAt: string;
  copyNo: number;
}

/** 取件通知: put in the recipient's box or handed over when asked; the QR holds the tracking number. */
export async function renderMailPickupSlip(d: MailPickupSlipData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  const row = (key: Parameters<typeof mailRow>[1], value: string) => mailRow(locale, key, value);
  const body = `
<h1>${esc(t('mail.pickupTitle'))}</h1>
<div class="sub">${esc(d.siteName)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<table class="kv">
${row('recipient', d.recipient)}
${row('kind', t(`mail.kinds.${d.kind}`))}
${row('trackingNo', d.trackingNo)}
${row('carrier', d.carrier)}
${row('receivedAt', fmtDateTime(d.receivedAt))}
${row('location', d.location)}
${row('registerNo', d.registerNo)}
</table>
<div class="qr">${await qrSvg(d.trackingNo)}</div>
<div class="foot">${esc(t('mail.pickupFoot'))}</div>`;
  return page({ title: `${t('mail.pickupTitle')} ${d.registerNo}`, layout, lang: locale, body });
}
