import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpEnrolment } from './TotpEnrolment';

/** Every user's own sign-in: their password and their authenticator. */
export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="security-page">
      <Card title={t('accounts.changePassword')}>
        <ChangePasswordForm />
      </Card>
      <Card title={t('accounts.totpTitle')}>
        <TotpEnrolment />
      </Card>
    </Space>
  );
}
