/** Quick re-checks of a log: what the log shows (the iSCSI-name check) is per line, so an edit re-checks its lines only. */
import type { QuickSupport, StatementSpan } from '../service/types';
import type { LogTree } from './parser';

/** The lines [start, end] touches, as one span. */
function linesAround(tree: LogTree, start: number, end: number): StatementSpan[] {
  const t = tree.text;
  // scans, not lastIndexOf: a log without \r would be searched back to its start for one
  let from = start;
  while (from > 0 && t.charCodeAt(from - 1) !== 0x0a && t.charCodeAt(from - 1) !== 0x0d) from--;
  let to = end;
  while (to < t.length && t.charCodeAt(to) !== 0x0a && t.charCodeAt(to) !== 0x0d) to++;
  return [{ start: from, end: to }];
}

export const quick: QuickSupport<LogTree> = { statementPath: linesAround, lineBased: true };
