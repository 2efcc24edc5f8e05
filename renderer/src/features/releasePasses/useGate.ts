import { useEffect, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import type { ApiError } from '../../../../shared/api/result';
import type { PassCheck } from '../../../../shared/api/releasePassSchemas';
import { run } from '../../api/useDesk';
import { useNav } from '../../stores/nav';
import { tError } from '../../i18n';

const messageOf = (e: ApiError) => tError(e.issues?.[0]?.message ?? e.message);

/**
 * The gate's state: the scanned pass, the count per line the guard enters, and the verify / release /
 * refuse calls. After each act the cursor goes back to the scan box, so the next pass can be scanned.
 */
export function useGate() {
  const focusTick = useNav((s) => s.focusTick);
  const scanRef = useRef<InputRef>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [check, setCheck] = useState<PassCheck | null>(null);
  const [released, setReleased] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [justReleased, setJustReleased] = useState(false);
  useEffect(() => scanRef.current?.focus(), [focusTick]);

  const show = (c: PassCheck, afterRelease = false) => {
    setCheck(c);
    setReleased(c.pass.items.map((i) => i.released ?? i.quantity));
    setNote('');
    setActionError(null);
    setJustReleased(afterRelease);
    scanRef.current?.focus();
  };
  const verify = async (code: string) => {
    setScanError(null);
    const r = await run('passes:verify', { code });
    if (r.ok) show(r.value);
    else {
      setCheck(null);
      setScanError(messageOf(r.error));
      scanRef.current?.focus();
    }
  };
  const release = async () => {
    if (!check || check.pass.verdict !== 'valid') return;
    const r = await run('passes:release', { passId: check.pass.id, items: released.map((n) => ({ released: n })), note });
    if (r.ok) show(r.value, true);
    else setActionError(messageOf(r.error));
  };
  /** Refuses the pass with a reason; true when it was recorded. */
  const refuse = async (reason: string) => {
    if (!check) return false;
    const r = await run('passes:refuse', { passId: check.pass.id, reason });
    if (r.ok) show(r.value);
    else setActionError(messageOf(r.error));
    return r.ok;
  };
  const setCount = (line: number, n: number) => setReleased((prev) => prev.map((v, i) => (i === line ? n : v)));
  const pass = check?.pass;
  return {
    scanRef,
    scanError,
    check,
    released,
    setCount,
    note,
    setNote,
    actionError,
    justReleased,
    verify,
    release,
    refuse,
    canAct: pass?.verdict === 'valid' && !justReleased,
    differs: pass ? released.some((n, i) => n !== pass.items[i]?.quantity) : false,
  };
}
/** The gate's state without its scan box's ref (parts render from it; only the scan box holds the ref). */
export type Gate = Omit<ReturnType<typeof useGate>, 'scanRef'>;
