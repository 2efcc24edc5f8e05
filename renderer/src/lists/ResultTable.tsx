import { Alert, Table, type TableColumnsType } from 'antd';
import type { ApiError } from '../../../shared/api/result';
import { tError } from '../i18n';

/**
 * A search's results: 20 rows to a page under the query's spinner, and what an empty result says. A
 * failed search says why above the table (a refused field says it at its box, `SearchBox`), so an empty
 * table never stands for an error.
 */
export function ResultTable<T extends { id: string }>(props: {
  found: { data: T[] | undefined; loading: boolean; error: ApiError | undefined };
  columns: TableColumnsType<T>;
  empty?: string;
  testId?: string;
}) {
  const { data, loading, error } = props.found;
  return (
    <>
      {error && !error.issues?.length && (
        <Alert type="error" showIcon message={tError(error.message)} style={{ marginBottom: 12 }} data-testid="search-error" />
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data ?? []}
        data-testid={props.testId}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={props.empty ? { emptyText: props.empty } : undefined}
        columns={props.columns}
      />
    </>
  );
}
