/**
 * desk_ready_ms: from spawning the desk server process (`node dist/electron/serve.cjs`, the built desk) on
 * an existing data folder to its first screen being interactive in Chromium: the sign-in page's staff
 * number field focused and showing a typed character. The browser is started beforehand (on a desk PC it
 * is already open); each run is a fresh server process and a fresh browser context. Measured by
 * `npm run bench` on its 1M-visit fixture, or on its own on a smaller desk:
 * `BENCH_VISITS=50000 npx tsx test/bench/deskReady.ts`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { buildBenchDesk } from './checkinSameRows.js';
import { summarize, type Summary } from './stats.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface DeskReady {
  /** Process start → first screen interactive (the figure). */
  ready: Summary;
  /** Process start → the server's "open http://…" line (database opened, migrations checked, listening). */
  listening: Summary;
}

interface Started {
  url: string;
  stop: () => Promise<void>;
}

function startServer(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['dist/electron/serve.cjs'], {
    cwd: ROOT,
    env: { ...process.env, LOBBYDESK_DATA_DIR: dataDir, LOBBYDESK_PORT: '0', TZ: 'Asia/Shanghai' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<Started>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1],
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    child.once('exit', (code) => reject(new Error(`desk server exited (${code}) before listening: ${out}`)));
  });
}

/** `runs` cold starts of the desk server on `dataDir` (a set-up desk, closed). */
export async function measureDeskReady(dataDir: string, runs: number): Promise<DeskReady> {
  execFileSync(process.execPath, ['build/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env.LOBBYDESK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const ready: number[] = [];
  const listening: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      const t0 = performance.now();
      const server = await startServer(dataDir);
      try {
        listening.push(performance.now() - t0);
        await page.goto(server.url);
        const field = page.getByTestId('signin-staffNo');
        // Interactive: the field has the focus the page gives it and takes a keystroke.
        await field.waitFor({ state: 'visible' });
        // Evaluated in the page, as text: this file is type-checked as Node code, without the DOM's types.
        await page.waitForFunction("document.activeElement?.getAttribute('data-testid') === 'signin-staffNo'");
        await page.keyboard.type('A');
        await page.waitForFunction("document.activeElement?.value === 'A'");
        ready.push(performance.now() - t0);
      } finally {
        await context.close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return { ready: summarize(ready), listening: summarize(listening) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = mkdtempSync(join(os.tmpdir(), 'lobbydesk-bench-ready-'));
  try {
    const built = await buildBenchDesk(join(root, 'desk'));
    await built.desk.close();
    const r = await measureDeskReady(join(root, 'desk'), Number(process.env.BENCH_READY_RUNS ?? 5));
    process.stdout.write(`${JSON.stringify({ past_visits: built.visits, ...r }, null, 2)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
