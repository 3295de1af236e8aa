/** Syntax findings (from the parser's problems), `|` escapes, and keys set twice. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf } from '../../common/text';
import { partitionPoint } from '../../common/search';
import type { VmxRuleId } from '../rules';
import { decodeValue, type VmxEntry } from '../entries';
import { clip, type SyntaxProblemKind, type VmxTree } from '../parser';
import type { Room, VmxFinding } from './shared';
import type { FixData } from '../../common/fixes';

const SYNTAX_RULE: Record<SyntaxProblemKind, VmxRuleId> = {
  'missing-equals': 'vmx-syntax',
  incomplete: 'vmx-incomplete-setting',
  'bad-key': 'vmx-syntax',
  'missing-value': 'vmx-syntax',
  'trailing-text': 'vmx-syntax',
  unterminated: 'vmx-unterminated-string',
  'curly-quotes': 'vmx-curly-quotes',
  unquoted: 'vmx-unquoted-value',
};

/** The parser's problems as findings, with the quoting fixes. */
export function syntaxFindings(doc: TextDocument, tree: VmxTree, out: VmxFinding[]): void {
  // the setting on a line, if any (entries are in line order, at most one per line)
  const entryOn = (line: number): VmxEntry | undefined => {
    const list = tree.entries;
    const i = partitionPoint(list.length, (k) => list.line(k) < line);
    return i < list.length && list.line(i) === line ? list.at(i) : undefined;
  };
  for (const p of tree.problems) {
    const f: VmxFinding = { rule: SYNTAX_RULE[p.kind], range: rangeOf(doc, p.start, p.end), message: p.message };
    if (p.kind === 'curly-quotes') {
      const entry = entryOn(p.line);
      out.push(entry ? { ...f, data: { replace: [`"${entry.raw}"`] } satisfies FixData } : f);
    } else if (p.kind === 'unquoted') {
      const entry = entryOn(p.line);
      if (entry) out.push({ ...f, data: { replace: [`"${entry.raw.replace(/"/g, '|22')}"`] } satisfies FixData });
      else out.push(f);
    } else out.push(f);
  }
}

/** A `|` that does not start a `|XX` hex escape, the first of each value (curly-quoted ones aside). */
export function badEscapes(doc: TextDocument, tree: VmxTree, out: VmxFinding[], room: Room): void {
  const text = doc.getText();
  const entries = tree.entries;
  for (let i = 0; i < entries.length; i++) {
    const valueStart = entries.valueStart(i);
    const valueEnd = entries.valueEnd(i);
    let bar = valueStart;
    while (bar < valueEnd && text.charCodeAt(bar) !== 0x7c) bar++;
    if (bar >= valueEnd || entries.quote(i) === 'curly') continue;
    const bad = decodeValue(text.slice(valueStart, valueEnd)).bad;
    if (!bad.length) continue;
    if (!room('vmx-bad-escape')) return;
    const at = valueStart + bad[0]!;
    out.push({
      rule: 'vmx-bad-escape',
      range: rangeOf(doc, at, Math.min(at + 3, valueEnd)),
      message: `\`|\` in the value of \`${clip(entries.key(i))}\` does not start a \`|XX\` hex escape: VMware reads \`|\` followed by two hex digits as one character; write a literal \`|\` as \`|7C\`.`,
    });
  }
}

/**
 * Keys set twice: the later line is reported, naming the earlier one; a file of a million
 * repeated lines stops early.
 */
export function duplicateKeys(doc: TextDocument, tree: VmxTree, out: VmxFinding[], room: Room): void {
  const entries = tree.entries;
  const lastSet = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const keyLower = entries.keyLower(i);
    if (tree.byKey.get(keyLower)!.count < 2) continue;
    const p = lastSet.get(keyLower);
    lastSet.set(keyLower, i);
    if (p === undefined) continue;
    if (!room('vmx-duplicate-key')) break;
    const prev = entries.at(p);
    const cur = entries.at(i);
    const same = prev.value === cur.value;
    out.push({
      rule: 'vmx-duplicate-key',
      range: rangeOf(doc, cur.keyStart, cur.keyEnd),
      message: `\`${clip(cur.key)}\` is set again: line ${prev.line + 1} already set it${same ? ' to the same value' : ` to "${clip(prev.value, 40)}"`}. The later value wins, so line ${prev.line + 1} has no effect; remove one of them.`,
      related: [
        { location: { uri: doc.uri, range: rangeOf(doc, prev.keyStart, prev.keyEnd) }, message: 'earlier setting' },
      ],
      data: { deleteLine: prev.line } satisfies FixData,
    });
  }
}
