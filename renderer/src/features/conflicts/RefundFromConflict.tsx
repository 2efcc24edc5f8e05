import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../api/useDesk';
import { RefundPanel } from '../fees/RefundPanel';

/** The unit's account and the desk's own refund form (approval, drawer), opened from a month paid twice. */
export function RefundFromConflict({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { data: account, reload } = useDeskQuery('fees:account', { unitId }, ['fees-changed']);
  if (!account) return null;
  if (account.balanceFen >= 0) return <Alert type="info" message={t('conflicts.noCredit')} style={{ marginTop: 12 }} />;
  return <RefundPanel account={account} onRefunded={reload} />;
}
