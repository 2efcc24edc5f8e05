import type { UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../../shared/api/result';
import { applyServerErrors } from '../../forms/serverErrors';

/**
 * HQ refused a code, could not be reached or showed another certificate: the reason goes on the address,
 * code or fingerprint field; HQ's own
 * words (English, for whoever runs HQ) follow the sentence above the form when no field explains it.
 */
export function enrollError(
  setError: UseFormSetError<{ hqUrl: string; code: string; fingerprint: string }>,
  error: ApiError,
): string | null {
  const hq = typeof error.details?.hqMessage === 'string' ? error.details.hqMessage : null;
  const rest = applyServerErrors(setError, error, ['hqUrl', 'code', 'fingerprint']);
  return rest ? (hq ? `${rest} (${hq})` : rest) : null;
}
