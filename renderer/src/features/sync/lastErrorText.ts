import type { TFunction } from 'i18next';

/**
 * The last sync error as the sync page shows it: a refused HQ certificate (someone else answering at
 * HQ's address), an HQ that lost this desk (restored from backup) or an HQ not yet updated for this desk's
 * records (they stay queued) in the reader's language, since a person must act; other errors as the client
 * recorded them.
 */
export function lastErrorText(t: TFunction, lastError: string): string {
  if (lastError.startsWith('certificate_mismatch:')) return t('err.sync.certificateMismatch');
  if (lastError.startsWith('certificate_untrusted:')) return t('err.sync.certificateUntrusted');
  if (lastError.startsWith('insecure_address:')) return t('err.sync.insecureUrl');
  // A restored HQ lost this desk's enrolment: HQ's admin readmits it (`npm run hq -- readmit`).
  if (lastError.startsWith('unknown_device:')) return t('err.sync.unknownDevice');
  if (lastError.startsWith('hq_behind:')) return t('sync.hqBehind');
  // Outside HQ's compatibility window (issue 19): keeps working and queueing; says what to do.
  if (lastError.startsWith('upgrade_required:')) return t('sync.needsUpdate');
  return lastError;
}
