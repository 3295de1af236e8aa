/**
 * The shared tokenizer for the `;`-and-`{}` languages (dhcpd.conf and named.conf).
 * A single hand-written pass over the text: linear, total, never throws.
 */

export const enum Tk {
  Word = 1,
  String = 2,
  Punct = 3,
  Comment = 4,
}

export interface Token {
  readonly kind: Tk;
  /** The raw text, quotes included for strings. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For strings: the contents between the quotes, escapes resolved. */
  readonly value?: string;
  /** Set on malformed tokens; the block layer and the modes report them. */
  readonly problem?: 'unterminated-string' | 'curly-quoted' | 'unterminated-comment';
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

const OPEN_CURLY = new Set([0x201c, 0x201e, 0x201f, 0x2033, 0x201d]);
const CLOSE_CURLY = new Set([0x201d, 0x201c, 0x2033, 0x201f]);

export function tokenize(text: string, opts: TokenizerOptions): Token[] {
  const out: Token[] = [];
  const n = text.length;
  const punct = new Set<number>([0x7b, 0x7d, 0x3b]);
  for (let i = 0; i < opts.punct.length; i++) punct.add(opts.punct.charCodeAt(i));
  const multiline = opts.multilineStrings !== false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace (incl. NUL and other controls: they separate tokens, never crash)
    if (c <= 0x20 || c === 0x7f || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    // comments
    if ((c === 0x23 && opts.hashComments) || (c === 0x2f && opts.slashComments && text.charCodeAt(i + 1) === 0x2f)) {
      let j = i;
      while (j < n && text.charCodeAt(j) !== 0x0a && text.charCodeAt(j) !== 0x0d) j++;
      if (opts.keepComments) out.push({ kind: Tk.Comment, text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === 0x2f && opts.blockComments && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      const j = close < 0 ? n : close + 2;
      if (close < 0 || opts.keepComments) {
        out.push({ kind: Tk.Comment, text: text.slice(i, j), start: i, end: j, problem: close < 0 ? 'unterminated-comment' : undefined });
      }
      i = j;
      continue;
    }
    // strings
    if (c === 0x22 || OPEN_CURLY.has(c)) {
      const curly = c !== 0x22;
      let j = i + 1;
      let value = '';
      let closed = false;
      let segStart = j;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!curly && d === 0x5c && j + 1 < n) {
          value += text.slice(segStart, j) + text[j + 1];
          j += 2;
          segStart = j;
          continue;
        }
        if ((!curly && d === 0x22) || (curly && (CLOSE_CURLY.has(d) || d === 0x22))) {
          value += text.slice(segStart, j);
          j++;
          closed = true;
          break;
        }
        if ((d === 0x0a || d === 0x0d) && (!multiline || curly)) break;
        j++;
      }
      if (!closed) value += text.slice(segStart, j);
      out.push({
        kind: Tk.String,
        text: text.slice(i, j),
        start: i,
        end: j,
        value,
        problem: curly ? 'curly-quoted' : closed ? undefined : 'unterminated-string',
      });
      i = j;
      continue;
    }
    if (punct.has(c)) {
      out.push({ kind: Tk.Punct, text: text[i]!, start: i, end: i + 1 });
      i++;
      continue;
    }
    // word: up to whitespace, punctuation, a quote or a comment start
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d <= 0x20 || d === 0x7f || d === 0xfeff || d === 0xa0 || punct.has(d) || d === 0x22 || OPEN_CURLY.has(d)) break;
      if (d === 0x23 && opts.hashComments) break;
      if (d === 0x2f && (opts.slashComments || opts.blockComments)) {
        const e = text.charCodeAt(j + 1);
        if ((e === 0x2f && opts.slashComments) || (e === 0x2a && opts.blockComments)) break;
      }
      j++;
    }
    out.push({ kind: Tk.Word, text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}
