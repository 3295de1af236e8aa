/** Small text helpers shared by every language. Pure, total. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { partitionPoint } from './search';

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: positionAt(doc, start), end: positionAt(doc, Math.max(start, end)) };
}

/** The start offset of every line of a document version (line breaks: \r\n, \n, \r). */
interface LineStarts {
  readonly version: number;
  readonly text: string;
  readonly starts: Int32Array;
  readonly count: number;
}
/**
 * One cache for the whole process: the server and each language mode are bundled separately,
 * each with its own copy of this file, and a table built by one copy serves them all.
 */
const CACHE_KEY = Symbol.for('infra-lsp.lineStarts.v1');
const lineStartsCache: WeakMap<TextDocument, LineStarts> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??=
  new WeakMap()) as WeakMap<TextDocument, LineStarts>;

/**
 * The line starts of `doc`, once per version. TextDocument builds the same table with a loop
 * over every character into a growing array (0.2–0.3 s for a file of a million lines); a text
 * whose line breaks are \n or \r\n is searched with indexOf, which skips from one to the next.
 */
function lineStartsOf(doc: TextDocument): LineStarts {
  const text = doc.getText();
  const cached = lineStartsCache.get(doc);
  if (cached && cached.version === doc.version && cached.text === text) return cached;
  const made = { version: doc.version, text, ...lineStartTable(text, !onlyCrLf(text)) };
  lineStartsCache.set(doc, made);
  return made;
}

/**
 * 0 and the offset after each line break of `text`: \n and \r\n, and a lone \r too when
 * `loneCr` (as TextDocument counts lines). Without lone \r's, indexOf finds the breaks.
 */
function lineStartTable(text: string, loneCr: boolean): { starts: Int32Array; count: number } {
  let starts = new Int32Array(1024);
  let count = 0;
  const push = (offset: number) => {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = offset;
  };
  push(0);
  if (!loneCr) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d || c === 0x0a) {
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
        push(i + 1);
      }
    }
  }
  return { starts, count };
}

/**
 * A document whose positions do not follow from its own text alone (the fragment a quick
 * re-check hands the features maps them to the real document's) says so with this property;
 * positionAt, offsetAt and lineCountOf then ask the document itself. A plain property, not a class or a
 * symbol: each mode is bundled with its own copy of this file and of TextDocument.
 */
export const MAPS_POSITIONS = 'mapsPositions';
const mapsPositions = (doc: TextDocument) => (doc as unknown as Record<string, unknown>)[MAPS_POSITIONS] === true;

/** Whether every \r of `text` is followed by \n (then its lines end exactly at its \n's). */
function onlyCrLf(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 0x0a) return false;
  return true;
}

/** doc.positionAt, from the table above (the same answers, including for offsets inside a line break). */
export function positionAt(doc: TextDocument, offset: number): Position {
  if (mapsPositions(doc)) return doc.positionAt(offset);
  const { text, starts, count } = lineStartsOf(doc);
  let off = Math.max(Math.min(offset, text.length), 0);
  const line = partitionPoint(count, (i) => starts[i]! <= off) - 1;
  const lineStart = starts[line]!;
  // an offset between \r and \n, or at the end of a line's break, belongs before the break
  while (off > lineStart && (text.charCodeAt(off - 1) === 0x0a || text.charCodeAt(off - 1) === 0x0d)) off--;
  return { line, character: off - lineStart };
}

/** doc.offsetAt, from the same table (the same answers: past the end, before a line break). */
export function offsetAt(doc: TextDocument, position: Position): number {
  if (mapsPositions(doc)) return doc.offsetAt(position);
  const { text, starts, count } = lineStartsOf(doc);
  if (position.line >= count) return text.length;
  if (position.line < 0) return 0;
  const lineStart = starts[position.line]!;
  if (position.character <= 0) return lineStart;
  const next = position.line + 1 < count ? starts[position.line + 1]! : text.length;
  let off = Math.min(lineStart + position.character, next);
  while (off > lineStart && (text.charCodeAt(off - 1) === 0x0a || text.charCodeAt(off - 1) === 0x0d)) off--;
  return off;
}

/** doc.lineCount, from the same table. */
export function lineCountOf(doc: TextDocument): number {
  if (mapsPositions(doc)) return doc.lineCount;
  return lineStartsOf(doc).count;
}

/** The text of the line holding `pos`, without its line break, and the line's start offset. */
export function lineAt(doc: TextDocument, line: number): { text: string; start: number } {
  const start = offsetAt(doc, { line, character: 0 });
  const next = line + 1 < lineCountOf(doc) ? offsetAt(doc, { line: line + 1, character: 0 }) : doc.getText().length;
  let text = doc.getText().slice(start, next);
  text = text.replace(/\r?\n$|\r$/, '');
  return { text, start };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** The word around `offset` made of characters matching `wordChar`. */
export function wordAt(
  text: string,
  offset: number,
  wordChar: RegExp = /[\w.\-:]/,
): { word: string; start: number; end: number } {
  let s = Math.min(Math.max(offset, 0), text.length);
  let e = s;
  // Bounded scans: a word longer than 4096 characters is not a word anyone hovers.
  const limit = 4096;
  while (s > 0 && offset - s < limit && wordChar.test(text[s - 1]!)) s--;
  while (e < text.length && e - offset < limit && wordChar.test(text[e]!)) e++;
  return { word: text.slice(s, e), start: s, end: e };
}

/** Optimal string alignment distance, case-insensitive, bounded: returns max+1 when further. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // long words are never typos of a keyword: compare them whole (cheap, and no huge copies)
  if (a.length > 64 || b.length > 64) return a.length === b.length && a.toLowerCase() === b.toLowerCase() ? 0 : max + 1;
  a = a.toLowerCase();
  b = b.toLowerCase();
  const n = a.length,
    m = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}

/**
 * Up to `limit` candidates closest to `word`, nearest first. The allowed distance grows with
 * the word's length (1 for short words, up to 3), so short typos do not match everything.
 */
export function didYouMean(word: string, candidates: Iterable<string>, limit = 3): string[] {
  if (word.length > 64) return [];
  const max = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  const scored: Array<[string, number]> = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = c.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const d = editDistance(word, c, max);
    if (d <= max) scored.push([c, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, limit).map((s) => s[0]);
}

/** Suggestions remembered per list of candidates (by identity), at most 4,096 words each. */
const suggestionMemo = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * `didYouMean`, remembered: a file may repeat one unknown word on 100,000 lines, and each search
 * measures it against every candidate. Pass the same list object each time (a table, or a list
 * made once per context); a fresh copy is returned.
 */
export function suggestionsFor(word: string, candidates: Iterable<string> & object, limit = 3): string[] {
  if (word.length > 64) return [];
  let memo = suggestionMemo.get(candidates);
  if (!memo) suggestionMemo.set(candidates, (memo = new Map()));
  const key = `${limit} ${word}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size >= 4096) memo.clear();
    memo.set(key, (found = didYouMean(word, candidates, limit)));
  }
  return found.slice();
}

/** "a", "a or b", "a, b or c" */
export function orList(items: readonly string[], quote = '`'): string {
  const q = items.map((i) => `${quote}${i}${quote}`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/**
 * Hide key material before config text is shown (hovers, messages): the value of every
 * `secret` statement (TSIG / rndc / OMAPI keys) becomes `"…"`.
 */
export function redactSecrets(text: string): string {
  return text.replace(/\b(secret)(\s+)(?:"[^"\n]*"?|[^;\s}][^;}\n]*)/gi, '$1$2"…"');
}

/**
 * A lookup table keyed by words from the user's file: no prototype, so `constructor`,
 * `toString` or `__proto__` in a config are unknown words, not Object's members.
 */
export function dict<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** offset → 1-based line number, by binary search over the line starts (lines end at \n). */
export function lineIndex(text: string): (offset: number) => number {
  // built on the first call: most files never need a line number in a message
  let table: { starts: Int32Array; count: number } | undefined;
  return (offset) => {
    const { starts, count } = (table ??= lineStartTable(text, false));
    // the number of lines starting at or before offset (the first starts at 0)
    return Math.max(
      1,
      partitionPoint(count, (i) => starts[i]! <= offset),
    );
  };
}

/**
 * A message for a place that shows plain text (the Problems panel, code action titles, the CLI):
 * the code spans the modes write, as in hovers, become quoted names (`rndc-key` → 'rndc-key';
 * a span already in quotes, `"TRUE"`, keeps just its quotes).
 */
export function plainText(s: string): string {
  if (!s.includes('`')) return s;
  return s.replace(/`([^`\n]*)`/g, (_m, inner: string) =>
    inner.length > 1 && /^["'“‘]/.test(inner) && /["'”’]$/.test(inner) ? inner : `'${inner}'`,
  );
}
