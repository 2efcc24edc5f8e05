import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleInput, ConsoleOutput, ConsoleProcName } from '../../src/console/contract/index';
import { call, ConsoleCallError } from './api';

export interface ConsoleQuery<T> {
  data: T | undefined;
  error: ConsoleCallError | undefined;
  loading: boolean;
  reload: () => void;
}

type Answer<T> = { key: string; data?: T; error?: ConsoleCallError };

/**
 * A read for a page, as the desk's useDeskQuery: called again when its input changes, an older input's
 * answer never shown after a newer one's, and no rows kept from an earlier input once a call fails
 * (a failed search for "Y" must not show the results for "X"). `skip`: not called (nothing to ask yet).
 */
export function useConsoleQuery<K extends ConsoleProcName>(
  name: K,
  input: ConsoleInput<K>,
  opts: { skip?: boolean } = {},
): ConsoleQuery<ConsoleOutput<K>> {
  const key = JSON.stringify(input ?? {});
  const [answer, setAnswer] = useState<Answer<ConsoleOutput<K>>>();
  const latest = useRef(0);
  const skip = !!opts.skip;
  const reload = useCallback(() => {
    if (skip) return;
    const ticket = ++latest.current;
    call(name, JSON.parse(key) as ConsoleInput<K>).then(
      (data) => ticket === latest.current && setAnswer({ key, data }),
      (e: unknown) => {
        const error = e instanceof ConsoleCallError ? e : new ConsoleCallError('internal', 'console.err.internal');
        if (ticket === latest.current) setAnswer({ key, error });
      },
    );
  }, [name, key, skip]);
  useEffect(reload, [reload]);
  const current = answer?.key === key;
  // While a new input loads, the last rows stay under the spinner; a failed call has none.
  return { data: answer?.data, loading: !skip && !current, error: current ? answer.error : undefined, reload };
}
