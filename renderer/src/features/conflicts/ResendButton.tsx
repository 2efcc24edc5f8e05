import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RejectionView } from '../../../../shared/api/conflictSchemas';
import { run } from '../../api/useDesk';
import { reasonText } from './rejectionText';

/**
 * "Re-send after the fix", for a rejection HQ may take once its data is right (a colleague missing from
 * HQ's staff, a role, HQ's clock): HQ judges the stored event again and says what it decided.
 */
export function ResendButton({ rejection: r, onDone }: { rejection: RejectionView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const resend = async () => {
    setBusy(true);
    const res = await run('conflicts:resendRejection', { eventId: r.eventId });
    setBusy(false);
    if (!res.ok) message.error(t(res.error.message));
    else if (res.value.outcome === 'rejected')
      message.warning(t('conflicts.resent.rejected', { why: reasonText(t, res.value.reason ?? '') }));
    else message.success(t(`conflicts.resent.${res.value.outcome}`));
    onDone();
  };
  return (
    <Tooltip title={t('conflicts.resendHint')}>
      <Button onClick={() => void resend()} loading={busy} data-testid="rejection-resend">
        {t('conflicts.resend')}
      </Button>
    </Tooltip>
  );
}
