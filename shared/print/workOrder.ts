import { esc, page, type Layout } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { qrSvg } from './qr.js';
import { fmtDateTime, fmtYuan } from './format.js';
import type { Severity, TicketKind, Urgency } from '../domain/tickets.js';

export interface WorkOrderData {
  siteName: string;
  ticketNo: string;
  kind: TicketKind;
  urgency: Urgency | null;
  severity: Severity | null;
  /** null for an anonymous complaint: the work order never names the complainant. */
  contact: { unit: string; name: string; phone: string } | null;
  problem: string;
  description: string;
  location: string;
  convenientTime: string;
  paid: boolean;
  chargeFen: number;
  department: string;
  assignee: string;
  dispatchedAt: string;
  receiver: string;
  copyNo: number;
}

/** One A6 sheet: the number and the urgency each on one line, the signature boxes shorter. */
const A6_WORK_ORDER_CSS = `.head { gap: 2mm; } .code.big { font-size: 1.1em; white-space: nowrap; }
.level { font-size: 1.15em; white-space: nowrap; padding: 0 1mm; }
table.sign { margin-top: 2mm; } table.sign th, table.sign td { padding: 0.8mm; }
table.sign td { min-width: 20mm; height: 7mm; } table.sign td.signature { height: 12mm; }`;

/**
 * 派工单 (seed 003): what maintenance takes to the job. Urgency in large type, the agreed charge of a
 * paid repair, a block for the customer's signature after the work, and a QR of the ticket number.
 */
export async function renderWorkOrder(d: WorkOrderData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  // Labels in the print language only: a Chinese work order is not a bilingual form (issue 17).
  const row = (label: string, value: string) => (value ? `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>` : '');
  const level = d.urgency ? t(`workOrder.urgency.${d.urgency}`) : d.severity ? t(`workOrder.severity.${d.severity}`) : '';
  const contact = d.contact ? [d.contact.name, d.contact.phone].filter(Boolean).join(' · ') : t('workOrder.anonymous');
  const body = `
<h1>${esc(t('workOrder.title'))}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(t(`workOrder.kind.${d.kind}`))}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<div class="head"><div class="code big">${esc(t('workOrder.no'))} ${esc(d.ticketNo)}</div>${level ? `<div class="level">${esc(level)}</div>` : ''}</div>
<table class="kv">
${row(t('workOrder.unit'), d.contact?.unit ?? '')}
<tr><th>${esc(t('workOrder.contact'))}</th><td>${esc(contact)}</td></tr>
${row(t('workOrder.problem'), d.problem)}
${row(t('workOrder.description'), d.description)}
${row(t('workOrder.location'), d.location)}
${row(t('workOrder.convenient'), d.convenientTime)}
${d.kind === 'repair' ? row(t('workOrder.charge'), d.paid ? t('workOrder.paid', { yuan: fmtYuan(d.chargeFen) }) : t('workOrder.free')) : ''}
${row(t('workOrder.department'), [d.department, d.assignee].filter(Boolean).join(' · '))}
${row(t('workOrder.dispatchedAt'), fmtDateTime(d.dispatchedAt))}
${row(t('workOrder.receiver'), d.receiver)}
</table>
<div class="qr">${await qrSvg(d.ticketNo)}</div>
<table class="sign"><tr><th>${esc(t('workOrder.worker'))}</th><td></td><th>${esc(t('workOrder.done'))}</th><td></td></tr>
<tr><th>${esc(t('workOrder.sign'))}</th><td colspan="3" class="signature"></td></tr></table>
<div class="foot">${esc(t('workOrder.foot'))}</div>`;
  const css = `.head { display: flex; justify-content: space-between; align-items: baseline; }
.code.big { font-size: 1.25em; font-weight: bold; }
.level { font-size: 1.4em; font-weight: bold; border: 2px solid #000; padding: 0 2mm; }
table.sign { width: 100%; border-collapse: collapse; margin-top: 4mm; }
table.sign th, table.sign td { border: 1px solid #000; padding: 1.5mm; text-align: left; font-weight: normal; }
table.sign td { min-width: 30mm; height: 10mm; } table.sign td.signature { height: 18mm; }
${layout === 'a6' ? A6_WORK_ORDER_CSS : ''}`;
  return page({ title: `${t('workOrder.title')} ${d.ticketNo}`, layout, lang: locale, body, css });
}
