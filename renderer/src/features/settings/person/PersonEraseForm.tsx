import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../shared/api/result';
import { tError } from '../../../i18n';

const FIELDS = ['reason', 'confirmName'];

/**
 * The erasure: a reason and the person's name typed again. One manager suffices (as for the other
 * site settings); the erasure is the audit record, listed in 个人信息访问记录.
 */
export function PersonEraseForm(props: {
  name: string;
  onErase: (reason: string, confirmName: string) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const erase = async () => {
    const error = await props.onErase(reason, confirmName);
    // An issue of a field shown here goes at the field; any other (nothing left to erase) above the form.
    const issues = (error?.issues ?? []).map((i) => [FIELDS.includes(i.path) ? i.path : 'form', i.message]);
    setErrors(error && !issues.length ? { form: error.message } : Object.fromEntries(issues));
  };
  const item = (key: string) => (errors[key] ? { validateStatus: 'error' as const, help: tError(errors[key]) } : {});
  return (
    <Form layout="vertical" component="div" data-testid="person-erase">
      <Alert type="warning" showIcon message={t('settings.person.eraseHint')} style={{ marginBottom: 12 }} />
      {errors.form && <Alert type="error" message={tError(errors.form)} style={{ marginBottom: 12 }} />}
      <Form.Item label={t('settings.person.reason')} {...item('reason')}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="person-reason" />
      </Form.Item>
      <Form.Item label={`${t('settings.person.confirm')}: ${props.name}`} {...item('confirmName')}>
        <Space>
          <Input value={confirmName} onChange={(e) => setConfirmName(e.target.value)} data-testid="person-confirmName" />
          <Button danger onClick={() => void erase()} data-testid="person-erase-button">
            {t('settings.person.erase')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
