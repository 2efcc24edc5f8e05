import type { ApiError, ApiResult } from '../../../shared/api/result';

/** What a query shows: the answer for `key`, or the error of its last call. */
export interface QueryResult<T> {
  key: string;
  data: T | undefined;
  error: ApiError | undefined;
}

/**
 * The next state after a call for `key` answered. A failure drops data that answers another input (a
 * failed search for "Y" never shows the results for "X"); a failed reload of the same input keeps its
 * last answer beside the error.
 */
export function answered<T>(prev: QueryResult<T> | undefined, key: string, r: ApiResult<T>): QueryResult<T> {
  if (r.ok) return { key, data: r.value, error: undefined };
  return { key, data: prev?.key === key ? prev.data : undefined, error: r.error };
}
