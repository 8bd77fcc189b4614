/** Today's date in Turkey (UTC+3 all year since 2016) as yyyy-MM-dd, whatever the PC's zone. */
export function todayInTurkey(now = new Date()): string {
  return new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}

export function formatTrDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
