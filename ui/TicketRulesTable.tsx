import type { ReactNode } from 'react';
import { InputNumber, Select, Table } from 'antd';
import type { TFunction } from 'i18next';
import { SPAN_UNITS, type Span } from '../shared/domain/ticketDeadlines';

/** A span as the form holds it: the number is empty (null) while the field is cleared. */
type SpanField = { unit: Span['unit']; n: number | null };

const URGENCIES = ['extra_urgent', 'urgent', 'normal'];

/** Which tickets a rule is for, in words: every one, a complaint's severity, a repair's urgency or a callback's class. */
function ruleLevel(t: TFunction, kind: string, when: string): string {
  if (!when) return t('settings.ruleAll');
  if (kind === 'complaint') return t(`ticketSeverity.${when}`);
  return t(URGENCIES.includes(when) ? `ticketUrgency.${when}` : `callbackClass.${when}`);
}

/**
 * The intake deadline rules, at the desk (defaults from the seeds) and in HQ's console: kind and level,
 * which deadline, and how long (`span(i)`, the caller's form field for rule i, a `RuleSpanInput`). New
 * tickets take the rules in force when taken; tickets already open keep theirs. `t` speaks the desk's words.
 */
export function TicketRulesTable<R extends { id: string; kind: string; when: string; type: string }>(props: {
  t: TFunction;
  rules: R[];
  span: (i: number) => ReactNode;
}) {
  const { t } = props;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={props.rules.map((r, i) => ({ ...r, i }))}
      data-testid="ticket-rules"
      columns={[
        { title: t('ticket.kind'), key: 'kind', render: (_: unknown, r) => t(`ticketKind.${r.kind}`) },
        { title: t('ticket.level'), key: 'when', render: (_: unknown, r) => ruleLevel(t, r.kind, r.when) },
        { title: t('settings.ruleType'), key: 'type', render: (_: unknown, r) => t(`ticketDeadline.${r.type}`) },
        { title: t('settings.ruleSpan'), key: 'span', render: (_: unknown, r) => props.span(r.i) },
      ]}
    />
  );
}

/**
 * How long a rule gives: a number and its unit, and what the rules say about the number under them.
 * No min/max on the input: a value out of bounds is said at the field, never clamped without a word.
 */
export function RuleSpanInput(props: {
  t: TFunction;
  /** Absent while the form has no such rule yet (the console's rules arrive with the site's settings). */
  value: SpanField | undefined;
  onChange: (span: SpanField) => void;
  onBlur?: () => void;
  /** The message (an i18n key) at the span's number. */
  error?: string;
  disabled: boolean;
  testId: string;
}) {
  const { t, value, error } = props;
  if (!value) return null;
  return (
    <span>
      <InputNumber<number>
        value={value.n}
        onChange={(n) => props.onChange({ ...value, n })}
        onBlur={props.onBlur}
        disabled={props.disabled}
        style={{ width: 90 }}
        status={error ? 'error' : undefined}
        data-testid={`${props.testId}-n`}
      />{' '}
      <Select
        value={value.unit}
        onChange={(unit) => props.onChange({ ...value, unit })}
        disabled={props.disabled}
        style={{ width: 190 }}
        data-testid={`${props.testId}-unit`}
        options={SPAN_UNITS.map((u) => ({ value: u, label: t(`spanUnit.${u}`) }))}
      />
      {error && (
        <div style={{ color: '#ff4d4f', fontSize: 12 }} data-testid={`${props.testId}-error`}>
          {t(error)}
        </div>
      )}
    </span>
  );
}
