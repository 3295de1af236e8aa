/**
 * Folding in zone files: a record whose parentheses (or quoted string) run over several lines
 * folds to its first line, and so does a run of two or more comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Feature } from '../service/types';
import { positionAt } from '../common/text';
import type { ZoneTree } from './parser';

export const getFoldingRanges: Feature<ZoneTree, 'getFoldingRanges'> = (doc, tree) => {
  const out: FoldingRange[] = [];
  for (const e of tree.entries) {
    const end = positionAt(doc, e.end).line;
    if (end > e.line) out.push({ startLine: e.line, endLine: end });
  }
  // runs of lines whose first non-blank character is `;`
  const text = tree.text;
  let line = 0;
  let runStart = -1;
  let runEnd = -1;
  const close = () => {
    if (runStart >= 0 && runEnd > runStart)
      out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
    runStart = -1;
  };
  for (let i = 0; i <= text.length; line++) {
    const nl = text.indexOf('\n', i);
    const stop = nl < 0 ? text.length : nl;
    let j = i;
    while (j < stop && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < stop && text[j] === ';') {
      if (runStart < 0) runStart = line;
      runEnd = line;
    } else close();
    if (nl < 0) break;
    i = nl + 1;
  }
  close();
  // comment runs inside a record's parentheses come after its range: the client sorts them
  return out;
};
