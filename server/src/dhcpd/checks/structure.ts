/**
 * What the block layer finds (missing `;`, braces, strings, curly quotes, stray `;`) as dhcpd
 * reports it, and the unclosed `{` at the end of the file.
 */
import { Tk } from '../../common/tokenizer';
import type { StmtList } from '../../common/blocks';
import type { StructureError, StructureRules } from '../../common/structure';
import { partitionPoint } from '../../common/search';
import { lineIndex } from '../../common/text';
import type { RawFinding } from '../findings';
import type { DhcpdRuleId } from '../rules';
import type { Walker } from './walker';
import { clip, low } from './words';

/** The rule of each problem the block layer reports (the others are not dhcpd's). */
const STRUCTURE_RULES: StructureRules<DhcpdRuleId> = {
  'missing-semicolon': 'dhcpd-missing-semicolon',
  'unexpected-close-brace': 'dhcpd-unbalanced-braces',
  'too-deep': 'dhcpd-unbalanced-braces',
  'unterminated-string': 'dhcpd-unterminated-string',
  'curly-quoted': 'dhcpd-curly-quotes',
  'empty-statement': 'dhcpd-stray-semicolon',
};

/** The block layer's problems as findings (made only if listed), before the walk's. */
export function structure(g: Walker): void {
  // record types of option definitions (`option x code 1 = { ip-address, text };`) are
  // blocks to the block layer; their content has no `;`
  const records: Array<[number, number]> = [];
  const top = g.blocks.stmts;
  for (let i = 0; i < top.length; i++) {
    // a statement starts with its first word: read the words of those starting with an `o` only
    if ((g.text.charCodeAt(top.startOf(i)) | 0x20) !== 0x6f) continue;
    const st = top.withBlock(i);
    if (st && low(st.words[0]) === 'option' && low(st.words[2]) === 'code') {
      records.push([st.block.open.start, st.block.close?.end ?? g.text.length]);
      if (st.block.close && !st.semi) g.missingSemi(st.block.close, 'after the record type');
    }
  }
  // `% ...` lines are skipped by dhcpd up to the next `;` (or the end of the file)
  const percentEnds = new Set<number>();
  const visit = (list: StmtList) => {
    for (let i = 0; i < list.length; i++) {
      // made into objects only where needed: a file may hold a million statements
      const percent = g.text.charCodeAt(list.startOf(i)) === 0x25;
      if (!percent && !list.hasBlock(i)) continue;
      const st = list.at(i)!;
      if (percent && st.words[0]?.text === '%' && !st.semi) percentEnds.add(st.words[st.words.length - 1]!.end);
      if (st.block) visit(st.block.stmts);
    }
  };
  // only a missing `;` can be excused by a `%` line: skip the walk over the whole tree otherwise
  if (g.blocks.errors.some((e) => e.problem === 'missing-semicolon')) visit(g.blocks.stmts);
  const unclosed = g.blocks.errors.filter((e) => e.problem === 'unclosed-brace');
  if (unclosed.length) {
    // dhcpd reports "unexpected end of file" at the last token: report there, and point at the `{`
    const t = g.blocks.tokens;
    let li = t.count - 1;
    while (li > 0 && t.kinds[li] === Tk.Comment) li--;
    const last = { start: t.starts[li]!, end: t.ends[li]! };
    const inner = unclosed[0]!;
    const outer = unclosed[unclosed.length - 1]!;
    const what = g.text.slice(inner.start, inner.end) === '{' ? openerName(g, inner.start) : '';
    const lineOf = lineIndex(g.text);
    const line = lineOf(inner.start);
    g.findings.addFinding({
      rule: 'dhcpd-unbalanced-braces',
      start: last.start,
      end: last.end,
      message: `The file ends while the \`{\`${what ? ` of \`${what}\`` : ''} on line ${line} is still open: add the missing \`}\`${unclosed.length > 1 ? ` (${unclosed.length} blocks are open; the outermost starts on line ${lineOf(outer.start)})` : ''}.`,
      relatedAt: { start: inner.start, end: inner.end, message: 'This `{` is never closed.' },
    });
  }
  // records come in order and do not overlap: the last one starting before `at` is the only candidate
  const inRecord = (at: number) => {
    const k = partitionPoint(records.length, (j) => records[j]![0] < at) - 1;
    return k >= 0 && at < records[k]![1];
  };
  // the block layer's problems are made into findings only if listed (there may be a million)
  const errors = g.blocks.errors;
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i]!;
    const rule = STRUCTURE_RULES[e.problem];
    if (!rule) continue;
    if (e.problem === 'missing-semicolon' && (percentEnds.has(e.start) || inRecord(e.start))) continue;
    // dhcpd stops right after the token before an unexpected `}`: the finding covers that gap too
    g.findings.later(
      rule,
      e.problem === 'unexpected-close-brace' ? (g.prevTokenEndAnywhere(e.start) ?? e.start) : e.start,
      i,
    );
  }
  // the walk makes its findings in document order
  g.findings.seal();
}

/** The finding for the block layer's problem `e` (see structure()). */
export function structureFinding(g: Walker, errorIndex: number): RawFinding {
  const e: StructureError = g.blocks.errors[errorIndex]!;
  const rule = STRUCTURE_RULES[e.problem]!;
  switch (e.problem) {
    case 'missing-semicolon':
      return {
        rule,
        start: e.start,
        end: Math.max(e.end, g.missingSemiEnd(e.end)),
        message: e.message,
        data: undefined,
      };
    case 'unexpected-close-brace':
      return {
        rule,
        start: g.prevTokenEndAnywhere(e.start) ?? e.start,
        end: e.end,
        message: 'Unexpected `}`: no block is open here (a `{` is missing, or this `}` is one too many).',
        data: undefined,
      };
    case 'empty-statement':
      return {
        rule,
        start: e.start,
        end: e.end,
        message: 'Stray `;`: dhcpd rejects an empty statement. Remove it.',
        data: undefined,
      };
    default:
      return { rule, start: e.start, end: e.end, message: e.message, data: undefined };
  }
}

/** The first two words of the statement that owns the `{` at `offset`. */
function openerName(g: Walker, offset: number): string {
  let found = '';
  const visit = (list: StmtList) => {
    for (let i = 0; i < list.length; i++) {
      const st = list.withBlock(i);
      if (!st) continue;
      if (st.block.open.start === offset) {
        found = st.words
          .slice(0, 2)
          .map((w) => w.text)
          .join(' ');
        return;
      }
      if (st.block.open.start < offset) visit(st.block.stmts);
    }
  };
  visit(g.blocks.stmts);
  return clip(found, 60);
}
