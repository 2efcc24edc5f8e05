import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PinLockout } from '../../../../shared/api/schemas';
import { deskTime } from '../../../../shared/domain/deskTime';

const hm = (iso: string) => deskTime(iso).format('HH:mm');

/** A locked account in the staff list: until when, the how-many-th lock in a row, and the last wrong try. */
export function LockTag({ lock }: { lock: PinLockout }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`staff-lock-${lock.staffNo}`}>
      <Tag color="volcano">{t('staff.lockedUntil', { time: hm(lock.lockedUntil) })}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('staff.lockDetail', { count: lock.lockouts })}
        {lock.lastFailedAt && ` · ${t('staff.lastFailed', { time: hm(lock.lastFailedAt) })}`}
      </Typography.Text>
    </div>
  );
}
