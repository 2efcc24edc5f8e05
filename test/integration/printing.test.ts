import { pdfText } from '../support/pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import type { Visit } from '../../shared/api/schemas.js';
import { counts, expectFieldError } from './helpers.js';

describe('printing', () => {
  let desk: TestDesk;
  let visit: Visit;
  let firstJobId: string;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    const r = await desk.ok('visits:checkIn', await checkInInput(desk));
    visit = r.visit;
    firstJobId = r.printJobId!;
  });
  afterAll(() => desk.close());

  it('asking twice with one job id queues one job', async () => {
    const before = counts(desk);
    const request = { jobId: newRequestId(), docType: 'visitor_pass', docId: visit.id, layout: 'a6' } as const;
    const first = await desk.ok('print:request', request);
    const again = await desk.ok('print:request', request);
    expect(again).toEqual(first);
    expect(counts(desk)).toEqual({ ...before, events: before.events + 1, print_jobs: before.print_jobs + 1 });
  });

  it('two requests with one job id arriving together queue one job', async () => {
    const before = counts(desk);
    const request = { jobId: newRequestId(), docType: 'visitor_pass', docId: visit.id, layout: 'a6' } as const;
    const [a, b] = await Promise.all([desk.call('print:request', request), desk.call('print:request', request)]);
    expect(a.ok && b.ok).toBe(true);
    expect(b).toEqual(a);
    expect(counts(desk)).toEqual({ ...before, events: before.events + 1, print_jobs: before.print_jobs + 1 });
  });

  it('the pass shows the masked ID, never the full one, and a QR code of the pass number', async () => {
    const { html, job } = await desk.ok('print:html', { jobId: firstJobId });
    expect(job).toMatchObject({ docType: 'visitor_pass', docId: visit.id, copyNo: 0 });
    expect(html).toContain('110105********002X');
    expect(html).not.toContain('11010519491231002X');
    expect(html).not.toContain('13700137000');
    expect(html).toContain(visit.passNo);
    expect(html).toContain('<svg');
    expect(html).not.toContain('补打');
  });

  it('a second print of the same pass is marked as a reprint with its count', async () => {
    const jobId = newRequestId();
    const job = await desk.ok('print:request', { jobId, docType: 'visitor_pass', docId: visit.id, layout: 'roll80' });
    expect(job.copyNo).toBeGreaterThanOrEqual(1);
    const { html } = await desk.ok('print:html', { jobId });
    expect(html).toContain(`补打 · 第${job.copyNo}次`);
  });

  it('the first reprint of a fresh pass is copy 1', async () => {
    const r = await desk.ok('visits:checkIn', await checkInInput(desk, {}, '王小明'));
    const jobId = newRequestId();
    const job = await desk.ok('print:request', { jobId, docType: 'visitor_pass', docId: r.visit.id, layout: 'roll80' });
    expect(job.copyNo).toBe(1);
    expect((await desk.ok('print:html', { jobId })).html).toContain('补打 · 第1次');
  });

  it('an English desk prints REPRINT', async () => {
    await desk.ok('settings:update', { locale: 'en' });
    const jobId = newRequestId();
    await desk.ok('print:request', { jobId, docType: 'visitor_pass', docId: visit.id, layout: 'roll80' });
    const { html } = await desk.ok('print:html', { jobId });
    expect(html).toMatch(/REPRINT · copy \d+/);
    await desk.ok('settings:update', { locale: 'zh-Hans' });
  });

  it('printing a pass that does not exist is refused at docId and queues nothing', async () => {
    const before = counts(desk);
    expectFieldError(
      await desk.call('print:request', { jobId: newRequestId(), docType: 'visitor_pass', docId: 'nope', layout: 'a6' }),
      'docId',
      'err.notFound',
    );
    expectFieldError(
      await desk.call('print:request', { jobId: 'job-1', docType: 'visitor_pass', docId: visit.id, layout: 'a6' }),
      'jobId',
    );
    expectFieldError(
      await desk.call('print:request', {
        jobId: newRequestId(),
        docType: 'visitor_pass',
        docId: visit.id,
        layout: 'a3',
      } as never),
      'layout',
    );
    expectFieldError(await desk.call('print:html', { jobId: 'nope' }), 'jobId', 'err.notFound');
    expect(counts(desk)).toEqual(before);
  });

  it('marking a job printed shows in the recent list', async () => {
    await desk.ok('print:markPrinted', { jobId: firstJobId });
    const recent = await desk.ok('print:recent');
    expect(recent.find((j) => j.id === firstJobId)?.status).toBe('printed');
  });

  it('the pass renders to a PDF carrying the pass number', async () => {
    const { fileName, base64 } = await desk.ok('print:pdf', { jobId: firstJobId });
    expect(base64.startsWith('JVBER')).toBe(true); // %PDF
    expect(fileName).toBe(`visitor_pass-${visit.id}.pdf`);
    const text = pdfText(base64);
    expect(text).toContain(visit.passNo);
    expect(text).toContain('110105********002X');
    expect(text).not.toContain('11010519491231002X');
  });

  it('the on-site roll call prints everyone in the building', async () => {
    const jobId = newRequestId();
    await desk.ok('print:request', { jobId, docType: 'onsite_roll', docId: 'now', layout: 'a4' });
    const { base64 } = await desk.ok('print:pdf', { jobId });
    const text = pdfText(base64);
    for (const v of await desk.ok('visits:onSite')) expect(text).toContain(v.passNo);
  });
});
