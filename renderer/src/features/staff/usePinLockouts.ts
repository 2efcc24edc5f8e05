import type { PinLockouts } from '../../../../shared/api/schemas';
import { useDeskQuery, useNow } from '../../api/useDesk';

/**
 * The PIN lockouts at this desk as they stand now: reloaded whenever a PIN is refused or reset anywhere
 * on the desk (a reset pulled from HQ arrives with a sync), and a lock that ran out drops from the list
 * without a reload. Call it only for shift leaders and up: the backend refuses the list to anyone else.
 */
export function usePinLockouts(): PinLockouts & { reload: () => void } {
  const { data, reload } = useDeskQuery('staff:lockouts', undefined, ['lockouts-changed', 'sync-changed']);
  const now = useNow(10_000).toISOString();
  return {
    accounts: (data?.accounts ?? []).filter((a) => a.lockedUntil > now),
    deskLimitUntil: data?.deskLimitUntil && data.deskLimitUntil > now ? data.deskLimitUntil : null,
    reload,
  };
}
