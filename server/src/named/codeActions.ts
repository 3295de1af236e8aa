/** Quick fixes: straighten curly quotes, insert a missing `;`, replace a misspelt statement. */
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { NamedTree } from './tree';
import { curlyQuoteActions } from '../common/quotes';
import type { NamedRuleId } from './rules';

/** Whether a diagnostic is a finding of `rule`. */
function isOf(d: Diagnostic, rule: NamedRuleId): boolean {
  return d.code === rule;
}

export function getCodeActions(
  doc: TextDocument,
  _tree: NamedTree,
  _range: Range,
  context: CodeActionContext,
  _ctx: ModeContext,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of context.diagnostics) {
    if (isOf(d, 'named-curly-quotes')) out.push(...curlyQuoteActions(doc, d));
    if (isOf(d, 'named-missing-semicolon')) {
      out.push({
        title: 'Insert `;`',
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: { start: d.range.start, end: d.range.start }, newText: ';' }] } },
      });
    }
    if (isOf(d, 'named-unknown-statement')) {
      const data = d.data as { replacements?: string[] } | undefined;
      for (const r of data?.replacements ?? []) {
        out.push({
          title: `Change to \`${r}\``,
          kind: 'quickfix',
          diagnostics: [d],
          edit: { changes: { [doc.uri]: [{ range: d.range, newText: r }] } },
        });
      }
    }
  }
  return out;
}
