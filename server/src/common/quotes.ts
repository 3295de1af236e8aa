/**
 * Typographic ("curly") quotes: text pasted from blogs and word processors carries
 * “ ” ‘ ’ „ ‟ ″ where a straight " was meant. No config parser we serve treats them as quotes.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, rangeOf } from './text';

/** Curly double quotes: “ ” „ ‟ and the double prime ″, which fonts draw alike. */
export const CURLY_DOUBLE: ReadonlySet<number> = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033]);
/** The curly double quotes that can close a string (the low „ only opens one). */
export const CURLY_DOUBLE_CLOSING: ReadonlySet<number> = new Set([0x201c, 0x201d, 0x201f, 0x2033]);
/** Curly single quotes: ‘ ’ ‚ ‛. */
export const CURLY_SINGLE: ReadonlySet<number> = new Set([0x2018, 0x2019, 0x201a, 0x201b]);

/** The first `"` or curly double quote in text[from, to), or -1. */
export function indexOfQuote(text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || (c > 0x7f && CURLY_DOUBLE.has(c))) return i;
  }
  return -1;
}

/** Edits that turn every curly double quote in [start, end) into a straight one. */
export function straightenEdits(doc: TextDocument, start = 0, end?: number): TextEdit[] {
  const text = doc.getText();
  const stop = end ?? text.length;
  const edits: TextEdit[] = [];
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && CURLY_DOUBLE.has(c)) edits.push({ range: rangeOf(doc, i, i + 1), newText: '"' });
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
