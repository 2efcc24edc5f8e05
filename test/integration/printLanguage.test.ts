import { afterAll, describe, expect, it } from 'vitest';
import { browserPrintBackend } from '../../electron/print/headlessPdf.js';
import { renderWorkOrder } from '../../shared/print/workOrder.js';
import { renderReleasePass } from '../../shared/print/releasePass.js';
import { renderMailDamageSlip } from '../../shared/print/mailDamageSlip.js';
import type { Layout } from '../../shared/print/html.js';
import type { PrintLocale } from '../../shared/i18n/print.js';
import { pdfFacts } from '../support/pdfCheck.js';

const workOrder = (layout: Layout, locale: PrintLocale) =>
  renderWorkOrder(
    {
      siteName: '华远大厦',
      ticketNo: 'HY-A1-T261122-0001',
      kind: 'repair',
      urgency: 'urgent',
      severity: null,
      contact: { unit: '1-2-301', name: '张三', phone: '138****8000' },
      problem: '水管漏水',
      description: '厨房水槽下方漏水',
      location: '厨房',
      convenientTime: '下午',
      paid: false,
      chargeFen: 0,
      department: '工程部',
      assignee: '老周',
      dispatchedAt: '2026-11-22T02:30:00.000Z',
      receiver: '小李',
      copyNo: 0,
    },
    layout,
    locale,
  );
const releasePass = (layout: Layout, locale: PrintLocale) =>
  renderReleasePass(
    {
      siteName: '华远大厦',
      deviceCode: 'A1',
      passNo: 'HY-A1-P261122-0001',
      unit: '1-2-301',
      applicantName: '张三',
      idNumberMasked: '110105********002X',
      relation: 'owner',
      authority: null,
      items: [{ description: '旧沙发', quantity: 1 }],
      reason: 'disposal',
      reasonNote: '',
      wholeUnit: false,
      carrier: '搬家公司',
      plate: '沪A12345',
      validFrom: '2026-11-22T01:00:00.000Z',
      validUntil: '2026-11-22T10:00:00.000Z',
      issuedAt: '2026-11-22T01:00:00.000Z',
      issuedBy: '小李',
      arrearsFen: 0,
      arrearsApprovedBy: null,
      copyNo: 0,
    },
    layout,
    locale,
  );
const damageLabel = (layout: Layout, locale: PrintLocale) =>
  renderMailDamageSlip(
    {
      siteName: '华远大厦',
      deviceCode: 'A1',
      registerNo: 'HY-A1-D261122-0001',
      itemRegisterNo: 'HY-A1-M261122-0001',
      trackingNo: 'XA12345678CN',
      carrier: 'EMS',
      kind: 'parcel',
      receivedAt: '2026-11-22T01:00:00.000Z',
      what: '外包装',
      how: ['torn'],
      description: '一角撕开',
      receivedBy: '小李',
      confirmedBy: '刘班长',
      confirmedAt: '2026-11-22T01:10:00.000Z',
      copyNo: 0,
    },
    layout,
    locale,
  );

/** English words printed as label subtitles on these documents before (issue 17 item 6). */
const DOCS = [
  {
    name: 'work order',
    render: workOrder,
    layouts: ['roll80', 'a5'] as Layout[],
    english: ['Technician', 'Dispatched', 'Taken by'],
  },
  {
    name: 'release pass',
    render: releasePass,
    layouts: ['roll80', 'a6'] as Layout[],
    english: ['Applicant', 'Carrier', 'Issued by'],
  },
  {
    name: 'damage label',
    render: damageLabel,
    layouts: ['roll80', 'a6'] as Layout[],
    english: ['Register no.', 'Tracking no.', 'Confirmed by'],
  },
];

describe('Chinese documents print their labels in Chinese only; English ones in English', () => {
  const printer = browserPrintBackend();
  afterAll(() => printer.close());

  for (const doc of DOCS)
    for (const layout of doc.layouts)
      it(`the ${doc.name} on ${layout}`, async () => {
        const zh = pdfFacts((await printer.pdf(await doc.render(layout, 'zh-Hans'), layout)).toString('base64'));
        for (const word of doc.english) expect(zh.text).not.toContain(word);
        expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
        const en = pdfFacts((await printer.pdf(await doc.render(layout, 'en'), layout)).toString('base64'));
        for (const word of doc.english) expect(en.text).toContain(word);
      });
});
