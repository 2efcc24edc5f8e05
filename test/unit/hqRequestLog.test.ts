import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { HqDatabase } from '../../hq/src/pg/schema.js';
import { buildHqApp } from '../../hq/src/server/app.js';

/** HQ's log as the administrator reads it: one JSON object a line. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe("HQ's request log", () => {
  it('names a failed request with its status, and stays quiet for a request that succeeded', async () => {
    const { lines, logger } = capturedLog();
    // Neither request reaches the database: /health answers alone, the bad enrolment fails its schema check.
    const app = buildHqApp({ db: {} as Kysely<HqDatabase>, schemaVersion: 1, logger });
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const bad = await app.inject({ method: 'POST', url: '/sync/enroll', payload: { code: 42 } });
    expect(bad.statusCode).toBe(400);
    await app.close();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toEqual([expect.objectContaining({ method: 'POST', url: '/sync/enroll', status: 400 })]);
    expect(lines.some((l) => l.msg === 'request completed' || l.msg === 'incoming request')).toBe(false);
  });
});
