import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyEvent, rowToEvent } from '../../db/events.js';
import type { Database } from '../../db/schema.js';
import { ADMIN, checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { pdfText } from '../support/pdf.js';
import { addStaff, b64, expectFieldError, failure, snapshot } from './helpers.js';

const DETAILS = {
  siteName: '华远国际大厦',
  address: '上海市浦东新区世纪大道 100 号',
  phone: '021-5555 6666 转 801',
  companyName: '上海华远物业服务有限公司',
};

const eventsOf = (desk: TestDesk) =>
  (desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all() as Database['events'][]).map(rowToEvent);

/** What sync does: every event one desk has, applied at the other by the same appliers. */
async function exchange(from: TestDesk, to: TestDesk) {
  for (const e of eventsOf(from)) await to.backend.database.db.transaction().execute((trx) => applyEvent(trx, e));
  await to.reopen(); // as a pull does, the desk reads its site identity again
  await to.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
}

describe('site details (name, address, phone, company) and names that print', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('an admin changes the details; the status bar, the receipt and the visitor pass print them', async () => {
    const { unitId } = await feeDesk(desk);
    expect(await desk.ok('site:details')).toEqual({ siteName: '华远大厦', address: '', phone: '', companyName: '' });
    expect(await desk.ok('site:updateDetails', DETAILS)).toEqual(DETAILS);
    expect((await desk.ok('status:get')).siteName).toBe('华远国际大厦');

    const { printJobId } = await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']));
    const receipt = pdfText((await desk.ok('print:pdf', { jobId: printJobId! })).base64);
    for (const text of ['华远国际大厦', '上海华远物业服务有限公司', '世纪大道 100 号', '021-5555 6666 转 801'])
      expect(receipt).toContain(text);

    const visit = await desk.ok('visits:checkIn', await checkInInput(desk));
    const pass = pdfText((await desk.ok('print:pdf', { jobId: visit.printJobId! })).base64);
    expect(pass).toContain('华远国际大厦');
    expect(pass).toContain('上海华远物业服务有限公司');
  });

  it('only an admin may change them: a manager and a receptionist are refused and nothing is written', async () => {
    const manager = await addStaff(desk, 'manager', 'M001', '147036', '周经理');
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const before = snapshot(desk);
    for (const who of [manager, rec]) {
      expect(failure(await desk.call('site:updateDetails', DETAILS, who.session)).code).toBe('forbidden');
    }
    expect(snapshot(desk)).toEqual(before);
    // Everyone may read them (the settings page shows them to all).
    expect((await desk.ok('site:details', {}, rec.session)).siteName).toBe('华远大厦');
  });

  it('a site name or company with a bidi override, a control character or an emoji is refused at its field', async () => {
    const before = snapshot(desk);
    const cases: [string, Partial<typeof DETAILS>, string][] = [
      ['siteName', { siteName: '华远\u202E厦大' }, 'err.name.bidi'],
      ['siteName', { siteName: '华远\u2066大厦\u2069' }, 'err.name.bidi'],
      ['siteName', { siteName: '华远\u0007大厦' }, 'err.name.control'],
      ['siteName', { siteName: '华远大厦🏢' }, 'err.name.emoji'],
      ['companyName', { companyName: '华远物业\u202D有限公司' }, 'err.name.bidi'],
      ['address', { address: '世纪大道\n100 号' }, 'err.name.control'],
      ['phone', { phone: '请致电前台' }, 'err.phone.format'],
    ];
    for (const [path, change, message] of cases) {
      expectFieldError(await desk.call('site:updateDetails', { ...DETAILS, ...change }), path, message);
    }
    expect(snapshot(desk)).toEqual(before);
  });

  it('visitor, staff and occupant names refuse the same characters, each at its field', async () => {
    await importSampleDirectory(desk);
    const before = snapshot(desk);
    const visitorName = async (name: string) =>
      desk.call(
        'visits:checkIn',
        await checkInInput(desk, {
          visitor: { name, phone: '13700137000', idType: 'resident_id', idNumber: '11010519491231002X' },
        }),
      );
    expectFieldError(await visitorName('赵\u202E六'), 'visitor.name', 'err.name.bidi');
    expectFieldError(await visitorName('赵六😀'), 'visitor.name', 'err.name.emoji');
    expectFieldError(await visitorName('赵\u0000六'), 'visitor.name', 'err.name.control');
    expectFieldError(
      await desk.call('staff:create', { staffNo: 'R009', name: '小\u2067陈', role: 'receptionist', pin: '2468' }),
      'name',
      'err.name.bidi',
    );
    const bad = await desk.call('directory:import', {
      fileName: 'directory.csv',
      contentBase64: b64(['单元,姓名,电话', '9-1-101,王五👍,13800138111', '9-1-102,赵\u202E六,13800138112'].join('\n')),
    });
    expect(expectFieldError(bad, 'fileName', 'err.import.rows').details).toMatchObject({
      problems: [
        { line: 2, column: 'name', message: 'err.name.emoji' },
        { line: 3, column: 'name', message: 'err.name.bidi' },
      ],
    });
    expect(snapshot(desk)).toEqual(before);
    // Names that print as written still pass: Extension B, Latin with apostrophes, a trademark sign.
    const ok = await desk.call(
      'visits:checkIn',
      await checkInInput(desk, {
        requestId: newRequestId(),
        visitor: { name: 'O’Brien 𠮷田', phone: '13700137000', idType: 'resident_id', idNumber: '11010519491231002X' },
      }),
    );
    expect(ok.ok).toBe(true);
  });

  it('the change reaches the other desk; of two changes, the later one wins on both', async () => {
    const b = await openTestDesk({ setUp: false, clock: desk.clock });
    try {
      await exchange(desk, b);
      b.backend.database.raw.prepare("UPDATE meta SET value = ? WHERE key = 'device_id'").run(uuidv7());
      b.backend.database.raw.prepare("UPDATE meta SET value = 'B2' WHERE key = 'device_code'").run();
      await b.reopen();
      await b.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
      await desk.ok('site:updateDetails', DETAILS);
      desk.clock.advance(1);
      const later = { ...DETAILS, siteName: '华远中心', phone: '021-55556666-802' };
      await b.ok('site:updateDetails', later);
      await exchange(desk, b);
      await exchange(b, desk);
      for (const d of [desk, b]) {
        expect(await d.ok('site:details')).toEqual(later);
        expect((await d.ok('status:get')).siteName).toBe('华远中心');
      }
    } finally {
      await b.close();
    }
  });
});
