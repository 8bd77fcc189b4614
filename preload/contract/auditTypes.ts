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
