import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PAPER } from '../../shared/print/html.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { PrintBackend } from './backend.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const configured = process.env.LOBBYDESK_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Desk-server printing: paper through the browser's dialog, PDF through a headless Chromium. */
export function browserPrintBackend(): PrintBackend {
  let browser: Promise<Browser> | null = null;
  const launch = async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new ApiFailure('unavailable', 'err.pdf.noChromium');
    const { chromium } = await import('playwright-core');
    // The desk server handles its own signals and closes this browser on the way out.
    return chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  };
  return {
    mode: 'browser',
    async pdf(html, layout) {
      browser ??= launch().catch((e) => {
        browser = null;
        throw e;
      });
      const page = await (await browser).newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const paper = PAPER[layout];
        // A roll is as long as its content: measure it, then print one page of that height.
        const heightMm =
          paper.heightMm ??
          // Evaluated in the page (this file has no DOM types: it runs in Node).
          Math.ceil(Number(await page.evaluate('document.documentElement.scrollHeight')) * 0.2646) + 8;
        return await page.pdf({
          width: `${paper.widthMm}mm`,
          height: `${heightMm}mm`,
          printBackground: true,
          preferCSSPageSize: false,
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close().catch(() => undefined);
      browser = null;
    },
  };
}
