import type { z } from 'zod';

/**
 * The HQ console's procedures (issue 21) are declared like the desk's (shared/api/contract.ts): input and
 * output schemas, who may call them. The console's web app and HQ's router both read this one map.
 */
export const CONSOLE_ROLES = ['admin', 'finance', 'service', 'auditor'] as const;
/** HQ admin, finance, service manager, read-only auditor. */
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface ConsoleProc<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly ConsoleRole[];
  /** A write: refused to the auditor whatever `roles` says, and audited by the router. */
  write: boolean;
  /** Callable without a session (signing in). */
  open?: boolean;
}

/** A read: every role unless narrowed. */
export const read = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  roles: readonly ConsoleRole[] = CONSOLE_ROLES,
): ConsoleProc<I, O> => ({ input, output, roles, write: false });

/** A write: the roles must be named (never the auditor). */
export const write = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  roles: readonly Exclude<ConsoleRole, 'auditor'>[],
): ConsoleProc<I, O> => ({ input, output, roles, write: true });
