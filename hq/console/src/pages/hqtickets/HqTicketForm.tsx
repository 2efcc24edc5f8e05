import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Field } from '../../../../../ui/Field';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { CreateHqTicketInput, type HqTicketRow } from '../../../../src/console/contract/hqtickets';
import { ClassField, KindField, LevelField, type HqTicketValues } from './HqTicketFields';

/**
 * A new ticket for the site, channel "from HQ": kind, the problem from the site's own classifier, its
 * urgency or severity, the unit (optional) and what happened. Checked by the procedure's schema before it
 * is sent and by HQ again; a wrong field shows at the field and nothing is written.
 */
export function HqTicketForm(props: { siteId: string; onClose: () => void; onCreated: (row: HqTicketRow) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm<HqTicketValues, unknown>(CreateHqTicketInput, {
    // One id per opened form: a second click of the same submission is the same ticket at HQ.
    defaultValues: {
      siteId: props.siteId,
      requestId: crypto.randomUUID(),
      kind: 'repair',
      place: '',
      category: '',
      problem: '',
      description: '',
      unitCode: '',
      urgency: null,
      severity: null,
    },
  });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const row = await call('hqtickets.create', values);
      void message.success(t('hqtickets.form.created', { no: row.ticketNo }));
      props.onCreated(row);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Modal
      open
      title={t('hqtickets.form.title')}
      okText={t('hqtickets.form.submit')}
      cancelText={t('hqtickets.form.cancel')}
      onCancel={props.onClose}
      confirmLoading={formState.isSubmitting}
      okButtonProps={{ htmlType: 'submit', form: 'hqticket-form', id: 'hqticket-submit' }}
      width={640}
    >
      <Form
        id="hqticket-form"
        layout="vertical"
        onSubmitCapture={(e) => (e.preventDefault(), void submit())}
        data-testid="hqticket-form"
      >
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="hqticket-problem" />}
        <KindField form={form} />
        <ClassField form={form} siteId={props.siteId} />
        <LevelField form={form} />
        <Field label={t('hqtickets.form.unit')} error={formState.errors.unitCode} testId="hqticket-unit">
          <Controller
            name="unitCode"
            control={control}
            render={({ field }) => (
              <Input {...field} placeholder={t('hqtickets.form.unitPlaceholder')} data-testid="hqticket-unit" />
            )}
          />
        </Field>
        <Field
          label={t('hqtickets.form.description')}
          error={formState.errors.description}
          testId="hqticket-description"
          required
        >
          <Controller
            name="description"
            control={control}
            render={({ field }) => <Input.TextArea {...field} rows={3} data-testid="hqticket-description" />}
          />
        </Field>
      </Form>
    </Modal>
  );
}
