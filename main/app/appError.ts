import type { ErrorCode } from '../../preload/contract/errors';

/** An error meant for the user: a code from the message catalogue, its parameters, field texts. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, { tr: string; en: string }>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}
