import type { ComponentType } from 'react';
import type { ConsoleRole } from '../../../../src/console/contract/define';
import { HqTicketsTab } from '../hqtickets/HqTicketsTab';

export interface SiteTab {
  /** The last segment of `#/site/<id>/<key>`. */
  key: string;
  labelKey: string;
  roles: readonly ConsoleRole[];
  Tab: ComponentType<{ siteId: string }>;
}

/** The tabs of a site's page: one entry per tab, in the order shown. */
export const siteTabs: SiteTab[] = [
  { key: 'tickets', labelKey: 'hqtickets.tab', roles: ['admin', 'service', 'auditor'], Tab: HqTicketsTab },
];
