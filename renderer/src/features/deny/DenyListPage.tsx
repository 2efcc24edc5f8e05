import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Table } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { deskTime, deskDate } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import { DenyEntryInput, type DenyEntry } from '../../../../shared/api/schemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run, useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

/** 禁止入内名单: people not to admit; a match at check-in needs a supervisor's override. */
export function DenyListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const canEdit = roleAtLeast(role, 'shift_leader');
  const list = useDeskQuery('deny:list', undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError, reset } = useForm({
    resolver: zodResolver(DenyEntryInput),
    defaultValues: { name: '', idNumber: '', phone: '', reason: '', validUntil: undefined as string | undefined },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const r = await run('deny:add', values);
    if (r.ok) {
      reset();
      setFormError(null);
      list.reload();
      message.success(t('deny.added'));
    } else setFormError(applyServerErrors(setError, r.error, ['name', 'idNumber', 'phone', 'reason', 'validUntil']));
  });
  const revoke = (entry: DenyEntry) => {
    let reason = '';
    Modal.confirm({
      title: t('deny.revokeTitle', { name: entry.name || entry.idNumberMasked }),
      content: <Input placeholder={t('deny.revokeReason')} onChange={(ev) => (reason = ev.target.value)} />,
      onOk: async () => {
        const r = await run('deny:revoke', { id: entry.id, reason });
        if (!r.ok) {
          message.error(t('deny.revokeReasonRequired'));
          throw new Error('reason required');
        }
        list.reload();
      },
    });
  };
  return (
    <Row gutter={16}>
      <Col span={canEdit ? 15 : 24}>
        <Card title={t('nav.deny')}>
          <Table<DenyEntry>
            rowKey="id"
            size="middle"
            dataSource={list.data ?? []}
            loading={list.loading}
            columns={[
              { title: t('visit.name'), dataIndex: 'name' },
              { title: t('visit.idNumber'), dataIndex: 'idNumberMasked' },
              { title: t('visit.phone'), dataIndex: 'phoneMasked' },
              { title: t('deny.reason'), dataIndex: 'reason' },
              { title: t('deny.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => v ?? t('deny.indefinite') },
              {
                title: t('deny.addedBy'),
                key: 'by',
                render: (_, r) => `${r.addedByName} ${deskTime(r.addedAt).format('YYYY-MM-DD')}`,
              },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'x',
                      render: (_: unknown, r: DenyEntry) => (
                        <Button size="small" danger onClick={() => revoke(r)}>
                          {t('deny.revoke')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      {canEdit && (
        <Col span={9}>
          <Card title={t('deny.addTitle')}>
            {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} />}
            <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
              <Field label={t('visit.name')} error={e.name}>
                <Controller name="name" control={control} render={({ field }) => <Input {...field} data-testid="deny-name" />} />
              </Field>
              <Field label={t('visit.idNumber')} error={e.idNumber}>
                <Controller
                  name="idNumber"
                  control={control}
                  render={({ field }) => <Input {...field} data-testid="deny-idNumber" />}
                />
              </Field>
              <Field label={t('visit.phone')} error={e.phone}>
                <Controller
                  name="phone"
                  control={control}
                  render={({ field }) => <Input {...field} data-testid="deny-phone" />}
                />
              </Field>
              <Field label={t('deny.reason')} error={e.reason} required>
                <Controller
                  name="reason"
                  control={control}
                  render={({ field }) => <Input {...field} data-testid="deny-reason-input" />}
                />
              </Field>
              <Field label={t('deny.validUntil')} error={e.validUntil} extra={t('deny.validUntilHint')}>
                <Controller
                  name="validUntil"
                  control={control}
                  render={({ field }) => (
                    <DatePicker
                      value={field.value ? deskDate(field.value) : null}
                      onChange={(d) => field.onChange(d ? d.format('YYYY-MM-DD') : undefined)}
                      disabledDate={(d) => d.isBefore(deskTime(), 'day')}
                    />
                  )}
                />
              </Field>
              <Button type="primary" onClick={() => void submit()} data-submit data-testid="deny-add">
                {t('deny.add')}
              </Button>
            </Form>
          </Card>
        </Col>
      )}
    </Row>
  );
}
