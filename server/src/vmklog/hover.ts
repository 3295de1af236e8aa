/** Hover on a status code, name or printed status text: looks at the hovered line only. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { LogTree } from './parser';
import { decodedMarkdown, textMarkdown } from './status';
import { findAll, windowAround, type CodeMatch } from './scan';
import { lineText } from './lines';
import { deviceHover } from './devices';

export function doHover(doc: TextDocument, _tree: LogTree, pos: Position, _ctx: ModeContext): Hover | null {
  const device = deviceHover(doc, _tree, pos);
  if (device) return device;
  const line = lineText(doc, pos.line);
  if (line === undefined) return null;
  const win = windowAround(line, pos.character);
  const ch = pos.character - win.offset;
  const hits = findAll(win.text).filter((m) => m.start <= ch && ch <= m.end);
  if (!hits.length) return null;
  // Prefer numbers and names over texts, then the narrowest match.
  hits.sort((a, b) => rank(a) - rank(b) || a.end - a.start - (b.end - b.start));
  const m = hits[0]!;
  const value = m.kind === 'text' ? textMarkdown(m.entry) : decodedMarkdown(m.decoded);
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: {
      start: { line: pos.line, character: m.start + win.offset },
      end: { line: pos.line, character: m.end + win.offset },
    },
  };
}

function rank(m: CodeMatch): number {
  return m.kind === 'text' ? 1 : 0;
}
