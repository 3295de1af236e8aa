/** One line of a document, without copying anything but that line. */
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The text of line `line` without its line break; undefined outside the document. */
export function lineText(doc: TextDocument, line: number): string | undefined {
  if (line < 0 || line >= doc.lineCount) return undefined;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}
