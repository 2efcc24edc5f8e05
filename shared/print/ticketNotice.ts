import { esc, page, type Layout } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { qrSvg } from './qr.js';
import { fmtDateTime } from './format.js';
import type { Notice } from '../domain/ticketClassifier.js';

export interface TicketNoticeData {
  siteName: string;
  ticketNo: string;
  category: string;
  notice: Notice;
  openedAt: string;
  receiver: string;
  copyNo: number;
}

/**
 * 一次性告知单 (seed 001): handed to the customer at intake — what documents, which steps, which
 * time limits apply, and whom to call — from the category's template.
 */
export async function renderTicketNotice(d: TicketNoticeData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  // Labels in the print language only, as on the work order.
  const row = (label: string, value: string) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`;
  const body = `
<h1>${esc(t('workOrder.noticeTitle'))}</h1>
<div class="sub">${esc(d.siteName)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<table class="kv">
${row(t('workOrder.no'), d.ticketNo)}
${row(t('workOrder.category'), d.category)}
${row(t('workOrder.documents'), d.notice.documents)}
${row(t('workOrder.steps'), d.notice.steps)}
${row(t('workOrder.timeLimit'), d.notice.timeLimit)}
${row(t('workOrder.phone'), d.notice.contact)}
${row(t('workOrder.receiver'), `${d.receiver} · ${fmtDateTime(d.openedAt)}`)}
</table>
<div class="qr">${await qrSvg(d.ticketNo)}</div>`;
  return page({ title: `${t('workOrder.noticeTitle')} ${d.ticketNo}`, layout, lang: locale, body });
}
