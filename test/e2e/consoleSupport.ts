import { expect, type Page } from '@playwright/test';
import { startTestHq, type TestHq } from '../support/hq';
import { createConsoleUser } from '../../hq/src/console/store/users';
import type { ConsoleRole } from '../../hq/src/console/contract/define';

/** The HQ administrator every console spec starts with (`npm run hq -- create-admin` makes one like it). */
export const consoleAdmin = { login: 'hqadmin', name: '总部张主任', password: 'Lobby-HQ-2026', role: 'admin' as ConsoleRole };

export interface ConsoleUserSpec {
  login: string;
  name: string;
  password: string;
  role: ConsoleRole;
  siteIds?: string[] | null;
}

/** A real HQ on embedded PostgreSQL serving the built console (dist/console), with the admin created. */
export async function startHqWithConsole(opts: Parameters<typeof startTestHq>[0] = {}): Promise<TestHq> {
  const hq = await startTestHq(opts);
  await addConsoleUser(hq, consoleAdmin);
  return hq;
}

export async function addConsoleUser(hq: TestHq, u: ConsoleUserSpec) {
  return createConsoleUser(hq.db, { ...u, siteIds: u.siteIds ?? null });
}

/** Signs in at the console's page as a person does (typing, Enter), and waits for the console's frame. */
export async function signInConsole(page: Page, hq: TestHq, user: Pick<ConsoleUserSpec, 'login' | 'password'> = consoleAdmin) {
  await page.goto(`${hq.url}/`);
  await page.getByTestId('signin-login').fill(user.login);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-password').press('Enter');
  await expect(page.getByTestId('console-user')).toBeVisible();
}
