/**
 * What the brace formatter (braces.ts) knows of a file: its tokens (comments included), the line
 * each starts and ends on, which `{` closes at which `}`, and where a statement begins and ends.
 * Built in a few linear passes; nothing here throws or recurses.
 */
import { Tk, tokenizeStore, type TokenStore, type TokenizerOptions } from '../tokenizer';

/** What differs between the `;`-and-`{}` languages, as far as layout goes. */
export interface BraceSyntax {
  /** How the language is tokenised (comments are kept whatever this says). */
  readonly tokens: TokenizerOptions;
  /**
   * After the `}` of a block, whether the word `next` (never `;`) starts a new statement. named.conf:
   * never (a block ends with `};`, and `} keys { k; };` goes on); dhcpd.conf: unless it is `else`/`elsif`.
   */
  blockEndsStatement(next: string): boolean;
}

export const BRACE_OPEN = 0x7b;
export const BRACE_CLOSE = 0x7d;
export const SEMI = 0x3b;

export class Layout {
  readonly t: TokenStore;
  readonly n: number;
  /** The line each token starts on, and the one it ends on (they differ for multi-line strings and comments). */
  readonly line: Int32Array;
  readonly endLine: Int32Array;
  /** Where each line starts (line breaks as LSP counts them: `\r\n`, `\n`, a lone `\r`). */
  readonly lineStarts: number[];
  /** For a `{` or `}` token, the index of its partner; -1 for one never matched (and for other tokens). */
  readonly match: Int32Array;
  /** The line ending new line breaks get: the file's first one (`\n` if it has none). */
  readonly eol: string;

  constructor(
    readonly text: string,
    /** The text to tokenise: `text` itself, or a copy of it with raw regions blanked (same offsets). */
    scan: string,
    readonly syntax: BraceSyntax,
  ) {
    this.t = tokenizeStore(scan, { ...syntax.tokens, keepComments: true });
    this.n = this.t.count;
    this.lineStarts = lineStartsOf(text);
    const crlf = text.indexOf('\r\n');
    const lf = text.indexOf('\n');
    this.eol = crlf >= 0 && crlf + 1 === lf ? '\r\n' : '\n';
    this.line = new Int32Array(this.n);
    this.endLine = new Int32Array(this.n);
    const { starts, ends } = this.t;
    const ls = this.lineStarts;
    let p = 0;
    for (let i = 0; i < this.n; i++) {
      while (p + 1 < ls.length && ls[p + 1]! <= starts[i]!) p++;
      this.line[i] = p;
      let q = p;
      while (q + 1 < ls.length && ls[q + 1]! <= ends[i]! - 1) q++;
      this.endLine[i] = q;
    }
    this.match = matchBraces(this);
  }

  /** The character of a punctuation token (`{`, `}`, `;`, ...), 0 for any other token. */
  punct(i: number): number {
    return this.t.kinds[i] === Tk.Punct ? this.text.charCodeAt(this.t.starts[i]!) : 0;
  }

  isComment(i: number): boolean {
    return this.t.kinds[i] === Tk.Comment;
  }

  /** Per token, the first token after it that is not a comment (made when first asked for). */
  private nextSigs: Int32Array | undefined;

  /**
   * The first token after `i` that is not a comment (n: none). Read from a table made in one pass
   * from the end: asked once per comment, a run of 100,000 comment lines made the search quadratic
   * (14 s to format such a dhcpd.conf).
   */
  nextSig(i: number): number {
    if (!this.nextSigs) {
      const next = new Int32Array(this.n + 1);
      next[this.n] = this.n;
      for (let j = this.n - 1; j >= 0; j--)
        next[j] = j + 1 < this.n && this.t.kinds[j + 1] === Tk.Comment ? next[j + 1]! : j + 1;
      this.nextSigs = next;
    }
    if (i < 0) return this.n === 0 || this.t.kinds[0] !== Tk.Comment ? 0 : this.nextSigs[0]!;
    return i + 1 >= this.n ? this.n : this.nextSigs[i]!;
  }

  /** Whether the statement whose block closes at token `close` ends there (see BraceSyntax). */
  endsAfterBlock(close: number): boolean {
    const j = this.nextSig(close);
    if (j >= this.n) return true;
    const c = this.punct(j);
    if (c === SEMI) return false;
    if (c === BRACE_CLOSE || c === BRACE_OPEN) return c === BRACE_CLOSE;
    return this.syntax.blockEndsStatement(this.text.slice(this.t.starts[j]!, this.t.ends[j]!));
  }

  /**
   * The statement token `k` belongs to, as [first, last] token indices: back to the `;`, `{` or
   * ending `}` before it, on to its `;` (or its block's `}`, or the `}` of the block around it).
   * The comments before it are included. Blocks are stepped over through `match`, so the cost is
   * the number of tokens of the statement at its own level. An unmatched `}` is a statement alone.
   */
  statementAround(k: number): [number, number] {
    const { n, match } = this;
    if (k < 0 || k >= n) return [Math.max(0, n - 1), Math.max(0, n - 1)];
    let at = k;
    if (this.punct(at) === BRACE_CLOSE) {
      if (match[at]! < 0) return [k, k];
      at = match[at]!;
    }
    let i = at - 1;
    for (; i >= 0; i--) {
      const c = this.punct(i);
      if (c === SEMI || c === BRACE_OPEN) break;
      if (c === BRACE_CLOSE) {
        if (match[i]! < 0 || this.endsAfterBlock(i)) break;
        i = match[i]!;
      }
    }
    const first = i + 1;
    let last = n - 1;
    for (let j = at; j < n; j++) {
      const c = this.punct(j);
      if (c === SEMI) {
        last = j;
        break;
      }
      if (c === BRACE_CLOSE) {
        // the `}` of the block around the statement (or a stray one): the statement ended before it
        last = Math.max(first, j - 1);
        break;
      }
      if (c === BRACE_OPEN) {
        if (match[j]! < 0) break;
        j = match[j]!;
        if (this.endsAfterBlock(j)) {
          const s = this.nextSig(j);
          last = s < n && this.punct(s) === SEMI ? s : j;
          break;
        }
      }
    }
    return [Math.min(first, k), Math.max(last, k)];
  }

  /** The lines of the statement around token k. */
  statementLines(k: number): [number, number] {
    const [s, e] = this.statementAround(k);
    return [this.line[s]!, this.endLine[e]!];
  }

  /** The first token that ends after `offset` (n: none). */
  tokenAt(offset: number): number {
    const ends = this.t.ends;
    let lo = 0,
      hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first token that ends on or after line `l`. */
  firstTokenFrom(l: number): number {
    let lo = 0,
      hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.endLine[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The line `offset` is on. */
  lineOfOffset(offset: number): number {
    const ls = this.lineStarts;
    let lo = 0,
      hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ls[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineCount(): number {
    return this.lineStarts.length;
  }
}

function lineStartsOf(text: string): number[] {
  const out = [0];
  if (text.indexOf('\r') < 0) {
    // the common case: indexOf finds the line breaks faster than a loop over every character
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) out.push(k + 1);
    return out;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) out.push(k + 1);
    else if (c === 13) {
      if (text.charCodeAt(k + 1) === 10) k++;
      out.push(k + 1);
    }
  }
  return out;
}

/** Pairs every `{` with its `}` (a stack of indices: no recursion, whatever the depth). */
function matchBraces(L: Layout): Int32Array {
  const match = new Int32Array(L.n).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < L.n; i++) {
    const c = L.punct(i);
    if (c === BRACE_OPEN) stack.push(i);
    else if (c === BRACE_CLOSE && stack.length) {
      const o = stack.pop()!;
      match[o] = i;
      match[i] = o;
    }
  }
  return match;
}
