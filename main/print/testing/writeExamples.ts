/**
 * Writes the example page images in docs/forms/ from the synthetic fixtures, so that
 * reviewers see the layouts without running the app. Not used by tests.
 *
 *   npx tsx main/print/testing/writeExamples.ts [outDir=docs/forms] [dpi=100]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderDailyReport, renderDecisionNotice, renderFinalRegistrationForm, renderPlacementList } from '../index';
import { sampleDailyReport, sampleDecisionNotice, sampleFinalRegistrationForm, samplePlacementList } from './fixtures';
import { tempFolder, writePdf } from './pdfTools';

const outDir = process.argv[2] ?? 'docs/forms';
const dpi = process.argv[3] ?? '100';

const examples: Array<[name: string, page: number, render: () => Promise<Buffer>]> = [
  ['kesin-kayit-formu', 1, () => renderFinalRegistrationForm(sampleFinalRegistrationForm())],
  ['ret-bildirimi', 1, () => renderDecisionNotice(sampleDecisionNotice('rejected'))],
  ['eksik-evrak-bildirimi', 1, () => renderDecisionNotice(sampleDecisionNotice('missingDocuments'))],
  ['gunluk-rapor', 1, () => renderDailyReport(sampleDailyReport(300, true))],
  ['gunluk-rapor-imzalar', -1, () => renderDailyReport(sampleDailyReport(300, true))],
  ['asil-yedek-listesi', 1, () => renderPlacementList(samplePlacementList(2000))],
];

mkdirSync(outDir, { recursive: true });
const tmp = tempFolder('examples');
try {
  for (const [name, page, render] of examples) {
    const pdf = writePdf(tmp.dir, name, await render());
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
    const which = String(page > 0 ? page : pages + 1 + page);
    const target = join(outDir, name);
    // Grey levels are all these pages use: -gray keeps the PNGs small without losing anything.
    const r = spawnSync('pdftoppm', ['-r', dpi, '-gray', '-png', '-singlefile', '-f', which, '-l', which, pdf, target]);
    if (r.status !== 0) throw new Error(`pdftoppm failed for ${name}: ${r.stderr}`);
    console.log(`${target}.png  page ${which}/${pages}  ${(statSync(`${target}.png`).size / 1024).toFixed(0)} KiB`);
  }
} finally {
  tmp.cleanup();
}
