/** Go to definition, find references and rename for acl, key, channel, tls, http, primaries, dnssec-policy, view. */
import type { Definition, Location, WorkspaceEdit, Position, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { NamedTree } from './parser';
import { symbolTable, type SymbolDef, type SymbolKind, type SymbolRef } from './semantics';
import { rangeOf } from '../common/text';

const RENAMABLE: readonly SymbolKind[] = ['acl', 'key', 'channel', 'tls', 'http', 'primaries', 'parental-agents', 'dnssec-policy', 'view'];

function norm(kind: SymbolKind, n: string): string {
  return kind === 'acl' || kind === 'channel' ? n : n.toLowerCase().replace(/\.$/, '');
}

export function findSymbolAt(_doc: TextDocument, tree: NamedTree, offset: number, _ctx?: ModeContext): { kind: SymbolKind; name: string; def?: SymbolDef } | undefined {
  const t = symbolTable(tree);
  const hit: SymbolDef | SymbolRef | undefined = t.defs.find((d) => d.item.start <= offset && offset <= d.item.end) ?? t.refs.find((r) => r.item.start <= offset && offset <= r.item.end);
  if (!hit || hit.kind === 'zone') return undefined;
  const kind = hit.kind;
  const def = t.defs.find((d) => (d.kind === kind || (kind === 'parental-agents' && d.kind === 'primaries')) && norm(kind, d.name) === norm(kind, hit.name));
  return { kind, name: hit.name, def };
}

function occurrences(tree: NamedTree, kind: SymbolKind, name: string): Array<{ start: number; end: number; quoted: boolean }> {
  const t = symbolTable(tree);
  const same = (k: SymbolKind, n: string) => (k === kind || (kind === 'primaries' && k === 'parental-agents') || (kind === 'parental-agents' && k === 'primaries')) && norm(kind, n) === norm(kind, name);
  const out = [...t.defs.filter((d) => same(d.kind, d.name)), ...t.refs.filter((r) => same(r.kind, r.name))].map((x) => ({ start: x.item.start, end: x.item.end, quoted: x.item.quoted }));
  return out.sort((a, b) => a.start - b.start);
}

export function findDefinition(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): Definition | null {
  const s = findSymbolAt(doc, tree, doc.offsetAt(pos), ctx);
  if (!s?.def) return null;
  return { uri: doc.uri, range: rangeOf(doc, s.def.item.start, s.def.item.end) };
}

export function findReferences(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): Location[] {
  const s = findSymbolAt(doc, tree, doc.offsetAt(pos), ctx);
  if (!s) return [];
  return occurrences(tree, s.kind, s.name).map((o) => ({ uri: doc.uri, range: rangeOf(doc, o.start, o.end) }));
}

export function doRename(doc: TextDocument, tree: NamedTree, pos: Position, newName: string, ctx: ModeContext): WorkspaceEdit | null {
  const s = findSymbolAt(doc, tree, doc.offsetAt(pos), ctx);
  if (!s || !RENAMABLE.includes(s.kind) || !newName || /[\s;{}"]/.test(newName)) return null;
  const edits: TextEdit[] = occurrences(tree, s.kind, s.name).map((o) => ({
    range: o.quoted ? rangeOf(doc, o.start + 1, o.end - 1) : rangeOf(doc, o.start, o.end),
    newText: newName,
  }));
  return edits.length ? { changes: { [doc.uri]: edits } } : null;
}
