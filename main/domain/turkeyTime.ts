/**
 * Turkey has kept UTC+3 all year since 2016; the desk's dates and times are Turkish local
 * time whatever zone the PC is set to.
 */
const OFFSET_MS = 3 * 3600_000;

export function turkeyParts(at: Date): { date: string; time: string; dateTime: string } {
  const iso = new Date(at.getTime() + OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), dateTime: iso.slice(0, 19) };
}

/** The UTC instants bounding a Turkish calendar day, for querying event times (stored in UTC). */
export function turkeyDayBoundsUtc(date: string): { start: string; end: string } {
  const start = new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
  const end = new Date(start.getTime() + 24 * 3600_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

