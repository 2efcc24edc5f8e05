import { InputNumber, Select, Table } from 'antd';
import { Controller, useFieldArray, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Settings } from '../../../../shared/api/schemas';
import { SPAN_UNITS } from '../../../../shared/domain/ticketDeadlines';
import { tError } from '../../i18n';

type SettingsInput = z.input<typeof Settings>;

/**
 * The intake deadline rules (defaults from the seeds): which kind and class, which deadline, and how
 * long. New tickets take the rules in force when they are taken; existing ones keep theirs.
 */
export function TicketRulesEditor(props: {
  control: Control<SettingsInput>;
  errors: FieldErrors<SettingsInput>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { fields } = useFieldArray({ control: props.control, name: 'ticketRules' });
  const whenLabel = (kind: string, when: string) => {
    if (!when) return t('settings.ruleAll');
    if (kind === 'complaint') return t(`ticketSeverity.${when}`);
    if (['extra_urgent', 'urgent', 'normal'].includes(when)) return t(`ticketUrgency.${when}`);
    return t(`callbackClass.${when}`);
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={fields.map((f, i) => ({ ...f, i }))}
      data-testid="ticket-rules"
      columns={[
        { title: t('ticket.kind'), key: 'kind', render: (_: unknown, r) => t(`ticketKind.${r.kind}`) },
        { title: t('ticket.level'), key: 'when', render: (_: unknown, r) => whenLabel(r.kind, r.when) },
        { title: t('settings.ruleType'), key: 'type', render: (_: unknown, r) => t(`ticketDeadline.${r.type}`) },
        {
          title: t('settings.ruleSpan'),
          key: 'span',
          render: (_: unknown, r) => {
            const error = props.errors.ticketRules?.[r.i]?.span?.n?.message;
            return (
              <span>
                <Controller
                  name={`ticketRules.${r.i}.span.n`}
                  control={props.control}
                  render={({ field }) => (
                    <InputNumber
                      {...field}
                      min={0}
                      max={1000}
                      disabled={props.disabled}
                      style={{ width: 80 }}
                      status={error ? 'error' : undefined}
                    />
                  )}
                />{' '}
                <Controller
                  name={`ticketRules.${r.i}.span.unit`}
                  control={props.control}
                  render={({ field }) => (
                    <Select
                      {...field}
                      disabled={props.disabled}
                      style={{ width: 190 }}
                      options={SPAN_UNITS.map((u) => ({ value: u, label: t(`spanUnit.${u}`) }))}
                    />
                  )}
                />
                {error && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{tError(error)}</div>}
              </span>
            );
          },
        },
      ]}
    />
  );
}
