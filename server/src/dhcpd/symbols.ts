/** Outline: shared-network, subnet, pool, host, group, class, zone, key, failover. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { Tk, type Token } from '../common/tokenizer';
import type { Stmt, StmtList } from '../common/blocks';
import { dict, rangeOf } from '../common/text';
import { leftOutNote, shownNote, withNote } from '../common/outline';
import type { DhcpdTree } from './parser';
import { MAX_OUTLINE_SYMBOLS } from '../service/types';

const KINDS: Record<string, SymbolKind> = dict({
  'shared-network': SymbolKind.Namespace,
  subnet: SymbolKind.Module,
  subnet6: SymbolKind.Module,
  pool: SymbolKind.Array,
  pool6: SymbolKind.Array,
  host: SymbolKind.Object,
  group: SymbolKind.Package,
  class: SymbolKind.Class,
  subclass: SymbolKind.Class,
  zone: SymbolKind.Struct,
  key: SymbolKind.Key,
  failover: SymbolKind.Interface,
});

/** The outline's keywords, each as one string (a million hosts need not make a million `host`s). */
const WORDS: Record<string, string> = dict(Object.fromEntries(Object.keys(KINDS).map((k) => [k, k])));

/** Word `i` of a statement as the outline shows it (a string without its quotes). */
function wordText(w: readonly Token[], i: number): string {
  const t = w[i];
  return t ? (t.kind === Tk.String ? (t.value ?? '') : t.text) : '';
}

export function findDocumentSymbols(doc: TextDocument, tree: DhcpdTree): DocumentSymbol[] {
  const budget = { room: MAX_OUTLINE_SYMBOLS };
  const out = symbolsOf(doc, tree.blocks.stmts, [], budget);
  const left = budget.room <= 0 ? countDeclarations(tree.blocks.stmts) - out.length : 0;
  if (left > 0) {
    // the declarations left out are counted on the last one shown
    const last = out[out.length - 1]!;
    last.detail = withNote(last.detail, leftOutNote(left, 'top-level declaration', 'top-level declarations'));
  }
  return out;
}

/** The outline's keyword of a statement with a block, if it is a declaration (shared-network, subnet, host...). */
function declarationOf(s: Stmt): string | undefined {
  const first = s.words[0];
  const kw = first?.kind === Tk.Word ? first.text.toLowerCase() : undefined;
  return kw && Object.hasOwn(KINDS, kw) ? kw : undefined;
}

/** How many symbols `stmts` would have at their own level (inside other blocks as if they were not). */
function countDeclarations(stmts: StmtList): number {
  let n = 0;
  for (let i = 0; i < stmts.length; i++) {
    // statements without a block are not made into objects (a file may hold a million)
    const s = stmts.withBlock(i);
    if (!s) continue;
    if (declarationOf(s)) n++;
    else n += countDeclarations(s.block.stmts);
  }
  return n;
}

/**
 * The symbols of `stmts`, appended to `out`: a declaration (shared-network, subnet, host...) with
 * the symbols inside it as children; the symbols inside other blocks as if they were not. No
 * more than `budget.room` in all (MAX_OUTLINE_SYMBOLS): a declaration whose children are cut
 * short says how many it has.
 */
function symbolsOf(
  doc: TextDocument,
  stmts: StmtList,
  out: DocumentSymbol[],
  budget: { room: number },
): DocumentSymbol[] {
  for (let i = 0; i < stmts.length; i++) {
    if (budget.room <= 0) break;
    const s = stmts.withBlock(i);
    if (!s) continue;
    const block = s.block;
    const w = s.words;
    const first = w[0];
    const kw = declarationOf(s);
    if (!kw) {
      symbolsOf(doc, block.stmts, out, budget);
      continue;
    }
    budget.room--;
    let name: string, detail: string;
    switch (kw) {
      case 'subnet':
        name = `${wordText(w, 1)}/${wordText(w, 3)}`;
        detail = 'subnet';
        break;
      case 'failover':
        name = wordText(w, 2) || 'failover';
        detail = 'failover peer';
        break;
      case 'pool':
      case 'pool6':
        name = WORDS[kw]!;
        detail = '';
        break;
      case 'group':
        name = wordText(w, 1) || 'group';
        detail = 'group';
        break;
      default:
        name = wordText(w, 1) || WORDS[kw]!;
        detail = WORDS[kw]!;
    }
    const children = symbolsOf(doc, block.stmts, [], budget);
    if (budget.room <= 0) {
      const total = countDeclarations(block.stmts);
      if (total > children.length) detail = withNote(detail, shownNote(children.length, total, 'declarations'));
    }
    const nameTok = w[1] ?? first!;
    out.push({
      name: name || '(unnamed)',
      detail,
      kind: KINDS[kw]!,
      range: rangeOf(doc, s.start, s.end),
      selectionRange: rangeOf(doc, nameTok.start, nameTok.end),
      children,
    });
  }
  return out;
}
