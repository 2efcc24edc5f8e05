import type { ComponentType } from 'react';
import type { ConsoleRole } from '../../../../src/console/contract/define';
import { StaffTab } from './staff/StaffTab';
import { DirectoryTab } from './directory/DirectoryTab';

export interface SiteTab {
  /** The last segment of `#/site/<id>/<key>`. */
  key: string;
  labelKey: string;
  roles: readonly ConsoleRole[];
  Tab: ComponentType<{ siteId: string }>;
}

/** The tabs of a site's page: one entry per tab, in the order shown. */
export const siteTabs: SiteTab[] = [
  { key: 'staff', labelKey: 'staff.tab', roles: ['admin', 'auditor'], Tab: StaffTab },
  { key: 'directory', labelKey: 'directory.tab', roles: ['admin', 'finance'], Tab: DirectoryTab },
];
