/**
 * Bundles the Electron main process and preload into out/ (options: electronBundleOptions.ts).
 */
import { build } from 'esbuild';
import { electronBundleOptions } from './electronBundleOptions';

await build({
  ...electronBundleOptions(),
  // main/backupCheck: the backup check a worker thread loads (database/backup/backupCheckThread.ts
  // finds it beside the main bundle).
  entryPoints: { 'main/index': 'main/electron/main.ts', 'main/backupCheck': 'database/backup/backupCheck.ts', 'preload/index': 'preload/index.ts' },
  outdir: 'out',
  outExtension: { '.js': '.cjs' },
});
console.log('out/main/index.cjs, out/main/backupCheck.cjs, out/preload/index.cjs');
