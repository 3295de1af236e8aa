/**
 * Storage devices and paths as symbols: hover (where the log first and last mentions one, its
 * failed commands, its paths and incidents), document highlights and Find All References. The
 * hovered id is found on its line alone; the rest comes from the log's index (logIndex.ts). NAA and
 * EUI ids are iSCSI names too: their hover ends with what the iSCSI name hover says of their parts.
 */
import {
  DocumentHighlightKind,
  MarkupKind,
  type DocumentHighlight,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { positionAt, rangeOf } from '../common/text';
import type { LogTree } from './parser';
import { lineText } from './lines';
import { windowAround } from './scan';
import { idsIn, indexOf, keyOf, timestampAt, type LogIndex, type Subject } from './logIndex';
import { countsText, groupOf, totalOf } from './incidents';
import { nameHover } from '../iscsi/hover';

/** Highlights around the cursor at most (a device on every line of a 50 MB log has 100,000). */
export const MAX_HIGHLIGHTS = 2000;

interface Hit {
  readonly subject: Subject;
  readonly ix: LogIndex;
  /** Where the id is on the cursor's line. */
  readonly start: number;
  readonly end: number;
}

/** The device id or path under the cursor and its entry in the index. */
function subjectAt(doc: TextDocument, tree: LogTree, pos: Position): Hit | undefined {
  const line = lineText(doc, pos.line);
  if (line === undefined) return undefined;
  const win = windowAround(line, pos.character);
  const ch = pos.character - win.offset;
  const hit = idsIn(win.text).find((m) => m.start <= ch && ch <= m.end);
  if (!hit) return undefined;
  const ix = indexOf(tree);
  const subject = ix.subjects.get(keyOf(hit.id));
  return subject ? { subject, ix, start: win.offset + hit.start, end: win.offset + hit.end } : undefined;
}

/** Hover on a device id or path; null elsewhere (the status hover then answers). */
export function deviceHover(doc: TextDocument, tree: LogTree, pos: Position): Hover | null {
  const hit = subjectAt(doc, tree, pos);
  if (!hit) return null;
  let value = hoverMarkdown(doc, tree.text, hit.ix, hit.subject);
  const name = hit.subject.kind === 'device' ? nameHover(doc, pos) : null;
  if (name) value += `\n\n---\n\n${(name.contents as MarkupContent).value}`;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: { line: pos.line, character: hit.start }, end: { line: pos.line, character: hit.end } },
  };
}

const DEVICE_KINDS: Record<string, string> = {
  naa: 'storage device, NAA id (the name the array gives the LUN)',
  eui: 'storage device, EUI-64 id',
  t10: 'storage device, T10 id (vendor, model and serial)',
  mpx: 'storage device without a unique id of its own, named by its path (mpx)',
};

function hoverMarkdown(doc: TextDocument, text: string, ix: LogIndex, s: Subject): string {
  const g = groupOf(ix, s);
  const lineNo = (at: number) => positionAt(doc, at).line + 1;
  const when = (at: number) => timestampAt(text, at) ?? 'no timestamp';
  const out: string[] = [];
  if (s.kind === 'path') {
    const m = /^vmhba(\d+):C(\d+):T(\d+):L(\d+)$/.exec(s.id);
    const parts = m ? `: adapter vmhba${m[1]}, channel ${m[2]}, target ${m[3]}, LUN ${m[4]}` : '';
    out.push(`**${s.id}** · path${parts}`);
    const dev = s.device !== undefined ? ix.subjects.get(s.device) : undefined;
    if (dev) out.push(`Leads to \`${dev.id}\`.`);
  } else out.push(`**${s.id}** · ${DEVICE_KINDS[s.id.slice(0, 3)] ?? 'storage device'}`);
  out.push(
    [
      '| | time | line |',
      '|---|---|---|',
      `| first mention | ${when(s.first)} | ${lineNo(s.first)} |`,
      `| last mention | ${when(s.last)} | ${lineNo(s.last)} |`,
    ].join('\n'),
  );
  const lines = `Mentioned on ${s.lines.toLocaleString('en-US')} ${s.lines === 1 ? 'line' : 'lines'}`;
  out.push(
    `${lines}; failed commands in this log: ${g.counts.failed.toLocaleString('en-US')} (lines with \`failed\` and an H:/D: status).`,
  );
  const others = { ...g.counts, failed: 0 };
  if (totalOf(others)) out.push(`Incidents: ${countsText(others)}.`);
  if (g.paths.length) {
    const shown = g.paths.slice(0, 8).map((p) => {
      const st = stateOf(p);
      return st ? `\`${p.id}\` (last state: ${st})` : `\`${p.id}\``;
    });
    const more = g.paths.length > 8 ? ` and ${g.paths.length - 8} more` : '';
    out.push(`Paths: ${shown.join(', ')}${more}.`);
  } else if (s.kind === 'path') {
    const st = stateOf(s);
    if (st) out.push(`Last state: ${st}.`);
  }
  return out.join('\n\n');
}

/** The state a path's last state change left it in (`dead`, `on`), if the log has one. */
function stateOf(p: Subject): string | undefined {
  return p.lastState;
}

/**
 * Find All References on a device or path: every mention; for a device, also the lines that name
 * only one of its paths (a path going dead is about the device).
 */
export function findReferences(doc: TextDocument, tree: LogTree, pos: Position, _ctx: ModeContext): Location[] {
  const hit = subjectAt(doc, tree, pos);
  if (!hit) return [];
  const { subject, ix } = hit;
  const len = subject.id.length;
  const out: Array<{ at: number; end: number }> = subject.at.map((at) => ({ at, end: at + len }));
  const lines = new Set<number>();
  for (const at of subject.at) lines.add(positionAt(doc, at).line);
  for (const key of subject.paths) {
    const p = ix.subjects.get(key);
    if (!p) continue;
    for (const at of p.at) if (!lines.has(positionAt(doc, at).line)) out.push({ at, end: at + p.id.length });
  }
  out.sort((a, b) => a.at - b.at);
  return out.map((o) => ({ uri: doc.uri, range: rangeOf(doc, o.at, o.end) }));
}

/** Every mention of the device or path under the cursor, the MAX_HIGHLIGHTS nearest it. */
export function findDocumentHighlights(
  doc: TextDocument,
  tree: LogTree,
  pos: Position,
  _ctx: ModeContext,
): DocumentHighlight[] {
  const hit = subjectAt(doc, tree, pos);
  if (!hit) return [];
  const at = hit.subject.at;
  const len = hit.subject.id.length;
  let from = 0;
  if (at.length > MAX_HIGHLIGHTS) {
    const here = nearest(doc, at, pos.line);
    from = Math.max(0, Math.min(here - MAX_HIGHLIGHTS / 2, at.length - MAX_HIGHLIGHTS));
  }
  return at
    .slice(from, from + MAX_HIGHLIGHTS)
    .map((o) => ({ range: rangeOf(doc, o, o + len), kind: DocumentHighlightKind.Text }));
}

/** The index of the first mention on or after `line` (binary search). */
function nearest(doc: TextDocument, at: readonly number[], line: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positionAt(doc, at[mid]!).line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
