import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { feeDesk } from '../support/fees.js';
import { pastRightMargin, pdfFacts } from '../support/pdfCheck.js';

const at = (beijing: string) => Date.parse(`${beijing}+08:00`);
const DETAILS = {
  siteName: '华远大厦',
  address: '上海市浦东新区世纪大道 100 号',
  phone: '021-5555 6666 转 801',
  companyName: '上海华远物业服务有限公司',
};

describe('the demand letter (催缴函) as a company can send it', () => {
  let desk: TestDesk;
  let unitId: string;
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
    await desk.ok('site:updateDetails', DETAILS);
    [{ unitId }] = await desk.ok('directory:search', { q: '2-1-1202' });
  });
  afterAll(() => desk.close());

  const clockTo = async (beijing: string) => {
    desk.clock.ms = at(beijing);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
  };
  const letter = async (docId = unitId) => {
    const job = await desk.ok('print:request', { jobId: newRequestId(), docType: 'demand_letter', docId, layout: 'a4' });
    const pdf = await desk.ok('print:pdf', { jobId: job.id });
    return {
      job,
      pdf,
      facts: pdfFacts(pdf.base64, process.env.PDF_PNG_DIR ? `${process.env.PDF_PNG_DIR}/letter-${job.copyNo}` : undefined),
    };
  };

  it('names the phone notice by its Beijing date, the company, the service centre, how to pay, with a seal, on one page', async () => {
    // 03:36 on 2 December in Beijing is still 1 December in UTC (19:36Z).
    await clockTo('2026-12-02T03:36:00');
    await desk.ok('fees:remind', { unitId, channel: 'phone', outcome: '业主称月底前交' });
    await clockTo('2027-03-05T10:00:00');
    const { job, facts } = await letter();
    expect(job.copyNo).toBe(0);
    expect(facts.text).toContain('我司已于 2026-12-02 电话通知');
    expect(facts.text).not.toContain('2026-12-01');
    expect(facts.text).toContain('上海华远物业服务有限公司');
    expect(facts.text).toContain('上海市浦东新区世纪大道 100 号');
    expect(facts.text).toContain('021-5555 6666 转 801');
    expect(facts.text).toContain('缴费方式');
    expect(facts.text).toContain('现金、银行卡、微信支付、支付宝');
    expect(facts.text).toContain('（盖章）');
    expect(facts.text).toContain('催缴-2-1-1202-20270305');
    expect(facts.text).toContain('2027-03-20');
    expect(facts.text).not.toContain('补打');
    expect(facts.pages).toBe(1);
    expect(pastRightMargin(facts, 12)).toEqual([]);
  });

  it('the same day again is its reprint; a letter on a new date is a new document with its own number', async () => {
    const again = await letter();
    expect(again.job.copyNo).toBe(1);
    expect(again.facts.text).toContain('补打 · 第1次');
    expect(again.facts.text).toContain('催缴-2-1-1202-20270305');

    await clockTo('2027-04-06T09:00:00');
    const next = await letter();
    expect(next.job).toMatchObject({ copyNo: 0, docId: `${unitId}@2027-04-06` });
    expect(next.facts.text).not.toContain('补打');
    expect(next.facts.text).toContain('催缴-2-1-1202-20270406');
    expect(next.facts.text).toContain('2027-04-21');
    // The earlier letter still reprints as itself, dated as it was sent.
    const old = await letter(`${unitId}@2027-03-05`);
    expect(old.job.copyNo).toBe(2);
    expect(old.facts.text).toContain('催缴-2-1-1202-20270305');
  });

  it('a letter dated after today or a malformed id is refused', async () => {
    for (const docId of [`${unitId}@2027-04-07`, `${unitId}@2027-02-30`, `${unitId}@x@y`]) {
      const r = await desk.call('print:request', { jobId: newRequestId(), docType: 'demand_letter', docId, layout: 'a4' });
      expect(r.ok).toBe(false);
    }
  });

  it('in English it prints the English wording with the same Beijing date', async () => {
    await desk.ok('settings:update', { locale: 'en' });
    const { facts } = await letter();
    await desk.ok('settings:update', { locale: 'zh-Hans' });
    expect(facts.text).toContain('phone reminder of 2026-12-02');
    expect(facts.text).toContain('How to pay');
    expect(facts.text).toContain('(company seal)');
    expect(facts.pages).toBe(1);
  });
});
