import type { TFunction } from 'i18next';

/**
 * The last sync error as the sync page shows it: a refused HQ certificate (someone else answering at
 * HQ's address) in the reader's language, since a person must act, and an HQ not yet updated for this
 * desk's records (they stay queued); other errors as the client recorded them.
 */
export function lastErrorText(t: TFunction, lastError: string): string {
  if (lastError.startsWith('certificate_mismatch:')) return t('err.sync.certificateMismatch');
  if (lastError.startsWith('certificate_untrusted:')) return t('err.sync.certificateUntrusted');
  if (lastError.startsWith('insecure_address:')) return t('err.sync.insecureUrl');
  if (lastError.startsWith('hq_behind:')) return t('sync.hqBehind');
  return lastError;
}
