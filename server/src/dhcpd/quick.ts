/** What quick re-validation (service/quick.ts) needs from dhcpd.conf: statement spans and rule scopes. */
import type { QuickSupport, StatementSpan } from '../service/types';
import type { Stmt, StmtList } from '../common/blocks';
import { Tk } from '../common/tokenizer';
import { parseText, type DhcpdTree } from './parser';

const CHAIN = new Set(['if', 'elsif', 'else']);
const first = (s: Stmt | undefined) => {
  const w = s?.words[0];
  return w && w.kind === Tk.Word ? w.text.toLowerCase() : '';
};

/**
 * The statements around [start, end], outermost first. An `if`/`elsif`/`else` chain is one span
 * (an `elsif` means nothing without its `if`) and is not entered. An edit between statements
 * ends the path with the gap between them.
 */
function statementPath(tree: DhcpdTree, start: number, end: number): StatementSpan[] {
  const path: StatementSpan[] = [];
  let list: StmtList = tree.blocks.stmts;
  let from = 0;
  let to = tree.text.length;
  for (;;) {
    const here = list;
    const i = here.lastStartingAtOrBefore(start);
    const s = here.at(i);
    // an edit right after a statement's `;` or `}` is in the gap after it
    if (!s || end > s.end || start >= s.end) {
      // between two statements (a new one being typed): the gap, unless a statement around it
      // is still open (no `;` or block) or an `if` chain runs across it
      const prev = s;
      const next = here.at(i + 1);
      // the span runs on over the next statement: what is typed may not have its `;` yet and join it
      const gap = { start: prev ? prev.end : from, end: next ? next.end : to };
      const open = (s: Stmt | undefined) => !!s && !s.semi && !s.block;
      const chain = (prev && CHAIN.has(first(prev))) || (next && CHAIN.has(first(next)));
      if (!open(prev) && !open(next) && !chain && start >= gap.start && end < (next ? next.start : to)) path.push(gap);
      return path;
    }
    if (CHAIN.has(first(s))) {
      let a = i;
      while (a > 0 && first(here.at(a)) !== 'if' && CHAIN.has(first(here.at(a - 1)))) a--;
      let b = i;
      while (b + 1 < here.length && (first(here.at(b + 1)) === 'elsif' || first(here.at(b + 1)) === 'else')) b++;
      path.push({ start: here.startOf(a), end: here.at(b)!.end });
      return path;
    }
    const blk = s.block;
    const body = blk && blk.close ? { start: blk.open.end, end: blk.close.start } : undefined;
    // a statement without its `;` is no unit (the edit could join it to the next): its block is
    if (!s.semi && !blk) return path;
    path.push({ start: s.start, end: s.end, body });
    if (!body || start < body.start || end > body.end) return path;
    list = blk!.stmts;
    from = body.start;
    to = body.end;
  }
}

export const quick: QuickSupport<DhcpdTree> = {
  statementPath,
  parseFragment: (doc, whole, region) => {
    // option spaces, formats and classes are used all over the file: a statement that defines
    // one (before or after the edit) is left to the full pass
    if (whole.definitions.some((d) => d.at >= region.start && d.at <= region.end)) return undefined;
    const tree = parseText(doc.getText(), doc.uri, {
      family: whole.family,
      definitions: whole.definitions,
      before: region.start,
    });
    return tree.definitions.length ? undefined : tree;
  },
};
