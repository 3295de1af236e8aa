/** Small text helpers shared by every language. Pure, total. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { partitionPoint } from './search';

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(Math.max(start, end)) };
}

/** The text of the line holding `pos`, without its line break, and the line's start offset. */
export function lineAt(doc: TextDocument, line: number): { text: string; start: number } {
  const start = doc.offsetAt({ line, character: 0 });
  const next = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
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
export function wordAt(text: string, offset: number, wordChar: RegExp = /[\w.\-:]/): { word: string; start: number; end: number } {
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
  const n = a.length, m = b.length;
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

/** offset → 1-based line number, by binary search over the line starts. */
export function lineIndex(text: string): (offset: number) => number {
  // built on the first call: most files never need a line number in a message
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    // the number of lines starting at or before offset (the first starts at 0)
    const s = starts;
    return Math.max(1, partitionPoint(s.length, (i) => s[i]! <= offset));
  };
}
