import { esc, page, type Layout } from './html.js';
import { PRINT_LABELS, type PrintLocale } from './labels.js';
import { WORK_ORDER_WORDS } from './workOrderLabels.js';
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
  const W = WORK_ORDER_WORDS[locale];
  const L = PRINT_LABELS[locale];
  // Labels in the print language only, as on the work order.
  const row = (label: string, value: string) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`;
  const body = `
<h1>${esc(W.noticeTitle)}</h1>
<div class="sub">${esc(d.siteName)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(L.reprint(d.copyNo))}</div>` : ''}
<table class="kv">
${row(W.no, d.ticketNo)}
${row(W.category, d.category)}
${row(W.documents, d.notice.documents)}
${row(W.steps, d.notice.steps)}
${row(W.timeLimit, d.notice.timeLimit)}
${row(W.phone, d.notice.contact)}
${row(W.receiver, `${d.receiver} · ${fmtDateTime(d.openedAt)}`)}
</table>
<div class="qr">${await qrSvg(d.ticketNo)}</div>`;
  return page({ title: `${W.noticeTitle} ${d.ticketNo}`, layout, lang: locale, body });
}
