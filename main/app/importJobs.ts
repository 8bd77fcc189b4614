import type { ImportApplied } from '../../preload/contract/importTypes';
import type { ImportPlan } from '../import';

/** How many reports and applied results an app keeps (the latest ones; memory only). */
const KEPT = 10;

/**
 * The office head's imports under way in one app (`app.imports`), all in memory: the plans
 * analysed and not yet applied, the analyses and applies that a cancel can stop, the latest
 * reports for "download as .xlsx", and the results of applied plans (a second "İçe aktar" for
 * the same plan answers with the same result). Per app, so that two apps in one process never
 * apply or cancel each other's plans.
 */
export class ImportJobs {
  readonly pending = new Map<string, { plan: ImportPlan; file: { name: string; size: number; sha256: string }; userId: number }>();
  /** Analyses being read, by import id. */
  readonly running = new Map<string, AbortController>();
  /** Applies being written, by import id: the cancel flag their steps look at. */
  readonly applyingNow = new Map<string, { cancelled: boolean }>();
  /** Reports of the latest analyses, and whether that import was applied (a failed report save says so). */
  readonly reports = new Map<string, { report: ImportPlan['report']; fileName: string; applied: boolean }>();
  readonly applied = new Map<string, ImportApplied>();

  keepReport(id: string, report: ImportPlan['report'], fileName: string): void {
    this.reports.set(id, { report, fileName, applied: false });
    while (this.reports.size > KEPT) this.reports.delete(this.reports.keys().next().value!);
  }

  keepApplied(id: string, result: ImportApplied): void {
    this.applied.set(id, result);
    while (this.applied.size > KEPT) this.applied.delete(this.applied.keys().next().value!);
    const r = this.reports.get(id);
    if (r) r.applied = true;
  }
}
