import { useTranslation } from 'react-i18next';
import { LockOutlined } from '@ant-design/icons';
import { deskTime } from '../../../shared/domain/deskTime';
import { usePinLockouts } from '../features/staff/usePinLockouts';
import { useNav } from '../stores/nav';

/**
 * In the status bar of a shift leader and up, on every page, while an account is locked or the
 * desk-wide PIN limit holds; a click opens the staff list with the lock tags. Nothing while all is well.
 */
export function LockoutNotice() {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const { accounts, deskLimitUntil } = usePinLockouts();
  if (!accounts.length && !deskLimitUntil) return null;
  const hm = (iso: string) => deskTime(iso).format('HH:mm');
  // One locked account is named (the leader knows at once whom to talk to); several are counted.
  const [one] = accounts;
  const parts = [
    accounts.length === 1 && one && t('status.lockedOne', { name: one.name, time: hm(one.lockedUntil) }),
    accounts.length > 1 && t('status.lockedAccounts', { count: accounts.length }),
    deskLimitUntil && t('status.deskPinLimit', { time: hm(deskLimitUntil) }),
  ].filter(Boolean);
  return (
    <button type="button" className="link-button lockout-notice" data-testid="lockout-notice" onClick={() => go('staff')}>
      <LockOutlined /> {parts.join(' · ')}
    </button>
  );
}
