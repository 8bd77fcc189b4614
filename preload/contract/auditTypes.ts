export interface AccessLogEntry {
  seq: number;
  /** UTC ISO time of the event. */
  at: string;
  /** record.viewed | record.printed | record.exported | reconciliation.exported … */
  action: string;
  /** e.g. appointment:06-2019-004711, reconciliation:2026-11-24 */
  entity: string;
  user: string;
}

/** Pages of at most this many entries (the default page is ACCESS_LOG_PAGE). */
export const ACCESS_LOG_MAX_PAGE = 500;
export const ACCESS_LOG_PAGE = 200;

/** One page of the access log, newest first. */
export interface AccessLogPage {
  entries: AccessLogEntry[];
  /** How many entries the whole date range holds (as of this page). */
  total: number;
  /** Pass as `before` to get the next, older page; null when this was the last. */
  next: number | null;
}
