/**
 * The outline of a log: a summary of the whole log (its first and last timestamps, its WARNING and
 * ALERT lines), then every device in order of first mention with its incidents (failed commands,
 * path state changes, APD, PDL, lost access to a volume), each under the time it happened.
 * Built from the log's index (logIndex.ts): one pass over the text, then only what is listed.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_OUTLINE_SYMBOLS, type ModeContext } from '../service/types';
import { positionAt, rangeOf } from '../common/text';
import { leftOutNote, shownNote, withNote } from '../common/outline';
import type { LogTree } from './parser';
import { indexOf, timeSpan, type LogEvent, type LogIndex } from './logIndex';
import { countsText, describe, groupsOf, nameOf, totalOf, whenOf, type Group } from './incidents';

/** Incidents listed under one device at most (the detail says how many there are). */
export const MAX_INCIDENT_CHILDREN = 100;

const KIND: Record<Group['subject']['kind'], SymbolKind> = {
  device: SymbolKind.Object,
  path: SymbolKind.Field,
  volume: SymbolKind.Package,
};

export function findDocumentSymbols(doc: TextDocument, tree: LogTree, _ctx: ModeContext): DocumentSymbol[] {
  const text = tree.text;
  const ix = indexOf(tree);
  const out: DocumentSymbol[] = [];
  const summary = summaryOf(doc, text, ix);
  let room = MAX_OUTLINE_SYMBOLS;
  if (summary) {
    out.push(summary);
    room -= 1 + (summary.children?.length ?? 0);
  }
  const groups = groupsOf(ix);
  let left = 0;
  for (const g of groups) {
    if (room <= 0) {
      left++;
      continue;
    }
    room--;
    const sym = groupSymbol(doc, text, ix, g, Math.min(room, MAX_INCIDENT_CHILDREN));
    room -= sym.children?.length ?? 0;
    out.push(sym);
  }
  const lastShown = out[out.length - 1];
  if (left && lastShown) lastShown.detail = withNote(lastShown.detail, leftOutNote(left, 'device', 'devices'));
  return out;
}

/** The line of `lineStart` as a range, to its end (without the line break). */
function lineRange(doc: TextDocument, text: string, lineStart: number): Range {
  let end = lineStart;
  while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return rangeOf(doc, lineStart, end);
}

function summaryOf(doc: TextDocument, text: string, ix: LogIndex): DocumentSymbol | undefined {
  const span = timeSpan(text);
  if (!span.first && !ix.subjects.size && !ix.warnings && !ix.alerts) return undefined;
  const parts = [
    `${ix.warnings.toLocaleString('en-US')} WARNING ${ix.warnings === 1 ? 'line' : 'lines'}`,
    `${ix.alerts.toLocaleString('en-US')} ALERT ${ix.alerts === 1 ? 'line' : 'lines'}`,
  ];
  const f = ix.failedLines;
  if (f) parts.push(`${f.toLocaleString('en-US')} failed ${f === 1 ? 'command' : 'commands'}`);
  const whole = rangeOf(doc, 0, text.length);
  const children: DocumentSymbol[] = [];
  for (const [word, at] of [
    ['first', span.first],
    ['last', span.last],
  ] as const) {
    if (!at || (word === 'last' && at.at === span.first?.at)) continue;
    const r = lineRange(doc, text, at.at);
    children.push({ name: `${word} ${at.ts}`, kind: SymbolKind.Event, range: r, selectionRange: r });
  }
  const name =
    span.first && span.last && span.first.at !== span.last.at
      ? `log ${span.first.ts} – ${span.last.ts}`
      : span.first
        ? `log ${span.first.ts}`
        : 'log (no timestamps)';
  const first = children[0]?.selectionRange ?? { start: whole.start, end: whole.start };
  return { name, detail: parts.join(' · '), kind: SymbolKind.Namespace, range: whole, selectionRange: first, children };
}

/** A device (or path, or volume) with at most `room` of its incidents as children. */
function groupSymbol(doc: TextDocument, text: string, ix: LogIndex, g: Group, room: number): DocumentSymbol {
  const s = g.subject;
  const total = totalOf(g.counts);
  const shown = pick(g.events, room);
  const children = shown.map((ev) => eventSymbol(doc, text, ix, ev));
  const lines = `${s.lines.toLocaleString('en-US')} ${s.lines === 1 ? 'line' : 'lines'}`;
  let detail = total ? `${countsText(g.counts)} · ${lines}` : `no incidents · ${lines}`;
  if (g.paths.length) detail += ` · ${g.paths.length} ${g.paths.length === 1 ? 'path' : 'paths'}`;
  if (children.length < total) detail = withNote(detail, shownNote(children.length, total, 'incidents'));
  const sel = rangeOf(doc, s.at[0] ?? s.first, (s.at[0] ?? s.first) + s.id.length);
  const end = lineRange(doc, text, g.last).end;
  const range = { start: positionAt(doc, g.first), end };
  return { name: nameOf(s), detail, kind: KIND[s.kind], range, selectionRange: sel, children };
}

/**
 * Which incidents to list when there are more than `room`: the rare ones (state changes, APD, PDL,
 * lost access) before failed commands, of which the first and the last; shown in text order.
 */
function pick(events: readonly LogEvent[], room: number): LogEvent[] {
  if (events.length <= room) return events.slice();
  if (room <= 0) return [];
  const rare = events.filter((e) => e.kind !== 'failed');
  if (rare.length >= room) return rare.slice(0, room);
  const failed = events.filter((e) => e.kind === 'failed');
  const n = room - rare.length;
  const chosen = n >= 2 ? [...failed.slice(0, n - 1), failed[failed.length - 1]!] : failed.slice(0, n);
  return [...rare, ...chosen].sort((a, b) => a.start - b.start);
}

function eventSymbol(doc: TextDocument, text: string, ix: LogIndex, ev: LogEvent): DocumentSymbol {
  const range = lineRange(doc, text, ev.line);
  const sel = rangeOf(doc, ev.start, ev.end);
  return {
    name: whenOf(text, ev.line, () => positionAt(doc, ev.line).line),
    detail: describe(ix, text, ev),
    kind: SymbolKind.Event,
    range,
    selectionRange: sel,
  };
}
