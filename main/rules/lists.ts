/**
 * Main ("Asil") and reserve ("Yedek") lists per province and edition: accepted registrations in
 * first-application order (pre-registration time, then Randevu No); the first `quota` are on
 * the main list. A mother who left the main list (an event with its date) no longer counts
 * from that date, so the first reserve moves up; the list on any past date is recomputed from
 * the same inputs.
 */
export interface ListEntry {
  registrationNo: string;
  randevuNo: string;
  preRegisteredAt: string;
  motherName: string;
  motherTckn: string;
}

interface LeftEvent {
  registrationNo: string;
  /** yyyy-MM-dd: from this day on she is no longer on either list. */
  at: string;
  reason: string;
}

interface Placement {
  registrationNo: string;
  list: 'ASIL' | 'YEDEK';
  /** 1-based position within its list. */
  position: number;
  /** The quota (main list length) for ASIL. */
  of: number | null;
}

export function computeLists(entries: readonly ListEntry[], quota: number, left: readonly LeftEvent[], asOf: string): (ListEntry & Placement)[] {
  const gone = new Set(left.filter((l) => l.at <= asOf).map((l) => l.registrationNo));
  const ordered = entries
    .filter((e) => !gone.has(e.registrationNo))
    .sort((a, b) => (a.preRegisteredAt < b.preRegisteredAt ? -1 : a.preRegisteredAt > b.preRegisteredAt ? 1 : a.randevuNo < b.randevuNo ? -1 : a.randevuNo > b.randevuNo ? 1 : 0));
  return ordered.map((e, i) =>
    i < quota
      ? { ...e, registrationNo: e.registrationNo, list: 'ASIL' as const, position: i + 1, of: quota }
      : { ...e, registrationNo: e.registrationNo, list: 'YEDEK' as const, position: i - quota + 1, of: null },
  );
}

export function placementOf(lists: readonly Placement[], registrationNo: string): Placement | null {
  return lists.find((p) => p.registrationNo === registrationNo) ?? null;
}

/** "Asil 1.204 / 1.750" or "Yedek 37" (Turkish thousands separator). */
export function formatPlacement(p: Placement): string {
  const n = (x: number) => x.toLocaleString('tr-TR');
  return p.list === 'ASIL' ? `Asil ${n(p.position)} / ${n(p.of ?? 0)}` : `Yedek ${n(p.position)}`;
}
