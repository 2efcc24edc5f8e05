import type { ApiResult } from './result.js';
import type { DeskNotice, ProcInput, ProcName, ProcOutput } from './contract.js';

/** What the preload exposes as `window.desk` and what the desk-server HTTP client implements. */
export interface DeskApi {
  call<N extends ProcName>(name: N, input?: ProcInput<N>): Promise<ApiResult<ProcOutput<N>>>;
  subscribe(listener: (notice: DeskNotice) => void): () => void;
  /** 'electron' prints silently to the configured printer; 'browser' opens the print dialog. */
  readonly mode: 'electron' | 'browser';
}
