/**
 * Go to definition, find references and rename for acl, key, channel, tls, http, primaries,
 * dnssec-policy and view names; document links on `include "path";`.
 */
import type {
  Definition,
  DocumentLink,
  Location,
  WorkspaceEdit,
  Position,
  TextEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { clauseName, walkClauses, type NamedTree } from './tree';
import { symbolTable, type SymbolDef, type SymbolRef, type SymbolTable } from './symbolTable';
import { NAME_KINDS, type NameKind } from './data/names';
import { isCurly, matchName } from './values';
import { stringValue } from '../common/tokenizer';
import { offsetAt, rangeOf } from '../common/text';
import { partitionPoint } from '../common/search';
import { pathToFileURL } from 'node:url';

/**
 * Lookups for hover and navigation, built once per symbol table: every definition and reference
 * sorted by position (definitions first where they share one), and the first definition of
 * each kind and name. A hover on a file of 50,000 zones must not scan every reference.
 */
interface SymbolIndex {
  readonly spots: ReadonlyArray<SymbolDef | SymbolRef>;
  /** `kind NUL normalised name` → index of the first such definition in `defs`. */
  readonly firstDef: ReadonlyMap<string, number>;
}
const indexes = new WeakMap<SymbolTable, SymbolIndex>();

/** Build the lookups hover and navigation use (after a validation, so a first hover is quick). */
export function prepareNavigation(_doc: TextDocument, tree: NamedTree): void {
  indexOf(symbolTable(tree));
}

function indexOf(t: SymbolTable): SymbolIndex {
  let ix = indexes.get(t);
  if (ix) return ix;
  // zones are left out: a zone name is neither hovered nor followed as a symbol (findSymbolAt),
  // and a file may define 100,000 of them
  const spots: Array<SymbolDef | SymbolRef> = [...t.defs.filter((d) => d.kind !== 'zone'), ...t.refs];
  spots.sort((a, b) => a.start - b.start); // stable: definitions stay first
  const firstDef = new Map<string, number>();
  t.defs.forEach((d, i) => {
    if (d.kind === 'zone') return;
    const k = `${d.kind}\0${matchName(d.kind, d.name)}`;
    if (!firstDef.has(k)) firstDef.set(k, i);
  });
  indexes.set(t, (ix = { spots, firstDef }));
  return ix;
}

function spotAt(ix: SymbolIndex, offset: number): SymbolDef | SymbolRef | undefined {
  // the last spot starting at or before offset may hold it; spots may share a start (a
  // definition and a reference on one word): take the first of them
  let k = partitionPoint(ix.spots.length, (i) => ix.spots[i]!.start <= offset) - 1;
  while (k > 0 && ix.spots[k - 1]!.start === ix.spots[k]!.start) k--;
  const s = ix.spots[k];
  return s && offset <= s.end ? s : undefined;
}

export function findSymbolAt(
  _doc: TextDocument,
  tree: NamedTree,
  offset: number,
  _ctx?: ModeContext,
): { kind: NameKind; name: string; def?: SymbolDef } | undefined {
  const t = symbolTable(tree);
  const ix = indexOf(t);
  const hit = spotAt(ix, offset);
  if (!hit || hit.kind === 'zone') return undefined;
  const kind = hit.kind;
  const own = ix.firstDef.get(`${kind}\0${matchName(kind, hit.name)}`);
  // a parental-agents reference may name a primaries list
  const alt = kind === 'parental-agents' ? ix.firstDef.get(`primaries\0${matchName(kind, hit.name)}`) : undefined;
  const i = own === undefined ? alt : alt === undefined ? own : Math.min(own, alt);
  return { kind, name: hit.name, def: i === undefined ? undefined : t.defs[i] };
}

function occurrences(
  tree: NamedTree,
  kind: NameKind,
  name: string,
): Array<{ start: number; end: number; quoted: boolean }> {
  const t = symbolTable(tree);
  const same = (k: NameKind, n: string) => sameName(kind, name, k, n);
  const out = [...t.defs.filter((d) => same(d.kind, d.name)), ...t.refs.filter((r) => same(r.kind, r.name))].map(
    (x) => ({ start: x.item.start, end: x.item.end, quoted: x.item.quoted }),
  );
  return out.sort((a, b) => a.start - b.start);
}

export function findDefinition(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): Definition | null {
  const s = findSymbolAt(doc, tree, offsetAt(doc, pos), ctx);
  if (!s) return null;
  if (s.def) return { uri: doc.uri, range: rangeOf(doc, s.def.item.start, s.def.item.end) };
  // defined in another file of the document's trees (named.conf.options for named.conf.local)
  for (const f of otherFiles(ctx)) {
    const d = symbolTable(f.tree).defs.find((x) => sameName(s.kind, s.name, x.kind, x.name));
    if (d) return { uri: f.uri, range: rangeOf(f.doc, d.start, d.end) };
  }
  return null;
}

/** The other files of the document's configuration trees, parsed, with a document for their positions. */
function otherFiles(ctx: ModeContext): Array<{ uri: string; tree: NamedTree; doc: TextDocument }> {
  return (ctx.tree?.files ?? []).map((f) => {
    const tree = f.tree as NamedTree;
    return { uri: f.uri, tree, doc: TextDocument.create(f.uri, 'named', 0, tree.text) };
  });
}

function sameName(kind: NameKind, name: string, k: NameKind, n: string): boolean {
  return (
    (k === kind ||
      (kind === 'primaries' && k === 'parental-agents') ||
      (kind === 'parental-agents' && k === 'primaries')) &&
    matchName(kind, n) === matchName(kind, name)
  );
}

export function findReferences(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): Location[] {
  const s = findSymbolAt(doc, tree, offsetAt(doc, pos), ctx);
  if (!s) return [];
  const out = occurrences(tree, s.kind, s.name).map((o) => ({ uri: doc.uri, range: rangeOf(doc, o.start, o.end) }));
  for (const f of otherFiles(ctx))
    for (const o of occurrences(f.tree, s.kind, s.name))
      out.push({ uri: f.uri, range: rangeOf(f.doc, o.start, o.end) });
  return out;
}

export function doRename(
  doc: TextDocument,
  tree: NamedTree,
  pos: Position,
  newName: string,
  ctx: ModeContext,
): WorkspaceEdit | null {
  const s = findSymbolAt(doc, tree, offsetAt(doc, pos), ctx);
  if (!s || !NAME_KINDS[s.kind].renamable || !newName || /[\s;{}"]/.test(newName)) return null;
  const editsIn = (d: TextDocument, t: NamedTree): TextEdit[] =>
    occurrences(t, s.kind, s.name).map((o) => ({
      range: o.quoted ? rangeOf(d, o.start + 1, o.end - 1) : rangeOf(d, o.start, o.end),
      newText: newName,
    }));
  const changes: Record<string, TextEdit[]> = {};
  const own = editsIn(doc, tree);
  if (own.length) changes[doc.uri] = own;
  for (const f of otherFiles(ctx)) {
    const e = editsIn(f.doc, f.tree);
    if (e.length) changes[f.uri] = e;
  }
  return Object.keys(changes).length ? { changes } : null;
}

/** Document links on `include "path";` (to the file the workspace model resolved, else through ctx.files). */
export function findDocumentLinks(doc: TextDocument, tree: NamedTree, ctx: ModeContext): DocumentLink[] {
  const out: DocumentLink[] = [];
  const resolved = new Map((ctx.tree?.edges ?? []).map((e) => [e.site.start, e.target]));
  walkClauses(tree.clauses, (c) => {
    if (clauseName(c) === 'include') {
      const f = c.items[1];
      // (a path in curly quotes too, which the workspace model follows as if they were straight)
      const path =
        f && f.kind === 'word' ? (f.quoted ? f.text : isCurly(f) ? stringValue(tree.text, f.start, f.end) : '') : '';
      if (f && path) {
        const inTree = resolved.get(f.start);
        const target = inTree ? pathToFileURL(inTree).toString() : ctx.files.resolve(doc.uri, path);
        out.push({
          range: rangeOf(doc, f.start + 1, f.end - 1),
          target,
          tooltip: target ? undefined : `Include ${path}`,
        });
      }
    }
    return c.ctx !== 'list';
  });
  // a zone's `file`: the zone file, as named opens it
  for (const z of ctx.tree?.zoneFiles ?? [])
    if (z.target) {
      const q = /["\u201c\u201d]/.test(tree.text[z.site.start] ?? '') ? 1 : 0;
      out.push({
        range: rangeOf(doc, z.site.start + q, z.site.end - q),
        target: pathToFileURL(z.target).toString(),
        tooltip: `Zone file of ${z.site.origin}`,
      });
    }
  return out;
}
