import { z } from 'zod';
import { CONSOLE_ROLES, read, write } from './define.js';
import { ConsoleUser } from './session.js';

/** One HQ user as the accounts page lists them: who they are as a session knows them, and their state. */
export const AccountRow = ConsoleUser.extend({
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type AccountRow = z.infer<typeof AccountRow>;

/** A password typed into the console; its rules (store/users.ts passwordProblem) are HQ's, judged there. */
const Password = z.string().min(1, 'console.err.required').max(200, 'accounts.err.passwordLong');

/** null: every site; a list: at least one. */
const SiteIds = z.array(z.string().min(1)).min(1, 'accounts.err.sitesRequired').max(500).nullable();

const UserId = z.string().min(1).max(64);

export const CreateAccountInput = z.strictObject({
  login: z
    .string()
    .trim()
    .min(1, 'console.err.required')
    .max(32, 'accounts.err.loginFormat')
    .regex(/^[A-Za-z0-9._-]+$/, 'accounts.err.loginFormat'),
  name: z.string().trim().min(1, 'console.err.required').max(40, 'accounts.err.nameLong'),
  password: Password,
  role: z.enum(CONSOLE_ROLES, { message: 'console.err.required' }),
  siteIds: SiteIds,
});

export const UpdateAccountInput = z.strictObject({ id: UserId, role: z.enum(CONSOLE_ROLES), siteIds: SiteIds });

export const ResetPasswordInput = z.strictObject({
  id: UserId,
  password: Password,
  /** The user lost their authenticator: they sign in with the password alone and enrol again. */
  clearTotp: z.boolean(),
});

// Named so the audit trail's secret filter (store/audit.ts) drops both.
export const ChangeOwnPasswordInput = z.strictObject({ currentPassword: Password, password: Password });

export const TotpConfirmInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'console.err.totpFormat'),
});

/**
 * Managing HQ users is the admin's; changing one's own password and enrolling one's own authenticator is
 * everyone's, the auditor's too — so those are declared as reads (a `write` always refuses the auditor)
 * and their handlers write and audit in a transaction of their own.
 */
export const accountsProcs = {
  'accounts.list': read(z.strictObject({}), z.array(AccountRow), ['admin']),
  'accounts.create': write(CreateAccountInput, AccountRow, ['admin']),
  'accounts.update': write(UpdateAccountInput, AccountRow, ['admin']),
  'accounts.setDisabled': write(z.strictObject({ id: UserId, disabled: z.boolean() }), AccountRow, ['admin']),
  'accounts.resetPassword': write(ResetPasswordInput, AccountRow, ['admin']),
  'accounts.changeOwnPassword': read(ChangeOwnPasswordInput, ConsoleUser),
  /** A new secret waiting for its first code: the otpauth:// URI (shown as QR) and the secret as text. */
  'accounts.totpBegin': read(z.strictObject({}), z.strictObject({ secret: z.string(), uri: z.string() })),
  'accounts.totpConfirm': read(TotpConfirmInput, ConsoleUser),
};
