import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInInput, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { importPassDirectory, passInput } from '../support/releasePass.js';
import { importSampleCharges } from '../support/fees.js';
import { damage, mailInput } from '../support/mail.js';
import { repairInput } from '../support/tickets.js';
import {
  linesOf,
  pdfLayout,
  pdfQrCodes,
  PT_PER_MM,
  squeeze,
  wordsPastRight,
  type PdfLayout,
  type PdfLine,
} from '../support/pdfLayout.js';
import { addStaff } from './helpers.js';
import { LOCALES } from '../../shared/api/schemas.js';
import { PAPER, PAGE_MARGIN_MM, type Layout } from '../../shared/print/html.js';
import { printT, type PrintLocale } from '../../shared/i18n/print.js';
import { amountInCapitals } from '../../shared/domain/money.js';
import type { ProcInput } from '../../shared/api/contract.js';

/**
 * Every document the desk prints, in every layout it offers and every print language, rendered to
 * PDF by the desk's own PDF printer (headless Chromium) and read back with poppler as a filing clerk
 * would hold it: one sheet where one sheet is meant, nothing past the right margin, and what each
 * document must show. Set PRINT_FIT_DIR to keep the PDFs for a person to look at.
 */

type DocType = ProcInput<'print:request'>['docType'];

/** What the checks of one rendered document get. */
interface Rendered {
  file: string;
  layout: Layout;
  locale: PrintLocale;
  pdf: PdfLayout;
  /** All pages' text without white space. */
  text: string;
  /** Each printed line (words at one height), top to bottom, without white space. */
  lines: string[];
  /** The same lines with where they print. */
  placed: PdfLine[];
}

/** The scenario's records: made once, printed in every layout and language. */
interface Scenario {
  visitId: string;
  passNo: string;
  releasePassId: string;
  releasePassNo: string;
  moveOutPassId: string;
  moveOutPassNo: string;
  damageId: string;
  damageRegisterNo: string;
  itemRegisterNo: string;
  trackingNo: string;
  mailItemId: string;
  receiptId: string;
  receiptNo: string;
  receiptTotalFen: number;
  voidedReceiptId: string;
  voidedReceiptNo: string;
  ticketId: string;
  noticeTicketId: string;
  arrearsUnitId: string;
}

/** One document type: the layouts the desk offers for it and what it must show. Add new documents here. */
interface PrintedDoc {
  name: string;
  docType: DocType;
  docId: (s: Scenario) => string;
  layouts: Layout[];
  check?: (r: Rendered, s: Scenario) => void;
}

const WECHAT_REF = '4200001234202611220001';
const PARKING_SPACE = 'B2-018';
/** A whole flat moving out: more goods than one column of an A6 pass holds. */
const MOVE_OUT = [
  '双人床',
  '床垫',
  '衣柜',
  '书桌',
  '椅子',
  '餐桌',
  '餐椅',
  '沙发',
  '茶几',
  '电视柜',
  '冰箱',
  '洗衣机',
  '空调',
  '纸箱',
  '行李箱',
  '台灯',
].map((description, n) => ({ description, quantity: n === 13 ? 24 : n === 6 ? 4 : 1 }));

const DOCS: PrintedDoc[] = [
  {
    name: 'visitor pass',
    docType: 'visitor_pass',
    docId: (s) => s.visitId,
    layouts: ['roll80', 'a6'],
    check: (r, s) => {
      const t = printT(r.locale);
      expect(r.text).toContain(s.passNo);
      expect(r.text).toContain(squeeze(t('labels.returnSlip')));
      // Every print here after the check-in's own is a reprint: the 补打 box is on the sheet, whole.
      expect(r.text).toMatch(new RegExp(squeeze(t('labels.reprint', { n: 9 })).replace('9', '\\d+')));
      expect(pdfQrCodes(r.file, 1)).toEqual([s.passNo]);
    },
  },
  {
    name: 'release pass',
    docType: 'release_pass',
    docId: (s) => s.releasePassId,
    layouts: ['roll80', 'a6'],
    check: (r, s) => {
      const t = printT(r.locale);
      for (const item of ['沙发', '冰箱', '纸箱', '电视机', '书柜']) expect(r.text).toContain(item);
      expect(r.text).toContain(squeeze(t('releasePass.gate')));
      expect(pdfQrCodes(r.file, 1)).toEqual([s.releasePassNo]);
    },
  },
  {
    name: 'release pass moving out',
    docType: 'release_pass',
    docId: (s) => s.moveOutPassId,
    layouts: ['roll80', 'a6'],
    check: (r, s) => {
      for (const item of MOVE_OUT) expect(r.text).toContain(item.description);
      const t = printT(r.locale);
      expect(
        r.lines.some((l) => l.endsWith(`${squeeze(t('releasePass.total'))}${MOVE_OUT.reduce((n, i) => n + i.quantity, 0)}`)),
      ).toBe(true);
      expect(pdfQrCodes(r.file, 1)).toEqual([s.moveOutPassNo]);
    },
  },
  {
    name: 'mail damage label',
    docType: 'mail_damage_slip',
    docId: (s) => s.damageId,
    layouts: ['roll80', 'a6'],
    check: (r, s) => {
      expect(r.text).toContain(s.damageRegisterNo);
      expect(r.text).toContain(s.itemRegisterNo);
      expect(pdfQrCodes(r.file, 1)).toEqual([s.trackingNo]);
    },
  },
  {
    name: 'mail pickup slip',
    docType: 'mail_pickup_slip',
    docId: (s) => s.mailItemId,
    layouts: ['roll80'],
    check: (r, s) => expect(r.text).toContain(s.itemRegisterNo),
  },
  {
    name: 'receipt',
    docType: 'receipt',
    docId: (s) => s.receiptId,
    layouts: ['roll80', 'a5'],
    check: (r, s) => {
      const t = printT(r.locale);
      // The amount in capitals, the WeChat transaction number and the parking space each on one line, whole.
      const capitals = amountInCapitals(s.receiptTotalFen);
      expect(capitals.endsWith('分')).toBe(true);
      expect(r.lines.some((l) => l.includes(capitals))).toBe(true);
      expect(r.lines.some((l) => l.includes(WECHAT_REF))).toBe(true);
      expect(r.lines.some((l) => l.includes(PARKING_SPACE))).toBe(true);
      const ref = `LDR1/${s.receiptNo}/${s.receiptTotalFen}/${s.receiptId}`;
      if (r.layout === 'a5') {
        // The stub above the cut line, the customer's copy below it, on the one sheet; a QR on each.
        const cut = lineAt(r, t('fee.cutHere'));
        expect(lineAt(r, t('fee.stub')).y).toBeLessThan(cut.y);
        expect(lineAt(r, t('fee.customer')).y).toBeGreaterThan(cut.y);
        expect(pdfQrCodes(r.file, 1, [cut.y])).toEqual([ref, ref]);
      } else {
        expect(pdfQrCodes(r.file, 1)).toEqual([ref]);
      }
    },
  },
  {
    name: 'voided receipt',
    docType: 'receipt',
    docId: (s) => s.voidedReceiptId,
    layouts: ['roll80', 'a5'],
    check: (r, s) => {
      const t = printT(r.locale);
      // The 作废 stamp is set at a slant (poppler reads it in pieces); the lines beside it read straight.
      expect(r.lines.some((l) => l.includes(`${squeeze(t('fee.voidReason'))}金额录错`))).toBe(true);
      expect(r.lines).toContain(`${squeeze(t('fee.voidApprover'))}刘班长`);
      // A scan tells the receipt is void without asking anyone (receiptVerifyRef says why).
      const ref = `LDR1/${s.voidedReceiptNo}/20000/${s.voidedReceiptId}/VOID`;
      const cut = r.layout === 'a5' ? [lineAt(r, printT(r.locale)('fee.cutHere')).y] : [];
      expect(pdfQrCodes(r.file, 1, cut)).toEqual(r.layout === 'a5' ? [ref, ref] : [ref]);
    },
  },
  {
    name: 'work order',
    docType: 'work_order',
    docId: (s) => s.ticketId,
    layouts: ['roll80', 'a6'],
  },
  { name: 'ticket notice', docType: 'ticket_notice', docId: (s) => s.noticeTicketId, layouts: ['roll80', 'a6'] },
  { name: 'onsite roll', docType: 'onsite_roll', docId: () => 'now', layouts: ['a4'] },
  { name: 'daily report', docType: 'daily_report', docId: () => '2026-11-22', layouts: ['a4'] },
  { name: 'demand letter', docType: 'demand_letter', docId: (s) => s.arrearsUnitId, layouts: ['a4'] },
];

/** The first printed line that shows `text`; fails the test when none does. */
function lineAt(r: Rendered, text: string): PdfLine {
  const line = r.placed.find((l) => l.text.includes(squeeze(text)));
  if (!line) throw new Error(`no line of ${r.file} shows ${text}`);
  return line;
}

async function makeScenario(desk: TestDesk): Promise<Scenario> {
  await importPassDirectory(desk);
  await importSampleCharges(desk);
  const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
  const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  // The longest header a site prints: legal name, address and phone under the site name.
  await desk.ok('site:updateDetails', {
    siteName: '华远大厦',
    companyName: '上海华远物业管理有限公司',
    address: '上海市浦东新区世纪大道 1888 号华远大厦一楼服务中心',
    phone: '021-5555 6666 转 801',
  });
  const visit = await desk.ok(
    'visits:checkIn',
    await checkInInput(desk, { partySize: 3, plate: '沪A·D12345', purpose: '送合同并面谈装修事宜' }),
    rec.session,
  );
  const pass = await desk.ok(
    'passes:issue',
    await passInput(desk, {
      items: [
        { description: '沙发', quantity: 1 },
        { description: '冰箱', quantity: 1 },
        { description: '纸箱', quantity: 12 },
        { description: '电视机', quantity: 1 },
        { description: '书柜', quantity: 2 },
      ],
    }),
    rec.session,
  );
  const moveOut = await desk.ok(
    'passes:issue',
    await passInput(desk, {
      items: MOVE_OUT,
      reason: 'moving_out',
      wholeUnit: true,
      // The unit owes fees: a leader lets the goods out anyway, and the pass says so (its longest form).
      arrearsApproval: { staffNo: leader.staffNo, pin: leader.pin, reason: '业主承诺月底前结清' },
    }),
    rec.session,
  );
  const received = await desk.ok('mail:receive', await mailInput(desk, { condition: 'damaged', damage: damage() }), rec.session);
  const confirmed = await desk.ok(
    'mail:confirmDamage',
    { damageId: received.damage!.id, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '已核对' } },
    rec.session,
  );
  const [host] = await desk.ok('directory:search', { q: '张三' });
  const account = await desk.ok('fees:account', { unitId: host.unitId }, rec.session);
  const property = account.charges.filter((c) => c.item === 'property');
  const parking = account.charges.find((c) => c.item === 'parking')!;
  // Three months of property fee and the parking space: ¥971.25, capitals ending in 分, paid by WeChat.
  const chosen = [...property.slice(0, 3), parking];
  const total = chosen.reduce((n, c) => n + c.amountFen, 0);
  const paid = await desk.ok(
    'fees:pay',
    {
      requestId: newRequestId(),
      unitId: host.unitId,
      payer: '张三',
      chargeIds: chosen.map((c) => c.chargeId),
      methods: [{ method: 'wechat', amount: (total / 100).toFixed(2), reference: WECHAT_REF }],
      tendered: '',
    },
    rec.session,
  );
  const toVoid = await desk.ok(
    'fees:pay',
    {
      requestId: newRequestId(),
      unitId: host.unitId,
      payer: '张三',
      chargeIds: [],
      advance: '200',
      methods: [{ method: 'cash', amount: '200' }],
      tendered: '',
    },
    rec.session,
  );
  await desk.ok(
    'fees:void',
    { receiptId: toVoid.receipt.id, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '金额录错' } },
    rec.session,
  );
  const ticket = await desk.ok('tickets:create', await repairInput(desk), rec.session);
  await desk.ok('tickets:dispatch', { ticketId: ticket.ticket.id, department: '工程部', assignee: '王师傅' }, rec.session);
  const notice = await desk.ok(
    'tickets:create',
    await repairInput(desk, { category: 'leak', problem: 'ceiling', confirmDuplicate: true }),
    rec.session,
  );
  const [vacant] = await desk.ok('directory:search', { q: '王小明' });
  return {
    noticeTicketId: notice.ticket.id,
    arrearsUnitId: vacant.unitId,
    visitId: visit.visit.id,
    passNo: visit.visit.passNo,
    releasePassId: pass.pass.id,
    releasePassNo: pass.pass.passNo,
    moveOutPassId: moveOut.pass.id,
    moveOutPassNo: moveOut.pass.passNo,
    damageId: received.damage!.id,
    damageRegisterNo: confirmed.damage.registerNo,
    itemRegisterNo: received.item.registerNo,
    trackingNo: received.item.trackingNo,
    mailItemId: received.item.id,
    receiptId: paid.receipt.id,
    receiptNo: paid.receipt.receiptNo,
    receiptTotalFen: paid.receipt.totalFen,
    voidedReceiptId: toVoid.receipt.id,
    voidedReceiptNo: toVoid.receipt.receiptNo,
    ticketId: ticket.ticket.id,
  };
}

describe('every printed document fits its paper', () => {
  let desk: TestDesk;
  let scenario: Scenario;
  let outDir: string;
  beforeAll(async () => {
    outDir = process.env.PRINT_FIT_DIR ?? mkdtempSync(join(tmpdir(), 'lobbydesk-printfit-'));
    mkdirSync(outDir, { recursive: true });
    desk = await openTestDesk();
    scenario = await makeScenario(desk);
  });
  afterAll(async () => {
    await desk.close();
    if (!process.env.PRINT_FIT_DIR) rmSync(outDir, { recursive: true, force: true });
  });

  async function render(doc: PrintedDoc, layout: Layout, locale: PrintLocale): Promise<Rendered> {
    await desk.ok('settings:update', { locale });
    const job = await desk.ok('print:request', {
      jobId: newRequestId(),
      docType: doc.docType,
      docId: doc.docId(scenario),
      layout,
    });
    const { base64 } = await desk.ok('print:pdf', { jobId: job.id });
    const file = join(outDir, `${doc.name.replace(/ /g, '-')}-${layout}-${locale}.pdf`);
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const pdf = pdfLayout(file);
    const placed = linesOf(pdf);
    return { file, layout, locale, pdf, text: squeeze(pdf.pageTexts.join('')), lines: placed.map((l) => l.text), placed };
  }

  for (const locale of LOCALES) {
    for (const doc of DOCS) {
      for (const layout of doc.layouts) {
        it(`${doc.name} · ${layout} · ${locale}: one sheet, nothing past the right margin`, async () => {
          const r = await render(doc, layout, locale);
          const paper = PAPER[layout];
          expect(r.pdf.pages).toBe(1);
          // Chromium rounds the sheet to whole device pixels: within a point of the paper's size.
          expect(Math.abs(r.pdf.widthPt - paper.widthMm * PT_PER_MM)).toBeLessThan(1);
          if (paper.heightMm) expect(Math.abs(r.pdf.heightPt - paper.heightMm * PT_PER_MM)).toBeLessThan(1);
          const right = r.pdf.widthPt - PAGE_MARGIN_MM[layout] * PT_PER_MM;
          expect(wordsPastRight(r.pdf, right).map((w) => w.text)).toEqual([]);
          doc.check?.(r, scenario);
        });
      }
    }
  }
});
