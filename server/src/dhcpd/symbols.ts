/** Outline (shared-network, subnet, pool, host, group, class, zone, key, failover) and folding. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import { Tk } from '../common/tokenizer';
import type { Stmt } from '../common/blocks';
import { dict, positionAt, rangeOf } from '../common/text';
import type { DhcpdTree } from './parser';

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

function label(s: Stmt): { name: string; detail: string } | undefined {
  const w = s.words;
  const kw = w[0]?.kind === Tk.Word ? w[0].text.toLowerCase() : undefined;
  if (!kw || !Object.hasOwn(KINDS, kw)) return undefined;
  const text = (i: number) => (w[i] ? (w[i]!.kind === Tk.String ? w[i]!.value ?? '' : w[i]!.text) : '');
  switch (kw) {
    case 'subnet': return { name: `${text(1)}/${text(3)}`, detail: 'subnet' };
    case 'failover': return { name: text(2) || 'failover', detail: 'failover peer' };
    case 'pool': case 'pool6': return { name: kw, detail: '' };
    case 'group': return { name: text(1) || 'group', detail: 'group' };
    default: return { name: text(1) || kw, detail: kw };
  }
}

export function documentSymbols(doc: TextDocument, tree: DhcpdTree): DocumentSymbol[] {
  const build = (stmts: readonly Stmt[]): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    for (const s of stmts) {
      const l = s.block ? label(s) : undefined;
      const kids = s.block ? build(s.block.stmts) : [];
      if (!l) {
        out.push(...kids);
        continue;
      }
      const first = s.words[0]!;
      const nameTok = s.words[1] ?? first;
      out.push({
        name: l.name || '(unnamed)',
        detail: l.detail,
        kind: KINDS[first.text.toLowerCase()]!,
        range: rangeOf(doc, s.start, s.end),
        selectionRange: rangeOf(doc, nameTok.start, nameTok.end),
        children: kids,
      });
    }
    return out;
  };
  return build(tree.blocks.stmts);
}

export function foldingRanges(doc: TextDocument, tree: DhcpdTree): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (stmts: readonly Stmt[]) => {
    for (const s of stmts) {
      if (!s.block) continue;
      const a = positionAt(doc, s.block.open.start).line;
      const b = positionAt(doc, s.block.close ? s.block.close.start : doc.getText().length).line;
      if (b > a) out.push({ startLine: a, endLine: b - (s.block.close ? 1 : 0) >= a ? b - 1 : b });
      visit(s.block.stmts);
    }
  };
  visit(tree.blocks.stmts);
  // comment runs
  const toks = tokenize2(doc.getText());
  let runStart = -1, runEnd = -1;
  for (const line of toks) {
    if (runStart >= 0 && line === runEnd + 1) runEnd = line;
    else {
      if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
      runStart = runEnd = line;
    }
  }
  if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
  return out;
}

/** Lines that hold only a comment. */
function tokenize2(text: string): number[] {
  const lines = text.split(/\r?\n|\r/);
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (/^\s*#/.test(l)) out.push(i);
  });
  return out;
}
