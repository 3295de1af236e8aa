/** The findings of one validation as a list: appended without spreading, cut per rule, kept inside the document. */
import type { Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineCountOf, positionAt } from '../common/text';
import { MAX_FINDINGS_PER_RULE, type Finding } from './types';

/** `to.push(...from)` overflows the stack past ~120,000 items; this does not. */
export function append<T>(to: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]!);
}

/**
 * At most MAX_FINDINGS_PER_RULE findings per rule, the first ones in the document; the next
 * one's place says that more were left out. (A 1,000,000-line file can hold a million findings
 * of one kind: listing them all would take seconds and show nothing more.)
 */
export function limitFindings(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const counts = new Map<string, number>();
  let over = false;
  for (const f of findings) {
    const n = (counts.get(f.rule) ?? 0) + 1;
    counts.set(f.rule, n);
    if (n > MAX_FINDINGS_PER_RULE) over = true;
  }
  if (!over) return findings;
  const byPosition = (a: Finding, b: Finding) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  const out: Finding[] = [];
  const many = new Map<string, Finding[]>();
  for (const f of findings) {
    if (counts.get(f.rule)! <= MAX_FINDINGS_PER_RULE) out.push(f);
    else {
      let list = many.get(f.rule);
      if (!list) many.set(f.rule, (list = []));
      list.push(f);
    }
  }
  for (const [rule, list] of many) {
    list.sort(byPosition);
    for (let k = 0; k < MAX_FINDINGS_PER_RULE; k++) out.push(list[k]!);
    const next = list[MAX_FINDINGS_PER_RULE]!;
    out.push({
      rule,
      range: next.range,
      message: `More than ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} findings of this kind (${rule}) in this file: only the first ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} are listed, and the rest from here on are left out. This one: ${next.message}`,
    });
  }
  return out;
}

/** Keep every range inside the document, whatever a mode computed. */
export function clampFindings(doc: TextDocument, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const lastLine = Math.max(0, lineCountOf(doc) - 1);
  const clamp = (p: Position): Position => {
    if (p.line < 0) return { line: 0, character: 0 };
    if (p.line > lastLine) return positionAt(doc, doc.getText().length);
    return p.character < 0 ? { line: p.line, character: 0 } : p;
  };
  return findings.map((f) => {
    const s = clamp(f.range.start);
    const e = clamp(f.range.end);
    if (s === f.range.start && e === f.range.end) return f;
    return { ...f, range: { start: s, end: e } };
  });
}
