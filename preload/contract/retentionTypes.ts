/** KVKK retention: records past their programme's retention period, and past erasures. */
export interface RetentionRecord {
  /** The first appointment number of the record; follow-ups (-E1, -E2 …) belong to it. */
  randevuNo: string;
  appointments: number;
  registrations: number;
  programCode: string;
  provinceCode: string;
  /** Date of the first appointment (yyyy-MM-dd). */
  date: string;
  /** Last change to the record (UTC ISO); views and prints do not count. */
  lastActivity: string;
  retentionYears: number;
  /** The day from which the record may be erased (yyyy-MM-dd, Turkey time). */
  dueOn: string;
}

export interface ErasureRecord {
  seq: number;
  at: string;
  user: string;
  records: number;
  appointments: number;
  registrations: number;
  redactedEvents: number;
}

export interface RetentionOverview {
  today: string;
  /** Every record that is due, oldest first (the screen shows the first ones). */
  due: RetentionRecord[];
  erasures: ErasureRecord[];
}

export interface ErasureResult extends ErasureRecord {
  /** Bytes of the ledger file after VACUUM. */
  fileBytes: number;
}
