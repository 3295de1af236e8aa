/** Quick fixes: straighten curly quotes, insert a missing `;`, replace a misspelt statement. */
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { NamedTree } from './tree';
import { curlyQuoteActions } from '../common/quotes';
import { fixesFromData, insertFix } from '../common/fixes';
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
    if (isOf(d, 'named-missing-semicolon')) out.push(insertFix(doc, d, ';', 'Insert `;`'));
    // did-you-mean replacements, none preferred over another
    if (isOf(d, 'named-unknown-statement')) out.push(...fixesFromData(doc, d, { preferred: () => false }));
  }
  return out;
}
