import type { HTMLAttributes } from 'react';

/**
 * A table row's test id, for `onRow`. Typed as the row's attributes: antd refuses a bare
 * `{ 'data-testid' }` (it shares no property with them), and a cast would hide a real mistake.
 */
export const rowTestId = (id: string): HTMLAttributes<HTMLElement> & { 'data-testid': string } => ({ 'data-testid': id });
