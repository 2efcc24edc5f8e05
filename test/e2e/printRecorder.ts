import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

declare global {
  interface Window {
    __lobbydeskPrints?: number;
  }
}

/**
 * The desk server prints through the browser's print dialog, which headless Chromium cannot show
 * (and may block on). Every page of these tests records print requests instead, in every frame
 * including the hidden print frame, counted on the top window for the test to assert on.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      window.print = () => {
        const top = (window.top ?? window) as Window;
        top.__lobbydeskPrints = (top.__lobbydeskPrints ?? 0) + 1;
      };
    });
    await use(page);
  },
});

/** How many documents the page has sent to the print dialog. */
export const printsRequested = (page: Page) => page.evaluate(() => window.__lobbydeskPrints ?? 0);
