/** Name problems as findings, with the quick fix they carry. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../service/types';
import { positionAt } from '../common/text';
import type { IscsiRuleId, NameRuleId } from './rules';
import type { NameProblem } from './names';
import type { FixData } from '../common/fixes';

export type IscsiFinding = Finding<IscsiRuleId>;

/** A name problem as a Finding, at `nameStart` in the document. */
export function problemToFinding(doc: TextDocument, nameStart: number, p: NameProblem): Finding<NameRuleId> {
  const range = { start: positionAt(doc, nameStart + p.start), end: positionAt(doc, nameStart + p.end) };
  return p.fix
    ? {
        rule: p.rule,
        range,
        message: p.message,
        data: { replace: [p.fix.newText], title: p.fix.title } satisfies FixData,
      }
    : { rule: p.rule, range, message: p.message };
}
