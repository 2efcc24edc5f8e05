import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { repairInput } from '../support/tickets.js';
import { expectFieldError, snapshot } from './helpers.js';
import { OFFICE_CLASSIFIER, RESIDENTIAL_CLASSIFIER } from '../../shared/domain/ticketClassifier.js';

type Tree = typeof RESIDENTIAL_CLASSIFIER;
const clone = (tree: Tree): Tree => structuredClone(tree);
const plumbingOf = (tree: Tree) => tree.find((p) => p.code === 'in_unit')!.categories.find((c) => c.code === 'plumbing')!;

describe('intake classifier: a setting, validated, and tickets keep the labels they were taken with', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('bad trees are refused at the field and write nothing', async () => {
    const before = snapshot(desk);
    const settingsBefore = await desk.ok('settings:get', {});
    const cases: [string, (t: Tree) => void, string][] = [
      ['classifier.0.zh', (t) => void (t[0]!.zh = '  '), 'err.required'],
      ['classifier.1.zh', (t) => void (t[1]!.zh = t[0]!.zh), 'err.classifier.duplicate'],
      [
        'classifier.0.categories.1.en',
        (t) => void (t[0]!.categories[1]!.en = t[0]!.categories[0]!.en),
        'err.classifier.duplicate',
      ],
      [
        'classifier.0.categories.0.problems.2.zh',
        (t) => void (t[0]!.categories[0]!.problems[2]!.zh = t[0]!.categories[0]!.problems[0]!.zh),
        'err.classifier.duplicate',
      ],
      ['classifier.0.categories.0.problems', (t) => void (t[0]!.categories[0]!.problems = []), 'err.classifier.empty'],
      [
        'classifier.0.categories.0.problems.0.callback',
        (t) => void Object.assign(t[0]!.categories[0]!.problems[0]!, { callback: 'x' }),
        'err.invalid',
      ],
      [
        'classifier.0.categories.0.problems.0.notice',
        (t) => void (t[0]!.categories[0]!.problems[0]!.notice = 'no_such'),
        'err.invalid',
      ],
    ];
    for (const [path, breakIt, message] of cases) {
      const tree = clone(RESIDENTIAL_CLASSIFIER);
      breakIt(tree);
      expectFieldError(await desk.call('settings:update', { classifier: tree }), path, message);
    }
    expect(snapshot(desk)).toEqual(before);
    expect(await desk.ok('settings:get', {})).toEqual(settingsBefore);
  });

  it('a ticket keeps its snapshot label after the category is renamed; new intake offers the new name', async () => {
    const tree = clone(RESIDENTIAL_CLASSIFIER);
    await desk.ok('settings:update', { classifier: tree });
    const { ticket: old } = await desk.ok('tickets:create', await repairInput(desk));
    expect(old.label).toBe('户内 / 给排水 / 下水堵塞');

    plumbingOf(tree).zh = '上下水';
    plumbingOf(tree).problems.push({
      code: 'water_heater',
      zh: '热水器漏水',
      en: 'Water heater leaks',
      callback: 'leak',
      notice: 'leak',
    });
    await desk.ok('settings:update', { classifier: tree });

    const offered = await desk.ok('tickets:classifier', {});
    expect(plumbingOf(offered.places as Tree).zh).toBe('上下水');
    expect((await desk.ok('tickets:get', { ticketId: old.id })).ticket.label).toBe('户内 / 给排水 / 下水堵塞');

    // The new problem: taken with the new labels and its own callback class (leak: needs the leak test).
    const { ticket: fresh } = await desk.ok(
      'tickets:create',
      await repairInput(desk, {
        problem: 'water_heater',
        confirmDuplicate: true,
        paid: false,
        chargeFen: 0,
        chargeAgreed: false,
      }),
    );
    expect(fresh.label).toBe('户内 / 上下水 / 热水器漏水');
    expect((await desk.ok('tickets:get', { ticketId: old.id })).ticket.label).toBe('户内 / 给排水 / 下水堵塞');

    // Its one-time notification is the leak template it names.
    const jobId = newRequestId();
    await desk.ok('print:request', { jobId, docType: 'ticket_notice', docId: fresh.id, layout: 'roll80' });
    const { html } = await desk.ok('print:html', { jobId });
    expect(html).toContain('闭水试验后3天内回访');
    expect(html).toContain('上下水 / 热水器漏水');

    // A problem removed from the tree can no longer be taken.
    plumbingOf(tree).problems = plumbingOf(tree).problems.filter((p) => p.code !== 'water_heater');
    await desk.ok('settings:update', { classifier: tree });
    expectFieldError(
      await desk.call('tickets:create', await repairInput(desk, { problem: 'water_heater', confirmDuplicate: true })),
      'problem',
      'err.ticket.unknownProblem',
    );
  });
});

describe('intake classifier defaults follow the site kind', () => {
  for (const [siteKind, tree] of [
    ['residential', RESIDENTIAL_CLASSIFIER],
    ['office', OFFICE_CLASSIFIER],
  ] as const)
    it(`${siteKind} site`, async () => {
      const desk = await openTestDesk({ setUp: false });
      try {
        await desk.ok('setup:complete', { siteName: '华远', siteCode: 'HY', siteKind, deviceCode: 'A1', admin: ADMIN });
        expect((await desk.ok('tickets:classifier', {})).places).toEqual(tree);
        expect((await desk.ok('settings:get', {})).classifier).toEqual(tree);
      } finally {
        await desk.close();
      }
    });
});
