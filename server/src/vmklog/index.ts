/**
 * ESX/ESXi logs (vmkernel.log, vmkwarning, hostd.log, ...; also VS Code's `log` language).
 *
 * Logs are big (ESXi rotates vmkernel.log at a few MB, but collected bundles run to 50 MB),
 * so this mode keeps no tree: `parse` is free, hover looks at the hovered line only and inlay
 * hints at the requested lines only. iSCSI names in logs are checked by the iSCSI text feature;
 * after an edit, only the edited lines are checked again.
 */
import type { LanguageMode, StatementSpan } from '../service/types';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';

export { decodeStatusCodeMarkdown } from './status';

/** The "tree" is the text itself (no copy): quick re-checks need it to find the edited lines. */
interface LogTree {
  readonly text: string;
}

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

export const vmkLogMode: LanguageMode<LogTree> = {
  id: 'vmkernel-log',
  rules: [],
  parse: (doc) => ({ text: doc.getText() }),
  doValidation: () => [],
  doHover: (doc, _tree, pos) => doHover(doc, pos),
  getInlayHints: (doc, _tree, range, ctx) => getInlayHints(doc, range, ctx),
  // what the log shows (the iSCSI-name check) is per line: an edit re-checks its lines only
  quick: { statementPath: linesAround, lineBased: true },
};
