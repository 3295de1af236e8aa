/** Quick fixes for iSCSI name findings that carry one (lower case, month padding, reversed domain). */
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { INITIATOR_RULES, NAME_RULES, type IscsiRuleId } from './rules';
import type { InitiatorTree } from './parser';
import { actionsPerDiagnostic, fixesFromData } from '../common/fixes';
import { ruleOf } from '../service/rules';

const ALL_RULES = [...NAME_RULES, ...INITIATOR_RULES];
const NAME_CODES: ReadonlySet<IscsiRuleId> = new Set(NAME_RULES.map((r) => r.id));
const ALL_CODES: ReadonlySet<IscsiRuleId> = new Set(ALL_RULES.map((r) => r.id));

/** The fixes of the diagnostics whose code is one of `codes`. */
export function nameCodeActions(
  doc: TextDocument,
  context: CodeActionContext,
  codes: ReadonlySet<IscsiRuleId> = NAME_CODES,
): CodeAction[] {
  return actionsPerDiagnostic(context, (d) => {
    const rule = ruleOf(ALL_RULES, d.code);
    if (rule === undefined || !codes.has(rule)) return [];
    // a TLD warning's fix is a guess (the name may be right as written)
    return fixesFromData(doc, d, { preferred: () => rule !== 'iscsi-iqn-tld' });
  });
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
