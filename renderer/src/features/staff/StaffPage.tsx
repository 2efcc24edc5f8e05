import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateStaffInput, type StaffSummary } from '../../../../shared/api/schemas';
import { ROLES, roleAtLeast } from '../../../../shared/domain/staff';
import { run, useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { ChangePinCard } from './ChangePinCard';

/** Staff of this desk: everyone sees the list and changes their own PIN; the admin adds people. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const list = useDeskQuery('staff:list', undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError, reset } = useForm({
    resolver: zodResolver(CreateStaffInput),
    defaultValues: { staffNo: '', name: '', role: 'receptionist' as const, pin: '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const r = await run('staff:create', values);
    if (r.ok) {
      reset();
      setFormError(null);
      list.reload();
      message.success(t('staff.created', { name: r.value.name }));
    } else setFormError(applyServerErrors(setError, r.error, ['staffNo', 'name', 'role', 'pin']));
  });
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card title={t('nav.staff')}>
          <Table<StaffSummary>
            rowKey="id"
            dataSource={list.data ?? []}
            pagination={false}
            columns={[
              { title: t('staff.staffNo'), dataIndex: 'staffNo' },
              { title: t('staff.name'), dataIndex: 'name' },
              { title: t('staff.role'), dataIndex: 'role', render: (r: StaffSummary['role']) => <Tag>{t(`role.${r}`)}</Tag> },
            ]}
          />
        </Card>
      </Col>
      <Col span={10}>
        {roleAtLeast(role, 'admin') && (
          <Card title={t('staff.addTitle')} style={{ marginBottom: 16 }}>
            {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} />}
            <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
              <Field label={t('staff.staffNo')} error={e.staffNo} required>
                <Controller
                  name="staffNo"
                  control={control}
                  render={({ field }) => <Input {...field} data-testid="staff-staffNo" />}
                />
              </Field>
              <Field label={t('staff.name')} error={e.name} required>
                <Controller name="name" control={control} render={({ field }) => <Input {...field} data-testid="staff-name" />} />
              </Field>
              <Field label={t('staff.role')} error={e.role} required>
                <Controller
                  name="role"
                  control={control}
                  render={({ field }) => (
                    <Select
                      {...field}
                      data-testid="staff-role"
                      options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    />
                  )}
                />
              </Field>
              <Field label={t('staff.pin')} error={e.pin} required extra={t('staff.pinHint')}>
                <Controller
                  name="pin"
                  control={control}
                  render={({ field }) => <Input.Password {...field} data-testid="staff-pin" />}
                />
              </Field>
              <Button type="primary" onClick={() => void submit()} data-submit data-testid="staff-add">
                {t('staff.add')}
              </Button>
            </Form>
          </Card>
        )}
        <ChangePinCard />
      </Col>
    </Row>
  );
}
