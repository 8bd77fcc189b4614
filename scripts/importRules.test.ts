import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, importCycles, type ImportGraph } from './testing/importGraph';
import { writeProject } from './testing/syntheticProject';

/**
 * Who may import what, checked on the import graph. docs/architecture.md ("Folders") states the
 * same rules under the same names; a finding names the file, the line, the rule and what it
 * imports.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['main', 'database', 'preload', 'renderer', 'hq', 'scripts', 'bench', 'e2e', ''];

const under = (file: string, dir: string) => file.startsWith(`${dir}/`);
/** Tests and what only tests run: a test file, a `testing/` folder, bench/ and e2e/. */
const isTestSide = (file: string) => /\.test\.tsx?$/.test(file) || file.split('/').includes('testing') || under(file, 'bench') || under(file, 'e2e');
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');

/** The rules, by the names the architecture document quotes. */
const RULES = {
  'renderer-imports-renderer-and-contract': 'a renderer file imports only renderer/ and preload/contract/ among the project files',
  'database-through-its-entry': 'outside database/ only database/index.ts is imported; tests, test helpers, bench/ and e2e/ may also import database/testing/',
  'electron-only-in-the-shell': 'only main/electron/ and preload/index.ts import electron',
  'database-imports-no-app': 'database/ imports nothing of main/, renderer/, preload/ or hq/',
  'contract-imports-only-contract': 'preload/contract/ imports only preload/contract/ (and packages: zod)',
  'no-cycles-in-main': 'no run-time import cycle among main/ modules',
} as const;
type RuleName = keyof typeof RULES;

function findings(graph: ImportGraph): string[] {
  const out: string[] = [];
  const breach = (file: string, line: number, rule: RuleName, what: string) => out.push(`${file}:${line} ${rule}: ${what}`);
  for (const e of graph.edges) {
    const to = e.to;
    if (under(e.from, 'renderer') && to !== null && !under(to, 'renderer') && !under(to, 'preload/contract')) {
      breach(e.from, e.line, 'renderer-imports-renderer-and-contract', `imports ${to}`);
    }
    if (!under(e.from, 'database') && to !== null && under(to, 'database') && to !== 'database/index.ts' && !(isTestSide(e.from) && under(to, 'database/testing'))) {
      breach(e.from, e.line, 'database-through-its-entry', `imports ${to}`);
    }
    if (isElectron(e.spec) && !under(e.from, 'main/electron') && e.from !== 'preload/index.ts') {
      breach(e.from, e.line, 'electron-only-in-the-shell', `imports ${e.spec}`);
    }
    if (under(e.from, 'database') && to !== null && ['main', 'renderer', 'preload', 'hq'].some((d) => under(to, d))) {
      breach(e.from, e.line, 'database-imports-no-app', `imports ${to}`);
    }
    if (under(e.from, 'preload/contract') && to !== null && !under(to, 'preload/contract')) {
      breach(e.from, e.line, 'contract-imports-only-contract', `imports ${to}`);
    }
  }
  for (const { cycle, edge } of importCycles(graph, (f) => under(f, 'main'))) {
    breach(edge.from, edge.line, 'no-cycles-in-main', cycle.join(' → '));
  }
  return out.sort();
}

describe('import rules', () => {
  it('the project keeps every rule', () => {
    const graph = buildImportGraph(ROOT, FOLDERS);
    expect(graph.files.length).toBeGreaterThan(400);
    expect(graph.edges.length).toBeGreaterThan(2000);
    // Every relative import resolves to a project file (else a rule could miss it).
    expect(graph.edges.filter((e) => e.spec.startsWith('.') && e.to === null).map((e) => `${e.from}:${e.line} ${e.spec}`)).toEqual([]);
    expect(findings(graph)).toEqual([]);
  });

  it('each rule fires on a small project that breaks it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', types: [] } }),
        'preload/contract/api.ts': 'export const names = [];\n',
        'preload/contract/bad.ts': "import { app } from '../../main/app';\nexport const x = app;\n",
        'preload/index.ts': "import { contextBridge } from 'electron';\nexport { contextBridge };\n",
        'database/index.ts': "export { open } from './vault/open';\n",
        'database/vault/open.ts': "import type { Row } from '../../main/rows';\nexport function open(r?: Row) { return r; }\n",
        'database/testing/internals.ts': "export { open as rawOpen } from '../vault/open';\n",
        'main/rows.ts': 'export type Row = Record<string, unknown>;\n',
        'main/app.ts': "import { open } from '../database';\nimport { loop } from './services/loop';\nexport const app = { open, loop };\n",
        'main/services/loop.ts': "import { app } from '../app';\nimport type { Row } from '../rows';\nexport const loop = () => app;\nexport type R = Row;\n",
        'main/services/deep.ts': "import { open } from '../../database/vault/open';\nexport const d = open;\n",
        'main/services/typeCycleA.ts': "import type { B } from './typeCycleB';\nexport type A = { b?: B };\n",
        'main/services/typeCycleB.ts': "import type { A } from './typeCycleA';\nexport type B = { a?: A };\n",
        'main/services/deep.test.ts': "import { rawOpen } from '../../database/testing/internals';\nexport const t = rawOpen;\n",
        'main/electron/main.ts': "import { app } from 'electron';\nexport { app };\n",
        'main/services/window.ts': "import { BrowserWindow } from 'electron';\nexport { BrowserWindow };\n",
        'renderer/src/App.tsx': "import { names } from '../../preload/contract/api';\nimport { app } from '../../main/app';\nexport const App = () => [names, app];\n",
        'renderer/src/ok.ts': "import { App } from './App';\nexport const ok = App;\n",
      };
      writeProject(root, files);
      const found = findings(buildImportGraph(root, ['main', 'database', 'preload', 'renderer']));
      expect(found).toEqual([
        'database/vault/open.ts:1 database-imports-no-app: imports main/rows.ts',
        'main/app.ts:2 no-cycles-in-main: main/app.ts → main/services/loop.ts → main/app.ts',
        'main/services/deep.ts:1 database-through-its-entry: imports database/vault/open.ts',
        'main/services/window.ts:1 electron-only-in-the-shell: imports electron',
        'preload/contract/bad.ts:1 contract-imports-only-contract: imports main/app.ts',
        'renderer/src/App.tsx:2 renderer-imports-renderer-and-contract: imports main/app.ts',
      ]);
      // Every rule is shown to fire.
      expect(new Set(found.map((f) => f.split(' ')[1]!.replace(/:$/, '')))).toEqual(new Set(Object.keys(RULES)));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
