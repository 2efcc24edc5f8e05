import { esc, page, type Layout } from './html.js';
import { printT, type PrintLocale, type Under } from '../i18n/print.js';
import { qrSvg } from './qr.js';
import { fmtDateTime } from './format.js';
import type { DamageHow, MailKind } from '../domain/mail.js';
import { joinList } from '../domain/listJoin.js';

export interface MailDamageSlipData {
  siteName: string;
  deviceCode: string;
  /** The damage register line. */
  registerNo: string;
  /** The mail register line of the item. */
  itemRegisterNo: string;
  trackingNo: string;
  carrier: string;
  kind: MailKind;
  receivedAt: string;
  what: string;
  how: DamageHow[];
  description: string;
  receivedBy: string;
  confirmedBy: string;
  confirmedAt: string;
  /** 0 for the first print; n > 0 prints "补打 · 第n次". */
  copyNo: number;
}

/** "label: value" rows in the print language. */
export function mailRow(locale: PrintLocale, key: Under<'mail'>, value: string): string {
  if (!value) return '';
  const t = printT(locale);
  // The print language only (no English subtitle under a Chinese label).
  return `<tr><th>${t(`mail.${key}`)}</th><td>${esc(value)}</td></tr>`;
}

/**
 * The desk's own damage label (seed 000: 本部专用的"此邮件收到时已破损"封条), stuck over the damaged part,
 * with the register line it belongs to. The sentence is printed in Chinese and English whatever the
 * desk's language; the QR holds the tracking number, so a scan at pickup finds the item.
 */
export async function renderMailDamageSlip(d: MailDamageSlipData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  const row = (key: Under<'mail'>, value: string) => mailRow(locale, key, value);
  const hows = joinList(
    d.how.map((h) => t(`mail.hows.${h}`)),
    locale,
  );
  const sentenceZh = printT(locale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans')('mail.damageSentence');
  const body = `
<div class="seal">${esc(sentenceZh)}<span class="seal-en">${esc(printT('en')('mail.damageSentence'))}</span></div>
<div class="sub">${esc(d.siteName)} · ${esc(t('mail.damageTitle'))}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<table class="kv">
${row('registerNo', d.registerNo)}
${row('trackingNo', d.trackingNo)}
${row('carrier', `${d.carrier} · ${t(`mail.kinds.${d.kind}`)}`)}
${row('receivedAt', fmtDateTime(d.receivedAt))}
${row('damage', [d.what, hows, d.description].filter(Boolean).join(' · '))}
${row('receivedBy', `${d.receivedBy} · ${t('labels.desk')} ${d.deviceCode}`)}
${row('confirmedBy', `${d.confirmedBy} · ${fmtDateTime(d.confirmedAt)}`)}
</table>
<div class="end">
<div class="qr">${await qrSvg(d.trackingNo)}</div>
<div class="end-text"><div class="code">${esc(d.itemRegisterNo)}</div><div class="foot">${esc(t('mail.foot'))}</div></div>
</div>`;
  const css = `.seal { border: 2px solid #000; text-align: center; font-size: 1.5em; font-weight: bold; padding: 1.5mm 1mm;
  margin-bottom: 1.5mm; letter-spacing: 0.08em; }
.seal-en { display: block; font-size: 0.55em; letter-spacing: 0; font-weight: bold; }`;
  return page({ title: `${t('mail.damageTitle')} ${d.registerNo}`, layout, lang: locale, body, css });
}
