import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import { fmtYuan } from '../../../../shared/print/format';
import { SupervisorApprovalModal, type Approval } from '../../forms/SupervisorApprovalModal';

/**
 * A whole-unit move-out while the unit owes fees stops here: a shift leader (or above) enters their
 * own staff number, PIN and a reason on the spot, and the approval is printed on the pass.
 */
export function ArrearsApprovalModal(props: {
  arrearsFen: number | null;
  onCancel: () => void;
  onApprove: (approval: Approval) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  return (
    <SupervisorApprovalModal
      open={props.arrearsFen !== null}
      title={t('pass.arrearsTitle')}
      okText={t('pass.arrearsApprove')}
      reasonLabel={t('pass.arrearsReason')}
      fieldPrefix="arrearsApproval"
      testId="arrears"
      submitTestId="arrears-approve"
      onCancel={props.onCancel}
      onApprove={props.onApprove}
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="arrears-alert"
        message={t('pass.arrearsIntro', { amount: fmtYuan(props.arrearsFen ?? 0) })}
      />
    </SupervisorApprovalModal>
  );
}
