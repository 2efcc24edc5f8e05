import type { z } from 'zod';
import { sessionProcs } from './session.js';
import { reportsProcs } from './reports.js';
import { hqticketsProcs } from './hqtickets.js';
import { devicesProcs } from './devices.js';
import { portfolioProcs } from './portfolio.js';
import { accountsProcs } from './accounts.js';
import { auditProcs } from './audit.js';
import { verifyProcs } from './verify.js';
import { staffProcs } from './staff.js';
import { directoryProcs } from './directory.js';

import { settingsProcs } from './settings.js';
/** Every procedure of the HQ console: one line per area (contract/<area>.ts). */
export const consoleContract = {
  ...sessionProcs,
  ...reportsProcs,
  ...hqticketsProcs,
  ...devicesProcs,
  ...portfolioProcs,
  ...accountsProcs,
  ...auditProcs,
  ...verifyProcs,
  ...staffProcs,
  ...directoryProcs,
  ...settingsProcs,
};

export type ConsoleContract = typeof consoleContract;
export type ConsoleProcName = keyof ConsoleContract;
export type ConsoleInput<K extends ConsoleProcName> = z.input<ConsoleContract[K]['input']>;
export type ConsoleOutput<K extends ConsoleProcName> = z.output<ConsoleContract[K]['output']>;
