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

/**
 * Short token texts repeat a lot (`zone`, `type`, `primary`, `"k1"`): one string per distinct
 * text instead of one per token keeps large files small. A tiny direct-mapped cache, per call.
 */
const INTERN_MAX = 32;
const INTERN_SLOTS = 4096;
function intern(text: string, i: number, j: number, cache: Array<string | undefined>): string {
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
}

export function tokenize(text: string, opts: TokenizerOptions): Token[] {
  const out: Token[] = [];
  const cache: Array<string | undefined> = new Array(INTERN_SLOTS).fill(undefined);
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
    if (c === 0x22 || (c > 0x7f && OPEN_CURLY.has(c))) {
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
          // no escapes: the contents are one piece of the text
          value = segStart === i + 1 ? intern(text, segStart, j, cache) : value + text.slice(segStart, j);
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
        text: intern(text, i, j, cache),
        start: i,
        end: j,
        value,
        problem: curly ? 'curly-quoted' : closed ? undefined : 'unterminated-string',
      });
      i = j;
      continue;
    }
    if (isPunct(c)) {
      out.push({ kind: Tk.Punct, text: text[i]!, start: i, end: i + 1 });
      i++;
      continue;
    }
    // word: up to whitespace, punctuation, a quote or a comment start
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 0x7f) {
        // the common case: plain ASCII
        if (d <= 0x20 || d === 0x22 || asciiPunct[d] === 1) break;
        if (d === 0x23 && hash) break;
      } else if (d === 0x7f || d === 0xfeff || d === 0xa0 || punct.has(d) || OPEN_CURLY.has(d)) break;
      if (d === 0x2f && slashy) {
        const e = text.charCodeAt(j + 1);
        if ((e === 0x2f && opts.slashComments) || (e === 0x2a && opts.blockComments)) break;
      }
      j++;
    }
    out.push({ kind: Tk.Word, text: intern(text, i, j, cache), start: i, end: j });
    i = j;
  }
  return out;
}
