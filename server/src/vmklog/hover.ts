/**
 * Hover on a status code, name or printed status text, or on a part of a SCSI failure (opcode,
 * H:/D:/P: status, sense data, NMP action): looks at the hovered line only. One hover per
 * position: a SCSI part under the cursor wins over a status code.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { LogTree } from './parser';
import { decodedMarkdown, textMarkdown } from './status';
import { findAll, windowAround, type CodeMatch } from './scan';
import { lineText } from './lines';
import { scanScsi } from './scsi';
import { scsiHoverMarkdown } from './scsiText';
import { deviceHover } from './devices';

export function doHover(doc: TextDocument, tree: LogTree, pos: Position, _ctx: ModeContext): Hover | null {
  const device = deviceHover(doc, tree, pos);
  if (device) return device;
  const line = lineText(doc, pos.line);
  if (line === undefined) return null;
  const win = windowAround(line, pos.character);
  const ch = pos.character - win.offset;
  const scsi = scsiHover(win.text, ch);
  if (scsi) {
    return {
      contents: { kind: MarkupKind.Markdown, value: scsi.value },
      range: {
        start: { line: pos.line, character: scsi.start + win.offset },
        end: { line: pos.line, character: scsi.end + win.offset },
      },
    };
  }
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

function scsiHover(line: string, ch: number): { value: string; start: number; end: number } | null {
  const f = scanScsi(line);
  const part = f?.parts.find((p) => p.start <= ch && ch <= p.end);
  if (!f || !part) return null;
  return { value: scsiHoverMarkdown(f, part), start: part.start, end: part.end };
}
