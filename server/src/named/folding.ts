/** Folding ranges: every block over more than one line, and comments over more than one line. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { Clause, NamedTree } from './tree';
import { positionAt } from '../common/text';

export function getFoldingRanges(doc: TextDocument, tree: NamedTree, _ctx: ModeContext): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (clauses: readonly Clause[]) => {
    for (const c of clauses)
      for (const it of c.items) {
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
