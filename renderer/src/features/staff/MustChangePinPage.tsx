import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { ChangePinCard } from './ChangePinCard';

/** After a PIN reset the person who set it knows the PIN: its owner chooses their own before anything else. */
export function MustChangePinPage() {
  const { t } = useTranslation();
  const refresh = useSession((s) => s.refresh);
  return (
    <div className="gate">
      <Card title={t('staff.mustChangeTitle')} data-testid="must-change-pin" style={{ width: 420 }}>
        <Alert type="info" showIcon message={t('staff.mustChangeIntro')} style={{ marginBottom: 12 }} />
        <ChangePinCard bare onChanged={() => void refresh()} />
      </Card>
    </div>
  );
}
