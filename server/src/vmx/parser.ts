/**
 * The .vmx line parser. One `key = "value"` per line, `#` comments (also after the value),
 * keys case-insensitive. A single linear pass per line: total, never throws, no regular
 * expression runs over an unbounded line.
 *
 * What libvirt's reader (util/virconf.c, VMX flavour) accepts, and what VMware writes:
 * a key of letters, digits, `_ : . -` (a leading `.` for `.encoding`), `=`, a value in
 * double quotes with no escapes inside (special characters are written `|22`, `|0A`).
 */
import { makeInterner } from '../common/tokenizer';

export type QuoteKind = 'straight' | 'curly' | 'none';

export interface VmxEntry {
  /** 0-based line number. */
  readonly line: number;
  readonly key: string;
  readonly keyLower: string;
  /** Offsets in the document. */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Offset of the `=`. */
  readonly eq: number;
  /** The raw text between the quotes (or the bare word for an unquoted value). */
  readonly raw: string;
  /** The value with `|XX` escapes decoded. */
  readonly value: string;
  /** Offsets of the value text, quotes excluded. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Offsets of the value including its quotes (equal to valueStart/End when unquoted). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly quote: QuoteKind;
  /** The closing quote is missing. */
  readonly unterminated: boolean;
  /** End of the line (offset of the line break or end of text). */
  readonly lineEnd: number;
  readonly lineStart: number;
}

export type SyntaxProblemKind =
  | 'missing-equals'
  | 'bad-key'
  | 'missing-value'
  | 'unterminated'
  | 'curly-quotes'
  | 'trailing-text'
  | 'unquoted'
  | 'bad-escape';

export interface SyntaxProblem {
  readonly kind: SyntaxProblemKind;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** For bad keys: the offending character. */
  readonly detail?: string;
}

export interface VmxTree {
  readonly entries: VmxEntry[];
  readonly problems: SyntaxProblem[];
  /** Entries by lower-cased key; the last one wins, as in VMware. */
  readonly byKey: Map<string, VmxEntry[]>;
  /** Comment lines (0-based). */
  readonly commentLines: number[];
}

/** Typographic quotes pasted from web pages and word processors (double and single). */
const CURLY_DOUBLE = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033]);
const CURLY_SINGLE = new Set([0x2018, 0x2019, 0x201a, 0x201b]);
const CURLY_OPEN = new Set([...CURLY_DOUBLE, ...CURLY_SINGLE]);

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f || // _
    c === 0x3a || // :
    c === 0x2e || // .
    c === 0x2d // -
  );
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0xfeff;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Decode `|XX` escapes; returns the decoded text and the offsets (in raw) of bad escapes. */
export function decodeValue(raw: string): { value: string; bad: number[] } {
  if (raw.indexOf('|') < 0) return { value: raw, bad: [] };
  let out = '';
  const bad: number[] = [];
  for (let k = 0; k < raw.length; k++) {
    const ch = raw.charCodeAt(k);
    if (ch === 0x7c) {
      if (k + 2 < raw.length + 0 && isHex(raw.charCodeAt(k + 1)) && isHex(raw.charCodeAt(k + 2))) {
        out += String.fromCharCode(parseInt(raw.slice(k + 1, k + 3), 16));
        k += 2;
        continue;
      }
      bad.push(k);
    }
    out += raw[k];
  }
  return { value: out, bad };
}

/** Escape a plain value the way VMware writes it (`"` → `|22`, `|` → `|7C`, line breaks). */
export function encodeValue(plain: string): string {
  let out = '';
  for (const ch of plain) {
    if (ch === '"' || ch === '|' || ch === '\n' || ch === '\r' || ch === '#') {
      out += '|' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    } else out += ch;
  }
  return out;
}

/**
 * Keys and short values repeat (a file of a million settings may hold thirty distinct keys):
 * one string per distinct text, and one lower-case form per key.
 */
interface SharedStrings {
  slice(start: number, end: number): string;
  lower(key: string): string;
}
function sharedStrings(text: string): SharedStrings {
  const slice = makeInterner(text);
  const lowers = new Map<string, string>();
  return {
    slice,
    lower(key) {
      let l = lowers.get(key);
      if (l === undefined) {
        l = key.toLowerCase();
        // a key already in lower case is its own lower-case form: keep the one shared string
        if (l === key) l = key;
        if (lowers.size < 4096) lowers.set(key, l);
      }
      return l;
    },
  };
}

export function parseVmx(text: string): VmxTree {
  const entries: VmxEntry[] = [];
  const problems: SyntaxProblem[] = [];
  const byKey = new Map<string, VmxEntry[]>();
  const commentLines: number[] = [];
  const n = text.length;
  const shared = sharedStrings(text);
  let line = 0;
  let pos = 0;
  while (pos <= n) {
    // find the end of this line
    let end = pos;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    parseLine(text, pos, end, line, entries, problems, commentLines, shared);
    if (end >= n) break;
    // skip \r\n, \n or \r
    if (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a) pos = end + 2;
    else pos = end + 1;
    line++;
  }
  for (const e of entries) {
    const list = byKey.get(e.keyLower);
    if (list) list.push(e);
    else byKey.set(e.keyLower, [e]);
  }
  return { entries, problems, byKey, commentLines };
}

function parseLine(
  text: string,
  start: number,
  end: number,
  line: number,
  entries: VmxEntry[],
  problems: SyntaxProblem[],
  commentLines: number[],
  shared: SharedStrings,
): void {
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i >= end) return; // blank line
  if (text.charCodeAt(i) === 0x23) {
    commentLines.push(line);
    return;
  }
  const keyStart = i;
  while (i < end && isKeyChar(text.charCodeAt(i))) i++;
  let keyEnd = i;
  // a key may not hold other characters: find where it really ends (at blank or `=`)
  if (i < end && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d) {
    let j = i;
    while (j < end && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x3d) j++;
    const eqAfter = text.indexOf('=', j);
    if (keyEnd === keyStart || eqAfter < 0 || eqAfter >= end) {
      problems.push({
        kind: 'missing-equals',
        line,
        start: keyStart,
        end: Math.min(end, keyStart + 200),
        message: 'This line is not a setting: a .vmx line is `key = "value"` or a `#` comment.',
      });
      return;
    }
    problems.push({
      kind: 'bad-key',
      line,
      start: i,
      end: i + 1,
      detail: text[i],
      message: `Unexpected character \`${text[i]}\` in the key: keys are letters, digits and \`_ : . -\`.`,
    });
    keyEnd = j;
    i = j;
  }
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) !== 0x3d) {
    problems.push({
      kind: 'missing-equals',
      line,
      start: keyStart,
      end: Math.max(keyEnd, keyStart + 1),
      message:
        keyEnd > keyStart
          ? `Missing \`=\` after \`${clip(text.slice(keyStart, keyEnd))}\`: write \`${clip(text.slice(keyStart, keyEnd))} = "value"\`.`
          : 'This line is not a setting: a .vmx line is `key = "value"` or a `#` comment.',
    });
    return;
  }
  if (keyEnd === keyStart) {
    problems.push({ kind: 'missing-equals', line, start: i, end: i + 1, message: 'Missing key before `=`: a .vmx line is `key = "value"`.' });
    return;
  }
  const eq = i;
  i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  const key = shared.slice(keyStart, keyEnd);
  const keyLower = shared.lower(key);
  if (i >= end || text.charCodeAt(i) === 0x23) {
    problems.push({ kind: 'missing-value', line, start: eq, end: eq + 1, message: `Missing value after \`${clip(key)} =\`: write \`${clip(key)} = "value"\` (use \`""\` for an empty value).` });
    entries.push({ line, key, keyLower, keyStart, keyEnd, eq, lineStart: start, lineEnd: end, raw: '', value: '', valueStart: i, valueEnd: i, tokenStart: i, tokenEnd: i, quote: 'none', unterminated: false });
    return;
  }
  const c = text.charCodeAt(i);
  let raw: string;
  let valueStart: number;
  let valueEnd: number;
  let tokenEnd: number;
  let quote: QuoteKind;
  let unterminated = false;
  const tokenStart = i;
  if (c === 0x22 || c === 0x27 || CURLY_OPEN.has(c)) {
    const curly = CURLY_OPEN.has(c);
    quote = curly ? 'curly' : 'straight';
    valueStart = i + 1;
    let j = valueStart;
    if (CURLY_SINGLE.has(c)) {
      // apostrophes are common inside: the value ends at the last single quote on the line
      let last = end - 1;
      while (last >= valueStart && !(CURLY_SINGLE.has(text.charCodeAt(last)) || text.charCodeAt(last) === 0x27)) last--;
      j = last >= valueStart ? last : end;
    } else while (j < end) {
      const d = text.charCodeAt(j);
      if (curly ? (CURLY_DOUBLE.has(c) ? CURLY_DOUBLE.has(d) || d === 0x22 : CURLY_SINGLE.has(d) || d === 0x27) : d === c) break;
      j++;
    }
    valueEnd = j;
    if (j >= end) {
      unterminated = true;
      tokenEnd = end;
      // trailing blanks are not part of an unterminated value
      while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    } else tokenEnd = j + 1;
    raw = shared.slice(valueStart, valueEnd);
    if (curly) {
      problems.push({
        kind: 'curly-quotes',
        line,
        start: tokenStart,
        end: tokenEnd,
        message: `Curly quotes around the value of \`${clip(key)}\`: VMware reads “ ” as part of the value, not as quotes. Use straight quotes: \`${clip(key)} = "${clip(raw)}"\`.`,
      });
    } else if (unterminated && firstCurly(raw) >= 0) {
      // "value” : a straight quote closed by a curly one
      const at = firstCurly(raw);
      raw = raw.slice(0, at);
      valueEnd = valueStart + at;
      quote = 'curly';
      problems.push({
        kind: 'curly-quotes',
        line,
        start: tokenStart,
        end: tokenEnd,
        message: `The value of \`${clip(key)}\` is closed by a curly quote \`${text[valueEnd]}\`: VMware needs a straight one. Write \`${clip(key)} = "${clip(raw)}"\`.`,
      });
    } else if (unterminated) {
      problems.push({
        kind: 'unterminated',
        line,
        start: tokenStart,
        end: tokenStart + 1,
        message: `Unterminated value of \`${clip(key)}\`: this \`${text[tokenStart]}\` has no closing \`${text[tokenStart]}\` on the line.`,
      });
    } else if (c === 0x27) {
      // single quotes: libvirt's reader takes them, VMware writes double quotes
      problems.push({ kind: 'unquoted', line, start: tokenStart, end: tokenEnd, message: `Value of \`${clip(key)}\` in single quotes: VMware writes double quotes (\`"${clip(raw)}"\`).` });
    }
  } else {
    // a bare word: up to a blank or comment
    quote = 'none';
    valueStart = i;
    let j = i;
    while (j < end && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x23) j++;
    valueEnd = j;
    tokenEnd = j;
    raw = shared.slice(valueStart, valueEnd);
    problems.push({
      kind: 'unquoted',
      line,
      start: valueStart,
      end: valueEnd,
      message: `Value of \`${clip(key)}\` is not quoted: write \`${clip(key)} = "${clip(raw)}"\` (libvirt and other tools refuse bare values).`,
    });
  }
  // after the value: blanks, then nothing or a comment
  let k = tokenEnd;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  if (k < end && text.charCodeAt(k) !== 0x23) {
    let e = end;
    while (e > k && isBlank(text.charCodeAt(e - 1))) e--;
    problems.push({
      kind: 'trailing-text',
      line,
      start: k,
      end: e,
      message: `Unexpected text \`${clip(text.slice(k, e))}\` after the value of \`${clip(key)}\`: only a \`#\` comment may follow the closing quote.`,
    });
  }
  const dec = decodeValue(raw);
  if (dec.bad.length && quote !== 'curly') {
    const at = valueStart + dec.bad[0]!;
    problems.push({
      kind: 'bad-escape',
      line,
      start: at,
      end: Math.min(at + 3, valueEnd),
      message: `\`|\` in the value of \`${clip(key)}\` does not start a \`|XX\` hex escape: VMware reads \`|\` followed by two hex digits as one character; write a literal \`|\` as \`|7C\`.`,
    });
  }
  entries.push({ line, key, keyLower, keyStart, keyEnd, eq, lineStart: start, lineEnd: end, raw, value: dec.value, valueStart, valueEnd, tokenStart, tokenEnd, quote, unterminated });
}

function firstCurly(s: string): number {
  for (let k = 0; k < s.length; k++) if (CURLY_DOUBLE.has(s.charCodeAt(k))) return k;
  return -1;
}

export function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}
