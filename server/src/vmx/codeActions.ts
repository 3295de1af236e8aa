/** Quick fixes for .vmx diagnostics: straight quotes, did-you-mean, quoting, removing dead lines, adding missing keys. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Feature } from '../service/types';
import { CURLY_DOUBLE, curlyQuoteActions } from '../common/quotes';
import { rangeOf } from '../common/text';
import type { VmxEntry } from './entries';
import type { VmxTree } from './parser';
import { actionsPerDiagnostic, fixesFromData, quickFix, type FixData } from '../common/fixes';
import { RULES } from './rules';
import { ruleOf } from '../service/rules';

export const getCodeActions: Feature<VmxTree, 'getCodeActions'> = (doc, tree, _range, context) =>
  actionsPerDiagnostic(context, (diag) => {
    const rule = ruleOf(RULES, diag.code);
    if (!rule) return [];
    if (rule === 'vmx-curly-quotes') return straightQuoteActions(doc, tree, diag, (diag.data ?? {}) as FixData);
    return fixesFromData(doc, diag, {
      maxReplacements: 5,
      replaceTitle: (r) =>
        rule === 'vmx-unknown-key'
          ? `Change key to \`${r}\``
          : rule === 'vmx-unquoted-value'
            ? `Quote the value: ${r}`
            : `Change value to "${r}"`,
      preferred: (k, n) => k === 0 && (n <= 1 || rule !== 'vmx-invalid-value'),
    });
  });

/**
 * Straight quotes for one value, or for every curly-quoted value in the file. Double curly
 * quotes go through the shared helper; single ones (‘ ’) and mixed pairs are rebuilt from the tree.
 */
function straightQuoteActions(doc: TextDocument, tree: VmxTree, diag: Diagnostic, data: FixData): CodeAction[] {
  const curly: VmxEntry[] = [];
  for (let i = 0; i < tree.entries.length; i++) if (tree.entries.quote(i) === 'curly') curly.push(tree.entries.at(i));
  const shared = curlyQuoteActions(doc, diag);
  const simple = curly.every(
    (e) =>
      CURLY_DOUBLE.has(doc.getText().charCodeAt(e.tokenStart)) &&
      CURLY_DOUBLE.has(doc.getText().charCodeAt(e.tokenEnd - 1)),
  );
  if (simple && shared.length) return shared;
  const out: CodeAction[] = [];
  if (data.replace?.[0] !== undefined)
    out.push(
      quickFix(
        doc,
        diag,
        'Replace curly quotes with straight quotes',
        [{ range: diag.range, newText: data.replace[0] }],
        true,
      ),
    );
  if (curly.length > 1) {
    const edits = curly.map((e) => ({ range: rangeOf(doc, e.tokenStart, e.tokenEnd), newText: `"${e.raw}"` }));
    out.push(
      quickFix(
        doc,
        diag,
        `Replace the curly quotes of all ${curly.length} values in the file with straight quotes`,
        edits,
      ),
    );
  }
  return out;
}
