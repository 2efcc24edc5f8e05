import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rememberDataDir } from './logScan';

export interface DeskServer {
  url: string;
  dataDir: string;
  /** Calls a procedure as the page's signed-in session (its cookies) and returns the value; a failure throws. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec reads the fields it needs
  api(page: Page, name: string, input: unknown): Promise<any>;
  close(): Promise<void>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * A fresh desk server for one spec file: the built desk on an empty data folder and a free port,
 * so every spec starts at first-run setup and specs never share state.
 */
export async function startDeskServer(
  opts: {
    /** The PC's time zone (default the site's, Asia/Shanghai). */
    tz?: string;
    /** An existing data folder: the same desk started again. */
    dataDir?: string;
    /** libfaketime offset for the desk's clock, e.g. '+91d': the desk started again days later. */
    clockOffset?: string;
  } = {},
): Promise<DeskServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lobbydesk-e2e-'));
  if (!opts.dataDir) rememberDataDir(dataDir);
  const faked = opts.clockOffset
    ? {
        LD_PRELOAD: '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
        FAKETIME: opts.clockOffset,
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
      }
    : {};
  const child: ChildProcess = spawn(process.execPath, ['dist/electron/serve.cjs'], {
    cwd: ROOT,
    env: { ...process.env, LOBBYDESK_DATA_DIR: dataDir, LOBBYDESK_PORT: '0', TZ: opts.tz ?? 'Asia/Shanghai', ...faked },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`desk server exited (${code}) before listening: ${out}`)));
  });
  return {
    url,
    dataDir,
    async api(page, name, input) {
      const r = await (await page.request.post(`${url}api/${name}`, { data: input })).json();
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
