/**
 * Formatting for the `;`-and-`{}` languages (named.conf and dhcpd.conf): one engine, told by
 * each language how it is tokenised and where a statement ends after a block (layout.ts,
 * BraceSyntax). It only ever changes whitespace between tokens; tokens are copied as they are.
 *
 * The style, rule by rule (every rule is about the whitespace between two tokens):
 *  - Indentation is the block depth, in the editor's unit (tabSize spaces, or one tab). A `}` at
 *    the start of a line goes with its block's owner; a comment line gets the indentation of what
 *    follows it (the inside of the block when a `}` follows). A line that goes on with a statement
 *    begun on an earlier line keeps its place relative to the statement's first token (moved as
 *    far as that token moved, and at least one level deeper than the statement: hand-aligned
 *    expressions stay aligned); after the statement's first `}` (`} else {`, `} keys { k; };`) it
 *    gets the statement's level.
 *  - One statement per line: a statement that starts on the line of the one before is moved to
 *    a line of its own, and so is a block's `}`. Line breaks are never removed: statements
 *    written on separate lines are never joined, and a statement written over several lines keeps
 *    its line breaks.
 *  - A block whose `{` and `}` are on one line stays on one line when the line then fits in
 *    FORMAT_WIDTH (100) columns, with one space inside its braces and after each `;` inside
 *    (`allow-transfer { 10.0.0.1; key k; };`); one that does not fit is laid out one statement per
 *    line. An empty `{}` stays as written (`{}` or `{ }`).
 *  - Between tokens on a line: no space before `;`, one space before `{`, and a run of spaces and
 *    tabs becomes one space; where there was no space (`a,b`, `"x"y`) none is added.
 *  - Blank lines: a run of blank lines becomes one; trailing whitespace goes; the file ends with
 *    one line break if it ended with any.
 *  - Comments (`#`, `//`, `/* *\/`) stay where they are: the space before a comment that follows
 *    something on its line, and after a `/* *\/` comment followed by something, is kept as it is;
 *    a `/* *\/` comment over several lines keeps its own lines, and the indentation of its first.
 *  - Strings, curly quotes included, are tokens: never touched, nor their inner spaces and breaks.
 *  - Kept as they are: the lines of every statement that holds a syntax error (and everything
 *    after a `{` that is never closed, or an unterminated string or comment: their statement runs
 *    to the end); the space after a word that ends in `\`; a space that holds anything but
 *    spaces, tabs and line breaks (NUL, no-break space, a byte-order mark, a lone `\r`); and, where
 *    a `#` or `//` comment ends at a lone `\r` (the daemons read such a comment on to the next
 *    `\n`), every line up to that `\n`.
 *
 * Range formatting formats the lines from the start of the statement at the range's first line
 * to the end of the one at its last line; on-type formatting sets the indentation of one line (not
 * of a line that goes on with a statement: that keeps the place it was typed at).
 * The edits are minimal (only the whitespace that changes), or one edit when there are very many.
 */
import { Tk } from '../tokenizer';
import { BRACE_CLOSE, BRACE_OPEN, Layout, SEMI, type BraceSyntax } from './layout';
import { MAX_DEPTH } from '../structure';

export type { BraceSyntax } from './layout';

/** The width a one-line block must fit in to stay on one line. */
export const FORMAT_WIDTH = 100;

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a language hands the engine: its text, and what must be kept as it is. */
export interface BraceSource {
  readonly text: string;
  /** `text` with regions the language reads raw (named's dyndb blocks) blanked: same length. */
  readonly scan?: string;
  /** The parser's syntax errors: the statements holding them are kept as they are. */
  readonly errors: readonly Span[];
  /** Regions read raw (named's `dyndb`, `plugin` blocks): kept as they are, even while typing. */
  readonly raw?: readonly Span[];
}

export interface IndentOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Past this many edits, the whole-document result is one edit (from the first change to the last). */
const MAX_EDITS = 5000;

/** The edits that format `src` (whole, or the lines [range.from, range.to] grown to whole statements). */
export function formatBraces(
  src: BraceSource,
  syntax: BraceSyntax,
  options: IndentOptions,
  range?: { readonly from: number; readonly to: number },
): OffsetEdit[] {
  const L = new Layout(src.text, src.scan ?? src.text, syntax);
  if (L.n === 0) return [];
  const frozen = new Uint8Array(L.lineCount());
  if (range) {
    frozen.fill(1);
    const [lo, hi] = statementLines(L, range.from, range.to);
    frozen.fill(0, lo, hi + 1);
  }
  freeze(L, frozen, src.errors);
  freeze(L, frozen, src.raw ?? [], true);
  freezeLoneCr(L, frozen);
  const edits = new Printer(L, frozen, options).run();
  return range || edits.starts.length <= MAX_EDITS ? edits.list() : edits.merged(src.text);
}

/** Edits as three arrays (a file where every line changes has a million: no object for each). */
class Edits {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly texts: string[] = [];
  add(start: number, end: number, text: string): void {
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  }
  list(): OffsetEdit[] {
    return this.starts.map((start, k) => ({ start, end: this.ends[k]!, text: this.texts[k]! }));
  }
  /** All of them as one: the text from the first edit's start to the last one's end, edited. */
  merged(text: string): OffsetEdit[] {
    const n = this.starts.length;
    if (!n) return [];
    let out = '';
    let at = this.starts[0]!;
    for (let k = 0; k < n; k++) {
      out += text.slice(at, this.starts[k]!) + this.texts[k]!;
      at = this.ends[k]!;
    }
    return [{ start: this.starts[0]!, end: at, text: out }];
  }
}

/**
 * The edit that sets the indentation of the line holding `offset`, after `ch` was typed there
 * (`}`, `;`, or a line break: then `offset` is on the new line). Syntax errors are ignored (a file
 * being typed has unclosed blocks); a line that starts inside a string or comment is left alone.
 */
export function formatBracesOnType(
  src: BraceSource,
  syntax: BraceSyntax,
  offset: number,
  ch: string,
  options: IndentOptions,
): OffsetEdit[] {
  const L = new Layout(src.text, src.scan ?? src.text, syntax);
  const frozen = new Uint8Array(L.lineCount());
  freeze(L, frozen, src.raw ?? [], true);
  freezeLoneCr(L, frozen);
  const line = L.lineOfOffset(offset);
  if (frozen[line]) return [];
  const j = L.firstTokenFrom(line);
  if (j < L.n && L.line[j]! < line) return [];
  const prev = j - 1;
  if (prev >= 0 && L.t.kinds[prev] === Tk.Word && L.text.charCodeAt(L.t.ends[prev]! - 1) === 0x5c) return [];
  const w = new Walker(L);
  for (let k = 0; k < j; k++) if (!L.isComment(k)) w.advance(k);
  let level: number;
  if (j < L.n && L.line[j] === line) {
    if (L.isComment(j) && L.endLine[j] !== line) return [];
    // a line that goes on with a statement keeps the place it was given (format aligns it)
    const sig = L.isComment(j) ? L.nextSig(j) : j;
    if (sig < L.n && w.continues(sig) && !(sig !== j && L.punct(sig) === BRACE_CLOSE)) return [];
    level = L.isComment(j) ? w.commentLevel(j) : w.level(j);
  } else if ((ch === '\n' || ch === '\r\n') && !(w.inStmt && !w.afterBlock)) level = w.depth;
  else return [];
  if (level > MAX_DEPTH) return [];
  const from = L.lineStarts[line]!;
  let to = from;
  const text = L.text;
  while (to < text.length && (text.charCodeAt(to) === 32 || text.charCodeAt(to) === 9)) to++;
  const next = text.charCodeAt(to);
  if (to < text.length && next !== 10 && next !== 13 && (j >= L.n || to !== L.t.starts[j])) return [];
  const want = indentString(options, level);
  if (text.slice(from, to) === want) return [];
  return [{ start: from, end: to, text: want }];
}

/** The lines from the start of the statement at line `a` to the end of the one at line `b`. */
function statementLines(L: Layout, a: number, b: number): [number, number] {
  const k1 = L.firstTokenFrom(a);
  let k2 = k1;
  while (k2 + 1 < L.n && L.line[k2 + 1]! <= b) k2++;
  if (k1 >= L.n || L.line[k1]! > b) return [a, b];
  const [s1, e1] = L.statementAround(k1);
  const [s2, e2] = L.statementAround(k2);
  return [Math.min(a, L.line[Math.min(s1, s2)]!), Math.max(b, L.endLine[Math.max(e1, e2)]!)];
}

/** Marks the lines of the statements that hold the spans (`whole`: and the spans' own lines). */
function freeze(L: Layout, frozen: Uint8Array, spans: readonly Span[], whole = false): void {
  if (!spans.length || !L.n) return;
  const at: number[] = [];
  for (const s of spans) {
    const start = Math.max(0, Math.min(s.start, L.text.length));
    const end = Math.max(start, Math.min(s.end, L.text.length));
    at.push(Math.min(L.tokenAt(start), L.n - 1));
    if (start > 0) at.push(Math.min(L.tokenAt(start - 1), L.n - 1));
    if (end > start) at.push(Math.min(L.tokenAt(end - 1), L.n - 1));
    if (whole) frozen.fill(1, L.lineOfOffset(start), L.lineOfOffset(end) + 1);
  }
  at.sort((x, y) => x - y);
  let covered = -1;
  for (const k of at) {
    if (k <= covered) continue;
    const [s, e] = L.statementAround(k);
    frozen.fill(1, L.line[s]!, L.endLine[e]! + 1);
    covered = e;
  }
}

/** A `#` or `//` comment that ends at a lone `\r`: the daemons read it on to the next `\n`. */
function freezeLoneCr(L: Layout, frozen: Uint8Array): void {
  const { text, t } = L;
  if (text.indexOf('\r') < 0) return;
  for (let i = 0; i < L.n; i++) {
    const e = t.ends[i]!;
    if (t.kinds[i] !== Tk.Comment || text.charCodeAt(e) !== 13 || text.charCodeAt(e + 1) === 10) continue;
    const lf = text.indexOf('\n', e);
    frozen.fill(1, L.line[i]!, L.lineOfOffset(lf < 0 ? text.length : lf) + 1);
  }
}

function indentString(o: IndentOptions, level: number): string {
  return o.insertSpaces === false ? '\t'.repeat(level) : ' '.repeat(tabSizeOf(o) * level);
}

/**
 * Where the walk over the tokens is: the block depth, and whether a statement is open at that
 * depth (`inStmt`), has had its first block close (`afterBlock`), and was last seen at a `}`.
 */
class Walker {
  depth = 0;
  inStmt = false;
  afterBlock = false;
  lastClose = false;
  constructor(private readonly L: Layout) {}

  /** Whether token j (not a comment) begins a statement. */
  starts(j: number): boolean {
    const c = this.L.punct(j);
    if (c === BRACE_CLOSE || c === SEMI) return false;
    if (!this.inStmt) return true;
    if (!this.lastClose || c === BRACE_OPEN) return false;
    const { t, text } = this.L;
    return this.L.syntax.blockEndsStatement(text.slice(t.starts[j]!, t.ends[j]!));
  }

  /** The indentation level of token j (not a comment) at the start of a line. */
  level(j: number): number {
    const c = this.L.punct(j);
    if (c === BRACE_CLOSE) return this.L.match[j]! >= 0 ? Math.max(0, this.depth - 1) : this.depth;
    if (c === SEMI || this.starts(j)) return this.depth;
    return this.afterBlock ? this.depth : this.depth + 1;
  }

  /** Whether token j (not a comment) goes on with a statement begun before it, its block not yet seen. */
  continues(j: number): boolean {
    const c = this.L.punct(j);
    return c !== BRACE_CLOSE && c !== SEMI && !this.afterBlock && !this.starts(j);
  }

  /** The level of a comment at the start of a line: that of what follows (inside a block that closes next). */
  commentLevel(i: number): number {
    const j = this.L.nextSig(i);
    if (j >= this.L.n) return this.depth;
    if (this.L.punct(j) === BRACE_CLOSE && this.L.match[j]! >= 0) return this.depth;
    return this.level(j);
  }

  advance(j: number): void {
    const c = this.L.punct(j);
    const starts = this.starts(j);
    this.lastClose = false;
    if (c === BRACE_OPEN) {
      this.depth++;
      this.inStmt = this.afterBlock = false;
    } else if (c === BRACE_CLOSE) {
      const matched = this.L.match[j]! >= 0;
      if (matched) this.depth = Math.max(0, this.depth - 1);
      this.inStmt = this.afterBlock = this.lastClose = matched;
    } else if (c === SEMI) this.inStmt = this.afterBlock = false;
    else if (starts) {
      this.inStmt = true;
      this.afterBlock = false;
    }
  }
}

/** What is between two tokens: line breaks, where they are, and whether anything else is there. */
interface Gap {
  from: number;
  to: number;
  breaks: number;
  /** Where the first line break starts and the last one ends. */
  first: number;
  last: number;
  /** Something other than spaces, tabs and line breaks (or a lone `\r`) is in it. */
  odd: boolean;
}

/** The one pass over the tokens that decides every gap. */
class Printer {
  readonly edits = new Edits();
  private readonly w: Walker;
  private readonly indents: string[] = [];
  private readonly tabSize: number;
  /** The column in the output and in the original text (tab stops every tabSize). */
  private col = 0;
  private oldCol = 0;
  /** How far the current statement's first token moved right (left: negative). */
  private shift = 0;
  /** The `}` of the one-line block being printed on one line (-1: none). */
  private inlineEnd = -1;
  private readonly gap: Gap = { from: 0, to: 0, breaks: 0, first: -1, last: -1, odd: false };

  constructor(
    private readonly L: Layout,
    private readonly frozen: Uint8Array,
    private readonly options: IndentOptions,
  ) {
    this.w = new Walker(L);
    this.tabSize = tabSizeOf(options);
  }

  run(): Edits {
    const L = this.L;
    const { starts, ends } = L.t;
    for (let i = 0; i < L.n; i++) {
      this.gapBefore(i);
      if (!L.isComment(i)) {
        if (this.w.starts(i)) this.shift = this.col - this.oldCol;
        if (i > this.inlineEnd && L.punct(i) === BRACE_OPEN) this.decideInline(i);
        this.w.advance(i);
      }
      // a token counts its characters (a tab in a string counts one): the same in both texts
      if (L.endLine[i] === L.line[i]) {
        this.col += ends[i]! - starts[i]!;
        this.oldCol += ends[i]! - starts[i]!;
      } else this.col = this.oldCol = ends[i]! - L.lineStarts[L.endLine[i]!]!;
    }
    this.trailing();
    return this.edits;
  }

  private indent(level: number): string {
    return (this.indents[level] ??= indentString(this.options, level));
  }

  private scan(from: number, to: number): Gap {
    const g = this.gap;
    const text = this.L.text;
    g.from = from;
    g.to = to;
    g.breaks = 0;
    g.first = g.last = -1;
    g.odd = false;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 9) continue;
      if (c === 13 && text.charCodeAt(k + 1) === 10 && k + 1 < to) k++;
      else if (c !== 10) {
        g.odd = true;
        break;
      }
      if (g.first < 0) g.first = c === 13 ? k - 1 : k;
      g.last = k + 1;
      g.breaks++;
    }
    return g;
  }

  /** Whether the gap after token P must stay: odd characters, or a word ending in `\` before it. */
  private keepsGap(g: Gap, P: number): boolean {
    const L = this.L;
    return g.odd || (P >= 0 && L.t.kinds[P] === Tk.Word && L.text.charCodeAt(g.from - 1) === 0x5c);
  }

  private gapBefore(i: number): void {
    const L = this.L;
    const P = i - 1;
    const g = this.scan(P >= 0 ? L.t.ends[P]! : 0, L.t.starts[i]!);
    this.oldCol =
      g.from === g.to
        ? this.oldCol
        : colAfter(g.last < 0 ? this.oldCol : 0, L.text, Math.max(g.from, g.last), g.to, this.tabSize);
    if (this.keepsGap(g, P)) return this.put(g, L.text.slice(g.from, g.to));
    const frozenN = this.frozen[L.line[i]!] === 1;
    if (g.breaks === 0) {
      if (frozenN || (P >= 0 && (L.isComment(P) || L.isComment(i)))) return this.put(g, L.text.slice(g.from, g.to));
      if (P < 0) return this.put(g, this.lineStart(i, g));
      const s = this.sameLine(P, i, g.from === g.to);
      return this.put(g, s ?? L.eol + this.lineStart(i, g));
    }
    const frozenP = this.frozen[P >= 0 ? L.endLine[P]! : 0] === 1;
    const text = L.text;
    const tail = frozenN ? text.slice(g.last, g.to) : this.lineStart(i, g);
    const breaks = Math.min(g.breaks, P >= 0 ? 2 : 1);
    if (
      !frozenP &&
      g.first === g.from &&
      g.breaks === breaks &&
      g.last - g.first === breaks * L.eol.length &&
      g.to - g.last === tail.length &&
      text.startsWith(tail, g.last)
    ) {
      // already as it should be (most gaps of a formatted file): nothing to build
      this.col = colAfter(0, tail, 0, tail.length, this.tabSize);
      return;
    }
    const head = P >= 0 && frozenP ? text.slice(g.from, g.first) : '';
    const middle = frozenP || frozenN ? text.slice(g.first, g.last) : L.eol.repeat(breaks);
    this.put(g, head + middle + tail);
  }

  /**
   * The indentation of token i at the start of its line: its level; for a line that goes on with
   * a statement, where it was plus how far the statement's first token moved (at least one level
   * deeper than the statement); as it is for a comment over several lines.
   */
  private lineStart(i: number, g: Gap): string {
    const L = this.L;
    const from = g.last < 0 ? g.from : g.last;
    if (L.isComment(i) && L.endLine[i] !== L.line[i]) return L.text.slice(from, g.to);
    const w = this.w;
    const j = L.isComment(i) ? L.nextSig(i) : i;
    if (j < L.n && w.continues(j) && !(j !== i && L.punct(j) === BRACE_CLOSE)) {
      const was = colAfter(0, L.text, from, g.to, this.tabSize);
      const col = Math.max((w.depth + 1) * this.tabSize, was + this.shift);
      return w.depth >= MAX_DEPTH ? L.text.slice(from, g.to) : columnString(this.options, this.tabSize, col);
    }
    const level = L.isComment(i) ? w.commentLevel(i) : w.level(i);
    return level > MAX_DEPTH ? L.text.slice(from, g.to) : this.indent(level);
  }

  /** The space between tokens P and N on one line; undefined: N goes on a line of its own. */
  private sameLine(P: number, N: number, empty: boolean): string | undefined {
    const L = this.L;
    const pc = L.punct(P),
      nc = L.punct(N);
    if (N <= this.inlineEnd) return inlineSpace(pc, nc, empty);
    if (nc === SEMI) return '';
    if (nc === BRACE_CLOSE || this.w.starts(N)) return undefined;
    if (nc === BRACE_OPEN || pc === BRACE_CLOSE) return ' ';
    return empty ? '' : ' ';
  }

  /** A `{` whose `}` is on its line: kept on one line when that fits. */
  private decideInline(open: number): void {
    const L = this.L;
    const close = L.match[open]!;
    if (close < 0 || L.line[close] !== L.line[open] || this.frozen[L.line[open]!]) return;
    const budget = FORMAT_WIDTH - this.col;
    let width = 1;
    for (let j = open + 1; j <= close && width <= budget; j++) {
      const g = this.scan(L.t.ends[j - 1]!, L.t.starts[j]!);
      if (this.keepsGap(g, j - 1) || L.isComment(j) || L.isComment(j - 1)) width += g.to - g.from;
      else width += inlineSpace(L.punct(j - 1), L.punct(j), g.from === g.to).length;
      width += L.t.ends[j]! - L.t.starts[j]!;
    }
    const after = L.nextSig(close);
    if (after < L.n && L.punct(after) === SEMI && L.line[after] === L.line[close]) width++;
    if (width <= budget) this.inlineEnd = close;
  }

  /** Replace the gap with `s` (an edit only where they differ, trimmed to what changes). */
  private put(g: Gap, s: string): void {
    const text = this.L.text;
    const { from, to } = g;
    this.col = colAfter(this.col, s, 0, s.length, this.tabSize);
    const len = to - from;
    if (s.length === len && text.startsWith(s, from)) return;
    let a = 0;
    while (a < s.length && a < len && s.charCodeAt(a) === text.charCodeAt(from + a)) a++;
    let b = 0;
    while (b < s.length - a && b < len - a && s.charCodeAt(s.length - 1 - b) === text.charCodeAt(to - 1 - b)) b++;
    this.edits.add(from + a, to - b, a === 0 && b === 0 ? s : s.slice(a, s.length - b));
  }

  /** After the last token: no trailing spaces, one line break if there was any. */
  private trailing(): void {
    const L = this.L;
    const P = L.n - 1;
    const g = this.scan(L.t.ends[P]!, L.text.length);
    if (g.from === g.to || this.keepsGap(g, P) || this.frozen[L.endLine[P]!]) return;
    this.put(g, g.breaks ? L.eol : '');
  }
}

function tabSizeOf(o: IndentOptions): number {
  return Number.isFinite(o.tabSize) ? Math.min(16, Math.max(1, Math.floor(o.tabSize))) : 4;
}

/** The column after s[from, to) is printed at column `col` (tab stops every `tab`). */
function colAfter(col: number, s: string, from: number, to: number, tab: number): number {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || c === 13) col = 0;
    else if (c === 9) col += tab - (col % tab);
    else col++;
  }
  return col;
}

/** Whitespace that reaches column `col`: spaces, or tabs then spaces. */
function columnString(o: IndentOptions, tab: number, col: number): string {
  return o.insertSpaces === false ? '\t'.repeat(Math.floor(col / tab)) + ' '.repeat(col % tab) : ' '.repeat(col);
}

/** The space between two tokens inside a block kept on one line. */
function inlineSpace(pc: number, nc: number, empty: boolean): string {
  if (nc === SEMI) return '';
  if (pc === BRACE_OPEN && nc === BRACE_CLOSE) return empty ? '' : ' ';
  if (pc === BRACE_OPEN || nc === BRACE_CLOSE || pc === SEMI || nc === BRACE_OPEN || pc === BRACE_CLOSE) return ' ';
  return empty ? '' : ' ';
}
