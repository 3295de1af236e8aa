/** Outline (options, views, zones with their type, acls, keys, channels, ...) and folding ranges. */
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { args, body, clauseName, type Clause, type NamedTree } from './parser';
import { dict, positionAt, rangeOf } from '../common/text';
import { zoneTypeOf } from './validation';

const OUTLINED: Record<string, SymbolKind> = dict({
  options: SymbolKind.Namespace, view: SymbolKind.Namespace, zone: SymbolKind.Module, acl: SymbolKind.Array, key: SymbolKind.Key,
  logging: SymbolKind.Namespace, channel: SymbolKind.Event, category: SymbolKind.EnumMember, controls: SymbolKind.Namespace,
  tls: SymbolKind.Object, http: SymbolKind.Object, primaries: SymbolKind.Array, masters: SymbolKind.Array, 'parental-agents': SymbolKind.Array,
  'dnssec-policy': SymbolKind.Object, server: SymbolKind.Object, 'trust-anchors': SymbolKind.Namespace, 'statistics-channels': SymbolKind.Namespace,
  dlz: SymbolKind.Object, dyndb: SymbolKind.Object, plugin: SymbolKind.Object,
});

function toSymbol(doc: TextDocument, c: Clause): DocumentSymbol | undefined {
  const name = clauseName(c);
  const kind = OUTLINED[name];
  if (kind === undefined || c.ctx === 'list') return undefined;
  if (name === 'dnssec-policy' && c.ctx !== 'top') return undefined;
  const a = args(c);
  const label = a[0] ? a[0].text : name;
  let detail = a[0] ? name : '';
  if (name === 'zone') {
    const t = zoneTypeOf(c);
    detail = t ? `zone (${t})` : 'zone';
  }
  const first = c.items[0]!;
  const children = body(c).map((x) => toSymbol(doc, x)).filter((x): x is DocumentSymbol => !!x);
  return {
    name: label || name,
    detail,
    kind,
    range: rangeOf(doc, c.start, c.end),
    selectionRange: rangeOf(doc, (a[0] ?? first).start, (a[0] ?? first).end),
    children,
  };
}

export function findDocumentSymbols(doc: TextDocument, tree: NamedTree, _ctx: ModeContext): DocumentSymbol[] {
  return tree.clauses.map((c) => toSymbol(doc, c)).filter((x): x is DocumentSymbol => !!x);
}

export function getFoldingRanges(doc: TextDocument, tree: NamedTree, _ctx: ModeContext): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (clauses: readonly Clause[]) => {
    for (const c of clauses) for (const it of c.items) {
      if (it.kind !== 'block') continue;
      const s = positionAt(doc, it.start).line;
      const e = positionAt(doc, it.end).line;
      if (e > s) out.push({ startLine: s, endLine: e - 1 });
      visit(it.clauses);
    }
  };
  visit(tree.clauses);
  for (const t of tree.comments) {
    const s = positionAt(doc, t.start).line;
    const e = positionAt(doc, t.end).line;
    if (e > s) out.push({ startLine: s, endLine: e, kind: 'comment' });
  }
  return out;
}
