/** Diagnostics for .vmx files: the checks by family are in checks/; this runs them in order. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { findingBudget } from '../common/findings';
import type { VmxRuleId } from './rules';
import type { VmxTree } from './parser';
import { badEscapes, duplicateKeys, syntaxFindings } from './checks/syntax';
import { checkEntries } from './checks/keys';
import { consistency } from './checks/consistency';
import type { VmxFinding } from './checks/shared';

export function doValidation(doc: TextDocument, tree: VmxTree, ctx: ModeContext): VmxFinding[] {
  const out: VmxFinding[] = [];
  // each rule's findings are made in document order: past MAX_FINDINGS_PER_RULE + 1 of one rule
  // the facade lists no more, so they are not made
  const room = findingBudget<VmxRuleId>();
  syntaxFindings(doc, tree, out);
  badEscapes(doc, tree, out, room);
  if (ctx.token?.isCancellationRequested) return out;
  duplicateKeys(doc, tree, out, room);
  if (!checkEntries(doc, tree, out, room, ctx)) return out;
  if (ctx.token?.isCancellationRequested) return out;
  consistency(doc, tree, out);
  return out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
