/** Outline: options, views, zones with their type, acls, keys, channels, ... */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_OUTLINE_SYMBOLS, type ModeContext } from '../service/types';
import { args, body, clauseName, type Clause, type NamedTree } from './tree';
import { dict, rangeOf } from '../common/text';
import { leftOutNote, shownNote, withNote } from '../common/outline';
import { zoneTypeOf } from './values';
import { DEFINITION_STATEMENTS } from './data/names';

/** The statements outlined: the definitions (data/names.ts) and these. */
const OUTLINED: Record<string, SymbolKind> = dict({
  ...Object.fromEntries(
    Object.entries(DEFINITION_STATEMENTS).flatMap(([name, d]): [string, SymbolKind][] =>
      d.outline ? [[name, d.outline]] : [],
    ),
  ),
  options: SymbolKind.Namespace,
  logging: SymbolKind.Namespace,
  channel: SymbolKind.Event,
  category: SymbolKind.EnumMember,
  controls: SymbolKind.Namespace,
  server: SymbolKind.Object,
  'trust-anchors': SymbolKind.Namespace,
  'statistics-channels': SymbolKind.Namespace,
  dlz: SymbolKind.Object,
  dyndb: SymbolKind.Object,
  plugin: SymbolKind.Object,
});

/** Whether a clause gets a symbol of its own (its children are looked at only if it does). */
function outlined(c: Clause): boolean {
  const name = clauseName(c);
  return OUTLINED[name] !== undefined && c.ctx !== 'list' && !(name === 'dnssec-policy' && c.ctx !== 'top');
}

/** Symbols still to make (MAX_OUTLINE_SYMBOLS in all). */
interface Budget {
  room: number;
}

function toSymbol(doc: TextDocument, c: Clause, budget: Budget): DocumentSymbol {
  budget.room--;
  const name = clauseName(c);
  const a = args(c);
  const label = a[0] ? a[0].text : name;
  let detail = a[0] ? name : '';
  if (name === 'zone') {
    const t = zoneTypeOf(c);
    detail = t ? `zone (${t})` : 'zone';
  }
  const first = c.items[0]!;
  const kids = body(c);
  const children = symbolsOf(doc, kids, budget);
  if (budget.room <= 0) {
    const total = countOutlined(kids);
    if (total > children.length) detail = withNote(detail, shownNote(children.length, total, 'statements'));
  }
  return {
    name: label || name,
    detail,
    kind: OUTLINED[name]!,
    range: rangeOf(doc, c.start, c.end),
    selectionRange: rangeOf(doc, (a[0] ?? first).start, (a[0] ?? first).end),
    children,
  };
}

/** Symbols for a list of clauses, while the budget lasts. */
function symbolsOf(doc: TextDocument, clauses: readonly Clause[], budget: Budget): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const c of clauses) {
    if (budget.room <= 0) break;
    if (outlined(c)) out.push(toSymbol(doc, c, budget));
  }
  return out;
}

/** How many clauses of the list are outlined. */
function countOutlined(clauses: readonly Clause[]): number {
  let n = 0;
  for (const c of clauses) if (outlined(c)) n++;
  return n;
}

export function findDocumentSymbols(doc: TextDocument, tree: NamedTree, _ctx: ModeContext): DocumentSymbol[] {
  const budget = { room: MAX_OUTLINE_SYMBOLS };
  const out = symbolsOf(doc, tree.clauses, budget);
  const left = budget.room <= 0 ? countOutlined(tree.clauses) - out.length : 0;
  // the statements left out are counted on the last one shown
  if (left > 0)
    out[out.length - 1]!.detail = withNote(
      out[out.length - 1]!.detail,
      leftOutNote(left, 'top-level statement', 'top-level statements'),
    );
  return out;
}
