/**
 * Child process for the fault-injection test (main/services/faultInjection.test.ts). It runs
 * with the write-fault shim preloaded (database/testing/faultwrite.c) and works through many
 * cases in one process: for each, a fresh copy of the prepared data folder, sign in, arm the
 * shim (the Nth write under that folder fails, once or from then on), run the operation
 * through the real handler table, and report what the user was told. In "once" mode the same
 * operation is then retried in the same process (the disk works again); in "persist" mode it is
 * retried while every write still fails, and the app is shut down on the failing disk.
 * The parent opens every folder afterwards, like a restart, and checks it.
 *
 * argv[2]: a JSON plan (see FaultPlan). Prints one `result <json>` line per case.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FaultControl, type FaultMode, type FaultReport } from '../../database/testing/faultShim';
import { TEST_KDF } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { HEAD_USER } from './appFixture';
import { BAKICI_DOCUMENTS, bakiciFacts } from './facts';

export type FaultOp = 'registration' | 'import';

export interface FaultCase {
  id: string;
  op: FaultOp;
  mode: FaultMode;
  /** The write (or sync) that fails; 0 counts only. */
  n: number;
  errno?: 'EIO' | 'ENOSPC';
  /** Start from the template whose WAL is a few frames short of an automatic checkpoint. */
  busyWal?: boolean;
}

export interface FaultPlan {
  template: string;
  /** The same ledger with ~1,000 frames in its WAL (see prepareBusyWal in the test). */
  busyTemplate?: string;
  workDir: string;
  now: string;
  randevuNo: string;
  listPath: string;
  cases: FaultCase[];
}

/** One handler call as the user saw it: acknowledged, or the error shown (never more). */
export interface StepResult {
  name: string;
  ok: boolean;
  code?: string;
  message?: string;
  messageEn?: string;
  registrationNo?: string;
  repeated?: boolean;
  added?: number;
}

export interface CaseResult {
  case: FaultCase;
  dir: string;
  attempt: StepResult[];
  retry: StepResult[] | null;
  report: FaultReport;
}

const plan = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as FaultPlan;
const ctl = new FaultControl(process.env.MASA_FAULT_CTL!, process.env.MASA_FAULT_REPORT!);
const fixed = new Date(plan.now);

type Call = (name: string, input: unknown) => Promise<{ step: StepResult; value?: unknown }>;

function caller(app: MasaApp): Call {
  return async (name, input) => {
    const r = await dispatch(app, name, input);
    if (r.ok) return { step: { name, ok: true }, value: r.value };
    return { step: { name, ok: false, code: r.error.code, message: r.error.message, messageEn: r.error.messageEn } };
  };
}

/**
 * The desk's registration as the wizard drives it: Geldi, Kayda başla, Onayla. `state.next`
 * resumes a registration whose earlier steps were acknowledged (the clerk presses the refused
 * button again; confirm keeps the wizard's submission id).
 */
async function registration(call: Call, state: { next: number; ctx?: { submissionId: string; facts: Record<string, unknown> } }): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  const no = plan.randevuNo;
  while (state.next < 3) {
    if (state.next === 0) {
      const r = await call('desk.checkIn', { randevuNo: no });
      steps.push(r.step);
      if (!r.step.ok) return steps;
    } else if (state.next === 1) {
      const r = await call('registration.start', { randevuNo: no });
      steps.push(r.step);
      if (!r.step.ok) return steps;
      const ctx = r.value as { submissionId: string; draft: { facts: Record<string, unknown> } };
      state.ctx = { submissionId: ctx.submissionId, facts: ctx.draft.facts };
    } else {
      const r = await call('registration.confirm', {
        randevuNo: no,
        submissionId: state.ctx!.submissionId,
        facts: { ...state.ctx!.facts, ...bakiciFacts() },
        documents: BAKICI_DOCUMENTS,
        newAppointment: null,
      });
      if (r.step.ok) {
        const v = r.value as { registrationNo: string; repeated: boolean };
        r.step.registrationNo = v.registrationNo;
        r.step.repeated = v.repeated;
      }
      steps.push(r.step);
      if (!r.step.ok) return steps;
    }
    state.next++;
  }
  return steps;
}

/** The head's import as the screen drives it: read the list, then apply; after an error the screen starts again from the file. */
async function importList(call: Call): Promise<StepResult[]> {
  const a = await call('import.analyze', { path: plan.listPath });
  if (!a.step.ok) return [a.step];
  const { importId } = a.value as { importId: string };
  const b = await call('import.apply', { importId });
  if (b.step.ok) b.step.added = (b.value as { counts: { added: number } }).counts.added;
  return [a.step, b.step];
}

async function runCase(c: FaultCase): Promise<CaseResult> {
  const copy = path.join(plan.workDir, c.id);
  fs.cpSync(c.busyWal ? plan.busyTemplate! : plan.template, copy, { recursive: true });
  // The shim compares against /proc/self/fd links, which are real paths.
  const dir = fs.realpathSync(copy);
  const app = new MasaApp({ dataDir: dir, kdf: TEST_KDF, now: () => fixed });
  const call = caller(app);
  const login = await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
  if (!login.step.ok) throw new Error(`login refused before arming: ${login.step.code}`);
  const state = { next: 0 } as Parameters<typeof registration>[1];
  const run = () => (c.op === 'registration' ? registration(call, state) : importList(call));

  ctl.arm(dir, c.n, c.mode, c.errno ?? 'EIO');
  const attempt = await run();
  let report: CaseResult['report'];
  let retry: StepResult[] | null = null;
  const failed = attempt.some((s) => !s.ok);
  if (c.mode.endsWith('once')) {
    report = ctl.disarm();
    // The disk works again: the same operation, in the same process, must now go through.
    if (failed) retry = await run();
    app.shutdown();
  } else {
    // Every write still fails: trying again must be refused the same way, never crash or acknowledge.
    if (failed) retry = await run();
    app.shutdown();
    report = ctl.disarm();
  }
  return { case: c, dir, attempt, retry, report };
}

for (const c of plan.cases) {
  const r = await runCase(c);
  process.stdout.write(`result ${JSON.stringify(r)}\n`);
}
ctl.close();
