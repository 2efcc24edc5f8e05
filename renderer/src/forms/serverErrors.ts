import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/result';
import { tError } from '../i18n';

/**
 * Puts the backend's field issues on the form's fields (the paths match the shared schema), and
 * returns the sentence to show above the form when the error belongs to no field.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: ApiError,
  fields: string[],
): string | null {
  let placed = false;
  for (const issue of error.issues ?? []) {
    const field =
      fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`)) ?? (fields.includes(issue.path) ? issue.path : null);
    if (field) {
      setError(field as Path<T>, { type: 'server', message: issue.message });
      placed = true;
    }
  }
  return placed ? null : tError(error.message);
}
