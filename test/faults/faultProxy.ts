import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, request as tlsRequest } from 'node:https';

export type Fault = 'pass' | 'drop' | 'delay' | 'lose_response' | 'duplicate' | 'restart';

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A loopback HTTP proxy between desks and HQ that applies one fault per request, chosen by `next`:
 * drop the connection before HQ sees it, delay it, lose HQ's answer after HQ committed, send it to HQ
 * twice at once, or restart HQ while the request is in flight.
 */
export class FaultProxy {
  private server: Server;
  next: (path: string) => Fault = () => 'pass';
  /** Called with each request path before it is forwarded (the kill test uses it). */
  onRequest: ((path: string) => Promise<'forward' | 'hang'>) | null = null;
  stats: Record<Fault, number> = { pass: 0, drop: 0, delay: 0, lose_response: 0, duplicate: 0, restart: 0 };

  /**
   * With `tls` (HQ's certificate and key) the proxy speaks HTTPS on both sides and presents HQ's own
   * certificate, so desks that pinned it at enrolment go through it as through HQ.
   */
  constructor(
    private readonly targetPort: () => number,
    private readonly restartHq: () => Promise<void>,
    private readonly tls: { key: string; cert: string } | null = null,
  ) {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, handler) : createServer(handler);
  }

  listen(): Promise<string> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () =>
        resolve(`${this.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as { port: number }).port}`),
      ),
    );
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const options = { host: '127.0.0.1', port: this.targetPort(), path: req.url, method: req.method, headers: req.headers };
      // The proxy is the test's own: it knows HQ's certificate is self-signed.
      const up = (this.tls ? tlsRequest : request)(this.tls ? { ...options, rejectUnauthorized: false } : options, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          resolve({
            status: r.statusCode ?? 502,
            headers: { 'content-type': String(r.headers['content-type'] ?? '') },
            body: Buffer.concat(chunks),
          }),
        );
        r.on('error', reject);
      });
      up.on('error', reject);
      up.end(body);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '';
    if (this.onRequest && (await this.onRequest(path)) === 'hang') return;
    const fault = this.next(path);
    this.stats[fault]++;
    const cut = () => res.socket?.destroy();
    try {
      switch (fault) {
        case 'drop':
          return cut();
        case 'delay':
          await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 40)));
          break;
        case 'lose_response':
          await this.forward(req, body);
          return cut();
        case 'duplicate': {
          const [first] = await Promise.allSettled([this.forward(req, body), this.forward(req, body)]);
          if (first.status === 'rejected') return cut();
          return send(res, first.value);
        }
        case 'restart': {
          const inFlight = this.forward(req, body).catch(() => null);
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
          await this.restartHq();
          const r = await inFlight;
          return r ? send(res, r) : cut();
        }
      }
      send(res, await this.forward(req, body));
    } catch {
      cut();
    }
  }
}

function send(res: ServerResponse, r: Upstream) {
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}
