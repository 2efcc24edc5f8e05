import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { timeText, type IssuedCode } from './deviceTypes';

/**
 * A code just issued, shown once: HQ never lists it again, so the admin writes it down or reads it to the
 * person at the new PC now. A replacement says it moves the old desk's identity.
 */
export function IssuedCodeNotice(props: { issued: IssuedCode; replacement: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { issued } = props;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="devices-issued"
      style={{ marginBottom: 16 }}
      message={t(props.replacement ? 'devices.code.replaceTitle' : 'devices.code.title', { code: issued.deviceCode })}
      description={
        <>
          <Typography.Title level={3} copyable data-testid="devices-issued-code" style={{ margin: '8px 0', letterSpacing: 2 }}>
            {issued.code}
          </Typography.Title>
          <div data-testid="devices-issued-expiry">{t('devices.code.expires', { at: timeText(issued.expiresAt) })}</div>
          <div>{t(props.replacement ? 'devices.code.replaceHint' : 'devices.code.hint', { code: issued.deviceCode })}</div>
        </>
      }
      action={
        <Button onClick={props.onClose} data-testid="devices-issued-close">
          {t('devices.code.close')}
        </Button>
      }
    />
  );
}
