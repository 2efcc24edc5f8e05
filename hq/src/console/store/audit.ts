import type { Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';

/** Words that never reach the audit trail: secrets typed into the console, an uploaded file's content (phones). */
const SECRET_KEYS = /password|secret|totp|^(pin|newPin|code|enrollCode|contentBase64)$/i;

/** The input of a write as the audit trail keeps it: every secret removed, at any depth. */
export function auditDetail(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(auditDetail);
  if (input && typeof input === 'object')
    return Object.fromEntries(
      Object.entries(input as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, auditDetail(v)]),
    );
  return input;
}

export async function recordAudit(
  db: Kysely<HqDatabase>,
  entry: { at: Date; userId: string; action: string; siteId: string | null; detail: unknown },
): Promise<void> {
  await db
    .insertInto('hq_console_audit')
    .values({
      at: entry.at.toISOString(),
      user_id: entry.userId,
      action: entry.action,
      site_id: entry.siteId,
      detail: JSON.stringify(auditDetail(entry.detail) ?? {}),
    })
    .execute();
}
