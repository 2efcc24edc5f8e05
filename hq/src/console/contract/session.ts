import { z } from 'zod';
import { CONSOLE_ROLES, read, type ConsoleProc } from './define.js';

export const ConsoleUser = z.strictObject({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(CONSOLE_ROLES),
  /** null: every site. */
  siteIds: z.array(z.string()).nullable(),
  totp: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type ConsoleUser = z.infer<typeof ConsoleUser>;

export const SignInInput = z.strictObject({
  login: z.string().trim().min(1, 'console.err.required').max(64),
  password: z.string().min(1, 'console.err.required').max(200),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'console.err.totpFormat')
    .optional(),
});

export const SiteSummary = z.strictObject({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() });

/** Callable without a session. */
const open = <P extends ConsoleProc>(p: P): P & { open: true } => ({ ...p, open: true });

export const sessionProcs = {
  'session.signIn': open(read(SignInInput, ConsoleUser)),
  /** null when nobody is signed in (the console shows the sign-in page). */
  'session.me': open(read(z.strictObject({}), ConsoleUser.nullable())),
  'session.signOut': open(read(z.strictObject({}), z.strictObject({}))),
  'sites.list': read(z.strictObject({}), z.array(SiteSummary)),
};
