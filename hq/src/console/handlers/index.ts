import type { ConsoleContract } from '../contract/index.js';
import type { ConsoleHandlers } from './context.js';
import { sessionHandlers } from './session.js';
import { reportsHandlers } from './reports.js';
import { staffHandlers } from './staff.js';
import { directoryHandlers } from './directory.js';

/** Every handler of the HQ console: one line per area (handlers/<area>.ts). */
export const consoleHandlers: ConsoleHandlers<ConsoleContract> = {
  ...sessionHandlers,
  ...reportsHandlers,
  ...staffHandlers,
  ...directoryHandlers,
};
