/**
 * The one row a query must return — a COUNT, an INSERT … RETURNING, a row locked or written just
 * before — or a clear error naming the query, instead of `undefined` read a line later.
 */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`${what}: the query returned no row`);
  return row;
}
