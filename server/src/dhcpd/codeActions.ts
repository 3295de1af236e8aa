/** Quick fixes: straighten curly quotes, did-you-mean replacements, insert a missing `;`. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import { curlyQuoteActions } from '../common/quotes';
import type { DhcpdTree } from './parser';
import { fixesFromData, insertFix, removeFix } from '../common/fixes';
import { RULES, type DhcpdRuleId } from './rules';

/** The diagnostic's rule, if it is one of ours. */
function ruleOf(code: unknown): DhcpdRuleId | undefined {
  return RULES.find((r) => r.id === code)?.id;
}

export function getCodeActions(
  doc: TextDocument,
  _tree: DhcpdTree,
  _range: Range,
  context: CodeActionContext,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of context.diagnostics) {
    switch (ruleOf(d.code)) {
      case 'dhcpd-curly-quotes':
        out.push(...curlyQuoteActions(doc, d));
        break;
      case 'dhcpd-stray-semicolon':
        out.push(removeFix(doc, d, 'Remove `;`'));
        break;
      case 'dhcpd-missing-semicolon':
        out.push(insertFix(doc, d, ';', 'Insert `;`'));
        break;
      default:
        out.push(...fixesFromData(doc, d));
    }
  }
  return out;
}
