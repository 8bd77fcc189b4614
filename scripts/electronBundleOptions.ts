/**
 * How the Electron main process and preload are bundled (scripts/build-electron.ts), shared with
 * the test that loads a bundle of the form statement code (main/formStatement/bundle.test.ts).
 * CommonJS: a sandboxed preload cannot be an ES module. Packages stay external, i.e. required
 * from node_modules at run time (electron-builder ships node_modules and rebuilds the native
 * SQLite module for Electron's ABI), except the ESM-only ones listed here.
 */
import fs from 'node:fs';
import type { BuildOptions } from 'esbuild';

/**
 * cborg publishes only an `import` export: `require('cborg')` fails (ERR_PACKAGE_PATH_NOT_EXPORTED)
 * in Node and in Electron alike, whatever their require(esm) support. esbuild converts it into
 * the CommonJS bundle instead, so it is not a run-time dependency of the installer.
 */
export const BUNDLED_PACKAGES = ['cborg'];

function declaredPackages(): string[] {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
}

export function electronBundleOptions(): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A package name also covers its subpaths (bwip-js/node); Node's built-ins are external on platform node.
    external: declaredPackages().filter((p) => !BUNDLED_PACKAGES.includes(p)),
    sourcemap: false,
    logLevel: 'warning',
    // database/ledger/pageCheck.ts reads import.meta.url only where __filename is missing (ESM under tsx
    // and vitest); in this CommonJS bundle __filename is set, so the empty import.meta is unused.
    logOverride: { 'empty-import-meta': 'silent' },
  };
}
