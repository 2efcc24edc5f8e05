import type { ReactNode } from 'react';
import { DatePicker, Form, Input } from 'antd';
import type { ApiError } from '../../../shared/api/result';
import { Field } from '../../../ui/Field';
import type { DayRangeState } from './useDayRange';

/** The filters above a result list, in one row that wraps. */
export function SearchFilters(props: { children: ReactNode }) {
  return (
    <Form layout="inline" component="div" style={{ marginBottom: 16, rowGap: 8, columnGap: 8 }}>
      {props.children}
    </Form>
  );
}

/** The message of a search's refused input at one field (`path` as the procedure names it), if any. */
const issueAt = (error: ApiError | undefined, path: string) => error?.issues?.find((i) => i.path === path);

/** A search box: Enter or the button searches; a refused input (too long) is said under the box. */
export function SearchBox(props: {
  label: ReactNode;
  onSearch: (text: string) => void;
  testId: string;
  width: number;
  placeholder?: string;
  autoFocus?: boolean;
  /** The search's last error and the input field this box fills. */
  error?: ApiError;
  path?: string;
}) {
  return (
    <Field label={props.label} error={props.path ? issueAt(props.error, props.path) : undefined} testId={props.testId}>
      <Input.Search
        allowClear
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        onSearch={props.onSearch}
        style={{ width: props.width }}
        data-testid={props.testId}
      />
    </Field>
  );
}

/** Two site dates, either end open. */
export function DayRangeFilter(props: { label?: ReactNode; days: DayRangeState }) {
  return (
    <Form.Item label={props.label}>
      <DatePicker.RangePicker value={props.days.range} onChange={props.days.setRange} allowEmpty={[true, true]} />
    </Form.Item>
  );
}
