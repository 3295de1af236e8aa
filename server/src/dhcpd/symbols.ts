/** Outline (shared-network, subnet, pool, host, group, class, zone, key, failover) and folding. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import { Tk, type Token } from '../common/tokenizer';
import type { Stmt, StmtList } from '../common/blocks';
import { dict, positionAt, rangeOf } from '../common/text';
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

export function documentSymbols(doc: TextDocument, tree: DhcpdTree): DocumentSymbol[] {
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

export function foldingRanges(doc: TextDocument, tree: DhcpdTree): FoldingRange[] {
  const out: FoldingRange[] = [];
  const text = doc.getText();
  const visit = (stmts: StmtList) => {
    for (let i = 0; i < stmts.length; i++) {
      const block = stmts.withBlock(i)?.block;
      if (!block) continue;
      const open = block.open.start;
      const close = block.close;
      const end = close ? close.start : text.length;
      // most blocks of a large file are one line (`host a { ... }`): no positions needed for those
      if (!oneLine(text, open, end)) {
        const a = positionAt(doc, open).line;
        const b = positionAt(doc, end).line;
        if (b > a) out.push({ startLine: a, endLine: b - (close ? 1 : 0) >= a ? b - 1 : b });
      }
      visit(block.stmts);
    }
  };
  visit(tree.blocks.stmts);
  // comment runs
  let runStart = -1,
    runEnd = -1;
  for (const line of commentLines(doc)) {
    if (runStart >= 0 && line === runEnd + 1) runEnd = line;
    else {
      if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
      runStart = runEnd = line;
    }
  }
  if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
  return out;
}

/**
 * Lines whose first character other than white space (as `\s` in a regular expression) is `#`,
 * found from each `#`: not by splitting the text into lines (a million strings for a
 * million-line file without a comment). Each `#` looks back over white space only, so no
 * character is looked at twice.
 */
function commentLines(doc: TextDocument): number[] {
  const text = doc.getText();
  const out: number[] = [];
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    let k = i;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
    const before = k > 0 ? text.charCodeAt(k - 1) : 0x0a;
    if (before === 0x0a || before === 0x0d) out.push(positionAt(doc, i).line);
  }
  return out;
}

/** Whether [from, to) is short and holds no line break (then both ends are on one line). */
function oneLine(text: string, from: number, to: number): boolean {
  if (to - from > 200) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

/** `\s` but the line breaks \n and \r. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0c && c !== 0x0a);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
