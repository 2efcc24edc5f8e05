import type { z } from 'zod';
import { sessionProcs } from './session.js';
import { reportsProcs } from './reports.js';
import { staffProcs } from './staff.js';
import { directoryProcs } from './directory.js';

/** Every procedure of the HQ console: one line per area (contract/<area>.ts). */
export const consoleContract = {
  ...sessionProcs,
  ...reportsProcs,
  ...staffProcs,
  ...directoryProcs,
};

export type ConsoleContract = typeof consoleContract;
export type ConsoleProcName = keyof ConsoleContract;
export type ConsoleInput<K extends ConsoleProcName> = z.input<ConsoleContract[K]['input']>;
export type ConsoleOutput<K extends ConsoleProcName> = z.output<ConsoleContract[K]['output']>;
