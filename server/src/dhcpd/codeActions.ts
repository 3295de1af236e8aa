/** Quick fixes: straighten curly quotes, did-you-mean replacements, insert a missing `;`. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import { curlyQuoteActions } from '../common/quotes';
import type { DhcpdTree } from './parser';
import { positionAt } from '../common/text';
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
    const data = d.data as
      { replace?: string; alternatives?: string[]; insert?: string; start?: number; end?: number } | undefined;
    switch (ruleOf(d.code)) {
      case 'dhcpd-curly-quotes':
        out.push(...curlyQuoteActions(doc, d));
        break;
      case 'dhcpd-stray-semicolon':
        out.push({
          title: 'Remove `;`',
          kind: 'quickfix',
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [doc.uri]: [{ range: d.range, newText: '' }] } },
        });
        break;
      case 'dhcpd-missing-semicolon':
        out.push({
          title: 'Insert `;`',
          kind: 'quickfix',
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [doc.uri]: [{ range: { start: d.range.start, end: d.range.start }, newText: ';' }] } },
        });
        break;
      default:
        if (data?.insert) {
          out.push({
            title: `Insert \`${data.insert.trim()}\``,
            kind: 'quickfix',
            diagnostics: [d],
            isPreferred: true,
            edit: {
              changes: { [doc.uri]: [{ range: { start: d.range.start, end: d.range.start }, newText: data.insert }] },
            },
          });
        } else if (data?.replace !== undefined) {
          const range =
            data.start !== undefined && data.end !== undefined
              ? { start: positionAt(doc, data.start), end: positionAt(doc, data.end) }
              : d.range;
          const all = data.alternatives?.length ? data.alternatives : [data.replace];
          all.forEach((r, i) =>
            out.push({
              title: `Change to \`${r}\``,
              kind: 'quickfix',
              diagnostics: [d],
              isPreferred: i === 0,
              edit: { changes: { [doc.uri]: [{ range, newText: r }] } },
            }),
          );
        }
    }
  }
  return out;
}
