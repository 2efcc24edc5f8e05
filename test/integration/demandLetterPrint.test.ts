import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { feeDesk } from '../support/fees.js';
import { pdfText } from '../support/pdf.js';

const at = (beijing: string) => Date.parse(`${beijing}+08:00`);

describe('the demand letter (催缴函) as printed', () => {
  let desk: TestDesk;
  let unitId: string;
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
    [{ unitId }] = await desk.ok('directory:search', { q: '2-1-1202' });
  });
  afterAll(() => desk.close());

  const clockTo = async (beijing: string) => {
    desk.clock.ms = at(beijing);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
  };

  it('names the phone notice by its Beijing date', async () => {
    await clockTo('2026-12-02T03:36:00');
    await desk.ok('fees:remind', { unitId, channel: 'phone', outcome: '业主称月底前交' });
    await clockTo('2027-03-05T10:00:00');
    const jobId = newRequestId();
    await desk.ok('print:request', { jobId, docType: 'demand_letter', docId: unitId, layout: 'a4' });
    const text = pdfText((await desk.ok('print:pdf', { jobId })).base64).replace(/\s+/g, ' ');
    console.log(text);
    expect(text).toContain('2026-12-02');
  });
});
