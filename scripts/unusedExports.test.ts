import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProjectUnusedExports, listUnusedExports } from './unusedExports';
import { writeProject } from './testing/syntheticProject';

describe('unused exports (scripts/unusedExports.ts)', () => {
  it('the project has none: every export is used by another file, or listed with its reason', () => {
    expect(listProjectUnusedExports().map((f) => `${f.file}:${f.line} ${f.name} (${f.why})`)).toEqual([]);
  });

  it('finds, on a small project, what it should and nothing else', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'unused-exports-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, types: [] }, include: ['src'] }),
        'src/a.ts': [
          'export function usedThroughBarrel(): number { return 1; }',
          'export function reexportedButUnused(): number { return 2; }',
          'export const onlyHere = 3;',
          'const local = onlyHere + 1;',
          'export type UsedType = { n: number };',
          'export interface UnusedType { n: number }',
          'export function direct(): number { return local; }',
        ].join('\n'),
        'src/b.ts': 'export const starUsed = 1;\nexport const starUnused = 2;\n',
        'src/c.ts': 'export const behindUnusedStar = 1;\n',
        'src/ns.ts': 'export const viaNamespace = 1;\nexport const notViaNamespace = 2;\n',
        'src/mig.ts': 'export const version = 1;\nexport const sql = "";\n',
        'src/index.ts': [
          "export { usedThroughBarrel, reexportedButUnused } from './a';",
          "export type { UsedType } from './a';",
          "export * from './b';",
          "export * from './c';",
        ].join('\n'),
        'src/app.ts': [
          "import { usedThroughBarrel, starUsed, type UsedType } from './index';",
          "import { direct } from './a';",
          "import * as ns from './ns';",
          "import * as mig from './mig';",
          'const t: UsedType = { n: usedThroughBarrel() + starUsed + ns.viaNamespace + direct() };',
          'const migrations: { version: number; sql: string }[] = [mig];',
          'console.log(t, migrations);',
        ].join('\n'),
        'src/tested.ts': 'export function onlyTested(): number { return 1; }\nexport function keptForItsTest(): number { return 2; }\n',
        'src/tested.test.ts': "import { onlyTested, keptForItsTest } from './tested';\nimport { fixture } from './testing/fixture';\nconsole.log(onlyTested(), keptForItsTest(), fixture);\n",
        'src/testing/fixture.ts': 'export const fixture = 1;\nexport const unusedFixture = 2;\n',
      };
      writeProject(root, files);
      const found = listUnusedExports({
        root,
        scanned: ['src'],
        entryPoints: ['src/app.ts'],
        testOnly: { 'src/tested.ts': { names: ['keptForItsTest', 'goneSinceListed'], why: 'a test reaches in' } },
      });
      expect(found.map((f) => `${f.file}:${f.line} ${f.name} ${f.why}`)).toEqual([
        'src/a.ts:2 reexportedButUnused not used',
        'src/a.ts:3 onlyHere used only in its file',
        'src/a.ts:6 UnusedType not used',
        'src/b.ts:2 starUnused not used',
        'src/c.ts:1 behindUnusedStar not used',
        'src/index.ts:1 reexportedButUnused not used',
        "src/index.ts:4 * from ./c no name of it is imported through here",
        'src/ns.ts:2 notViaNamespace not used',
        'src/tested.ts:0 goneSinceListed listed as used only by tests, but is not: take it off that list',
        'src/tested.ts:1 onlyTested used only by tests (src/tested.test.ts)',
        'src/testing/fixture.ts:2 unusedFixture not used',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
