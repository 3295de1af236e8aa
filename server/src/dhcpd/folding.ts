/** Folding ranges for dhcpd.conf: blocks over several lines and runs of `#` comment lines. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { StmtList } from '../common/blocks';
import { positionAt } from '../common/text';
import type { DhcpdTree } from './parser';

export function getFoldingRanges(doc: TextDocument, tree: DhcpdTree): FoldingRange[] {
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
