/** One line of a document, without copying anything but that line. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineAt, lineCountOf } from '../common/text';

/** The text of line `line` without its line break; undefined outside the document. */
export function lineText(doc: TextDocument, line: number): string | undefined {
  if (line < 0 || line >= lineCountOf(doc)) return undefined;
  return lineAt(doc, line).text;
}
