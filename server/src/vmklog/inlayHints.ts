/**
 * Inlay hints: the status name after each raw code (`0xbad0014` → `VMK_NO_MEMORY`), only on the
 * lines of the requested range (the editor asks for what is visible), never the whole file.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { findNumbers, MAX_LINE_WINDOW } from './scan';
import { lineText } from './lines';
import { describeAll, type Decoded } from './status';
import type { LogTree } from './parser';
import { lineCountOf } from '../common/text';

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
    for (const m of findNumbers(line)) {
      if (m.kind !== 'number') continue;
      if (ln === range.start.line && m.end < range.start.character) continue;
      if (ln === range.end.line && m.end > range.end.character) continue;
      const label = labelOf(m.decoded);
      if (!label) continue;
      // Already spelled out right after the code, e.g. "0xbad0014 (VMK_NO_MEMORY)".
      if (line.slice(m.end, m.end + label.length + 3).includes(label)) continue;
      out.push({
        position: { line: ln, character: m.end },
        label,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: tooltipOf(m.decoded),
      });
    }
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
