import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The project's import graph, for scripts/importRules.test.ts: every import, re-export, dynamic
 * `import()` and `require()` of every source file, resolved the way the compiler resolves it
 * (tsconfig.json's options, `moduleResolution: Bundler`). Parsing only, no type check: the whole
 * project takes about a second.
 */
interface ImportEdge {
  /** The importing file, relative to the root, with `/`. */
  from: string;
  line: number;
  /** The specifier as written. */
  spec: string;
  /** The project file it resolves to (relative, `/`), or null for a package or Node built-in. */
  to: string | null;
  /** `import type`, or every name imported type-only: nothing of it is loaded at run time. */
  typeOnly: boolean;
}

export interface ImportGraph {
  root: string;
  files: string[];
  edges: ImportEdge[];
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', '.git']);

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...sourceFiles(root, rel));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath).options;
}

/** Whether an import or export declaration brings nothing at run time. */
function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // `import './x'`: loaded for its effect
  if (clause.isTypeOnly) return true;
  const b = clause.namedBindings;
  return !clause.name && b !== undefined && ts.isNamedImports(b) && b.elements.length > 0 && b.elements.every((e) => e.isTypeOnly);
}

/** The graph of the files under the given top-level folders (and the root's own `*.ts`, with ''). */
export function buildImportGraph(root: string, folders: string[]): ImportGraph {
  const options = compilerOptions(root);
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const files = folders.flatMap((d) => (d === '' ? fs.readdirSync(root).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')) : sourceFiles(root, d)));
  const edges: ImportEdge[] = [];
  for (const rel of files) {
    const file = path.join(root, rel);
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const add = (node: ts.Node, spec: string, typeOnly: boolean) => {
      const resolved = ts.resolveModuleName(spec, file, options, ts.sys, cache).resolvedModule;
      const target = resolved && !resolved.isExternalLibraryImport ? path.relative(root, resolved.resolvedFileName).split(path.sep).join('/') : null;
      edges.push({ from: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, spec, to: target && !target.startsWith('..') ? target : null, typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node, node.moduleSpecifier.text, isTypeOnly(node));
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node, node.argument.literal.text, true); // `typeof import('./x')`
      } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node, (node.arguments[0] as ts.StringLiteralLike).text, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { root, files, edges };
}

/**
 * The import cycles among the given files, by their run-time imports (a type-only import loads
 * nothing, so it cannot take part in a cycle of module initialisation). One cycle per strongly
 * connected group (Tarjan), written as the path `a → b → … → a`.
 */
export function importCycles(graph: ImportGraph, inScope: (file: string) => boolean): { cycle: string[]; edge: ImportEdge }[] {
  const next = new Map<string, ImportEdge[]>();
  for (const e of graph.edges) {
    if (e.typeOnly || e.to === null || !inScope(e.from) || !inScope(e.to)) continue;
    let list = next.get(e.from);
    if (!list) next.set(e.from, (list = []));
    list.push(e);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const strongConnect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const e of next.get(v) ?? []) {
      const w = e.to!;
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).some((e) => e.to === v);
      if (group.length > 1 || selfLoop) groups.push(group);
    }
  };
  for (const f of graph.files.filter(inScope).sort()) if (!index.has(f)) strongConnect(f);

  // A shortest cycle through each group's first file (breadth-first inside the group), to name it.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const came = new Map<string, ImportEdge>();
    const queue = [start];
    let closing: ImportEdge | undefined;
    while (queue.length > 0 && !closing) {
      const v = queue.shift()!;
      for (const e of next.get(v) ?? []) {
        if (!members.has(e.to!)) continue;
        if (e.to === start) {
          closing = e;
          break;
        }
        if (!came.has(e.to!)) {
          came.set(e.to!, e);
          queue.push(e.to!);
        }
      }
    }
    const cycle = [start];
    for (let e = closing!; e.from !== start; e = came.get(e.from)!) cycle.splice(1, 0, e.from);
    cycle.push(start);
    const firstEdge = (next.get(start) ?? []).find((e) => e.to === cycle[1])!;
    return { cycle, edge: firstEdge };
  });
}
