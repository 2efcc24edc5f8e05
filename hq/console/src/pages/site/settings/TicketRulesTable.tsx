import { InputNumber, Select, Table } from 'antd';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SPAN_UNITS } from '../../../../../../shared/domain/ticketDeadlines';

import { settingError, type SectionProps } from './settingsTypes';

const URGENCIES = ['extra_urgent', 'urgent', 'normal'];

/**
 * The intake deadline rules as the desk's editor shows them: kind and level, which deadline, how long.
 * New tickets take the rules in force when taken; tickets already open keep theirs.
 */
export function TicketRulesTable({ control, errors, disabled }: SectionProps) {
  const { t } = useTranslation();
  const { fields } = useFieldArray({ control, name: 'ticketRules' });
  const level = (kind: string, when: string) => {
    if (!when) return t('desk:settings.ruleAll');
    if (kind === 'complaint') return t(`desk:ticketSeverity.${when}`);
    return t(URGENCIES.includes(when) ? `desk:ticketUrgency.${when}` : `desk:callbackClass.${when}`);
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={fields.map((f, i) => ({ ...f, i }))}
      data-testid="ticket-rules"
      columns={[
        { title: t('desk:ticket.kind'), key: 'kind', render: (_: unknown, r) => t(`desk:ticketKind.${r.kind}`) },
        { title: t('desk:ticket.level'), key: 'when', render: (_: unknown, r) => level(r.kind, r.when) },
        { title: t('desk:settings.ruleType'), key: 'type', render: (_: unknown, r) => t(`desk:ticketDeadline.${r.type}`) },
        {
          title: t('desk:settings.ruleSpan'),
          key: 'span',
          render: (_: unknown, r) => {
            const error = settingError(errors.ticketRules?.[r.i]?.span?.n)?.message;
            return (
              <span>
                <Controller
                  name={`ticketRules.${r.i}.span.n`}
                  control={control}
                  render={({ field }) => (
                    <InputNumber
                      {...field}
                      disabled={disabled}
                      style={{ width: 90 }}
                      status={error ? 'error' : undefined}
                      data-testid={`rule-${r.i}-n`}
                    />
                  )}
                />{' '}
                <Controller
                  name={`ticketRules.${r.i}.span.unit`}
                  control={control}
                  render={({ field }) => (
                    <Select
                      {...field}
                      disabled={disabled}
                      style={{ width: 190 }}
                      data-testid={`rule-${r.i}-unit`}
                      options={SPAN_UNITS.map((u) => ({ value: u, label: t(`desk:spanUnit.${u}`) }))}
                    />
                  )}
                />
                {error && (
                  <div style={{ color: '#ff4d4f', fontSize: 12 }} data-testid={`rule-${r.i}-error`}>
                    {t(error)}
                  </div>
                )}
              </span>
            );
          },
        },
      ]}
    />
  );
}
