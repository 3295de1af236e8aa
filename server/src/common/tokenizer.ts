/**
 * The shared tokenizer for the `;`-and-`{}` languages (dhcpd.conf and named.conf).
 * A single hand-written pass over the text: linear, total, never throws.
 */
import { CURLY_DOUBLE, CURLY_DOUBLE_CLOSING } from './quotes';

export const enum Tk {
  Word = 1,
  String = 2,
  Punct = 3,
  Comment = 4,
}

export type TokenProblem = 'unterminated-string' | 'curly-quoted' | 'unterminated-comment';

export interface Token {
  readonly kind: Tk;
  /** The raw text, quotes included for strings. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For strings: the contents between the quotes, escapes resolved. */
  readonly value?: string;
  /** Set on malformed tokens; the block layer and the modes report them. */
  readonly problem?: TokenProblem;
}

export interface TokenizerOptions {
  /** `#` starts a comment to end of line. */
  readonly hashComments: boolean;
  /** `//` starts a comment to end of line. */
  readonly slashComments: boolean;
  /** `/* ... *\/` comments. */
  readonly blockComments: boolean;
  /** Characters that are tokens of their own. `{`, `}` and `;` always are. */
  readonly punct: string;
  /** Keep comment tokens in the output (for folding and grammar work); default false. */
  readonly keepComments?: boolean;
  /** Strings may span lines (BIND allows it; dhcpd does too). Default true. */
  readonly multilineStrings?: boolean;
}

/**
 * Short token texts repeat a lot (`zone`, `type`, `primary`, `"k1"`): one string per distinct
 * text instead of one per token keeps large files small. A tiny direct-mapped cache per text.
 */
const INTERN_MAX = 32;
const INTERN_SLOTS = 4096;
export type Interner = (i: number, j: number) => string;
export function makeInterner(text: string): Interner {
  const cache: Array<string | undefined> = new Array(INTERN_SLOTS).fill(undefined);
  return (i, j) => {
    const len = j - i;
    if (len > INTERN_MAX) return text.slice(i, j);
    let h = len;
    for (let k = i; k < j; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    const slot = (h ^ (h >>> 13)) & (INTERN_SLOTS - 1);
    const c = cache[slot];
    if (c !== undefined && c.length === len && text.startsWith(c, i)) return c;
    const s = text.slice(i, j);
    cache[slot] = s;
    return s;
  };
}

/**
 * The contents of the string token [start, end): quotes removed, `\x` escapes resolved (not in
 * curly-quoted strings, which have none). An unterminated string runs to its end.
 */
export function stringValue(text: string, start: number, end: number, intern?: Interner): string {
  const curly = text.charCodeAt(start) !== 0x22;
  const last = end - 1 > start ? text.charCodeAt(end - 1) : -1;
  const closed = curly
    ? last === 0x22 || CURLY_DOUBLE_CLOSING.has(last)
    : last === 0x22 && !escapedAt(text, start + 1, end - 1);
  const to = closed ? end - 1 : end;
  const from = start + 1;
  let k = from;
  if (!curly) while (k < to && text.charCodeAt(k) !== 0x5c) k++;
  if (curly || k === to) return intern ? intern(from, to) : text.slice(from, to);
  let value = '';
  let seg = from;
  for (; k < to; k++) {
    if (text.charCodeAt(k) === 0x5c && k + 1 < to) {
      value += text.slice(seg, k) + text[k + 1];
      k++;
      seg = k + 1;
    }
  }
  return value + text.slice(seg, to);
}

/** Whether the character at `at` is escaped by the backslashes before it (counting from `from`). */
function escapedAt(text: string, from: number, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= from && text.charCodeAt(k) === 0x5c; k--) n++;
  return n % 2 === 1;
}

export type TokenSink = (kind: Tk, start: number, end: number, problem: TokenProblem | undefined) => void;

/**
 * The one scanner: hands each token's kind and span to `emit`, in order. Comments are handed
 * over only with `keepComments` (an unterminated block comment always is).
 */
export function scanTokens(text: string, opts: TokenizerOptions, emit: TokenSink): void {
  const n = text.length;
  const punct = new Set<number>([0x7b, 0x7d, 0x3b]);
  for (let i = 0; i < opts.punct.length; i++) punct.add(opts.punct.charCodeAt(i));
  // per-character classes for ASCII (a table lookup per character, not a Set lookup)
  const asciiPunct = new Uint8Array(128);
  for (const p of punct) if (p < 128) asciiPunct[p] = 1;
  const isPunct = (d: number): boolean => (d < 128 ? asciiPunct[d] === 1 : punct.has(d));
  const hash = opts.hashComments;
  const slashy = opts.slashComments || opts.blockComments;
  const multiline = opts.multilineStrings !== false;
  const keep = opts.keepComments === true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace (incl. NUL and other controls: they separate tokens, never crash)
    if (c <= 0x20 || c === 0x7f || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    // comments
    if ((c === 0x23 && hash) || (c === 0x2f && opts.slashComments && text.charCodeAt(i + 1) === 0x2f)) {
      let j = i;
      while (j < n && text.charCodeAt(j) !== 0x0a && text.charCodeAt(j) !== 0x0d) j++;
      if (keep) emit(Tk.Comment, i, j, undefined);
      i = j;
      continue;
    }
    if (c === 0x2f && opts.blockComments && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      const j = close < 0 ? n : close + 2;
      if (close < 0 || keep) emit(Tk.Comment, i, j, close < 0 ? 'unterminated-comment' : undefined);
      i = j;
      continue;
    }
    // strings
    if (c === 0x22 || (c > 0x7f && CURLY_DOUBLE.has(c))) {
      const curly = c !== 0x22;
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!curly && d === 0x5c && j + 1 < n) {
          j += 2;
          continue;
        }
        if ((!curly && d === 0x22) || (curly && (CURLY_DOUBLE_CLOSING.has(d) || d === 0x22))) {
          j++;
          closed = true;
          break;
        }
        if ((d === 0x0a || d === 0x0d) && (!multiline || curly)) break;
        j++;
      }
      // a curly quote opens no string to BIND: it is the first character of a word. Not closed on its
      // line, or closed by a straight quote further than the word goes, the token is that word
      // (`zone “example.com {` names a zone “example.com)
      if (curly && (!closed || text.charCodeAt(j - 1) === 0x22)) {
        const w = wordEnd(i + 1);
        if (!closed || w < j - 1) j = w;
      }
      emit(Tk.String, i, j, curly ? 'curly-quoted' : closed ? undefined : 'unterminated-string');
      i = j;
      continue;
    }
    if (isPunct(c)) {
      emit(Tk.Punct, i, i + 1, undefined);
      i++;
      continue;
    }
    const j = wordEnd(i + 1);
    emit(Tk.Word, i, j, undefined);
    i = j;
  }

  /** Where a word that goes on at `from` ends: at whitespace, punctuation, a quote or a comment start. */
  function wordEnd(from: number): number {
    let j = from;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 0x7f) {
        // the common case: plain ASCII
        if (d <= 0x20 || d === 0x22 || asciiPunct[d] === 1) break;
        if (d === 0x23 && hash) break;
      } else if (d === 0x7f || d === 0xfeff || d === 0xa0 || punct.has(d) || CURLY_DOUBLE.has(d)) break;
      if (d === 0x2f && slashy) {
        const e = text.charCodeAt(j + 1);
        if ((e === 0x2f && opts.slashComments) || (e === 0x2a && opts.blockComments)) break;
      }
      j++;
    }
    return j;
  }
}

/** The tokens as objects (dhcpd.conf's parser and the tests work on these). */
export function tokenize(text: string, opts: TokenizerOptions): Token[] {
  const out: Token[] = [];
  const intern = makeInterner(text);
  scanTokens(text, opts, (kind, start, end, problem) => {
    if (kind === Tk.String)
      out.push({ kind, text: intern(start, end), start, end, value: stringValue(text, start, end, intern), problem });
    else if (kind === Tk.Punct) out.push({ kind, text: text[start]!, start, end });
    else if (kind === Tk.Comment) out.push({ kind, text: text.slice(start, end), start, end, problem });
    else out.push({ kind, text: intern(start, end), start, end });
  });
  return out;
}

/**
 * The tokens as parallel arrays, no object per token: a 50,000-zone named.conf has 1.5 million
 * tokens, and objects that live through a whole parse are what makes a large parse slow.
 */
export interface TokenStore {
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Malformed tokens, by index. */
  readonly problems: ReadonlyMap<number, TokenProblem>;
}

const SAMPLE = 1 << 16;

/** How many tokens text has, from how many its first SAMPLE characters have. */
function estimateTokens(text: string, opts: TokenizerOptions): number {
  if (text.length <= SAMPLE) return (text.length >> 1) + 16;
  let n = 0;
  scanTokens(text.slice(0, SAMPLE), opts, () => n++);
  return Math.ceil(((n / SAMPLE) * text.length * 9) / 8) + 1024;
}

export function tokenizeStore(text: string, opts: TokenizerOptions): TokenStore {
  // room for the tokens of a file as dense as its first 64 KB, and an eighth more: growing copies
  // everything made so far into fresh memory, and room left unused costs as much once the pages
  // are reused (3-5 ms per MB written on this VM; a 50,000-zone named.conf has 1.5 million tokens)
  let cap = estimateTokens(text, opts);
  let kinds = new Uint8Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  const problems = new Map<number, TokenProblem>();
  let count = 0;
  scanTokens(text, opts, (kind, start, end, problem) => {
    if (count === cap) {
      cap += cap >> 1;
      const k = new Uint8Array(cap),
        s = new Int32Array(cap),
        e = new Int32Array(cap);
      k.set(kinds);
      s.set(starts);
      e.set(ends);
      kinds = k;
      starts = s;
      ends = e;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    if (problem) problems.set(count, problem);
    count++;
  });
  // views, not copies: a copy to exact size would write every token again into fresh memory
  return {
    count,
    kinds: kinds.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    problems,
  };
}
