import * as imports from '../services/importService';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const importHandlers = defineHandlers({
  'import.analyze': { access: HEAD_ONLY, run: ({ app }, input) => imports.analyzeImport(app, input) },
  'import.apply': { access: HEAD_ONLY, run: ({ app }, input) => imports.applyAnalyzedImport(app, input.importId) },
  'import.cancel': { access: HEAD_ONLY, run: ({ app }, input) => imports.cancelImport(app, input.importId) },
  'import.saveReport': { access: HEAD_ONLY, run: ({ app }, input) => imports.saveImportReport(app, input) },
  'import.analyzeBytes': { access: HEAD_ONLY, run: ({ app }, input) => imports.analyzeImportBytes(app, input) },
  'import.reportFile': { access: HEAD_ONLY, run: ({ app }, input) => imports.importReportFile(app, input.importId) },
});
