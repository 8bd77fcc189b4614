import { ResourceLimitExceeded } from './limits';
import { ABORTED_TEXT, refusalText, type RefusalCode, type RefusalParams } from '../texts/import';

/**
 * The whole file is not an appointment list (or cannot be read): nothing of it is imported.
 * `detail` is a technical note for the log (never personal data); `tr`/`en` are for people.
 */
export class AppointmentFileRefused extends Error {
  readonly tr: string;
  readonly en: string;

  constructor(
    readonly code: RefusalCode,
    readonly params: RefusalParams = {},
    readonly detail?: string,
  ) {
    const text = refusalText(code, params);
    super(text.en);
    this.name = 'AppointmentFileRefused';
    this.tr = text.tr;
    this.en = text.en;
  }
}

/** The caller's AbortSignal fired: reading stopped and nothing was produced. */
export class AppointmentImportAborted extends Error {
  readonly code = 'ABORTED' as const;
  readonly tr = ABORTED_TEXT.tr;
  readonly en = ABORTED_TEXT.en;

  constructor() {
    super(ABORTED_TEXT.en);
    this.name = 'AppointmentImportAborted';
  }
}

/** A reader's resource-limit error as the import's refusal naming the limit; null for any other error. */
export function limitRefusal(e: unknown): AppointmentFileRefused | null {
  return e instanceof ResourceLimitExceeded ? new AppointmentFileRefused('TOO_LARGE', { limit: e.limit }, e.message) : null;
}
