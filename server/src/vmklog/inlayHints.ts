/**
 * Inlay hints: the status name after each raw code (`0xbad0014` → `VMK_NO_MEMORY`), and the
 * names of the parts of a SCSI failure (`0x2a` → `WRITE(10)`, `H:0x5` → `ABORT`, the sense
 * triple → `NOT READY: LUN not ready, ...`), only on the lines of the requested range (the
 * editor asks for what is visible), never the whole file.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { findNumbers, MAX_LINE_WINDOW } from './scan';
import { lineText } from './lines';
import { describeAll, type Decoded } from './status';
import type { LogTree } from './parser';
import { lineCountOf } from '../common/text';
import { scanScsi } from './scsi';
import { hintLabel, hintTooltip } from './scsiText';

/** The editor asks for the visible lines; a larger request is cut to this many lines. */
export const MAX_HINT_LINES = 2000;

export function getInlayHints(doc: TextDocument, _tree: LogTree, range: Range, ctx: ModeContext): InlayHint[] {
  const out: InlayHint[] = [];
  const first = Math.max(0, range.start.line);
  const last = Math.min(lineCountOf(doc) - 1, range.end.line, first + MAX_HINT_LINES - 1);
  for (let ln = first; ln <= last; ln++) {
    if (ctx.token?.isCancellationRequested) break;
    const full = lineText(doc, ln);
    if (full === undefined) break;
    const line = full.length > MAX_LINE_WINDOW ? full.slice(0, MAX_LINE_WINDOW) : full;
    const inRange = (end: number): boolean =>
      !(ln === range.start.line && end < range.start.character) &&
      !(ln === range.end.line && end > range.end.character);
    const lineHints: InlayHint[] = scsiHints(line, ln, inRange);
    for (const m of findNumbers(line)) {
      if (m.kind !== 'number') continue;
      if (!inRange(m.end)) continue;
      // A SCSI part already named here (the opcode `0x28` is no VMkernel status anyway).
      if (lineHints.some((h) => h.position.character === m.end)) continue;
      const label = labelOf(m.decoded);
      if (!label) continue;
      // Already spelled out right after the code, e.g. "0xbad0014 (VMK_NO_MEMORY)".
      if (line.slice(m.end, m.end + label.length + 3).includes(label)) continue;
      lineHints.push({
        position: { line: ln, character: m.end },
        label,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: tooltipOf(m.decoded),
      });
    }
    lineHints.sort((a, b) => a.position.character - b.position.character);
    out.push(...lineHints);
  }
  return out;
}

function scsiHints(line: string, ln: number, inRange: (end: number) => boolean): InlayHint[] {
  const f = scanScsi(line);
  if (!f) return [];
  const out: InlayHint[] = [];
  for (const part of f.parts) {
    if (!inRange(part.end)) continue;
    const label = hintLabel(f, part);
    if (!label) continue;
    out.push({
      position: { line: ln, character: part.end },
      label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: hintTooltip(f),
    });
  }
  return out;
}

function labelOf(d: Decoded): string | undefined {
  if (d.kind === 'linux') return `Linux ${d.errno?.name ?? `errno ${d.n}`}`;
  if (d.status && d.later) return `${d.status.name} (ESXi 5+: ${d.later.name})`;
  return d.status?.name ?? d.later?.name;
}

function tooltipOf(d: Decoded): string {
  if (d.kind === 'linux')
    return `VMK_GENERIC_LINUX_ERROR + ${d.n}: ${d.errno ? `${d.errno.name}, ${d.errno.meaning}` : 'an errno we do not know'}`;
  const parts: string[] = [];
  if (d.status) parts.push(`${d.status.name}: ${describeAll(d.status)}`);
  if (d.later) parts.push(`ESXi 5.0 and later: ${d.later.name}: ${describeAll(d.later)}`);
  return parts.join('\n');
}
