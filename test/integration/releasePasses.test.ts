import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { importPassDirectory, occupant, passInput } from '../support/releasePass.js';
import { addStaff, counts, expectFieldError, failure, later } from './helpers.js';

const TABLES = ['events', 'release_passes', 'release_gate_checks', 'print_jobs'];
const allReleased = (n: number[]) => n.map((released) => ({ released }));

describe('release passes: authority', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
  });
  afterAll(() => desk.close());

  it('the owner on record applies: the pass is numbered per desk and day and queued for printing', async () => {
    const { pass, printJobId } = await desk.ok('passes:issue', await passInput(desk));
    expect(pass.passNo).toBe('HY-A1-P261122-0001');
    expect(pass).toMatchObject({ unitCode: '1-2-301', relation: 'owner', verdict: 'valid', totalQuantity: 14 });
    expect(pass.idNumberMasked).toBe('110105********002X');
    const { job } = await desk.ok('print:html', { jobId: printJobId });
    expect(job).toMatchObject({ docType: 'release_pass', docId: pass.id, copyNo: 0, layout: 'roll80' });
    const second = await desk.ok('passes:issue', await passInput(desk));
    expect(second.pass.passNo).toBe('HY-A1-P261122-0002');
  });

  it('a retried submit returns the same pass and prints nothing more', async () => {
    const input = await passInput(desk);
    const first = await desk.ok('passes:issue', input);
    const before = counts(desk, TABLES);
    expect(await desk.ok('passes:issue', input)).toEqual(first);
    expect(counts(desk, TABLES)).toEqual(before);
  });

  it('someone who is not the owner on record cannot apply as the owner', async () => {
    const before = counts(desk, TABLES);
    const r = await desk.call(
      'passes:issue',
      await passInput(desk, {
        applicant: { name: '李四', phone: '13900139000', idType: 'resident_id', idNumber: '11010519491231002X' },
      }),
    );
    expectFieldError(r, 'relation', 'err.pass.notOwner');
    expect(counts(desk, TABLES)).toEqual(before);
  });

  it("a tenant without the owner's consent is refused; with it, the pass names who consented and how", async () => {
    const tenantUnit = await occupant(desk, '林小雨');
    const tenant = { name: '林小雨', phone: '13822223333', idType: 'resident_id' as const, idNumber: '11010519491231002X' };
    const before = counts(desk, TABLES);
    const without = await desk.call(
      'passes:issue',
      await passInput(desk, { occupantId: tenantUnit.occupantId, applicant: tenant, relation: 'tenant' }),
    );
    expectFieldError(without, 'authority.occupantId', 'err.pass.consentRequired');
    // Consent from someone who is not the unit's owner (the tenant herself) does not count either.
    const selfConsent = await desk.call(
      'passes:issue',
      await passInput(desk, {
        occupantId: tenantUnit.occupantId,
        applicant: tenant,
        relation: 'tenant',
        authority: { occupantId: tenantUnit.occupantId, method: 'present' },
      }),
    );
    expectFieldError(selfConsent, 'authority.occupantId', 'err.pass.consentNotOwner');
    expect(counts(desk, TABLES)).toEqual(before);

    const owner = await occupant(desk, '陈建国');
    const { pass } = await desk.ok(
      'passes:issue',
      await passInput(desk, {
        occupantId: tenantUnit.occupantId,
        applicant: tenant,
        relation: 'tenant',
        authority: { occupantId: owner.occupantId, method: 'phone' },
      }),
    );
    expect(pass).toMatchObject({ unitCode: '3-1-502', authorityName: '陈建国', authorityMethod: 'phone' });
  });

  it('an agent for a unit with no owner on record is refused (the directory must be fixed first)', async () => {
    const rented = await occupant(desk, '王小明');
    const r = await desk.call(
      'passes:issue',
      await passInput(desk, {
        occupantId: rented.occupantId,
        relation: 'agent',
        authority: { occupantId: rented.occupantId, method: 'written' },
      }),
    );
    expectFieldError(r, 'authority.occupantId', 'err.pass.noOwnerOnRecord');
  });

  it("company staff need the company's registered contact, not just anyone of the building", async () => {
    const company = await occupant(desk, '华夏');
    const contact = await occupant(desk, '周立');
    const owner = await occupant(desk, '张三');
    const staff = { name: '吴工', phone: '13744445555', idType: 'resident_id' as const, idNumber: '11010519491231002X' };
    const wrong = await desk.call(
      'passes:issue',
      await passInput(desk, {
        occupantId: company.occupantId,
        applicant: staff,
        relation: 'company_staff',
        authority: { occupantId: owner.occupantId, method: 'phone' },
      }),
    );
    expectFieldError(wrong, 'authority.occupantId', 'err.pass.consentNotContact');
    const { pass } = await desk.ok(
      'passes:issue',
      await passInput(desk, {
        occupantId: company.occupantId,
        applicant: staff,
        relation: 'company_staff',
        authority: { occupantId: contact.occupantId, method: 'written' },
      }),
    );
    expect(pass).toMatchObject({ unitCode: 'T-1801', company: '华夏科技有限公司', authorityName: '周立' });
  });
});

describe('release passes: arrears gate on a whole-unit move-out', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
  });
  afterAll(() => desk.close());

  it('with no unpaid charges a whole-unit move-out needs no approval', async () => {
    const info = await desk.ok('passes:unitInfo', { occupantId: (await occupant(desk, '张三')).occupantId });
    expect(info).toMatchObject({ unitCode: '1-2-301', arrearsFen: 0 });
    expect(info.occupants.map((o) => o.name).sort()).toEqual(['张三', '李四'].sort());
    await desk.ok('passes:issue', await passInput(desk, { reason: 'moving_out', wholeUnit: true }));
  });

  it('while arrears exist it stops and shows the amount; only a shift leader PIN lets it through, recorded on the pass', async () => {
    const unit = await occupant(desk, '张三');
    // Two months of charges left unpaid on the unit's account (¥1,280.50), and one for next month,
    // which is not owed yet and does not count.
    await desk.ok('fees:raiseCharge', { unitId: unit.unitId, item: 'repair', period: '2026-10', amount: '1000.50' });
    await desk.ok('fees:raiseCharge', { unitId: unit.unitId, item: 'parking', period: '2026-11', amount: '280' });
    await desk.ok('fees:raiseCharge', { unitId: unit.unitId, item: 'parking', period: '2026-12', amount: '280' });
    expect((await desk.ok('passes:unitInfo', { occupantId: unit.occupantId })).arrearsFen).toBe(128_050);
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    const input = await passInput(desk, { reason: 'moving_out', wholeUnit: true });
    const before = counts(desk, TABLES);

    const stopped = failure(await desk.call('passes:issue', input, rec.session));
    expect(stopped).toMatchObject({ code: 'approval_required', message: 'err.pass.arrears', details: { arrearsFen: 128_050 } });
    // A receptionist cannot approve, even with the right PIN; a wrong leader PIN is refused at its field.
    const byReceptionist = failure(
      await desk.call(
        'passes:issue',
        { ...input, arrearsApproval: { staffNo: 'R001', pin: '1357', reason: '业主承诺' } },
        rec.session,
      ),
    );
    expect(byReceptionist.issues).toEqual([{ path: 'arrearsApproval.pin', message: 'err.approval.refused' }]);
    const wrongPin = failure(
      await desk.call(
        'passes:issue',
        { ...input, arrearsApproval: { staffNo: 'S001', pin: '0000', reason: '业主承诺' } },
        rec.session,
      ),
    );
    expect(wrongPin.code).toBe('wrong_pin');
    expect(wrongPin.issues).toEqual([{ path: 'arrearsApproval.pin', message: 'err.approval.refused' }]);
    expect(counts(desk, TABLES)).toEqual(before);

    const { pass } = await desk.ok(
      'passes:issue',
      { ...input, arrearsApproval: { staffNo: leader.staffNo, pin: leader.pin, reason: '业主承诺月底前结清' } },
      rec.session,
    );
    expect(pass).toMatchObject({ arrearsFen: 128_050, arrearsApprovedByName: '刘班长', wholeUnit: true, issuedByName: '小李' });
  });

  it('a move-out of part of the unit is not gated', async () => {
    await desk.ok('passes:issue', await passInput(desk, { reason: 'moving_out', wholeUnit: false }));
  });
});

describe('release passes: at the gate', () => {
  let desk: TestDesk;
  let guard: Awaited<ReturnType<typeof addStaff>>;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
    guard = await addStaff(desk, 'guard', 'G001', '9753', '门岗老赵');
  });
  afterAll(() => desk.close());

  it('a guard may verify and release but has no desk powers', async () => {
    for (const [name, input] of [
      ['visits:onSite', {}],
      ['passes:issue', await passInput(desk)],
      ['passes:list', { view: 'today' }],
      ['directory:search', { q: '张' }],
      ['staff:list', {}],
    ] as const) {
      expect(failure(await desk.call(name, input as never, guard.session)).code, name).toBe('forbidden');
    }
  });

  it('single use: released once with the counts, then "already used" with when and by whom', async () => {
    const { pass } = await desk.ok('passes:issue', await passInput(desk));
    const seen = await desk.ok('passes:verify', { code: ` ${pass.passNo.toLowerCase()} ` }, guard.session);
    expect(seen.pass).toMatchObject({ id: pass.id, verdict: 'valid', idNumberMasked: '110105********002X' });
    expect(seen.pass.items.map((i) => [i.description, i.quantity])).toEqual([
      ['沙发', 1],
      ['冰箱', 1],
      ['纸箱', 12],
    ]);

    const done = await desk.ok('passes:release', { passId: pass.id, items: allReleased([1, 1, 12]) }, guard.session);
    expect(done.pass).toMatchObject({ status: 'released', verdict: 'used', releasePartial: false, closedByName: '门岗老赵' });
    expect(done.pass.items.map((i) => i.released)).toEqual([1, 1, 12]);

    const before = counts(desk, TABLES);
    const again = failure(await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 1, 12]) }, guard.session));
    expect(again).toMatchObject({ code: 'conflict', message: 'err.pass.verdict.used' });
    expect(counts(desk, TABLES)).toEqual(before);
    expect((await desk.ok('passes:verify', { code: pass.passNo }, guard.session)).pass.verdict).toBe('used');
  });

  it('two releases of one pass arriving together: exactly one succeeds', async () => {
    const { pass } = await desk.ok('passes:issue', await passInput(desk));
    const release = { passId: pass.id, items: allReleased([1, 1, 12]) };
    const results = await Promise.all([
      desk.call('passes:release', release, guard.session),
      desk.call('passes:release', release, guard.session),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      desk.backend.database.raw.prepare('SELECT COUNT(*) AS n FROM release_gate_checks WHERE pass_id = ?').get(pass.id),
    ).toEqual({ n: 1 });
  });

  it('a partial release needs a note and is recorded as partial; more than the pass names is refused', async () => {
    const { pass } = await desk.ok('passes:issue', await passInput(desk));
    const before = counts(desk, TABLES);
    expectFieldError(
      await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 1, 10]) }, guard.session),
      'note',
      'err.pass.differenceNote',
    );
    expectFieldError(
      await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 2, 12]) }, guard.session),
      'items.1.released',
      'err.pass.moreThanPass',
    );
    expectFieldError(
      await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 1]) }, guard.session),
      'items',
      'err.pass.itemLines',
    );
    expect(counts(desk, TABLES)).toEqual(before);
    const done = await desk.ok(
      'passes:release',
      { passId: pass.id, items: allReleased([1, 1, 10]), note: '2 箱明天再搬' },
      guard.session,
    );
    expect(done.pass).toMatchObject({ releasePartial: true, releaseNote: '2 箱明天再搬' });
    expect(done.checks).toMatchObject([{ outcome: 'partial', note: '2 箱明天再搬', byName: '门岗老赵' }]);
  });

  it('a refusal is logged with its reason and leaves the pass usable', async () => {
    const { pass } = await desk.ok('passes:issue', await passInput(desk));
    expectFieldError(await desk.call('passes:refuse', { passId: pass.id, reason: ' ' }, guard.session), 'reason', 'err.required');
    const refused = await desk.ok('passes:refuse', { passId: pass.id, reason: '物品与放行条不符：多一台洗衣机' }, guard.session);
    expect(refused.pass.verdict).toBe('valid');
    expect(refused.checks).toMatchObject([{ outcome: 'refused', note: '物品与放行条不符：多一台洗衣机' }]);
  });

  it('expiry: after the window the pass is red as expired and cannot release; before it, not yet valid', async () => {
    const day = dayjs(desk.clock.now()).startOf('day');
    const { pass } = await desk.ok(
      'passes:issue',
      await passInput(desk, { validFrom: day.hour(14).format(), validUntil: day.hour(16).format() }),
    );
    expect((await desk.ok('passes:verify', { code: pass.passNo }, guard.session)).pass.verdict).toBe('not_yet_valid');
    expect(
      failure(await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 1, 12]) }, guard.session)).message,
    ).toBe('err.pass.verdict.not_yet_valid');
    await later(desk, 7 * 60); // 16:30
    await desk.ok('auth:signIn', { staffNo: 'G001', pin: '9753' }, guard.session);
    expect((await desk.ok('passes:verify', { code: pass.passNo }, guard.session)).pass.verdict).toBe('expired');
    expect(
      failure(await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 1, 12]) }, guard.session)).message,
    ).toBe('err.pass.verdict.expired');
    expect((await desk.ok('passes:list', { view: 'expired' })).map((p) => p.id)).toContain(pass.id);
    expect((await desk.ok('passes:list', { view: 'pending' })).map((p) => p.id)).not.toContain(pass.id);
  });

  it('cancel at the desk before use, with a reason: the gate then sees it cancelled, and a used pass cannot be cancelled', async () => {
    const { pass } = await desk.ok(
      'passes:issue',
      await passInput(desk, { validUntil: dayjs(desk.clock.now()).add(2, 'hour').format() }),
    );
    expectFieldError(await desk.call('passes:cancel', { passId: pass.id, reason: '' }), 'reason', 'err.required');
    const cancelled = await desk.ok('passes:cancel', { passId: pass.id, reason: '业主改期' });
    expect(cancelled).toMatchObject({ status: 'cancelled', verdict: 'cancelled', cancelReason: '业主改期' });
    await desk.ok('auth:signIn', { staffNo: 'G001', pin: '9753' }, guard.session);
    expect((await desk.ok('passes:verify', { code: pass.passNo }, guard.session)).pass.verdict).toBe('cancelled');
    expect(
      failure(await desk.call('passes:release', { passId: pass.id, items: allReleased([1, 1, 12]) }, guard.session)).message,
    ).toBe('err.pass.verdict.cancelled');
    expect(failure(await desk.call('passes:cancel', { passId: pass.id, reason: '再取消' })).message).toBe(
      'err.pass.verdict.cancelled',
    );
    expect((await desk.ok('passes:list', { view: 'cancelled' })).map((p) => p.id)).toContain(pass.id);

    const used = (
      await desk.ok('passes:issue', await passInput(desk, { validUntil: dayjs(desk.clock.now()).add(2, 'hour').format() }))
    ).pass;
    await desk.ok('passes:release', { passId: used.id, items: allReleased([1, 1, 12]) }, guard.session);
    expect(failure(await desk.call('passes:cancel', { passId: used.id, reason: '太迟了' })).message).toBe(
      'err.pass.verdict.used',
    );
  });

  it('a visitor slip or an unknown number scanned at the gate says so', async () => {
    expectFieldError(
      await desk.call('passes:verify', { code: 'HY-A1-V261122-0001' }, guard.session),
      'code',
      'err.pass.visitorSlip',
    );
    expectFieldError(await desk.call('passes:verify', { code: 'HY-A1-P261122-9999' }, guard.session), 'code', 'err.pass.unknown');
    expectFieldError(await desk.call('passes:verify', { code: '' }, guard.session), 'code', 'err.pass.codeRequired');
  });

  it('reprints count up and print 补打 with the count; the first print does not', async () => {
    const { pass, printJobId } = await desk.ok('passes:issue', await passInput(desk));
    const first = await desk.ok('print:html', { jobId: printJobId });
    expect(first.html).not.toContain('补打');
    expect(first.html).toContain(pass.passNo);
    expect(first.html).toContain('110105********002X');
    expect(first.html).not.toContain('11010519491231002X');
    for (const [n, layout] of [
      [1, 'roll80'],
      [2, 'a6'],
    ] as const) {
      const job = await desk.ok('print:request', { jobId: crypto.randomUUID(), docType: 'release_pass', docId: pass.id, layout });
      expect(job.copyNo).toBe(n);
      expect((await desk.ok('print:html', { jobId: job.id })).html).toContain(`补打 · 第${n}次`);
    }
    expectFieldError(
      await desk.call('print:request', { jobId: crypto.randomUUID(), docType: 'release_pass', docId: 'nope', layout: 'a6' }),
      'docId',
      'err.notFound',
    );
  });

  it('lists and history: today, released, and by unit and date', async () => {
    const today = await desk.ok('passes:list', { view: 'today' });
    expect(today.length).toBeGreaterThan(0);
    const released = await desk.ok('passes:list', { view: 'released' });
    expect(released.every((p) => p.status === 'released')).toBe(true);
    const d = dayjs(desk.clock.now()).format('YYYY-MM-DD');
    const byUnit = await desk.ok('passes:search', { unit: '1-2', from: d, to: d });
    expect(byUnit.length).toBeGreaterThan(0);
    expect(byUnit.every((p) => p.unitCode.startsWith('1-2'))).toBe(true);
    expect(await desk.ok('passes:search', { unit: '3-1', from: d, to: d })).toEqual([]);
    expect(await desk.ok('passes:search', { unit: '1-2', from: '2026-11-01', to: '2026-11-02' })).toEqual([]);
  });
});
