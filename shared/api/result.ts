/** Errors cross the process boundary as data, never as thrown strings. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'locked'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'deny_list_hit'
  /** A rule needs a second person's approval (e.g. a whole-unit move-out while arrears exist). */
  | 'approval_required'
  /** The same person must confirm what they are about to do, seeing it read back (e.g. a very large payment). */
  | 'confirmation_required'
  | 'wrong_pin'
  | 'pin_locked_out'
  /** Too many PIN attempts at this desk in the last minute, whoever they were for. */
  | 'pin_desk_busy'
  | 'setup_required'
  | 'already_set_up'
  | 'shift_required'
  | 'unavailable'
  | 'internal';

/** `message` is an i18n key (e.g. `err.idNumber.checksum`); the renderer translates it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside handlers; the router turns it into `{ ok: false, error }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toError(): ApiError {
    return { code: this.code, message: this.message, issues: this.issues, details: this.details };
  }
}

/** A single field-level rejection, the common case for business-rule checks. */
export function fieldError(path: string, message: string): ApiFailure {
  return new ApiFailure('invalid_input', message, [{ path, message }]);
}
