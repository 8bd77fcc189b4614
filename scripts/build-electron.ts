/**
 * Bundles the Electron main process and preload into out/ (CommonJS: a sandboxed preload
 * cannot be an ES module). Dependencies stay external: electron-builder ships node_modules and
 * rebuilds the native SQLite module for Electron's ABI.
 */
import { build } from 'esbuild';

await build({
  // main/backupCheck: the backup check a worker thread loads (database/backupCheckThread.ts
  // finds it beside the main bundle).
  entryPoints: { 'main/index': 'main/electron/main.ts', 'main/backupCheck': 'database/backupCheck.ts', 'preload/index': 'preload/index.ts' },
  outdir: 'out',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  // database/pageCheck.ts reads import.meta.url only where __filename is missing (ESM under tsx
  // and vitest); in this CommonJS bundle __filename is set, so the empty import.meta is unused.
  logOverride: { 'empty-import-meta': 'silent' },
});
console.log('out/main/index.cjs, out/main/backupCheck.cjs, out/preload/index.cjs');
