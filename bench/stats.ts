/** Small statistics for the benches: medians and percentiles of repeated runs. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: number[]) => percentile(values, 50);

export function peakRssMb(): number {
  // maxRSS is in kilobytes on every platform Node supports.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function verdict(ok: boolean): string {
  return ok ? 'OK' : 'MISSED';
}
