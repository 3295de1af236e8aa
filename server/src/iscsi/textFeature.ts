/**
 * iSCSI names in every document of every language: validation, hover on a valid name, and the
 * quick fixes. Works on the raw text, line-bounded (see scan.ts).
 */
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import type { TextFeature } from '../service/languageService';
import { NAME_RULES, type NameRuleId } from './rules';
import { forEachName } from './scan';
import { checkIscsiName } from './names';
import { currentMonth } from './clock';
import { problemToFinding } from './findings';
import { INITIATOR_LANGUAGE } from './parser';
import { nameHover } from './hover';
import { nameCodeActions } from './codeActions';

/** At most this many findings per document: a log full of bad names is one problem, not 10⁵. */
export const MAX_FINDINGS = 1000;

/** Every iSCSI name in the text, checked. */
function validateNames(doc: TextDocument, ctx: ModeContext): Finding<NameRuleId>[] {
  const text = doc.getText();
  const out: Finding<NameRuleId>[] = [];
  const now = currentMonth(ctx);
  forEachName(
    text,
    (tok) => {
      const r = checkIscsiName(tok.text, { allowNvmeEui: true, now });
      for (const p of r.problems) out.push(problemToFinding(doc, tok.start, p));
      return out.length < MAX_FINDINGS;
    },
    () => ctx.token?.isCancellationRequested === true,
  );
  return out.length > MAX_FINDINGS ? out.slice(0, MAX_FINDINGS) : out;
}

/** The name fixes, except in initiatorname.iscsi, whose mode offers them itself. */
function textCodeActions(doc: TextDocument, _range: Range, context: CodeActionContext): CodeAction[] {
  return doc.languageId === INITIATOR_LANGUAGE ? [] : nameCodeActions(doc, context);
}

export const iscsiTextFeature: TextFeature<NameRuleId> = {
  rules: NAME_RULES,
  skipLanguages: [INITIATOR_LANGUAGE],
  doValidation: validateNames,
  doHover: nameHover,
  getCodeActions: textCodeActions,
};
