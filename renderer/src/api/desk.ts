import type { DeskApi } from '../../../shared/api/client';
import type { DeskNotice, ProcInput, ProcName, ProcOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

/** The desk server's client: the same contract over HTTP, notifications as Server-Sent Events. */
function httpDesk(): DeskApi {
  const listeners = new Set<(n: DeskNotice) => void>();
  let source: EventSource | null = null;
  return {
    mode: 'browser',
    async call(name, input) {
      try {
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        // The wire's answer, as the desk server's router parsed it with the procedure's output schema.
        return (await res.json()) as ApiResult<ProcOutput<typeof name>>;
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'err.deskUnreachable' } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events');
        source.onmessage = (e) => listeners.forEach((l) => l(JSON.parse(e.data) as DeskNotice));
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

/** Electron's preload provides window.desk; in the desk server the page talks HTTP. */
export const desk: DeskApi = window.desk ?? httpDesk();

export function call<N extends ProcName>(name: N, input?: ProcInput<N>): Promise<ApiResult<ProcOutput<N>>> {
  return desk.call(name, input);
}
