/**
 * Print bench: how long the desk waits for a Kesin Kayıt Formu (per applicant, many times a
 * day) and the office head for a 2,000-row Asil / Yedek listesi. Each figure is also given as
 * a ratio to a one-line pdfmake document rendered in the same process, which factors out the
 * machine: a ratio that grows means our layout got slower, not the computer.
 * The form with the QR of its signed statement (signing included) is timed against the form
 * without it, interleaved run by run; and `form.verify` (what `verify-form TEXT` and the find box
 * call) on a signed-in desk, its access-log write included.
 *
 *   npx tsx bench/print.ts [formRuns=200]
 */
import { renderPdf } from '../main/print/engine';
import { renderFinalRegistrationForm, renderPlacementList } from '../main/print/index';
import { sampleFinalRegistrationForm, samplePlacementList } from '../main/print/testing/fixtures';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registrations } from '../database';
import { sampleStatementText } from '../main/formStatement/sample';
import { deskWithDecisions } from '../main/formStatement/testing';
import { dispatch } from '../main/handlers/router';
import { signedStatementText } from '../main/services/formStatementService';

const FORM_RUNS = Number(process.argv[2] ?? 200);
const BASELINE_RUNS = 200;
const LIST_RUNS = 3;
const FORM_P50_TARGET_MS = 150;
const LIST_TARGET_MS = 3000;
const QR_FORM_P50_TARGET_MS = 100;
const QR_FORM_RATIO_TARGET = 1.3;
const VERIFY_RUNS = 200;
const VERIFY_P50_TARGET_MS = 50;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function time(runs: number, job: () => Promise<Buffer>): Promise<{ sorted: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await job()).length;
    times.push(performance.now() - start);
  }
  return { sorted: times.sort((a, b) => a - b), bytes };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

const form = sampleFinalRegistrationForm();
const list = samplePlacementList(2000);
const baselineJob = () => renderPdf({ content: 'Masa' });

// Warm-up: font loading, module JIT and pdfmake's first-use costs are paid once per process.
await time(5, baselineJob);
await time(5, () => renderFinalRegistrationForm(form));
await time(1, () => renderPlacementList(list));

const baseline = await time(BASELINE_RUNS, baselineJob);
const baseP50 = percentile(baseline.sorted, 50);
console.log(`baseline one-line document: p50 ${ms(baseP50)}, p95 ${ms(percentile(baseline.sorted, 95))} (${BASELINE_RUNS} runs, ${baseline.bytes} bytes)`);

const forms = await time(FORM_RUNS, () => renderFinalRegistrationForm(form));
const formP50 = percentile(forms.sorted, 50);
console.log(
  `Kesin Kayıt Formu: p50 ${ms(formP50)}, p95 ${ms(percentile(forms.sorted, 95))}, max ${ms(forms.sorted.at(-1)!)} ` +
    `(${FORM_RUNS} runs, ${forms.bytes} bytes); p50 ratio to baseline ${(formP50 / baseP50).toFixed(1)}x; ` +
    `target p50 < ${FORM_P50_TARGET_MS} ms: ${formP50 < FORM_P50_TARGET_MS ? 'met' : 'MISSED'}`,
);

// Before and after the QR, alternating, so that both see the same machine load.
const withQr = () => renderFinalRegistrationForm({ ...form, statement: sampleStatementText('finalRegistration', form.mother.tckn) });
await time(5, withQr);
const plain: number[] = [];
const qr: number[] = [];
let qrBytes = 0;
for (let i = 0; i < FORM_RUNS; i++) {
  plain.push((await time(1, () => renderFinalRegistrationForm(form))).sorted[0]!);
  const r = await time(1, withQr);
  qr.push(r.sorted[0]!);
  qrBytes = r.bytes;
}
plain.sort((a, b) => a - b);
qr.sort((a, b) => a - b);
const plainP50 = percentile(plain, 50);
const qrP50 = percentile(qr, 50);
const qrRatio = qrP50 / plainP50;
console.log(
  `Kesin Kayıt Formu with the signed-statement QR: p50 ${ms(qrP50)}, p95 ${ms(percentile(qr, 95))} (${qrBytes} bytes) ` +
    `against ${ms(plainP50)} without it in the same run (${FORM_RUNS} runs each, interleaved): ${qrRatio.toFixed(2)}x; ` +
    `target p50 < ${QR_FORM_P50_TARGET_MS} ms and <= ${QR_FORM_RATIO_TARGET}x: ${qrP50 < QR_FORM_P50_TARGET_MS && qrRatio <= QR_FORM_RATIO_TARGET ? 'met' : 'MISSED'}`,
);

// verify-form TEXT after start-up: a signed-in desk (real encrypted ledger in a temp folder).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-bench-print-'));
try {
  const desk = await deskWithDecisions({ dataDir });
  const text = signedStatementText(desk.app, registrations.byNo(desk.app.requireStore().reader, desk.final)!);
  const verifyOnce = async () => {
    const r = await dispatch(desk.app, 'form.verify', { text });
    if (!r.ok || (r.value as { verdict: string }).verdict !== 'VALID') throw new Error('form.verify did not verify');
    return Buffer.alloc(0);
  };
  await time(10, verifyOnce);
  const v = await time(VERIFY_RUNS, verifyOnce);
  const vP50 = percentile(v.sorted, 50);
  console.log(
    `form.verify (verify-form TEXT after sign-in, access-log line included): p50 ${ms(vP50)}, p95 ${ms(percentile(v.sorted, 95))} ` +
      `(${VERIFY_RUNS} runs, ${text.length} characters); target p50 < ${VERIFY_P50_TARGET_MS} ms: ${vP50 < VERIFY_P50_TARGET_MS ? 'met' : 'MISSED'}`,
  );
  desk.app.shutdown();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const lists = await time(LIST_RUNS, () => renderPlacementList(list));
const listMedian = percentile(lists.sorted, 50);
console.log(
  `Asil / Yedek listesi, 2,000 rows: median ${ms(listMedian)} of ${LIST_RUNS} [${lists.sorted.map(ms).join(', ')}] ` +
    `(${(lists.bytes / 1024).toFixed(0)} KiB); ratio to baseline ${(listMedian / baseP50).toFixed(0)}x; ` +
    `target < ${LIST_TARGET_MS} ms: ${listMedian < LIST_TARGET_MS ? 'met' : 'MISSED'}`,
);
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
