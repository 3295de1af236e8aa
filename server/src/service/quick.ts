/**
 * Quick re-validation after a small edit in a large file: the pure helpers behind
 * `LanguageService.quickValidation`.
 *
 * A full pass over 5,000 zones or 20,000 hosts takes hundreds of milliseconds; a keystroke
 * changes one statement. So, as long as the edit neither adds nor removes anything that moves
 * statement boundaries (braces, quotes, comment markers, a `;` that joins statements), the
 * statement around it is checked again on its own: a fragment of the new text that holds only
 * that statement and the headers and closing braces of the blocks around it, and answers in the
 * document's positions (projectExcept).
 * Findings of rules that look only at that statement replace the old ones there; everything
 * else is carried over from the last full pass, shifted past the edit. The full pass follows
 * when the user pauses and has the last word.
 */
import { CURLY_DOUBLE } from '../common/quotes';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatementSpan } from './types';
import { lineCountOf, MAPS_POSITIONS, offsetAt, positionAt, rangeContains } from '../common/text';

/** The one stretch that differs between two texts: [start, oldEnd) became [start, newEnd). */
export interface EditWindow {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Chunks compared as strings first (native compares: six times faster than char by char). */
const CHUNK = 1024;

export function editWindow(before: string, after: string): EditWindow {
  const n = Math.min(before.length, after.length);
  const a = before.length;
  const b = after.length;
  let p = 0;
  while (p + CHUNK <= n && before.slice(p, p + CHUNK) === after.slice(p, p + CHUNK)) p += CHUNK;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s + CHUNK <= n - p && before.slice(a - s - CHUNK, a - s) === after.slice(b - s - CHUNK, b - s)) s += CHUNK;
  while (s < n - p && before.charCodeAt(a - 1 - s) === after.charCodeAt(b - 1 - s)) s++;
  return { start: p, oldEnd: a - s, newEnd: b - s };
}

/** Characters that open or close strings and blocks, or escape, or start a `#` comment. */
const STRUCTURAL = new Set<number>([0x7b, 0x7d, 0x22, 0x5c, 0x23, ...CURLY_DOUBLE]);
const isSlashOrStar = (c: number) => c === 0x2f || c === 0x2a;

/**
 * Whether the text in [from, to) (or, for a deletion, the seam at `from`) could change where
 * blocks, strings or comments begin and end: a structural character in it, or a `/` or `*`
 * that forms `//`, `/*` or `*\/` with a neighbour. A `;` is not counted (see hasSemicolon).
 */
export function touchesStructure(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (STRUCTURAL.has(text.charCodeAt(i))) return true;
  const lo = Math.max(0, from - 1);
  const hi = Math.min(text.length - 1, to);
  for (let i = lo; i < hi; i++) {
    if (isSlashOrStar(text.charCodeAt(i)) && isSlashOrStar(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * A `;` typed can only split the statement it lands in; a `;` deleted joins a statement to the
 * one after it, which is safe only inside the body of the statement checked again.
 */
export function hasSemicolon(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x3b) return true;
  return false;
}

/**
 * Whether a `;` at `at` could attach to a block closed before it (`} ;` reads as `};`, which
 * changes the statement before the edit): the token before it is a `}`, or may be, behind a comment.
 */
export function semicolonAfterBlock(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) <= 0x20) i--;
  if (i < 0) return false;
  if (text.charCodeAt(i) === 0x7d) return true;
  // back to the line break (not lastIndexOf('\r'), which searches to the start of a file without one)
  let from = i;
  while (from > 0 && text.charCodeAt(from - 1) !== 0x0a && text.charCodeAt(from - 1) !== 0x0d) from--;
  const line = text.slice(from, i + 1);
  return line.includes('#') || line.includes('//') || line.includes('*/');
}

export interface Region {
  /** The statement checked again (offsets in the old text). */
  readonly stmt: StatementSpan;
  /** The statements around it, outermost first (offsets in the old text). */
  readonly ancestors: readonly StatementSpan[];
}

/** The outermost statement on the path no longer than `limit` characters. */
export function chooseRegion(path: readonly StatementSpan[], limit: number): Region | undefined {
  for (let i = 0; i < path.length; i++) {
    const s = path[i]!;
    if (s.end - s.start <= limit) return { stmt: s, ancestors: path.slice(0, i) };
    // a longer statement is only entered when the edit lies in its body; the mode says so by
    // giving a next element, and an ancestor without a body cannot be kept as header + trailer
    if (!s.body) return undefined;
  }
  return undefined;
}

/** A kept stretch of the real text and where it sits in the fragment's text. */
interface Piece {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The fragment the mode parses: the document's text with everything but the kept ranges (sorted
 * by start; where they overlap, the text is kept once) left out, each left-out stretch standing
 * as one line break (or one space, if it held none) so that statements still end where they
 * did. Positions are the real document's: offsets inside kept text map to where that text is in
 * the document, so a finding's range, and a line number in its message, need no translation.
 */
export function projectExcept(doc: TextDocument, keep: ReadonlyArray<readonly [number, number]>): TextDocument {
  const text = doc.getText();
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let pos = 0;
  let at = 0;
  const gap = (from: number, to: number) => {
    if (to <= from) return;
    const sep = /[\r\n]/.test(text.slice(from, to)) ? '\n' : ' ';
    parts.push(sep);
    at += 1;
  };
  for (const [s0, e] of keep) {
    const s = Math.max(s0, pos);
    if (e <= s) continue;
    gap(pos, s);
    parts.push(text.slice(s, e));
    pieces.push({ at, from: s, to: e });
    at += e - s;
    pos = e;
  }
  gap(pos, text.length);
  const partText = parts.join('');
  /** The real offset of a fragment offset (in a left-out stretch: where it starts). */
  const toReal = (o: number): number => {
    let real = 0;
    for (const p of pieces) {
      if (o < p.at) break;
      real = o <= p.at + (p.to - p.from) ? p.from + (o - p.at) : p.to;
    }
    return real;
  };
  /** The fragment offset of a real offset (in a left-out stretch: its separator). */
  const toPart = (real: number): number => {
    let o = 0;
    for (const p of pieces) {
      if (real < p.from) break;
      o = real <= p.to ? p.at + (real - p.from) : Math.min(p.at + (p.to - p.from), partText.length);
    }
    return o;
  };
  const clampPart = (o: number) => Math.max(0, Math.min(partText.length, o));
  const fragment: TextDocument & { [MAPS_POSITIONS]: true } = {
    [MAPS_POSITIONS]: true,
    uri: doc.uri,
    languageId: doc.languageId,
    version: doc.version,
    lineCount: lineCountOf(doc),
    getText: (range?: Range) =>
      range ? partText.slice(toPart(offsetAt(doc, range.start)), toPart(offsetAt(doc, range.end))) : partText,
    positionAt: (offset: number) => positionAt(doc, toReal(clampPart(offset))),
    offsetAt: (position: Position) => toPart(offsetAt(doc, position)),
  };
  return fragment;
}

/**
 * The end of the first token at or after `from`, past white space and `#`, `//` and `/* *\/`
 * comments (a finding such as a missing `;` may reach to the token after its statement).
 */
export function nextTokenEnd(text: string, from: number): number {
  let i = from;
  const n = text.length;
  for (;;) {
    while (i < n && text.charCodeAt(i) <= 0x20) i++;
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c === 0x23 || (c === 0x2f && d === 0x2f)) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && d === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else break;
  }
  if (i >= n) return n;
  if (text.charCodeAt(i) === 0x22) {
    const close = text.indexOf('"', i + 1);
    return close < 0 ? n : close + 1;
  }
  let j = i + 1;
  while (j < n && text.charCodeAt(j) > 0x20 && !'{};"#'.includes(text[j]!)) j++;
  return j;
}

/** Whether `r` starts within [from, to] (positions). */
export function startsWithin(r: Range, from: Position, to: Position): boolean {
  return rangeContains({ start: from, end: to }, r.start);
}
