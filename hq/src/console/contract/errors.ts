/**
 * What a console call can fail with. `message` is an i18n key the console translates; `issues` name the
 * fields of the input that were wrong (shown at the field, nothing written).
 */
export type ConsoleErrorCode =
  'invalid_input' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'totp_required' | 'rate_limited' | 'internal';

export interface ConsoleIssue {
  path: string;
  message: string;
}

export interface ConsoleFailure {
  code: ConsoleErrorCode;
  message: string;
  issues?: ConsoleIssue[];
}

export type ConsoleResult<T> = { ok: true; value: T } | { ok: false; error: ConsoleFailure };

export class ConsoleError extends Error {
  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
    readonly issues?: ConsoleIssue[],
  ) {
    super(message);
  }
}

/** One field's error: the form shows `messageKey` under the field at `path`. */
export const fieldError = (path: string, messageKey: string) =>
  new ConsoleError('invalid_input', 'console.err.invalidInput', [{ path, message: messageKey }]);
