/**
 * "Increment SOA serial": offered where the cursor or selection touches an SOA record of the file's
 * own text with a numeric serial (or a comment after it on its last line). Its edit replaces the
 * serial token only, so the parenthesised multi-line form and the comments around it stay as
 * written (serial.ts says what the next serial is). The quick fixes of lint.ts's findings come first.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import type { Feature } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import type { ZoneTree } from './parser';
import { serialEdit, soaSerials } from './serial';
import { getLintCodeActions } from './lint';

export const INCREMENT_SERIAL_TITLE = 'Increment SOA serial';
export const INCREMENT_SERIAL_KIND = 'refactor.rewrite';

/** Whether a request's `only` (absent: everything) asks for actions of `kind`. */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The quick fixes of the lint findings (lint.ts), then "Increment SOA serial". */
export const getCodeActions: Feature<ZoneTree, 'getCodeActions'> = (doc, tree, range, context, ctx) => [
  ...getLintCodeActions(doc, tree, range, context, ctx),
  ...serialActions(doc, tree, range, context, ctx),
];

const serialActions: Feature<ZoneTree, 'getCodeActions'> = (doc, tree, range, context, ctx) => {
  if (!wanted(context.only, INCREMENT_SERIAL_KIND)) return [];
  const from = offsetAt(doc, range.start);
  const to = offsetAt(doc, range.end);
  // the record and the rest of its last line (a comment after the closing parenthesis)
  const lineEnd = (o: number) => {
    const nl = tree.text.indexOf('\n', o);
    return nl < 0 ? tree.text.length : nl;
  };
  const soa = soaSerials(tree).find((s) => s.start <= to && from <= lineEnd(s.end));
  if (!soa) return [];
  const edit = serialEdit(soa, ctx.now?.() ?? new Date());
  const action: CodeAction = {
    title: INCREMENT_SERIAL_TITLE,
    kind: INCREMENT_SERIAL_KIND,
    edit: { changes: { [doc.uri]: [{ range: rangeOf(doc, edit.start, edit.end), newText: edit.newText }] } },
  };
  return [action];
};
