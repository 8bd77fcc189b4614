/** Today's date in Turkey (UTC+3 all year since 2016) as yyyy-MM-dd, whatever the PC's zone. */
export function todayInTurkey(now = new Date()): string {
  return new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}

export function formatTrDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return '—'; // e.g. erased (KVKK) or not given
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An event time (UTC ISO) or a local date-time shown as dd.MM.yyyy HH:mm in Turkish time. */
export function formatTrDateTime(value: string, isUtc = false): string {
  const local = isUtc ? new Date(Date.parse(value) + 3 * 3600_000).toISOString() : value;
  return `${formatTrDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** 30000 cents -> "300,00 EUR" (Turkish: '.' thousands, ',' decimals). */
export function formatMoney(minor: number, currency: string): string {
  const v = (minor / 100).toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${v} ${currency}`;
}
