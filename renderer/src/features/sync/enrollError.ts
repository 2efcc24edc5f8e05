import type { UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../../shared/api/result';
import { applyServerErrors } from '../../forms/serverErrors';

/**
 * HQ refused a code or could not be reached: the reason goes on the address or code field; HQ's own
 * words (English, for whoever runs HQ) follow the sentence above the form when no field explains it.
 */
export function enrollError(setError: UseFormSetError<{ hqUrl: string; code: string }>, error: ApiError): string | null {
  const hq = typeof error.details?.hqMessage === 'string' ? error.details.hqMessage : null;
  const rest = applyServerErrors(setError, error, ['hqUrl', 'code']);
  return rest ? (hq ? `${rest} (${hq})` : rest) : null;
}
