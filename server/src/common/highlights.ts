/**
 * The editor's own document highlights, for languages whose mode has none: once the server
 * answers textDocument/documentHighlight, VS Code no longer marks the other occurrences of the
 * word under the cursor itself, so the facade (LanguageService.findDocumentHighlights) does it
 * the same way for a mode without findDocumentHighlights: whole words, same case.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, rangeOf, wordAt } from './text';

export type { DocumentHighlight };

/** Occurrences marked at most, the nearest the cursor (VS Code's own marks are bounded too). */
export const MAX_TEXT_HIGHLIGHTS = 1000;

const WORD_CHAR = /[\w$-]/;

export function textHighlights(doc: TextDocument, pos: Position): DocumentHighlight[] {
  const text = doc.getText();
  const here = offsetAt(doc, pos);
  const { word, start } = wordAt(text, here, WORD_CHAR);
  if (!word || /^[-$]+$/.test(word)) return [];
  const at: number[] = [];
  let mine = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    const before = i > 0 ? text[i - 1]! : '';
    const after = text[i + word.length] ?? '';
    if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) continue;
    if (i === start) mine = at.length;
    at.push(i);
  }
  const from = Math.max(0, Math.min(mine - MAX_TEXT_HIGHLIGHTS / 2, at.length - MAX_TEXT_HIGHLIGHTS));
  return at
    .slice(from, from + MAX_TEXT_HIGHLIGHTS)
    .map((o) => ({ range: rangeOf(doc, o, o + word.length), kind: DocumentHighlightKind.Text }));
}
