import type { TablePaginationConfig } from 'antd';
import type { Dayjs } from 'dayjs';

/** A filter typed into a text box: blank means "any", not "the empty value". */
export const given = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The range picker's days as the search's from/to (YYYY-MM-DD, both included). */
export const daysOf = (range: [Dayjs | null, Dayjs | null] | null) => ({
  from: range?.[0]?.format('YYYY-MM-DD'),
  to: range?.[1]?.format('YYYY-MM-DD'),
});

/** A JSON text shown indented for reading. */
export const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

/** A search's pages: HQ counts and sends one page of `pageSize`; a page change asks for that page only. */
export function pagingOf<Q extends { page: number }>(
  query: Q,
  setQuery: (q: Q) => void,
  data: { total: number; pageSize: number } | undefined,
  totalText: (n: number) => string,
): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: data?.pageSize ?? 50,
    total: data?.total ?? 0,
    showSizeChanger: false,
    showTotal: totalText,
    onChange: (page) => setQuery({ ...query, page }),
  };
}
