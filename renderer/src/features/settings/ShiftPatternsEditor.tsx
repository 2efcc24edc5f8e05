import { Button, Input, Space, Switch, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Controller, useFieldArray, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Settings } from '../../../../shared/api/schemas';
import { tError } from '../../i18n';

type SettingsInput = z.input<typeof Settings>;

/**
 * The desk's shift patterns (default A 09–17, B 12–20, C 20–22 on call): code, start, end and
 * whether it is on call from home. An end before the start runs past midnight.
 */
export function ShiftPatternsEditor(props: {
  control: Control<SettingsInput>;
  errors: FieldErrors<SettingsInput>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: props.control, name: 'shiftPatterns' });
  const rowErrors = props.errors.shiftPatterns;
  const listError = rowErrors?.root?.message ?? rowErrors?.message;
  const cell = (i: number, key: 'code' | 'start' | 'end', width: number) => (
    <Controller
      name={`shiftPatterns.${i}.${key}`}
      control={props.control}
      render={({ field }) => {
        const error = rowErrors?.[i]?.[key]?.message;
        return (
          <div>
            <Input {...field} style={{ width }} status={error ? 'error' : undefined} data-testid={`pattern-${i}-${key}`} />
            {error && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{tError(error)}</div>}
          </div>
        );
      }}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={fields.map((f, i) => ({ ...f, i }))}
        columns={[
          { title: t('settings.patternCode'), key: 'code', render: (_, r) => cell(r.i, 'code', 70) },
          { title: t('settings.patternStart'), key: 'start', render: (_, r) => cell(r.i, 'start', 90) },
          { title: t('settings.patternEnd'), key: 'end', render: (_, r) => cell(r.i, 'end', 90) },
          {
            title: t('settings.patternOnCall'),
            key: 'onCall',
            render: (_, r) => (
              <Controller
                name={`shiftPatterns.${r.i}.onCall`}
                control={props.control}
                render={({ field }) => <Switch checked={field.value} onChange={field.onChange} />}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            render: (_, r) => (
              <Button
                icon={<DeleteOutlined />}
                type="text"
                disabled={props.disabled || fields.length <= 1}
                onClick={() => remove(r.i)}
              />
            ),
          },
        ]}
      />
      {listError && <div style={{ color: '#ff4d4f' }}>{tError(listError)}</div>}
      <Button
        icon={<PlusOutlined />}
        disabled={props.disabled}
        onClick={() => append({ code: '', start: '09:00', end: '17:00', onCall: false })}
        data-testid="pattern-add"
      >
        {t('settings.addPattern')}
      </Button>
    </Space>
  );
}
