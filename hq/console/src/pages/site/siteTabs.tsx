import type { ComponentType } from 'react';
import { HqTicketsTab } from '../hqtickets/HqTicketsTab';
import { CONSOLE_ROLES, type ConsoleRole } from '../../../../src/console/contract/define';
import { DevicesTab } from './devices/DevicesTab';
import { RejectionsTab } from './devices/RejectionsTab';
import { StaffTab } from './staff/StaffTab';
import { DirectoryTab } from './directory/DirectoryTab';
import { SettingsTab } from './settings/SettingsTab';

export interface SiteTab {
  /** The last segment of `#/site/<id>/<key>`. */
  key: string;
  labelKey: string;
  roles: readonly ConsoleRole[];
  Tab: ComponentType<{ siteId: string }>;
}

/** The tabs of a site's page: one entry per tab, in the order shown. */
export const siteTabs: SiteTab[] = [
  { key: 'devices', labelKey: 'devices.tab', roles: CONSOLE_ROLES, Tab: DevicesTab },
  { key: 'staff', labelKey: 'staff.tab', roles: ['admin', 'auditor'], Tab: StaffTab },
  { key: 'directory', labelKey: 'directory.tab', roles: ['admin', 'finance'], Tab: DirectoryTab },
  { key: 'tickets', labelKey: 'hqtickets.tab', roles: ['admin', 'service', 'auditor'], Tab: HqTicketsTab },
  { key: 'settings', labelKey: 'settings.tab', roles: CONSOLE_ROLES, Tab: SettingsTab },
  { key: 'rejections', labelKey: 'devices.rejectionsTab', roles: CONSOLE_ROLES, Tab: RejectionsTab },
];
