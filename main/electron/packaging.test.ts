import fs from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * Building the installer needs Electron's download (not possible here), so the promises of
 * electron-builder.yml are checked by reading it: fuses, installer targets, icons, asar, native
 * module rebuild, and that no test code or bridge ends up in the package.
 */
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

describe('electron-builder.yml', () => {
  it('names the app and ships an asar with the native module unpacked', () => {
    expect(config.appId).toBe('tr.gov.sgk.masa');
    expect(config.productName).toBe('Masa');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('turns off RunAsNode, NODE_OPTIONS and inspect; turns on asar integrity and asar-only loading', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds an NSIS installer for Windows and AppImage + deb for Linux, with icons that exist', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toContain('nsis');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(fs.existsSync(config.win.icon)).toBe(true);
    expect(fs.existsSync(config.linux.icon)).toBe(true);
  });

  it('packages only the built shell and renderer, never tests or the loopback bridge', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'renderer/dist/**', '!**/*.test.*']));
    expect(config.files.some((f: string) => /main\/bridge|scripts|e2e/.test(f) && !f.startsWith('!'))).toBe(false);
    // The Electron entry bundle never imports the bridge.
    expect(fs.readFileSync('main/electron/main.ts', 'utf8')).not.toMatch(/bridge/);
    expect(pkg.main).toBe('out/main/index.cjs');
  });

  it('the runtime dependencies are only what main needs (renderer libraries are bundled by vite)', () => {
    // base45, qrcode, pngjs: the printed forms' signed statement and its QR. cborg, ESM only, is
    // bundled into out/main instead (scripts/electronBundleOptions.ts), so it is not shipped as a package.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(
      ['better-sqlite3-multiple-ciphers', 'bwip-js', 'csv-parse', 'date-fns', 'exceljs', 'pdfmake', 'zod', 'base45', 'qrcode', 'pngjs'].sort(),
    );
    expect(pkg.devDependencies.cborg).toBeDefined();
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/install-app-deps/); // run for releases only (docs/release.md)
  });
});
