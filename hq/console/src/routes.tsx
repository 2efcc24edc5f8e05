import type { ComponentType } from 'react';
import { CONSOLE_ROLES, type ConsoleRole } from '../../src/console/contract/define';
import { PortfolioPage } from './pages/portfolio/PortfolioPage';
import { SitesPage } from './pages/sites/SitesPage';
import { SitePage } from './pages/site/SitePage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { SecurityPage } from './pages/security/SecurityPage';
import { AuditPage } from './pages/audit/AuditPage';
import { VerifyPage } from './pages/verify/VerifyPage';

export interface ConsoleRoute {
  /** The first segment of the hash path: `#/<key>/…`. */
  key: string;
  labelKey: string;
  roles: readonly ConsoleRole[];
  /** `parts`: the rest of the path (`#/site/<id>/<tab>` → [id, tab]). */
  page: ComponentType<{ parts: string[] }>;
  /** Listed in the side menu (a site's page is reached from a list, not the menu). */
  menu: boolean;
}

/** Every page of the console: one entry per page; the first one a user may see is their home. */
export const routes: ConsoleRoute[] = [
  { key: 'portfolio', labelKey: 'portfolio.nav', roles: CONSOLE_ROLES, page: PortfolioPage, menu: true },
  { key: 'sites', labelKey: 'console.nav.sites', roles: CONSOLE_ROLES, page: SitesPage, menu: true },
  { key: 'site', labelKey: 'console.nav.site', roles: CONSOLE_ROLES, page: SitePage, menu: false },
  { key: 'reports', labelKey: 'reports.title', roles: CONSOLE_ROLES, page: ReportsPage, menu: true },
  { key: 'verify', labelKey: 'verify.nav', roles: CONSOLE_ROLES, page: VerifyPage, menu: true },
  { key: 'audit', labelKey: 'audit.nav', roles: ['admin', 'auditor'], page: AuditPage, menu: true },
  { key: 'accounts', labelKey: 'accounts.nav.accounts', roles: ['admin'], page: AccountsPage, menu: true },
  { key: 'security', labelKey: 'accounts.nav.security', roles: CONSOLE_ROLES, page: SecurityPage, menu: true },
];
