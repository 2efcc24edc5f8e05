import { esc, page } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { fmtYuan } from './format.js';
import { amountInCapitals } from '../domain/money.js';
import { FEE_ITEM_NAMES, PAY_METHODS, type FeeItemCode } from '../domain/fees.js';
import type { Issuer } from './siteHeader.js';

export interface DemandLetterData {
  siteName: string;
  unitCode: string;
  addressee: string;
  lines: { item: FeeItemCode; period: string; amountFen: number }[];
  totalFen: number;
  /** The site's calendar date of the first phone notice (YYYY-MM-DD), not the UTC one. */
  firstReminderOn: string | null;
  /** The company's legal name, the service centre's address and phone, as an admin set them in 设置. */
  issuer: Issuer;
  issuedOn: string;
  payBy: string;
  letterNo: string;
  copyNo: number;
}

/**
 * 催缴函 (A4): the formal demand sent by express post three months after the first phone reminder
 * (seed 000). Chinese only in substance — it is a letter to the owner, not a bilingual desk slip;
 * an English desk prints the English wording.
 */
export function renderDemandLetter(d: DemandLetterData, locale: PrintLocale): string {
  const t = printT(locale);
  const names = FEE_ITEM_NAMES[locale];
  const rows = d.lines
    .map(
      (l) => `<tr><td>${esc(names[l.item])}</td><td>${esc(l.period)}</td><td class="amt">${esc(fmtYuan(l.amountFen))}</td></tr>`,
    )
    .join('');
  const en = locale === 'en';
  const issuerName = d.issuer.companyName || d.siteName;
  const text = en
    ? `<p>Dear ${esc(d.addressee)} (unit ${esc(d.unitCode)}),</p>
<p>Our records show the fees below unpaid${d.firstReminderOn ? `, despite our phone reminder of ${esc(d.firstReminderOn)}` : ''}. Please pay the total of <b>${esc(fmtYuan(d.totalFen))}</b> at the front desk by <b>${esc(d.payBy)}</b>. Otherwise we will pursue the debt through legal channels as the property service contract provides.</p>`
    : `<p>尊敬的 ${esc(d.addressee)}（${esc(d.unitCode)}）：</p>
<p>经核对，截至本函发出之日，您尚有下列费用未缴纳${d.firstReminderOn ? `，我司已于 ${esc(d.firstReminderOn)} 电话通知` : ''}。请于 <b>${esc(d.payBy)}</b> 前到服务中心前台缴清欠款共计 <b>${esc(fmtYuan(d.totalFen))}</b>（人民币${esc(amountInCapitals(d.totalFen))}）。逾期仍未缴纳的，我司将依据物业服务合同通过法律途径追缴，由此产生的费用由您承担。</p>
<p>如您已缴纳，请忽略本函并保留收据。</p>`;
  const body = `<h1>${esc(t('fee.demandLetter'))}</h1>
<div class="sub">${esc(d.letterNo)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
${text}
<table class="t"><tr><th>${esc(t('fee.item'))}</th><th>${esc(t('fee.period'))}</th><th class="amt">${esc(t('fee.amount'))}</th></tr>${rows}
<tr><td><b>${esc(t('fee.total'))}</b></td><td></td><td class="amt"><b>${esc(fmtYuan(d.totalFen))}</b></td></tr></table>
${howToPay(d, locale)}
<div class="sign"><div class="stamp">${esc(t('letter.stamp'))}</div><div>${esc(issuerName)}</div>${d.issuer.companyName ? `<div>${esc(d.siteName)} ${esc(t('letter.centre'))}</div>` : ''}<div>${esc(d.issuedOn)}</div></div>`;
  const css = `table.t { width: 100%; border-collapse: collapse; margin: 4mm 0; }
table.t th, table.t td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; }
table.t .amt { text-align: right; }
p { text-indent: 0; margin: 3mm 0; line-height: 1.7; }
dl.pay { margin: 3mm 0; } dl.pay dt { font-weight: bold; } dl.pay dd { margin: 0 0 1mm 0; line-height: 1.6; }
div.sign { margin: 8mm 0 0 auto; width: 70mm; text-align: center; line-height: 1.8; position: relative; }
div.stamp { width: 40mm; height: 40mm; margin: 0 auto 2mm; border: 1px dashed #000; border-radius: 50%;
  display: flex; align-items: center; justify-content: center; font-size: 9pt; color: #333; }`;
  return page({ title: `${t('fee.demandLetter')} ${d.unitCode}`, layout: 'a4', lang: locale, body, css });
}

/** How to pay and where: the methods the desk takes, the service centre's address and phone when set. */
function howToPay(d: DemandLetterData, locale: PrintLocale): string {
  const t = printT(locale);
  const methods = PAY_METHODS.filter((m) => m !== 'transfer').map((m) => t(`fee.methodNames.${m}`));
  const list = locale === 'en' ? methods.join(', ') : methods.join('、');
  const colon = locale === 'en' ? ': ' : '：';
  const centre = [
    d.issuer.address ? `${t('letter.address')}${colon}${d.issuer.address}` : '',
    d.issuer.phone ? `${t('letter.phone')}${colon}${d.issuer.phone}` : '',
  ].filter(Boolean);
  return `<dl class="pay"><dt>${esc(t('letter.howToPay'))}</dt><dd>${esc(t('letter.payAt', { methods: list }))}</dd>
${centre.length ? `<dt>${esc(t('letter.centre'))}</dt><dd>${centre.map(esc).join('<br>')}</dd>` : ''}</dl>`;
}
