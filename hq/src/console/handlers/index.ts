import type { ConsoleContract } from '../contract/index.js';
import type { ConsoleHandlers } from './context.js';
import { sessionHandlers } from './session.js';
import { reportsHandlers } from './reports.js';
import { hqticketsHandlers } from './hqtickets.js';
import { devicesHandlers } from './devices.js';
import { portfolioHandlers } from './portfolio.js';
import { accountsHandlers } from './accounts.js';
import { auditHandlers } from './audit.js';
import { verifyHandlers } from './verify.js';
import { staffHandlers } from './staff.js';
import { directoryHandlers } from './directory.js';

import { settingsHandlers } from './settings.js';
/** Every handler of the HQ console: one line per area (handlers/<area>.ts). */
export const consoleHandlers: ConsoleHandlers<ConsoleContract> = {
  ...sessionHandlers,
  ...reportsHandlers,
  ...hqticketsHandlers,
  ...devicesHandlers,
  ...portfolioHandlers,
  ...accountsHandlers,
  ...auditHandlers,
  ...verifyHandlers,
  ...staffHandlers,
  ...directoryHandlers,
  ...settingsHandlers,
};
