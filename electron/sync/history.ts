import type { Kysely } from 'kysely';
import { getMeta, setMeta } from '../../db/meta.js';
import type { Database } from '../../db/schema.js';
import { PullHistory } from '../../shared/sync/protocol.js';

/** `meta` key of the HQ history the pull cursor counts in (shared/sync/protocol.ts `PullHistory`). */
const KEY = 'hq_pull_history';

/** The history of the stored cursor, sent back with it; none from an HQ that does not say (an older one). */
export async function pullHistory(db: Kysely<Database>): Promise<PullHistory | undefined> {
  const raw = await getMeta(db, KEY);
  if (!raw) return undefined;
  const parsed = PullHistory.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}

/** Written in the transaction that stores the cursor: the two always describe the same point. */
export async function savePullHistory(trx: Kysely<Database>, history: PullHistory | undefined): Promise<void> {
  if (history) await setMeta(trx, KEY, JSON.stringify(history));
}
