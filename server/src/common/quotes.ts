/**
 * Typographic ("curly") quotes: text pasted from blogs and word processors carries
 * “ ” ‘ ’ „ ‟ ″ where a straight " was meant. No config parser we serve treats them as quotes.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, rangeOf } from './text';

export const CURLY_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
export const CURLY_ANY = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2018\u2019]/g;
const CURLY_DOUBLE_G = /[\u201C\u201D\u201E\u201F\u2033]/g;

export function isCurlyDoubleQuote(ch: string | undefined): boolean {
  return ch !== undefined && /[\u201C\u201D\u201E\u201F\u2033]/.test(ch);
}

/** Edits that turn every curly double quote in [start, end) into a straight one. */
export function straightenEdits(doc: TextDocument, start = 0, end?: number): TextEdit[] {
  const text = doc.getText();
  const stop = end ?? text.length;
  const edits: TextEdit[] = [];
  CURLY_DOUBLE_G.lastIndex = start;
  for (let m = CURLY_DOUBLE_G.exec(text); m && m.index < stop; m = CURLY_DOUBLE_G.exec(text)) {
    edits.push({ range: rangeOf(doc, m.index, m.index + 1), newText: '"' });
  }
  return edits;
}

/**
 * Quick fixes for a curly-quote diagnostic: straighten the quotes the diagnostic covers,
 * and (when the file has more) every curly quote in the file.
 */
export function curlyQuoteActions(doc: TextDocument, diag: Diagnostic): CodeAction[] {
  const s = offsetAt(doc, diag.range.start);
  const e = offsetAt(doc, diag.range.end);
  const here = straightenEdits(doc, s, e);
  const all = straightenEdits(doc);
  const actions: CodeAction[] = [];
  if (here.length) {
    actions.push({
      title: 'Replace curly quotes with straight quotes',
      kind: 'quickfix',
      diagnostics: [diag],
      isPreferred: true,
      edit: { changes: { [doc.uri]: here } },
    });
  }
  if (all.length > here.length) {
    actions.push({
      title: `Replace all ${all.length} curly quotes in the file with straight quotes`,
      kind: 'quickfix',
      diagnostics: [diag],
      edit: { changes: { [doc.uri]: all } },
    });
  }
  return actions;
}
