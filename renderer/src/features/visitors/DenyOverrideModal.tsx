import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import { SupervisorApprovalModal, type Approval } from '../../forms/SupervisorApprovalModal';

export interface DenyHit {
  name: string;
  reason: string;
  idNumberMasked: string;
  validUntil: string | null;
}

/**
 * A deny-list match stops the check-in. Only a shift leader or manager can let the visitor in,
 * with their own PIN and a reason, on the spot; the override is recorded with the visit.
 */
export function DenyOverrideModal(props: {
  hit: DenyHit | null;
  onCancel: () => void;
  onApprove: (approval: Approval) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  return (
    <SupervisorApprovalModal
      open={!!props.hit}
      title={t('deny.hitTitle')}
      okText={t('deny.override')}
      reasonLabel={t('deny.overrideReason')}
      fieldPrefix="denyOverride"
      testId="deny"
      submitTestId="deny-override-submit"
      onCancel={props.onCancel}
      onApprove={props.onApprove}
    >
      {props.hit && (
        <>
          <Alert type="error" showIcon message={t('deny.hitIntro')} style={{ marginBottom: 12 }} data-testid="deny-hit" />
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('visit.name')}>{props.hit.name || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('visit.idNumber')}>{props.hit.idNumberMasked || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deny.reason')}>{props.hit.reason}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </SupervisorApprovalModal>
  );
}
