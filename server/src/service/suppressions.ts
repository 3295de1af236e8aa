/**
 * Suppression comments, as linters have them: in a language's own comment syntax,
 *   # infra-lsp-disable-next-line dhcpd-unknown-option      (the findings of the next line)
 *   // infra-lsp-disable named-undefined-reference           (the whole file)
 * with one or more rule ids (separated by spaces or commas), or none for every rule. A comment
 * that suppresses nothing gets a finding of its own, and every diagnostic has quick fixes that
 * insert either form.
 */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticTag } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defineRules, type RuleIdOf } from './rules';
import type { Finding } from './types';

export const SUPPRESSION_RULES = defineRules({
  'suppression-unused': {
    defaultSeverity: 'info',
    description:
      'An infra-lsp-disable comment that suppresses no finding (the finding is gone, or the rule id is wrong).',
    scope: 'file',
    examples: {
      bad: '# infra-lsp-disable-next-line vmx-unknown-key\nmemsize = "1024"\n',
      good: '# infra-lsp-disable-next-line vmx-unknown-key\nnumvpcus = "2"\n',
      language: 'vmx',
    },
  },
});
export type SuppressionRuleId = RuleIdOf<typeof SUPPRESSION_RULES>;

/** The line comment each language writes suppressions in (none: the language has no comments we read). */
export const COMMENT_PREFIX: Readonly<Record<string, string>> = {
  named: '//',
  dhcpd: '#',
  vmx: '#',
  'iscsi-initiatorname': '#',
};

const MARK = 'infra-lsp-disable';
/** A comment opener, then the mark; no quote before it on the line (the mark is not in a string). */
const LINE = /^[^"\n]*?(?:#|\/\/|\/\*|;)\s*infra-lsp-disable(-next-line)?(?=[\s*]|$)([^\n]*)$/gm;

interface Suppression {
  /** The line the comment is on; it covers `line + 1` (next-line) or the whole file. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly nextLine: boolean;
  /** The rule ids named (empty: every rule). */
  readonly rules: readonly string[];
  used: boolean;
}

function parse(doc: TextDocument): Suppression[] {
  const text = doc.getText();
  if (!text.includes(MARK)) return [];
  const out: Suppression[] = [];
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    const start = m.index + m[0].indexOf(MARK);
    const rules = (m[2] ?? '')
      .replace(/\*\/.*$/, '')
      .split(/[\s,]+/)
      .filter((r) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(r));
    const line = doc.positionAt(start).line;
    out.push({ line, start, end: m.index + m[0].trimEnd().length, nextLine: !!m[1], rules, used: false });
  }
  return out;
}

/**
 * The findings left once the document's suppression comments have taken theirs, and a finding for
 * each comment that took none. `complete`: the findings are the whole file's (a full pass), so an
 * unused comment can be told (a quick re-check sees only part of them).
 */
export function applySuppressions(doc: TextDocument, findings: Finding[], complete: boolean): Finding[] {
  const sups = parse(doc);
  if (!sups.length) return findings;
  const covers = (s: Suppression, f: Finding) =>
    (s.rules.length === 0 || s.rules.includes(f.rule)) && (!s.nextLine || f.range.start.line === s.line + 1);
  const kept = findings.filter((f) => {
    let hit = false;
    for (const s of sups)
      if (covers(s, f)) {
        s.used = true;
        hit = true;
      }
    return !hit;
  });
  if (!complete) return kept;
  for (const s of sups) {
    if (s.used) continue;
    kept.push({
      rule: 'suppression-unused',
      range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) },
      message: s.rules.length
        ? `This comment suppresses nothing: no finding of ${s.rules.join(', ')} ${s.nextLine ? 'on the next line' : 'in this file'}. Remove it, or correct the rule id.`
        : `This comment suppresses nothing: there is no finding ${s.nextLine ? 'on the next line' : 'in this file'}. Remove it.`,
      tags: [DiagnosticTag.Unnecessary],
    });
  }
  return kept;
}

/** Quick fixes that insert a suppression of a diagnostic's rule: for its line, and for the file. */
export function suppressionActions(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const prefix = COMMENT_PREFIX[doc.languageId];
  const rule = typeof d.code === 'string' ? d.code : undefined;
  if (!prefix || !rule || rule === 'suppression-unused') return [];
  const line = d.range.start.line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)![0];
  const at = (l: number): Range => ({ start: { line: l, character: 0 }, end: { line: l, character: 0 } });
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const edit = (range: Range, newText: string) => ({ changes: { [doc.uri]: [{ range, newText }] } });
  return [
    {
      title: `Disable ${rule} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: edit(at(line), `${indent}${prefix} ${MARK}-next-line ${rule}${eol}`),
    },
    {
      title: `Disable ${rule} for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: edit(at(0), `${prefix} ${MARK} ${rule}${eol}`),
    },
  ];
}
