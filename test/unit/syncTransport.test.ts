import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postToHq } from '../../electron/sync/transport.js';

/** HQ that answers half a body, or nothing at all: the desk gives up at its timeout and retries later. */
const server = createServer((req, res) => {
  if (req.url === '/half') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"ackedSeq":');
  }
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it('a stalled answer or a body cut short ends at the request timeout', async () => {
  const started = Date.now();
  const post = (path: string) => postToHq(new URL(`http://127.0.0.1:${port}${path}`), {}, '{}', { pin: null, timeoutMs: 300 });
  await expect(post('/half')).rejects.toThrow();
  await expect(post('/none')).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(3000);
});

it('a TLS handshake that never ends (a port that accepts and stays silent) ends at the request timeout too', async () => {
  const silent = createTcpServer(() => {});
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const silentPort = (silent.address() as { port: number }).port;
  const started = Date.now();
  try {
    await expect(
      postToHq(new URL(`https://127.0.0.1:${silentPort}/sync/pull`), {}, '{}', { pin: 'AB'.repeat(16), timeoutMs: 300 }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  } finally {
    silent.close();
  }
});
