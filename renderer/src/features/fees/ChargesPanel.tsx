import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { useSession } from '../../stores/session';
import { ChargeImportCard, ChargeImportManagerOnly } from './ChargeImportCard';
import { RaiseChargeForm } from './RaiseChargeForm';

/** 应收 tab: charges come in here — a manager's import file, or one charge raised by a shift leader or manager. */
export function ChargesPanel() {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        {roleAtLeast(role, 'shift_leader') ? (
          <RaiseChargeForm />
        ) : (
          <Alert type="info" message={t('fee.raiseLeaderOnly')} data-testid="raise-leader-only" />
        )}
      </Col>
      <Col xs={24} xl={12}>
        {roleAtLeast(role, 'manager') ? <ChargeImportCard /> : <ChargeImportManagerOnly />}
      </Col>
    </Row>
  );
}
