/**
 * Logs keep no tree: `parse` is free, and the "tree" is the text itself (no copy), which quick
 * re-checks need to find the edited lines.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface LogTree {
  readonly text: string;
}

export function parse(doc: TextDocument): LogTree {
  return { text: doc.getText() };
}
