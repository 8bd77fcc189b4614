/**
 * Lists every exported name that no other file uses: `npx tsx scripts/unusedExports.ts` prints
 * `file:line name (why)` per finding and exits 1 if there is any (scripts/unusedExports.test.ts
 * expects none). An export is followed through the compiler's own symbols, not by matching text:
 * a use through a barrel (`export { x } from`, `export *`, `export * as ns`) or a namespace import
 * counts for the declaration it leads to, and a barrel's re-export counts only if a use passes
 * through it. What is a use: any mention outside import and export clauses (a call, a type, a JSX
 * tag, `ns.x`, a destructured dynamic import). Uses in the declaring file itself do not count
 * (that export wants narrowing to file-local, not deleting).
 *
 * Tests: an export whose only users are tests is reported as such ("used only by tests"), unless
 * it lives on the test side itself (a `testing/` folder, `testing.ts`, e2e/): there the tests are
 * its purpose. A test-only export that stays on purpose is listed in TEST_ONLY with its reason.
 */
import path from 'node:path';
import ts from 'typescript';

/** Files run directly (by a CLI, a bundler, a worker or a config loader): their exports are read by name from outside TypeScript's view. */
const ENTRY_POINTS = [
  'main/cli/index.ts', // npm run cli
  'hq/cli/index.ts', // npm run hq
  'main/electron/main.ts', // the Electron main bundle's entry (scripts/build-electron.ts)
  'preload/index.ts', // the preload bundle's entry
  'renderer/src/main.tsx', // renderer/index.html loads it
  'database/backup/backupCheck.ts', // a worker thread loads it by path, and it is bundled as out/main/backupCheck.cjs
  'hq/intake/prepare.ts', // HQ's prepare pool loads it by path in a worker thread (hq/intake/preparePool.ts)
  'scripts/*.ts', // run by npm scripts or by hand
  'scripts/testing/runTempDir.ts', // vitest globalSetup
  'hq/testing/pgGlobalSetup.ts', // vitest globalSetup
  'bench/*.ts', // each bench is run by itself (and by bench/run-all.ts through a child process)
  '*.config.ts', // vitest and vite read their default export
  'renderer/vite.config.ts',
];

/**
 * Exports kept although only tests use them, by file, each with why. Most are a piece of a module
 * exported so that its own test can call it directly (a parser of one format, a constant the test
 * must exceed); the rest are a module's interface that only tests exercise today.
 */
const TEST_ONLY: Record<string, { names: string[]; why: string }> = {
  'database/files/folderLock.ts': { names: ['RunTool', 'parseWmicDriveType', 'netUseListsDrive', 'isNetworkFolderWin32'], why: "Windows' network-drive check, tested on recorded wmic/net outputs on any OS" },
  'database/ledger/appointmentSearch.ts': { names: ['nameRotations'], why: 'the name-search rows, checked word by word' },
  'database/ledger/eventParts.ts': { names: ['PartText'], why: 'the part text the test builds to compare bytes' },
  'database/ledger/replay.ts': { names: ['expectedRows'], why: 'the rows finals resolve to, compared between a walk and stretches' },
  'database/ledger/verify.ts': { names: ['planStretches'], why: 'how the chain is cut into stretches for the workers' },
  'database/migrations/stateRows.ts': { names: ['STATE_COLUMNS'], why: "the declared columns the test compares with the tables' real ones" },
  'database/queries/search.ts': { names: ['BY_FOLDED_NAME'], why: 'the query whose plan the test checks uses the index' },
  'database/vault/connection.ts': { names: ['applyKey'], why: 'tests open a copy of a ledger with its key (through database/testing/internals.ts)' },
  'database/vault/vault.ts': { names: ['CHECKPOINT_DELAY_MS'], why: 'the test waits past the delayed checkpoint' },
  'hq/database/queries/intakeLog.ts': { names: ['intakeLogCount'], why: "counts the tests assert after a load; HQ's screens do not show them yet" },
  'hq/database/queries/rows.ts': { names: ['storedRowCounts'], why: 'the same' },
  'main/app/plainSettings.ts': { names: ['PLAIN_SETTINGS_FILE'], why: 'the test reads the file in the clear' },
  'main/app/printedDocuments.ts': { names: ['KEPT_DOCUMENTS'], why: 'the test prints one more than are kept' },
  'main/bridge/server.ts': { names: ['BridgeServer'], why: "the e2e harness's handle on the browser bridge" },
  'main/domain/iban.ts': { names: ['bankCodeOf'], why: 'a tested piece of the IBAN check' },
  'main/domain/kinship.ts': { names: ['RELATION_DEGREE', 'kinshipDegree'], why: 'the kinship table, tested entry by entry' },
  'main/domain/turkishText.ts': { names: ['trUpper', 'trLower'], why: 'the tr-TR case pair beside trTitle, tested together (the sample list writes upper case)' },
  'main/formStatement/sample.ts': { names: ['samplePackLabel'], why: 'the example forms of docs/forms/, written by main/print/testing/writeExamples.ts (run by hand)' },
  'main/handlers/registry.ts': { names: ['handlers'], why: "the combined table the router test compares with the contract's names" },
  'main/import/cells.ts': { names: ['serialParts'], why: "Excel's day serials, tested at their edges" },
  'main/import/headers.ts': { names: ['headerKey'], why: 'header matching, tested on spellings' },
  'main/import/index.ts': { names: ['planImport'], why: "the import's interface; the sample-list test plans through it" },
  'main/import/plan.ts': { names: ['ExistingState'], why: 'the state the plan test builds by hand' },
  'main/import/sharedStrings.ts': { names: ['decodeXmlText'], why: 'entity decoding, tested construct by construct' },
  'main/import/sheetXmlScanner.ts': { names: ['isoDateSerial'], why: "t=\"d\" dates, tested against exceljs' reading" },
  'main/print/models.ts': { names: ['PlacementListRow'], why: "the print fixtures' row type" },
  'main/print/templates.ts': { names: ['templateSchema'], why: 'the test checks tr.json against it' },
  'main/reconciliation/index.ts': { names: ['WrittenReconciliation', 'signFile'], why: "the reconciliation's interface; HQ's test fixtures write and sign day files through it" },
  'main/reconciliation/write.ts': { names: ['WrittenReconciliation'], why: 'the same type, where it is declared' },
  'main/reconciliation/merge.ts': { names: ['heldSource'], why: 'the merge of held rows, tested on a stream' },
  'main/rules/index.ts': { names: ['parseRulePack', 'RulePackInvalid', 'paramOn', 'Facts'], why: "the rules' interface, which the rules tests use" },
  'main/rules/load.ts': { names: ['parseRulePack', 'RulePackInvalid'], why: 'where they are declared (see main/rules/index.ts)' },
  'main/rules/evaluate.ts': { names: ['paramOn'], why: 'where it is declared (see main/rules/index.ts)' },
  'main/rules/packChoice.ts': { names: ['packCovers'], why: "which edition covers a day, tested at the editions' edges" },
  'main/services/formStatementService.ts': { names: ['statementOf'], why: 'the tests forge a statement from a real one' },
  'main/services/importApply.ts': { names: ['ImportChanges', 'APPLY_STEP_ROWS', 'applyImportNow'], why: 'seeding in tests and benches (main/testing/seed.ts), and the step size the test crosses' },
  'main/services/packStore.ts': { names: ['packByHash'], why: 'the test finds the pack a statement names' },
  'main/services/printDelivery.ts': { names: ['MAX_DATA_URL_CHARS', 'pdfDataUrl'], why: 'the data URL guard, tested on hostile bytes and at its size limit' },
  'preload/contract/api.ts': { names: ['isBase64Text'], why: 'the schema test checks the base64 refinement' },
};

/** The folders whose exports are listed (and whose files count as users). */
const SCANNED = ['main', 'database', 'preload', 'renderer/src', 'hq', 'scripts', 'bench', 'e2e'];

export interface UnusedExport {
  file: string;
  line: number;
  name: string;
  why: string;
}

export interface ListOptions {
  /** Project root holding tsconfig.json. */
  root: string;
  /** Folders (relative to root) whose exports are listed. */
  scanned: string[];
  /** Entry points, relative to root; `dir/*.ts` covers one folder's files (not its subfolders). */
  entryPoints: string[];
  /** Test-only exports kept on purpose, by file. */
  testOnly?: Record<string, { names: string[]; why: string }>;
}

const slash = (p: string) => p.split(path.sep).join('/');

/** Test side: a test file, a test helper (`testing/` folder, `testing.ts`) or anything in e2e/. */
function isTestSide(rel: string): boolean {
  return /\.test\.tsx?$/.test(rel) || rel.split('/').includes('testing') || rel.endsWith('/testing.ts') || rel.startsWith('e2e/');
}

/** A test helper: exported to be used by tests, so tests are real users of it. */
function isTestHelper(rel: string): boolean {
  return isTestSide(rel) && !/\.test\.tsx?$/.test(rel);
}

function matchesEntry(rel: string, entries: string[]): boolean {
  return entries.some((e) => {
    if (!e.includes('*')) return e === rel;
    const dir = path.posix.dirname(e);
    const base = path.posix.basename(e).replace(/\./g, '\\.').replace('*', '[^/]*');
    return (dir === '.' ? !rel.includes('/') : path.posix.dirname(rel) === dir) && new RegExp(`^${base}$`).test(path.posix.basename(rel));
  });
}

function loadProgram(root: string): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  const options = { ...parsed.options, noEmit: true };
  // Packages' declarations hold none of the project's exports, and parsing them (React, Mantine,
  // Electron, Node) is a third of the time: they are read as empty files. The default lib stays.
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName.includes('/node_modules/') && !fileName.startsWith(libDir) ? ts.createSourceFile(fileName, '', languageVersion) : getSourceFile(fileName, languageVersion, ...rest);
  return ts.createProgram({ rootNames: parsed.fileNames, options, host });
}

/** Whether an identifier sits in an import or export clause (a link between files, not a use). */
function isLink(id: ts.Identifier): boolean {
  const p = id.parent;
  return ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p) || ts.isNamespaceExport(p) || ts.isExportAssignment(p) || ts.isImportEqualsDeclaration(p);
}

/** The name a top-level kind of declaration gives (`function f`, `const x`, `type T`): naming is not using. */
function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent as ts.Node & { name?: ts.Node };
  const declares = ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isEnumDeclaration(p) || ts.isVariableDeclaration(p) || ts.isModuleDeclaration(p);
  return declares && p.name === id;
}

export function listUnusedExports(opts: ListOptions): UnusedExport[] {
  const root = path.resolve(opts.root);
  const program = loadProgram(root);
  const checker = program.getTypeChecker();
  const relOf = (sf: ts.SourceFile) => slash(path.relative(root, sf.fileName));
  const inScanned = (rel: string) => opts.scanned.some((d) => rel === d || rel.startsWith(`${d}/`));
  const files = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !sf.fileName.includes('/node_modules/') && inScanned(relOf(sf)));

  const canonical = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? s : checker.getExportSymbolOfSymbol(s));
  /** Final symbol → files (relative) using it; alias (a re-export) → files whose use passed through it. */
  const users = new Map<ts.Symbol, Set<string>>();
  const addUser = (s: ts.Symbol, rel: string) => {
    let set = users.get(s);
    if (!set) users.set(s, (set = new Set()));
    set.add(rel);
  };

  // Names worth resolving: only an identifier spelled like some export can use one (keeps the walk to a few seconds).
  const exportedNames = new Set<string>();
  for (const sf of files) {
    const mod = checker.getSymbolAtLocation(sf);
    if (mod) for (const e of checker.getExportsOfModule(mod)) exportedNames.add(e.name);
    // And the local names imports give them (`import X from`, `{ a as b }`, `* as ns`).
    for (const st of sf.statements) {
      const clause = ts.isImportDeclaration(st) ? st.importClause : undefined;
      if (clause?.name) exportedNames.add(clause.name.text);
      const b = clause?.namedBindings;
      if (b && ts.isNamespaceImport(b)) exportedNames.add(b.name.text);
      if (b && ts.isNamedImports(b)) for (const el of b.elements) exportedNames.add(el.name.text);
    }
  }

  const recordUse = (start: ts.Symbol | undefined, rel: string): ts.Symbol | undefined => {
    let s = start;
    const seen = new Set<ts.Symbol>();
    while (s && s.flags & ts.SymbolFlags.Alias && !seen.has(s)) {
      seen.add(s);
      addUser(s, rel);
      const next = checker.getImmediateAliasedSymbol(s);
      if (!next) break;
      s = next;
    }
    if (!s) return;
    // A property of a union or mapped type stands for the properties it was made of.
    const roots = s.flags & ts.SymbolFlags.Transient ? checker.getRootSymbols(s) : [s];
    for (const r of roots) addUser(canonical(r), rel);
    return s;
  };
  /** A module object used as a value (`[m0010, m0020]`, passed on): every name it exports is used. */
  const recordWholeModule = (mod: ts.Symbol, rel: string) => {
    for (const e of checker.getExportsOfModule(mod)) recordUse(e, rel);
  };
  const isModule = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.ValueModule) !== 0 && (s.valueDeclaration === undefined || ts.isSourceFile(s.valueDeclaration));
  const isMemberTarget = (id: ts.Identifier) => (ts.isPropertyAccessExpression(id.parent) && id.parent.expression === id) || (ts.isQualifiedName(id.parent) && id.parent.left === id);

  for (const sf of files) {
    const rel = relOf(sf);
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && exportedNames.has(node.text) && !isLink(node) && !isDeclarationName(node)) {
        const p = node.parent;
        if (ts.isShorthandPropertyAssignment(p) && p.name === node) recordUse(checker.getShorthandAssignmentValueSymbol(p), rel);
        else if (ts.isBindingElement(p) && ts.isObjectBindingPattern(p.parent) && (p.propertyName ?? p.name) === node) {
          // `const { x } = await import('./m')`: the property of the module object, not the new local.
          recordUse(checker.getTypeAtLocation(p.parent).getProperty(node.text), rel);
        } else {
          const s = recordUse(checker.getSymbolAtLocation(node), rel);
          if (s && isModule(s) && !isMemberTarget(node)) recordWholeModule(s, rel);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // What an entry point exports is read by name from outside (a worker's require, a config loader): all of it is used.
  for (const sf of files) {
    const mod = matchesEntry(relOf(sf), opts.entryPoints) ? checker.getSymbolAtLocation(sf) : undefined;
    if (mod) for (const e of checker.getExportsOfModule(mod)) recordUse(e, relOf(sf));
  }

  // `export * from './m'`: its names reach users through the barrel's module; a user of one of them marks the line used.
  // TypeScript resolves those names straight to their declarations, so the barrel is found from the importers' specifiers.
  const importsOf = new Map<string, Set<string>>(); // barrel file → names other files import from it (by name, or `ns.x`)
  for (const sf of files) {
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const target = checker.getSymbolAtLocation(st.moduleSpecifier);
      const decl = target?.valueDeclaration;
      if (!decl || !ts.isSourceFile(decl)) continue;
      const key = relOf(decl);
      let names = importsOf.get(key);
      if (!names) importsOf.set(key, (names = new Set()));
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add((el.propertyName ?? el.name).text);
      if (bindings && ts.isNamespaceImport(bindings)) names.add('*');
    }
  }

  const out: UnusedExport[] = [];
  const keptForTests = new Set<string>();
  const report = (sf: ts.SourceFile, node: ts.Node, name: string, why: string) => {
    const rel = relOf(sf);
    if (why.startsWith('used only by tests') && opts.testOnly?.[rel]?.names.includes(name)) {
      keptForTests.add(`${rel}#${name}`);
      return;
    }
    out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, name, why });
  };
  const judge = (sf: ts.SourceFile, node: ts.Node, name: string, s: ts.Symbol) => {
    const rel = relOf(sf);
    const others = [...(users.get(s) ?? [])].filter((u) => u !== rel);
    if (others.length === 0) report(sf, node, name, users.get(s)?.has(rel) ? 'used only in its file' : 'not used');
    else if (!isTestHelper(rel) && others.every(isTestSide)) report(sf, node, name, `used only by tests (${others.join(', ')})`);
  };

  for (const sf of files) {
    const rel = relOf(sf);
    if (matchesEntry(rel, opts.entryPoints) || /\.test\.tsx?$/.test(rel)) continue;
    const mod = checker.getSymbolAtLocation(sf);
    if (!mod) continue;
    for (const st of sf.statements) {
      if (ts.isExportDeclaration(st)) {
        if (st.exportClause && ts.isNamedExports(st.exportClause)) {
          for (const el of st.exportClause.elements) {
            const s = checker.getSymbolAtLocation(el.name);
            if (!s) continue;
            // A re-export (`export { x } from`, or of an import): judged by the uses that pass through it; a local `export { x }`: by x's.
            const isReexport = st.moduleSpecifier !== undefined || (checker.getImmediateAliasedSymbol(s)?.declarations ?? []).some((d) => d.getSourceFile() !== sf);
            judge(sf, el, el.name.text, isReexport ? s : canonical(checker.getImmediateAliasedSymbol(s) ?? s));
          }
        } else if (st.exportClause && ts.isNamespaceExport(st.exportClause)) {
          const s = checker.getSymbolAtLocation(st.exportClause.name);
          if (s) judge(sf, st, st.exportClause.name.text, s);
        } else if (!st.exportClause && st.moduleSpecifier) {
          // `export * from './m'`: used if an importer of this file takes a name that m exports, or imports it whole.
          const target = checker.getSymbolAtLocation(st.moduleSpecifier);
          const names = importsOf.get(rel) ?? new Set();
          const brought = target ? checker.getExportsOfModule(target).map((e) => e.name) : [];
          if (!names.has('*') && !brought.some((n) => names.has(n))) report(sf, st, `* from ${(st.moduleSpecifier as ts.StringLiteral).text}`, 'no name of it is imported through here');
        }
        continue;
      }
      if (ts.isExportAssignment(st)) {
        const s = mod.exports?.get(ts.escapeLeadingUnderscores('default'));
        if (s) judge(sf, st, 'default', s);
        continue;
      }
      const modifiers = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
      if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      const names: ts.Identifier[] = [];
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name)) names.push(d.name);
          else for (const el of d.name.elements) if (ts.isBindingElement(el) && ts.isIdentifier(el.name)) names.push(el.name);
        }
      } else if ('name' in st && st.name && ts.isIdentifier(st.name as ts.Node)) names.push(st.name as ts.Identifier);
      if (isDefault) {
        const s = mod.exports?.get(ts.escapeLeadingUnderscores('default'));
        if (s) judge(sf, st, 'default', s);
        continue;
      }
      for (const id of names) {
        const s = checker.getSymbolAtLocation(id);
        if (s) judge(sf, id, id.text, canonical(s));
      }
    }
  }
  // A kept entry that no longer applies (the program uses it now, or it is gone) is taken off the list.
  for (const [file, { names }] of Object.entries(opts.testOnly ?? {})) {
    for (const name of names) if (!keptForTests.has(`${file}#${name}`)) out.push({ file, line: 0, name, why: 'listed as used only by tests, but is not: take it off that list' });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The project's own listing (the CLI below and scripts/unusedExports.test.ts). */
export function listProjectUnusedExports(root = path.resolve(import.meta.dirname, '..')): UnusedExport[] {
  return listUnusedExports({ root, scanned: SCANNED, entryPoints: ENTRY_POINTS, testOnly: TEST_ONLY });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const found = listProjectUnusedExports();
  for (const f of found) console.log(`${f.file}:${f.line} ${f.name} (${f.why})`);
  console.log(found.length === 0 ? 'no unused exports' : `${found.length} unused export(s)`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
