/**
 * Print bench: how long the desk waits for a Kesin Kayıt Formu (per applicant, many times a
 * day) and the office head for a 2,000-row Asil / Yedek listesi. Each figure is also given as
 * a ratio to a one-line pdfmake document rendered in the same process, which factors out the
 * machine: a ratio that grows means our layout got slower, not the computer.
 *
 *   npx tsx bench/print.ts [formRuns=200]
 */
import { renderPdf } from '../main/print/engine';
import { renderFinalRegistrationForm, renderPlacementList } from '../main/print/index';
import { sampleFinalRegistrationForm, samplePlacementList } from '../main/print/testing/fixtures';

const FORM_RUNS = Number(process.argv[2] ?? 200);
const BASELINE_RUNS = 200;
const LIST_RUNS = 3;
const FORM_P50_TARGET_MS = 150;
const LIST_TARGET_MS = 3000;

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

const lists = await time(LIST_RUNS, () => renderPlacementList(list));
const listMedian = percentile(lists.sorted, 50);
console.log(
  `Asil / Yedek listesi, 2,000 rows: median ${ms(listMedian)} of ${LIST_RUNS} [${lists.sorted.map(ms).join(', ')}] ` +
    `(${(lists.bytes / 1024).toFixed(0)} KiB); ratio to baseline ${(listMedian / baseP50).toFixed(0)}x; ` +
    `target < ${LIST_TARGET_MS} ms: ${listMedian < LIST_TARGET_MS ? 'met' : 'MISSED'}`,
);
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
