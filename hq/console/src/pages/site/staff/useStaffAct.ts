import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleCallError } from '../../../api';
import type { Outcome } from './staffTypes';

/**
 * Runs one act on the site's staff (a call to HQ), then says how it went above the list and reads the list
 * again; `busy` names the act running, so its button spins and a second click waits.
 */
export function useStaffAct(reload: () => void) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    if (busy) return false;
    setBusy(key);
    try {
      await run();
      setOutcome({ kind: 'success', text: done });
      return true;
    } catch (e) {
      // A refusal at a field (the role of the last admin) is said by its field's message.
      const message = e instanceof ConsoleCallError ? (e.issues[0]?.message ?? e.message) : 'console.err.internal';
      setOutcome({ kind: 'error', text: t(message.startsWith('err.') ? `desk:${message}` : message) });
      return false;
    } finally {
      setBusy(null);
      reload();
    }
  };
  return { outcome, busy, act, setOutcome };
}
