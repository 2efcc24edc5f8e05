import type { TestHq } from './hq.js';

export interface ConsoleAnswer {
  status: number;
  body: {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message?: string; issues?: { path: string; message: string }[] };
  };
}

/** A browser-like caller of the console's API on a real HQ: same origin, JSON, the session cookie kept. */
export function consoleClient(hq: TestHq) {
  let cookie = '';
  return async (name: string, input: unknown = {}): Promise<ConsoleAnswer> => {
    const send = () =>
      fetch(`${hq.url}/console/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: hq.url, cookie },
        body: JSON.stringify(input),
      });
    const res = await send().catch(send);
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return { status: res.status, body: (await res.json()) as ConsoleAnswer['body'] };
  };
}
