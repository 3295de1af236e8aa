/** Quick fixes for iSCSI name findings that carry one (lower case, month padding, reversed domain). */
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { INITIATOR_RULES, NAME_RULES, type IscsiRuleId } from './rules';
import type { InitiatorTree } from './parser';
import type { FixData } from './findings';

const ALL_RULES = [...NAME_RULES, ...INITIATOR_RULES];
const NAME_CODES: ReadonlySet<IscsiRuleId> = new Set(NAME_RULES.map((r) => r.id));
const ALL_CODES: ReadonlySet<IscsiRuleId> = new Set(ALL_RULES.map((r) => r.id));

function isFixData(d: unknown): d is FixData {
  const f = (d as FixData | undefined)?.fix;
  return typeof f === 'object' && f !== null && typeof f.newText === 'string' && typeof f.title === 'string';
}

/** The fixes of the diagnostics whose code is one of `codes`. */
export function nameCodeActions(
  doc: TextDocument,
  context: CodeActionContext,
  codes: ReadonlySet<IscsiRuleId> = NAME_CODES,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of context.diagnostics as Diagnostic[]) {
    const rule = ALL_RULES.find((r) => r.id === d.code)?.id;
    if (rule === undefined || !codes.has(rule) || !isFixData(d.data)) continue;
    out.push({
      title: d.data.fix.title,
      kind: 'quickfix',
      diagnostics: [d],
      isPreferred: rule !== 'iscsi-iqn-tld',
      edit: { changes: { [doc.uri]: [{ range: d.range, newText: d.data.fix.newText }] } },
    });
  }
  return out;
}

/** The initiatorname.iscsi mode's fixes: its own rules' and the name rules'. */
export function getCodeActions(
  doc: TextDocument,
  _tree: InitiatorTree,
  _range: Range,
  context: CodeActionContext,
  _ctx: ModeContext,
): CodeAction[] {
  return nameCodeActions(doc, context, ALL_CODES);
}
