import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBundleOptions } from '../../scripts/electronBundleOptions';

/**
 * cborg is ESM only (an `import` export and nothing else), and the Electron main process is a
 * CommonJS bundle: this builds the statement code with the bundle's own options and runs it
 * through `require`, as Electron's main process would.
 */
// Inside node_modules so that the bundle's require('base45') resolves as it does beside out/main.
const dir = fs.mkdtempSync(path.join(process.cwd(), 'node_modules', '.masa-bundle-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the form statement inside the Electron main bundle', () => {
  it('require("cborg") fails from CommonJS, so the bundle carries cborg; the bundled code signs and verifies', async () => {
    const req = createRequire(path.join(process.cwd(), 'package.json'));
    expect(() => req('cborg')).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED|No "exports" main/);
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(
      entry,
      [
        `export { signSign1, encodePayload } from ${JSON.stringify(path.resolve('main/formStatement/cose'))};`,
        `export { qrText } from ${JSON.stringify(path.resolve('main/formStatement/qrText'))};`,
        `export { verifyQrText } from ${JSON.stringify(path.resolve('main/formStatement/verify'))};`,
        `export { createDeskKeyPair } from ${JSON.stringify(path.resolve('main/reconciliation/signature'))};`,
      ].join('\n'),
    );
    const out = path.join(dir, 'statement.cjs');
    await build({ ...electronBundleOptions(), entryPoints: [entry], outfile: out });
    const code = fs.readFileSync(out, 'utf8');
    expect(code).not.toContain('require("cborg")');
    expect(code).toContain('require("base45")');
    const m = req(out) as typeof import('./verify') & typeof import('./cose') & typeof import('./qrText') & typeof import('../reconciliation/signature');
    const keys = m.createDeskKeyPair();
    const statement = { v: 1, p: '35', d: 'M01', n: '35M01-2026-000001', o: 'RET', g: 'EVDE-2015', e: 0, h: new Uint8Array(8), f: '2026-11-24', q: 3, x: new Uint8Array(8), m: new Uint8Array(16), k: ['DONEM'] };
    const text = m.qrText(m.signSign1(m.encodePayload(statement), keys));
    const v = m.verifyQrText(text, [{ deskCode: 'M01', publicKeySpki: keys.publicKeySpki, kind: 'own' }]);
    expect(v.verdict).toBe('VALID');
  });
});
