/**
 * The .vmx line parser. One `key = "value"` per line, `#` comments (also after the value),
 * keys case-insensitive. A single linear pass per line: total, never throws, no regular
 * expression runs over an unbounded line.
 *
 * What libvirt's reader (util/virconf.c, VMX flavour) accepts, and what VMware writes:
 * a key of letters, digits, `_ : . -` (a leading `.` for `.encoding`), `=`, a value in
 * double quotes with no escapes inside (special characters are written `|22`, `|0A`).
 *
 * The tree is a table (`VmxEntries`): a few numbers per setting, with its entry objects made
 * when read. Syntax problems stop at MAX_FINDINGS_PER_RULE + 1 of a kind.
 */
import { makeInterner } from '../common/tokenizer';
import { IntRows } from '../common/rows';
import { findingBudget } from '../service/types';

export type QuoteKind = 'straight' | 'curly' | 'none';

/** One setting, as `VmxEntries.at` makes it (a new object on each read). */
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

export interface KeyUse {
  /** How many settings use the key. */
  readonly count: number;
  /** Index (in `entries`) of the last one, the one VMware keeps. */
  readonly last: number;
}

export interface VmxTree {
  readonly entries: VmxEntries;
  readonly problems: SyntaxProblem[];
  /** Uses by lower-cased key; the last one wins, as in VMware. */
  readonly byKey: Map<string, KeyUse>;
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

// The entry table: seven numbers per setting, in chunks (a file of a million settings would
// otherwise keep a million objects of sixteen fields, and on a machine where fresh memory is slow
// that alone takes a second). Keys repeat (a million settings may hold thirty distinct keys):
// each distinct key text is kept once, with its lower-case form, and a row names it by number.
// The value strings, the entry objects and the offsets that follow from the text (the line's
// start, the `=`, the quotes) are made when read.
const LINE_FLAGS = 0; // line << 3 | unterminated << 2 | quote
const KEY_START = 1;
const KEY_END = 2;
const VALUE_START = 3;
const VALUE_END = 4;
const KEY_ID = 5;
const LINE_END = 6;
const STRIDE = 7;
const QUOTES: readonly QuoteKind[] = ['straight', 'curly', 'none'];
const UNTERMINATED = 4;

/**
 * The settings of a file, in line order. `at(i)` (and iteration) makes a fresh VmxEntry each
 * time: compare entries by `line` or offsets, not by identity. The column readers (`lineStart`,
 * `keyLower`...) read one field without making the object.
 */
export class VmxEntries implements Iterable<VmxEntry> {
  private readonly rows = new IntRows(STRIDE);
  private readonly intern: (start: number, end: number) => string;
  /** Distinct key texts, their lower-case forms, and the number of each text. */
  readonly keyTexts: string[] = [];
  readonly keyLowers: string[] = [];
  private readonly keyIds = new Map<string, number>();

  constructor(private readonly text: string) {
    this.intern = makeInterner(text);
  }

  get length(): number {
    return this.rows.length;
  }

  /** Called by the parser, in line order. */
  add(
    line: number,
    lineEnd: number,
    keyStart: number,
    keyEnd: number,
    valueStart: number,
    valueEnd: number,
    quote: QuoteKind,
    unterminated: boolean,
  ): void {
    const r = this.rows;
    const i = r.add();
    // line * 8 stays below 2^32 (a string holds fewer than 2^29 characters): read back unsigned
    r.set(i, LINE_FLAGS, line * 8 + (unterminated ? UNTERMINATED : 0) + QUOTES.indexOf(quote));
    r.set(i, KEY_START, keyStart);
    r.set(i, KEY_END, keyEnd);
    r.set(i, VALUE_START, valueStart);
    r.set(i, VALUE_END, valueEnd);
    r.set(i, LINE_END, lineEnd);
    const key = this.intern(keyStart, keyEnd);
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyTexts.length;
      this.keyIds.set(key, id);
      this.keyTexts.push(key);
      const lower = key.toLowerCase();
      // a key already in lower case is its own lower-case form: keep the one string
      this.keyLowers.push(lower === key ? key : lower);
    }
    r.set(i, KEY_ID, id);
  }

  private field(i: number, f: number): number {
    return this.rows.get(i, f);
  }
  private lineFlags(i: number): number {
    return this.rows.get(i, LINE_FLAGS) >>> 0;
  }

  line(i: number): number {
    return Math.floor(this.lineFlags(i) / 8);
  }
  /** Start of the entry's line: blanks before the key are all the line holds before it. */
  lineStart(i: number): number {
    const t = this.text;
    let s = this.field(i, KEY_START);
    while (s > 0 && isBlank(t.charCodeAt(s - 1))) s--;
    return s;
  }
  /** End of the entry's line (its line break or the end of the text). */
  lineEnd(i: number): number {
    return this.field(i, LINE_END);
  }
  /** The number of the entry's key text (an index into keyTexts and keyLowers). */
  keyId(i: number): number {
    return this.field(i, KEY_ID);
  }
  key(i: number): string {
    return this.keyTexts[this.field(i, KEY_ID)]!;
  }
  keyLower(i: number): string {
    return this.keyLowers[this.field(i, KEY_ID)]!;
  }
  keyStart(i: number): number {
    return this.field(i, KEY_START);
  }
  keyEnd(i: number): number {
    return this.field(i, KEY_END);
  }
  unterminated(i: number): boolean {
    return (this.lineFlags(i) & UNTERMINATED) !== 0;
  }
  quote(i: number): QuoteKind {
    return QUOTES[this.lineFlags(i) & 3]!;
  }

  at(i: number): VmxEntry {
    const t = this.text;
    const lineFlags = this.lineFlags(i);
    const keyStart = this.field(i, KEY_START);
    const keyEnd = this.field(i, KEY_END);
    const valueStart = this.field(i, VALUE_START);
    const valueEnd = this.field(i, VALUE_END);
    const keyId = this.field(i, KEY_ID);
    const raw = t.slice(valueStart, valueEnd);
    const quote = QUOTES[lineFlags & 3]!;
    const unterminated = (lineFlags & UNTERMINATED) !== 0;
    const lineEnd = this.lineEnd(i);
    let eq = keyEnd;
    while (eq < t.length && t.charCodeAt(eq) !== 0x3d) eq++;
    return {
      line: Math.floor(lineFlags / 8),
      key: this.keyTexts[keyId]!,
      keyLower: this.keyLowers[keyId]!,
      keyStart,
      keyEnd,
      eq,
      raw,
      value: raw.indexOf('|') < 0 ? raw : decodeValue(raw).value,
      valueStart,
      valueEnd,
      tokenStart: quote === 'none' ? valueStart : valueStart - 1,
      tokenEnd: unterminated ? lineEnd : quote === 'none' ? valueEnd : valueEnd + 1,
      quote,
      unterminated,
      lineStart: this.lineStart(i),
      lineEnd,
    };
  }

  *[Symbol.iterator](): Iterator<VmxEntry> {
    for (let i = 0; i < this.rows.length; i++) yield this.at(i);
  }
}

/**
 * Syntax problems, at most MAX_FINDINGS_PER_RULE + 1 of each kind (the facade lists no more of a
 * rule than that, and every rule's first ones are among its kinds' first ones).
 */
class Problems {
  readonly list: SyntaxProblem[] = [];
  /** Whether one more problem of a kind would be kept; the caller builds it only then. */
  readonly wants = findingBudget<SyntaxProblemKind>();
  push(p: SyntaxProblem): void {
    this.list.push(p);
  }
}

export function parseVmx(text: string): VmxTree {
  const problems = new Problems();
  const byKey = new Map<string, { count: number; last: number }>();
  const commentLines: number[] = [];
  const n = text.length;
  const entries = new VmxEntries(text);
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
    parseLine(text, pos, end, line, entries, problems, commentLines);
    if (end >= n) break;
    // skip \r\n, \n or \r
    if (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a) pos = end + 2;
    else pos = end + 1;
    line++;
  }
  const useOfId = entries.keyLowers.map((lower) => {
    let use = byKey.get(lower);
    if (!use) byKey.set(lower, (use = { count: 0, last: -1 }));
    return use;
  });
  for (let i = 0; i < entries.length; i++) {
    const use = useOfId[entries.keyId(i)]!;
    use.count++;
    use.last = i;
  }
  return { entries, problems: problems.list, byKey, commentLines };
}

function parseLine(
  text: string,
  start: number,
  end: number,
  line: number,
  entries: VmxEntries,
  problems: Problems,
  commentLines: number[],
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
    // an `=` later on this line (not text.indexOf: on a file of lines without one, that would
    // search the rest of the file from every line)
    let eqAfter = j;
    while (eqAfter < end && text.charCodeAt(eqAfter) !== 0x3d) eqAfter++;
    if (keyEnd === keyStart || eqAfter >= end) {
      if (problems.wants('missing-equals'))
        problems.push({
          kind: 'missing-equals',
          line,
          start: keyStart,
          end: Math.min(end, keyStart + 200),
          message: 'This line is not a setting: a .vmx line is `key = "value"` or a `#` comment.',
        });
      return;
    }
    if (problems.wants('bad-key'))
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
    if (problems.wants('missing-equals'))
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
    if (problems.wants('missing-equals'))
      problems.push({
        kind: 'missing-equals',
        line,
        start: i,
        end: i + 1,
        message: 'Missing key before `=`: a .vmx line is `key = "value"`.',
      });
    return;
  }
  const eq = i;
  i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) === 0x23) {
    if (problems.wants('missing-value'))
      problems.push({
        kind: 'missing-value',
        line,
        start: eq,
        end: eq + 1,
        message: `Missing value after \`${clip(text.slice(keyStart, keyEnd))} =\`: write \`${clip(text.slice(keyStart, keyEnd))} = "value"\` (use \`""\` for an empty value).`,
      });
    entries.add(line, end, keyStart, keyEnd, i, i, 'none', false);
    return;
  }
  const c = text.charCodeAt(i);
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
    } else
      while (j < end) {
        const d = text.charCodeAt(j);
        if (
          curly
            ? CURLY_DOUBLE.has(c)
              ? CURLY_DOUBLE.has(d) || d === 0x22
              : CURLY_SINGLE.has(d) || d === 0x27
            : d === c
        )
          break;
        j++;
      }
    valueEnd = j;
    if (j >= end) {
      unterminated = true;
      tokenEnd = end;
      // trailing blanks are not part of an unterminated value
      while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    } else tokenEnd = j + 1;
    if (curly) {
      if (problems.wants('curly-quotes'))
        problems.push({
          kind: 'curly-quotes',
          line,
          start: tokenStart,
          end: tokenEnd,
          message: `Curly quotes around the value of \`${clip(text.slice(keyStart, keyEnd))}\`: VMware reads “ ” as part of the value, not as quotes. Use straight quotes: \`${clip(text.slice(keyStart, keyEnd))} = "${clip(text.slice(valueStart, valueEnd))}"\`.`,
        });
    } else if (unterminated && firstCurly(text, valueStart, valueEnd) >= 0) {
      // "value” : a straight quote closed by a curly one
      valueEnd = firstCurly(text, valueStart, valueEnd);
      quote = 'curly';
      if (problems.wants('curly-quotes'))
        problems.push({
          kind: 'curly-quotes',
          line,
          start: tokenStart,
          end: tokenEnd,
          message: `The value of \`${clip(text.slice(keyStart, keyEnd))}\` is closed by a curly quote \`${text[valueEnd]}\`: VMware needs a straight one. Write \`${clip(text.slice(keyStart, keyEnd))} = "${clip(text.slice(valueStart, valueEnd))}"\`.`,
        });
    } else if (unterminated) {
      if (problems.wants('unterminated'))
        problems.push({
          kind: 'unterminated',
          line,
          start: tokenStart,
          end: tokenStart + 1,
          message: `Unterminated value of \`${clip(text.slice(keyStart, keyEnd))}\`: this \`${text[tokenStart]}\` has no closing \`${text[tokenStart]}\` on the line.`,
        });
    } else if (c === 0x27) {
      // single quotes: libvirt's reader takes them, VMware writes double quotes
      if (problems.wants('unquoted'))
        problems.push({
          kind: 'unquoted',
          line,
          start: tokenStart,
          end: tokenEnd,
          message: `Value of \`${clip(text.slice(keyStart, keyEnd))}\` in single quotes: VMware writes double quotes (\`"${clip(text.slice(valueStart, valueEnd))}"\`).`,
        });
    }
  } else {
    // a bare word: up to a blank or comment
    quote = 'none';
    valueStart = i;
    let j = i;
    while (j < end && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x23) j++;
    valueEnd = j;
    tokenEnd = j;
    if (problems.wants('unquoted'))
      problems.push({
        kind: 'unquoted',
        line,
        start: valueStart,
        end: valueEnd,
        message: `Value of \`${clip(text.slice(keyStart, keyEnd))}\` is not quoted: write \`${clip(text.slice(keyStart, keyEnd))} = "${clip(text.slice(valueStart, valueEnd))}"\` (libvirt and other tools refuse bare values).`,
      });
  }
  // after the value: blanks, then nothing or a comment
  let k = tokenEnd;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  if (k < end && text.charCodeAt(k) !== 0x23) {
    let e = end;
    while (e > k && isBlank(text.charCodeAt(e - 1))) e--;
    if (problems.wants('trailing-text'))
      problems.push({
        kind: 'trailing-text',
        line,
        start: k,
        end: e,
        message: `Unexpected text \`${clip(text.slice(k, e))}\` after the value of \`${clip(text.slice(keyStart, keyEnd))}\`: only a \`#\` comment may follow the closing quote.`,
      });
  }
  let bar = valueStart;
  while (bar < valueEnd && text.charCodeAt(bar) !== 0x7c) bar++;
  const dec = bar < valueEnd ? decodeValue(text.slice(valueStart, valueEnd)) : undefined;
  if (dec?.bad.length && quote !== 'curly') {
    const at = valueStart + dec.bad[0]!;
    if (problems.wants('bad-escape'))
      problems.push({
        kind: 'bad-escape',
        line,
        start: at,
        end: Math.min(at + 3, valueEnd),
        message: `\`|\` in the value of \`${clip(text.slice(keyStart, keyEnd))}\` does not start a \`|XX\` hex escape: VMware reads \`|\` followed by two hex digits as one character; write a literal \`|\` as \`|7C\`.`,
      });
  }
  entries.add(line, end, keyStart, keyEnd, valueStart, valueEnd, quote, unterminated);
}

/** Offset of the first curly double quote in text[from, to), or -1. */
function firstCurly(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (CURLY_DOUBLE.has(text.charCodeAt(k))) return k;
  return -1;
}

export function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}
