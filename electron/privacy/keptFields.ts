import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Settings } from '../../shared/api/schemas.js';
import { normalizeIdNumber } from '../../shared/domain/idDocument.js';
import { putSealedField } from '../../db/queries/sealedFields.js';
import type { FieldVault } from './fieldVault.js';

/**
 * What the taking desk keeps of a visit beyond the masked form and hash, by site policy: the full ID
 * number when `keepFullIdNumbers` is on, sealed with this desk's field key, in the check-in's own
 * transaction. Never in an event, so neither HQ nor another desk receives it.
 */
export async function keepSealedVisitFields(
  trx: Kysely<Database>,
  vault: FieldVault,
  settings: Pick<Settings, 'keepFullIdNumbers'>,
  visitId: string,
  idNumber: string,
): Promise<void> {
  const n = normalizeIdNumber(idNumber);
  if (settings.keepFullIdNumbers && n) await putSealedField(trx, visitId, 'idNumber', vault.seal(visitId, 'idNumber', n));
}
