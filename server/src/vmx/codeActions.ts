/** Quick fixes for .vmx diagnostics: straight quotes, did-you-mean, quoting, removing dead lines, adding missing keys. */
import type { CodeAction, CodeActionContext, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { CURLY_DOUBLE, curlyQuoteActions } from '../common/quotes';
import { lineCountOf, rangeOf } from '../common/text';
import { lineAt } from '../common/text';
import type { VmxEntry } from './entries';
import type { VmxTree } from './parser';
import type { FixData } from './checks/shared';
import { RULES, type VmxRuleId } from './rules';

/** The rule of a diagnostic's code, when it is one of ours. */
function ruleOf(code: string): VmxRuleId | undefined {
  return RULES.find((r) => r.id === code)?.id;
}

function eolOf(doc: TextDocument): string {
  return doc.getText().includes('\r\n') ? '\r\n' : '\n';
}

function fix(doc: TextDocument, title: string, diag: Diagnostic, edits: TextEdit[], preferred = false): CodeAction {
  return {
    title,
    kind: 'quickfix',
    diagnostics: [diag],
    isPreferred: preferred || undefined,
    edit: { changes: { [doc.uri]: edits } },
  };
}

export function getCodeActions(
  doc: TextDocument,
  tree: VmxTree,
  _range: Range,
  context: CodeActionContext,
  _ctx: ModeContext,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const diag of context.diagnostics) {
    const code = String(diag.code ?? '');
    if (!code.startsWith('vmx-')) continue;
    const rule = ruleOf(code);
    const data = (diag.data ?? {}) as FixData;
    if (rule === 'vmx-curly-quotes') {
      out.push(...straightQuoteActions(doc, tree, diag, data));
      continue;
    }
    if (data.replace && data.replace.length) {
      const many = data.replace.length > 1;
      data.replace.slice(0, 5).forEach((r, k) => {
        const what =
          rule === 'vmx-unknown-key'
            ? `Change key to \`${r}\``
            : rule === 'vmx-unquoted-value'
              ? `Quote the value: ${r}`
              : `Change value to "${r}"`;
        out.push(
          fix(doc, what, diag, [{ range: diag.range, newText: r }], k === 0 && (!many || rule !== 'vmx-invalid-value')),
        );
      });
    }
    if (data.deleteLine !== undefined) {
      const line = data.deleteLine;
      const start = { line, character: 0 };
      const end =
        line + 1 < lineCountOf(doc)
          ? { line: line + 1, character: 0 }
          : { line, character: lineAt(doc, line).text.length };
      out.push(
        fix(
          doc,
          `Remove the earlier setting on line ${line + 1}`,
          diag,
          [{ range: { start, end }, newText: '' }],
          true,
        ),
      );
    }
    if (data.insert) {
      const eol = eolOf(doc);
      const after = data.insert.after;
      let edit: TextEdit;
      if (after < 0)
        edit = {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          newText: data.insert.lines.map((l) => l + eol).join(''),
        };
      else {
        const at = { line: after, character: lineAt(doc, after).text.length };
        edit = { range: { start: at, end: at }, newText: data.insert.lines.map((l) => eol + l).join('') };
      }
      out.push(
        fix(
          doc,
          `Add ${data.insert.lines.map((l) => (l.includes('=') ? l.slice(0, l.indexOf('=')).trimEnd() : l)).join(', ')}`,
          diag,
          [edit],
          true,
        ),
      );
    }
  }
  return out;
}

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
      fix(
        doc,
        'Replace curly quotes with straight quotes',
        diag,
        [{ range: diag.range, newText: data.replace[0] }],
        true,
      ),
    );
  if (curly.length > 1) {
    const edits = curly.map((e) => ({ range: rangeOf(doc, e.tokenStart, e.tokenEnd), newText: `"${e.raw}"` }));
    out.push(
      fix(doc, `Replace the curly quotes of all ${curly.length} values in the file with straight quotes`, diag, edits),
    );
  }
  return out;
}
