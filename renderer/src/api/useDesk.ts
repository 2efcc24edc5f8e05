import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskNotice, ProcInput, ProcName, ProcOutput } from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/result';
import { answered, type QueryResult } from './queryResult';
import { call, desk } from './desk';
import { useSession } from '../stores/session';
import { useShift } from '../stores/shift';
import { deskNowMs } from '../../../shared/domain/deskTime';

/** Calls the desk; a call refused because the session locked or ended sends the desk to its gate. */
export async function run<N extends ProcName>(name: N, input?: ProcInput<N>): Promise<ApiResult<ProcOutput<N>>> {
  const r = await call(name, input);
  if (!r.ok && (r.error.code === 'locked' || r.error.code === 'unauthenticated')) useSession.getState().sessionLost(r.error.code);
  // The shift was closed or taken over meanwhile (another window, another person): back to the handover gate.
  if (!r.ok && r.error.code === 'shift_required') void useShift.getState().refresh();
  return r;
}

/** Loads a procedure's result, reloading when one of the given notices arrives. */
export function useDeskQuery<N extends ProcName>(
  name: N,
  input: ProcInput<N> | undefined,
  reloadOn: DeskNotice['kind'][] = [],
): { data: ProcOutput<N> | undefined; loading: boolean; error: ApiError | undefined; reload: () => void } {
  const key = JSON.stringify(input ?? {});
  // The result remembers which input it answers, so "loading" is simply "not answered for this input yet".
  const [result, setResult] = useState<QueryResult<ProcOutput<N>>>();
  const latest = useRef(0);
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    void run(name, JSON.parse(key) as ProcInput<N>).then((r) => {
      if (ticket === latest.current) setResult((prev) => answered(prev, key, r));
    });
  }, [name, key]);
  useEffect(reload, [reload]);
  const kinds = reloadOn.join(',');
  useEffect(() => {
    if (!kinds) return;
    const wanted = kinds.split(',');
    return desk.subscribe((n) => {
      if (wanted.includes(n.kind)) reload();
    });
  }, [kinds, reload]);
  // While a new input loads the last answer stays (beside `loading`), as a table keeps its rows under its
  // spinner; once that input's call fails, `answered` has dropped them.
  const current = result?.key === key;
  return { data: result?.data, loading: !current, error: current ? result.error : undefined, reload };
}

/** Re-renders every `ms` so countdowns and overstay marks stay true. */
export function useNow(ms = 30_000): Date {
  // The desk's corrected clock (HQ's, once known): countdowns agree with the times the backend stamps.
  const [now, setNow] = useState(() => new Date(deskNowMs()));
  useEffect(() => {
    const t = setInterval(() => setNow(new Date(deskNowMs())), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
