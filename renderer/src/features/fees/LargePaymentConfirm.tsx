import { Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountInCapitals } from '../../../../shared/domain/money';
import { fmtYuan } from '../../../../shared/print/format';

/**
 * The second question above the site's large-payment limit: the amount in figures and read back in
 * capitals (大写) for the payer to hear. Focus starts on 返回修改, so a second Ctrl+Enter or a reflex
 * Enter cannot confirm an amount nobody read; Tab then Enter confirms by keyboard.
 */
export function LargePaymentConfirm(props: {
  pending: { amountFen: number; limitFen: number } | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const p = props.pending;
  // Keys in the dialog stay in the dialog (it is rendered inside the payment form): a second Ctrl+Enter
  // neither submits the form again nor presses the focused button.
  return (
    <div
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.preventDefault();
      }}
    >
      <Modal
        open={!!p}
        title={t('fee.largeTitle')}
        onCancel={props.onBack}
        destroyOnHidden
        footer={
          <Space>
            <Button autoFocus onClick={props.onBack} data-testid="fee-large-back">
              {t('fee.largeBack')}
            </Button>
            <Button type="primary" danger onClick={props.onConfirm} data-testid="fee-large-confirm">
              {t('fee.largeConfirm')}
            </Button>
          </Space>
        }
      >
        {p && (
          <div data-testid="fee-large">
            <Typography.Paragraph>
              {t('fee.largeIntro', { amount: fmtYuan(p.amountFen), limit: fmtYuan(p.limitFen) })}
            </Typography.Paragraph>
            <div className="fee-total">
              <b data-testid="fee-large-amount">{fmtYuan(p.amountFen)}</b>
            </div>
            <div className="fee-large-capitals" data-testid="fee-large-capitals">
              {amountInCapitals(p.amountFen)}
            </div>
          </div>
        )}
      </Modal>
    </div>
  );
}
