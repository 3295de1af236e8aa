/**
 * The shape of our own code, measured with the TypeScript compiler: files over 600 lines (the
 * knowledge tables under data/ excepted), functions over 120 lines, and import cycles among the
 * files under server/src. `node out/test/shape/shape.tool.js` lists them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 600;
export const MAX_FUNCTION_LINES = 120;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

export interface Shape {
  /** `path: N lines` for each file over the limit. */
  readonly longFiles: string[];
  /** `path:line name: N lines` for each function over the limit. */
  readonly longFunctions: string[];
  /** Each cycle as its files, `a -> b -> a`. */
  readonly cycles: string[];
}

function functionName(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  return '(anonymous)';
}

export function measure(root: string): Shape {
  const src = path.join(root, 'server', 'src');
  const files = sourceFiles(src);
  const longFiles: string[] = [];
  const longFunctions: string[] = [];
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const lines = sf.getLineStarts().length;
    if (lines > MAX_FILE_LINES && !rel.split(path.sep).includes('data')) longFiles.push(`${rel}: ${lines} lines`);
    const deps: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (last - first + 1 > MAX_FUNCTION_LINES)
          longFunctions.push(`${rel}:${first + 1} ${functionName(node, sf)}: ${last - first + 1} lines`);
      }
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
        const spec = (node.moduleSpecifier as ts.StringLiteral).text;
        // type-only imports count too: a cycle of types is still two files that need each other
        if (spec.startsWith('.')) deps.push(resolveModule(file, spec));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    imports.set(
      file,
      deps.filter((d) => files.includes(d)),
    );
  }
  return {
    longFiles,
    longFunctions,
    cycles: findCycles(imports).map((c) => c.map((f) => path.relative(root, f)).join(' -> ')),
  };
}

function resolveModule(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return base;
}

/** The strongly connected components of more than one file (Tarjan), each closed into a loop. */
function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push([...component.reverse(), component[0]!]);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return out;
}
