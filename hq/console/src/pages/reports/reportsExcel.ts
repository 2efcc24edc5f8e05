import type { TFunction } from 'i18next';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../../../../shared/import/excel';
import { PAY_METHODS } from '../../../../../shared/domain/fees';
import type { PrintLocale } from '../../../../../shared/i18n/print';
import { codeWords, siteTime, yuan } from './reportFormat';
import type { FeesData, MailData, ReportKind, ReportData, TicketsData, VisitorsData } from './reportTypes';

type Sites = { siteId: string; code: string; name: string; zone: string }[];
const siteName = (sites: Sites, id: string) => sites.find((s) => s.siteId === id)?.name ?? '';
/** A rate in per mille as a percent number with one decimal (58.3), empty when nothing fell due. */
const pct = (p: number | null) => (p === null ? '' : Math.round(p) / 10);

function fees(wb: ExcelJS.Workbook, d: FeesData, t: TFunction, locale: PrintLocale) {
  const w = codeWords(locale);
  const sum = wb.addWorksheet(t('reports.total'));
  sum.addRow([
    t('reports.site'),
    t('reports.fees.collected'),
    t('reports.fees.receipts'),
    t('reports.fees.voided'),
    `${t('reports.fees.propertyUnits')} %`,
    `${t('reports.fees.propertyAmount')} %`,
    `${t('reports.fees.allItems')} %`,
    t('reports.fees.arrearsUnits'),
    t('reports.fees.age1'),
    t('reports.fees.age2'),
    t('reports.fees.age3'),
    t('reports.fees.arrearsAmount'),
  ]);
  const rows = [...d.perSite.map((s) => ({ name: siteName(d.sites, s.siteId), f: s })), { name: t('reports.total'), f: d.total }];
  for (const { name, f } of rows)
    sum.addRow([
      name,
      yuan(f.collectedFen),
      f.receipts,
      f.voided,
      pct(f.collection.propertyUnits.permille),
      pct(f.collection.propertyAmount.permille),
      pct(f.collection.allItems.permille),
      f.arrears.units,
      f.arrears.one,
      f.arrears.two,
      f.arrears.threePlus,
      yuan(f.arrears.amountFen),
    ]);
  const methods = wb.addWorksheet(t('reports.fees.byMethod'));
  methods.addRow([t('reports.site'), ...PAY_METHODS.map(w.method)]);
  for (const { name, f } of rows) methods.addRow([name, ...PAY_METHODS.map((m) => yuan(f.byMethod[m]))]);
  const items = wb.addWorksheet(t('reports.fees.byItem'));
  items.addRow([t('reports.site'), t('reports.fees.item'), t('reports.fees.amount')]);
  for (const { name, f } of rows) for (const i of f.byItem) items.addRow([name, w.item(i.item), yuan(i.amountFen)]);
  const voids = wb.addWorksheet(t('reports.fees.voids'));
  voids.addRow(
    ['site', 'receiptNo', 'issuedAt', 'voidedAt', 'amount', 'reason', 'voidedBy', 'approvedBy'].map((k) =>
      k === 'site' ? t('reports.site') : t(`reports.fees.${k}`),
    ),
  );
  for (const s of d.perSite) {
    const zone = d.sites.find((x) => x.siteId === s.siteId)?.zone ?? 'Asia/Shanghai';
    for (const v of s.voids)
      voids.addRow([
        siteName(d.sites, s.siteId),
        v.receiptNo,
        siteTime(v.issuedAt, zone),
        siteTime(v.voidedAt, zone),
        yuan(v.amountFen),
        v.reason,
        v.voidedBy,
        v.approvedBy,
      ]);
  }
}

function tickets(wb: ExcelJS.Workbook, d: TicketsData, t: TFunction, locale: PrintLocale) {
  const w = codeWords(locale);
  const rows = [...d.perSite.map((s) => ({ name: siteName(d.sites, s.siteId), f: s })), { name: t('reports.total'), f: d.total }];
  const sum = wb.addWorksheet(t('reports.total'));
  sum.addRow([
    t('reports.site'),
    t('reports.tickets.total'),
    `${t('reports.tickets.callbackRate')} %`,
    `${t('reports.tickets.satisfaction')} %`,
  ]);
  for (const { name, f } of rows) sum.addRow([name, f.total, f.callback.rate ?? '', f.satisfaction.rate ?? '']);
  const counts = wb.addWorksheet(t('reports.tickets.count'));
  counts.addRow([t('reports.site'), '', '', t('reports.tickets.count')]);
  for (const { name, f } of rows) {
    for (const k of f.byKind) counts.addRow([name, t('reports.tickets.kind'), w.kind(k.key), k.count]);
    for (const k of f.byCategory) counts.addRow([name, t('reports.tickets.category'), w.category(k), k.count]);
    for (const k of f.byChannel) counts.addRow([name, t('reports.tickets.channel'), w.channel(k.key), k.count]);
  }
  const onTime = wb.addWorksheet(t('reports.tickets.onTime'));
  onTime.addRow([
    t('reports.site'),
    t('reports.tickets.deadline'),
    t('reports.tickets.due'),
    t('reports.tickets.met'),
    t('reports.tickets.rate'),
  ]);
  for (const { name, f } of rows)
    for (const o of f.onTime) onTime.addRow([name, w.deadline(o.type), o.due, o.onTime, o.rate ?? '']);
  const rec = wb.addWorksheet(t('reports.tickets.recurring'));
  rec.addRow([t('reports.site'), t('reports.tickets.unit'), t('reports.tickets.category'), t('reports.tickets.times')]);
  for (const s of d.perSite) for (const r of s.recurring) rec.addRow([siteName(d.sites, s.siteId), r.unitCode, r.label, r.count]);
}

function visitors(wb: ExcelJS.Workbook, d: VisitorsData, t: TFunction) {
  const ws = wb.addWorksheet(t('reports.visitors.perDay'));
  ws.addRow([t('reports.site'), t('reports.visitors.day'), t('reports.visitors.count')]);
  for (const s of d.perSite) for (const day of s.days) ws.addRow([siteName(d.sites, s.siteId), day.day, day.count]);
  ws.addRow([t('reports.total'), '', d.total]);
}

function mail(wb: ExcelJS.Workbook, d: MailData, t: TFunction) {
  const ws = wb.addWorksheet(t('reports.tab.mail'));
  const keys = ['received', 'pickedUp', 'returned', 'damaged'] as const;
  ws.addRow([t('reports.site'), ...keys.map((k) => t(`reports.mail.${k}`))]);
  for (const s of d.perSite) ws.addRow([siteName(d.sites, s.siteId), ...keys.map((k) => s[k])]);
  ws.addRow([t('reports.total'), ...keys.map((k) => d.total[k])]);
}

/**
 * A report as a workbook in the user's language: every label from i18n or the desk's export words (no code
 * is written), money in yuan, times `YYYY-MM-DD HH:mm` on each site's own clock.
 */
export async function reportWorkbook(
  kind: ReportKind,
  data: ReportData,
  t: TFunction,
  locale: PrintLocale,
): Promise<ArrayBuffer> {
  const wb = await newWorkbook();
  if (kind === 'fees') fees(wb, data as FeesData, t, locale);
  else if (kind === 'tickets') tickets(wb, data as TicketsData, t, locale);
  else if (kind === 'visitors') visitors(wb, data as VisitorsData, t);
  else mail(wb, data as MailData, t);
  for (const ws of wb.worksheets) ws.columns.forEach((c) => (c.width = 18));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** The file's name: the report's title, the month and the site (or all sites). */
export const reportFileName = (kind: ReportKind, month: string, where: string, t: TFunction) =>
  `${t('reports.title')}-${t(`reports.tab.${kind}`)}-${month}-${where}.xlsx`;
