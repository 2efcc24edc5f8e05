import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { createRouter } from '../../electron/api/router.js';
import { handlers } from '../../electron/api/handlers/index.js';
import type { HandlerMap } from '../../electron/api/context.js';

/** Issue 20: every output is parsed with its declared schema, and a key the schema does not declare fails. */
describe('output schemas enforced by the router', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterEach(() => desk.close());

  /** The desk's real handlers, with one procedure's value changed after the real handler ran. */
  function routerWith(change: (visits: Record<string, unknown>[]) => unknown, strictOutputs?: boolean) {
    const leaky: HandlerMap = {
      ...handlers,
      'visits:onSite': async (input, ctx) => change((await handlers['visits:onSite'](input, ctx)) as never) as never,
    };
    return createRouter(desk.backend.services, leaky, { strictOutputs });
  }

  it('a handler that returns an extra field (a full ID number) fails with the procedure name and the field', async () => {
    const { visit } = await desk.ok('visits:checkIn', await checkInInput(desk));
    expect(visit.idNumberMasked).toBe('110105********002X');
    // The real handler passes its schema.
    expect(await desk.ok('visits:onSite')).toHaveLength(1);

    const router = routerWith((visits) => visits.map((v) => ({ ...v, idNumber: '11010519491231002X' })));
    await expect(router('visits:onSite', {}, 'admin')).rejects.toThrow(
      'output of visits:onSite does not match its schema: 0.idNumber: not in the schema',
    );
  });

  it('a mis-typed field fails with the procedure name', async () => {
    await desk.ok('visits:checkIn', await checkInInput(desk));
    const router = routerWith((visits) => visits.map((v) => ({ ...v, partySize: '2' })));
    await expect(router('visits:onSite', {}, 'admin')).rejects.toThrow(/output of visits:onSite .*0\.partySize/);
  });

  it('a packaged desk (not strict) never sends the unchecked value: the call fails as internal', async () => {
    await desk.ok('visits:checkIn', await checkInInput(desk));
    const router = routerWith((visits) => visits.map((v) => ({ ...v, idNumber: '11010519491231002X' })), false);
    const r = await router('visits:onSite', {}, 'admin');
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'err.internal' } });
    expect(JSON.stringify(r)).not.toContain('19491231');
  });
});
