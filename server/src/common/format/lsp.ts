/**
 * The brace formatter (braces.ts) as a mode's `format` and `formatOnType`: LSP ranges and
 * positions in, TextEdits out. named/format.ts and dhcpd/format.ts each make theirs here.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  formatBraces,
  formatBracesOnType,
  type BraceSource,
  type BraceSyntax,
  type IndentOptions,
  type OffsetEdit,
} from './braces';

/** The characters after which a brace language re-indents a line. */
export const BRACE_ON_TYPE_TRIGGERS: readonly string[] = ['}', ';', '\n'];

export interface BraceFormatting<Tree> {
  format(doc: TextDocument, tree: Tree, options: IndentOptions, range?: Range): TextEdit[];
  formatOnType(doc: TextDocument, tree: Tree, pos: Position, ch: string, options: IndentOptions): TextEdit[];
}

/**
 * `source` gives what the engine needs from a parsed tree: its text (the document's: a tree of
 * another text gets no edit) and its syntax errors.
 */
export function braceFormatting<Tree>(syntax: BraceSyntax, source: (tree: Tree) => BraceSource): BraceFormatting<Tree> {
  return {
    format(doc, tree, options, range) {
      const src = source(tree);
      if (src.text !== doc.getText()) return [];
      const lines = range && {
        from: range.start.line,
        // a selection that ends at the start of a line does not take that line
        to: Math.max(range.start.line, range.end.line - (range.end.character === 0 ? 1 : 0)),
      };
      return toTextEdits(doc, formatBraces(src, syntax, options, lines));
    },
    formatOnType(doc, tree, pos, ch, options) {
      const src = source(tree);
      if (src.text !== doc.getText()) return [];
      return toTextEdits(doc, formatBracesOnType(src, syntax, doc.offsetAt(pos), ch, options));
    },
  };
}

function toTextEdits(doc: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({
    range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
    newText: e.text,
  }));
}
