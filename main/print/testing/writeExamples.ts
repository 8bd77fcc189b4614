/**
 * Writes the example page images in docs/forms/ from the synthetic fixtures, so that
 * reviewers see the layouts without running the app. Not used by tests.
 *
 *   npx tsx main/print/testing/writeExamples.ts [outDir=docs/forms] [dpi=100]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderDailyReport, renderDecisionNotice, renderFinalRegistrationForm, renderPlacementList } from '../index';
import { sampleDailyReport, sampleDecisionNotice, sampleFinalRegistrationForm, samplePlacementList } from './fixtures';
import { samplePackLabel, sampleStatementText } from '../../formStatement/sample';
import { tempFolder, writePdf } from './pdfTools';

const outDir = process.argv[2] ?? 'docs/forms';
const dpi = process.argv[3] ?? '100';

/**
 * A decision document as printed: the rule pack line and the QR of a signed statement (under the
 * demonstration key of formStatement/sample.ts), both naming the same sample pack.
 */
function signedForm() {
  const m = sampleFinalRegistrationForm();
  return { ...m, rulePack: samplePackLabel(), statement: sampleStatementText('finalRegistration', m.mother.tckn) };
}
function signedNotice(decision: 'rejected' | 'missingDocuments') {
  const m = sampleDecisionNotice(decision);
  return { ...m, rulePack: samplePackLabel(), statement: sampleStatementText(decision, m.mother.tckn) };
}

// The decision documents are also kept as PDF (pdf: true), so that a reader can scan or verify their QR.
const examples: Array<[name: string, page: number, render: () => Promise<Buffer>, pdf?: boolean]> = [
  ['kesin-kayit-formu', 1, () => renderFinalRegistrationForm(signedForm()), true],
  ['ret-bildirimi', 1, () => renderDecisionNotice(signedNotice('rejected')), true],
  ['eksik-evrak-bildirimi', 1, () => renderDecisionNotice(signedNotice('missingDocuments')), true],
  ['gunluk-rapor', 1, () => renderDailyReport(sampleDailyReport(300, true))],
  ['gunluk-rapor-imzalar', -1, () => renderDailyReport(sampleDailyReport(300, true))],
  ['asil-yedek-listesi', 1, () => renderPlacementList(samplePlacementList(2000))],
];

mkdirSync(outDir, { recursive: true });
const tmp = tempFolder('examples');
try {
  for (const [name, page, render, keepPdf] of examples) {
    const bytes = await render();
    const pdf = writePdf(tmp.dir, name, bytes);
    if (keepPdf) copyFileSync(pdf, join(outDir, `${name}.pdf`));
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
