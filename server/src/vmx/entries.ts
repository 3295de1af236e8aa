/**
 * The settings of a .vmx file as a table: a few numbers per line, with the entry objects and
 * their values made when read. The parser (parser.ts) fills it.
 */
import { makeInterner } from '../common/tokenizer';
import { IntRows } from '../common/rows';

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

export function isBlank(c: number): boolean {
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
  /** Offsets of the value text, quotes excluded. */
  valueStart(i: number): number {
    return this.field(i, VALUE_START);
  }
  valueEnd(i: number): number {
    return this.field(i, VALUE_END);
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
