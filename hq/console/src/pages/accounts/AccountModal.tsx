import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ConsoleForm } from '../../forms/useConsoleForm';

/**
 * A dialog's save: the form's values sent by `save`, the dialog closed when HQ took them, else HQ's field
 * issues put at their fields and the rest said above the form.
 */
export function useAccountSave<V extends FieldValues>(
  form: ConsoleForm<V>,
  save: (values: V) => Promise<unknown>,
  done: () => void,
) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await save(values);
      done();
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return { problem, submit: () => void submit(), submitting: form.formState.isSubmitting };
}

/** The frame of the accounts page's dialogs: Enter in any field saves, as the Save button does. */
export function AccountModal(props: {
  title: ReactNode;
  saving: ReturnType<typeof useAccountSave>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { saving } = props;
  return (
    <Modal
      open
      title={props.title}
      okText={t('accounts.save')}
      onOk={saving.submit}
      onCancel={props.onCancel}
      okButtonProps={{ loading: saving.submitting, 'data-testid': 'account-submit' }}
      destroyOnHidden
    >
      <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), saving.submit())}>
        {saving.problem && <Alert type="error" showIcon message={saving.problem} data-testid="account-problem" />}
        {props.children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
