import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openTestDesk, type TestDesk } from './desk.js';
import { startTestHq, type TestHq } from './hq.js';

/**
 * The frame of a test file that syncs with a real HQ: one HQ on embedded PostgreSQL for the file,
 * emptied before each test, and every desk a test opens closed at the end. `tls`: HQ over HTTPS;
 * `clock`: HQ's clock (read at every answer, so a test may point it at its desks' clock); `catalog`: the
 * event catalog HQ judges pushes by, read at each start (a test updates HQ by changing it and restarting).
 */
export function hqSuite(opts: NonNullable<Parameters<typeof startTestHq>[0]> = {}) {
  let started: TestHq | null = null;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    started = await startTestHq(opts);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(desks.map((d) => d.close()));
    await started?.close();
  });
  beforeEach(async () => {
    await started!.reset();
  });
  return {
    get hq(): TestHq {
      if (!started) throw new Error('HQ is not started yet (use it inside a test or hook)');
      return started;
    },
    async openDesk(opts: Parameters<typeof openTestDesk>[0] = {}): Promise<TestDesk> {
      const d = await openTestDesk(opts);
      desks.push(d);
      return d;
    },
  };
}
