/**
 * The master-file format as BIND reads it (RFC 1035 §5.1, RFC 2308 §4 `$TTL`, BIND's
 * `$GENERATE`): lines of tokens, `;` comments, `( ... )` across lines, quoted strings with `\`
 * escapes, a blank owner that inherits the previous one, TTL and class in either order, the
 * `$ORIGIN`, `$TTL`, `$INCLUDE` and `$GENERATE` directives. One pass, total: any text in, a tree
 * and the problems of its syntax out (one per line, not a cascade).
 */
import { Bytes, Ints } from './ints';

/** A token of a line: its text (quotes removed, escapes kept as written), and where it is. */
export interface ZoneToken {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface ZoneRecord {
  /** The owner as written; undefined: the line starts with blank space (the previous owner). */
  readonly owner?: ZoneToken;
  readonly ttl?: ZoneToken;
  readonly cls?: ZoneToken;
  readonly type: ZoneToken;
  readonly rdata: readonly ZoneToken[];
  /** Offsets of the whole record, parentheses and all, and its first line (0-based). */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export type DirectiveName = '$ORIGIN' | '$TTL' | '$INCLUDE' | '$GENERATE';

export interface ZoneDirective {
  readonly name: DirectiveName;
  readonly keyword: ZoneToken;
  readonly args: readonly ZoneToken[];
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export interface ZoneSyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ZoneTree {
  readonly text: string;
  /** Records and directives in file order. */
  readonly entries: ReadonlyArray<ZoneRecord | ZoneDirective>;
  readonly problems: readonly ZoneSyntaxProblem[];
}

export const isDirective = (e: ZoneRecord | ZoneDirective): e is ZoneDirective => 'keyword' in e;

const DIRECTIVES: readonly DirectiveName[] = ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE'];

/** The classes a record may name (RFC 1035 §3.2.4, RFC 3597 CLASSnnn). */
const CLASS = /^(?:IN|CH|CHAOS|HS|HESIOD|NONE|ANY|CLASS\d{1,5})$/i;

/** The first letters of CLASS's words, in lower case (`i` `c` `h` `n` `a`). */
const CLASS_FIRST = [0x69, 0x63, 0x68, 0x6e, 0x61];

/** A TTL as BIND reads it: seconds, or numbers each with a unit w, d, h, m or s. */
export const TTL = /^(?:\d+|(?:\d+[wdhms])+)$/i;

/** Whether the token starting at offset s is quoted: only a quoted string starts with `"`. */
const quotedAt = (text: string, s: number): boolean => text.charCodeAt(s) === 0x22;

/**
 * The tree as columns of numbers: per token its offsets (a quoted one starts at its `"`; the few
 * never closed are listed apart), per entry its offsets, line, first token and how its tokens
 * read (a directive's name; a record's owner, TTL, class and type positions). `entries`, the
 * objects the features read, are made from them when first asked for; the checks of a whole file
 * read the columns, one entry at a time (entryAt). A million-record zone's tree is about 60 MB.
 */
export class PackedZoneTree implements ZoneTree {
  private made: Array<ZoneRecord | ZoneDirective> | undefined;
  constructor(
    readonly text: string,
    readonly problems: readonly ZoneSyntaxProblem[],
    /**
     * Per token: its start and its length (LONG: 255 or more, found again by reading the token);
     * the quoted tokens whose string is never closed.
     */
    readonly tStart: Int32Array,
    readonly tLen: Uint8Array,
    readonly unclosed: ReadonlySet<number>,
    /** Per entry: start, end, first line, first token (one more: the end of the last), code. */
    readonly eStart: Int32Array,
    readonly eEnd: Int32Array,
    readonly eLine: Int32Array,
    readonly eTok: Int32Array,
    readonly eCode: Int32Array,
  ) {}
  get size(): number {
    return this.eStart.length;
  }
  get entries(): ReadonlyArray<ZoneRecord | ZoneDirective> {
    if (!this.made) {
      const out: Array<ZoneRecord | ZoneDirective> = [];
      for (let i = 0; i < this.size; i++) out.push(this.make(i));
      this.made = out;
    }
    return this.made;
  }
  /** The text of token k (a quoted one without its quotes). */
  tokenText(k: number): string {
    return textOf(this.text, this.tStart[k]!, this.tokenEnd(k), this.unclosed.has(k));
  }
  /** Where token k ends. */
  tokenEnd(k: number): number {
    return endOf(this.text, this.tStart[k]!, this.tLen[k]!);
  }
  token(k: number): ZoneToken {
    const start = this.tStart[k]!;
    return { text: this.tokenText(k), quoted: quotedAt(this.text, start), start, end: this.tokenEnd(k) };
  }
  /** The token after entry i's last (its tokens are eTok[i] up to this). */
  tokensEnd(i: number): number {
    return this.eTok[i + 1]!;
  }
  /** Whether entry i is a directive. */
  isDirectiveAt(i: number): boolean {
    return (this.eCode[i]! & KIND) !== 0;
  }
  /** The type of record i as written, without making the record. */
  typeTextAt(i: number): string {
    return this.tokenText(this.eTok[i]! + ((this.eCode[i]! >> TYPE_AT) & 3));
  }
  /** The token of record i's owner, TTL or class (-1: none written), or its type. */
  ownerTokenAt(i: number): number {
    return this.eCode[i]! & OWNER ? this.eTok[i]! : -1;
  }
  ttlTokenAt(i: number): number {
    const at = (this.eCode[i]! >> TTL_AT) & 3;
    return at ? this.eTok[i]! + at - 1 : -1;
  }
  clsTokenAt(i: number): number {
    const at = (this.eCode[i]! >> CLS_AT) & 3;
    return at ? this.eTok[i]! + at - 1 : -1;
  }
  typeTokenAt(i: number): number {
    return this.eTok[i]! + ((this.eCode[i]! >> TYPE_AT) & 3);
  }
  /** Whether token k is `upper` (an upper-case word) in any ASCII case, compared in place. */
  tokenIs(k: number, upper: string): boolean {
    const s = this.tStart[k]!;
    if (this.tokenEnd(k) - s !== upper.length) return false;
    for (let c = 0; c < upper.length; c++) {
      const ch = this.text.charCodeAt(s + c);
      if ((ch >= 0x61 && ch <= 0x7a ? ch - 32 : ch) !== upper.charCodeAt(c)) return false;
    }
    return true;
  }
  /** Whether token k was quoted. */
  isQuotedAt(k: number): boolean {
    return quotedAt(this.text, this.tStart[k]!);
  }
  /** Entry i, as made once for `entries`, or made now (and not kept). */
  at(i: number): ZoneRecord | ZoneDirective {
    return this.made ? this.made[i]! : this.make(i);
  }
  private make(i: number): ZoneRecord | ZoneDirective {
    const first = this.eTok[i]!;
    const last = this.eTok[i + 1]!;
    const code = this.eCode[i]!;
    const start = this.eStart[i]!;
    const end = this.eEnd[i]!;
    const line = this.eLine[i]!;
    const kind = code & KIND;
    if (kind) {
      const args: ZoneToken[] = [];
      for (let k = first + 1; k < last; k++) args.push(this.token(k));
      return { name: DIRECTIVES[kind - 1]!, keyword: this.token(first), args, start, end, line };
    }
    const typeAt = first + ((code >> TYPE_AT) & 3);
    const ttlAt = (code >> TTL_AT) & 3;
    const clsAt = (code >> CLS_AT) & 3;
    const rdata: ZoneToken[] = [];
    for (let k = typeAt + 1; k < last; k++) rdata.push(this.token(k));
    return {
      owner: code & OWNER ? this.token(first) : undefined,
      ttl: ttlAt ? this.token(first + ttlAt - 1) : undefined,
      cls: clsAt ? this.token(first + clsAt - 1) : undefined,
      type: this.token(typeAt),
      rdata,
      start,
      end,
      line,
    };
  }
}

/** An entry's code: its kind (0 a record, else 1 + the directive's index), and a record's layout. */
const KIND = 7;
const OWNER = 8;
/** Where a record's TTL and class are (1 + their index among its tokens, 0: none), and its type. */
const TTL_AT = 4;
const CLS_AT = 6;
const TYPE_AT = 8;

/** How many entries a tree has, without making them. */
export const entryCount = (tree: ZoneTree): number =>
  tree instanceof PackedZoneTree ? tree.size : tree.entries.length;

/** Entry i of a tree; a packed tree's is made for the asking (hold it only as long as needed). */
export const entryAt = (tree: ZoneTree, i: number): ZoneRecord | ZoneDirective =>
  tree instanceof PackedZoneTree ? tree.at(i) : tree.entries[i]!;

/**
 * Whether entry i is a record of type `upper` (an upper-case mnemonic), compared without making
 * the type's text.
 */
export function entryTypeIs(tree: ZoneTree, i: number, upper: string): boolean {
  if (!(tree instanceof PackedZoneTree)) return entryTypeText(tree, i)?.toUpperCase() === upper;
  return !tree.isDirectiveAt(i) && tree.tokenIs(tree.typeTokenAt(i), upper);
}

/** The type of entry i as written, undefined for a directive. */
export function entryTypeText(tree: ZoneTree, i: number): string | undefined {
  if (tree instanceof PackedZoneTree) return tree.isDirectiveAt(i) ? undefined : tree.typeTextAt(i);
  const e = tree.entries[i]!;
  return isDirective(e) ? undefined : e.type.text;
}

/** A token's length when it is 255 characters or more (its end is found by reading it again). */
const LONG = 255;

/** The end of the token at s whose length column says `len`. */
function endOf(text: string, s: number, len: number): number {
  if (len < LONG) return s + len;
  if (!quotedAt(text, s)) return word(text, s);
  const to = quoted(text, s);
  return to < 0 ? -to : to + 1;
}

/** The text of a token at [s, e): a quoted one without its quotes (an unclosed one has no last `"`). */
function textOf(text: string, s: number, e: number, unclosed: boolean): string {
  if (quotedAt(text, s)) return text.slice(s + 1, unclosed ? e : e - 1);
  return e - s <= SHORT ? shortWord(text, s, e) : text.slice(s, e);
}

/**
 * The columns being filled while the text is read, sized from the text: an entry starts a line
 * that is neither empty nor a comment, and a zone's lines hold about five tokens (no more than
 * the text has characters); the columns grow when they hold more.
 */
class Builder {
  readonly tStart: Ints;
  readonly tLen: Bytes;
  readonly unclosed = new Set<number>();
  readonly eStart: Ints;
  readonly eEnd: Ints;
  readonly eLine: Ints;
  readonly eTok: Ints;
  readonly eCode: Ints;
  constructor(text: string) {
    const lines = entryLines(text);
    const tokens = Math.min(lines * 5, text.length);
    this.tStart = new Ints(tokens);
    this.tLen = new Bytes(tokens);
    this.eStart = new Ints(lines);
    this.eEnd = new Ints(lines);
    this.eLine = new Ints(lines);
    this.eTok = new Ints(lines + 1);
    this.eCode = new Ints(lines);
  }
  text(k: number, src: string): string {
    return textOf(src, this.tStart.a[k]!, this.end(k, src), this.unclosed.has(k));
  }
  end(k: number, src: string): number {
    return endOf(src, this.tStart.a[k]!, this.tLen.a[k]!);
  }
  /** Adds a token at [s, e). */
  token(s: number, e: number): void {
    this.tStart.push(s);
    this.tLen.push(Math.min(e - s, LONG));
  }
  quoted(k: number, src: string): boolean {
    return quotedAt(src, this.tStart.a[k]!);
  }
}

/** How many lines may start an entry: those that start with neither a line break nor `;`. */
function entryLines(text: string): number {
  const starts = (at: number) => {
    const c = text.charCodeAt(at);
    return at < text.length && c !== 0x0a && c !== 0x0d && c !== 0x3b ? 1 : 0;
  };
  let n = starts(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += starts(i + 1);
  return n;
}

/** One logical line: its tokens (first to the builder's count), whether it began with blank space, where it is. */
interface Line {
  readonly first: number;
  readonly blankOwner: boolean;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export function parseZone(text: string, isTypeWord: (word: string) => boolean): ZoneTree {
  // a zone names few types, each on many lines: each word is asked about once
  const known = new Map<string, boolean>();
  const isType = (w: string) => {
    let v = known.get(w);
    if (v === undefined) {
      v = isTypeWord(w);
      if (known.size < 4096) known.set(w, v);
    }
    return v;
  };
  const b = new Builder(text);
  const problems: ZoneSyntaxProblem[] = [];
  const lineProblems: ZoneSyntaxProblem[] = [];
  // each line is made into its entry as it is read; a line that is none gives its tokens back
  logicalLines(text, b, problems, (l) => {
    const code = entry(text, b, l, isType, lineProblems);
    if (code < 0) {
      for (let k = l.first; k < b.tStart.n; k++) b.unclosed.delete(k);
      b.tStart.n = b.tLen.n = l.first;
      return;
    }
    b.eStart.push(l.start);
    b.eEnd.push(l.end);
    b.eLine.push(l.line);
    b.eTok.push(l.first);
    b.eCode.push(code);
  });
  b.eTok.push(b.tStart.n);
  // the problems of reading the text first, then those of the lines' entries
  for (const p of lineProblems) problems.push(p);
  return new PackedZoneTree(
    text,
    problems,
    b.tStart.done(),
    b.tLen.done(),
    b.unclosed,
    b.eStart.done(),
    b.eEnd.done(),
    b.eLine.done(),
    b.eTok.done(),
    b.eCode.done(),
  );
}

/** The code of one logical line's entry (see KIND), or -1: none (a blank line, a problem). */
function entry(
  text: string,
  b: Builder,
  l: Line,
  isType: (word: string) => boolean,
  problems: ZoneSyntaxProblem[],
): number {
  const n = b.tStart.n - l.first;
  if (!n) return -1;
  const first = l.first;
  if (!l.blankOwner && text.charCodeAt(b.tStart.a[first]!) === 0x24) {
    const word = b.text(first, text);
    const d = DIRECTIVES.indexOf(word.toUpperCase() as DirectiveName);
    if (d >= 0) return d + 1;
    problems.push({
      start: b.tStart.a[first]!,
      end: b.end(first, text),
      message: `Unknown directive \`${word}\`: a master file knows \`$ORIGIN\`, \`$TTL\`, \`$INCLUDE\` and \`$GENERATE\`.`,
    });
    return -1;
  }
  return record(text, b, l, n, isType, problems);
}

/** A record line: [owner] [ttl] [class] type rdata, TTL and class in either order. */
function record(
  text: string,
  b: Builder,
  l: Line,
  n: number,
  isType: (word: string) => boolean,
  problems: ZoneSyntaxProblem[],
): number {
  let i = 0;
  let code = 0;
  if (!l.blankOwner) {
    code |= OWNER;
    i++;
  }
  let ttl = 0;
  let cls = 0;
  for (let k = 0; k < 2 && i < n; k++) {
    // a TTL starts with a digit, a class with one of the letters of CLASS: others are not read
    const c = text.charCodeAt(b.tStart.a[l.first + i]!) | 0x20;
    const digit = c >= 0x30 && c <= 0x39;
    if (!digit && !CLASS_FIRST.includes(c)) break;
    const w = b.text(l.first + i, text);
    if (!ttl && digit && TTL.test(w)) ttl = ++i;
    else if (!cls && !digit && CLASS.test(w) && !isType(w)) cls = ++i;
    else break;
  }
  if (i >= n) {
    const at = b.end(l.first + n - 1, text);
    problems.push({
      start: at,
      end: at,
      message: 'The record has no type: write `[owner] [ttl] [class] TYPE data`, e.g. `www 3600 IN A 192.0.2.1`.',
    });
    return -1;
  }
  const type = b.text(l.first + i, text);
  if (b.quoted(l.first + i, text) || !isType(type)) {
    problems.push({
      start: b.tStart.a[l.first + i]!,
      end: b.end(l.first + i, text),
      message: `\`${type}\` is not a class or record type BIND knows (named-checkzone: "unknown class/type"); write the type, e.g. \`A\`, \`MX\` or \`TYPE65534\`.`,
    });
    return -1;
  }
  return code | (ttl << TTL_AT) | (cls << CLS_AT) | (i << TYPE_AT);
}

/** The text as logical lines, each handed to `each`: comments dropped, parenthesised runs joined, strings kept whole. */
function logicalLines(text: string, b: Builder, problems: ZoneSyntaxProblem[], each: (l: Line) => void): void {
  const n = text.length;
  let i = 0;
  let lineNo = 0;
  while (i < n) {
    const startLine = lineNo;
    const start = i;
    const blankOwner = text[i] === ' ' || text[i] === '\t';
    const first = b.tStart.n;
    let depth = 0;
    let openAt = -1;
    let end = i;
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        lineNo++;
        i++;
        if (depth === 0) break;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
        continue;
      }
      if (c === 0x3b) {
        while (i < n && text.charCodeAt(i) !== 0x0a) i++;
        continue;
      }
      if (c === 0x28) {
        if (depth === 0) openAt = i;
        depth++;
        i++;
        end = i;
        continue;
      }
      if (c === 0x29) {
        if (depth === 0)
          problems.push({ start: i, end: i + 1, message: 'A `)` closes no `(`: remove it, or open the group.' });
        else depth--;
        i++;
        end = i;
        continue;
      }
      if (c === 0x22) {
        const to = quoted(text, i, problems);
        const e = to < 0 ? -to : to + 1;
        b.token(i, e);
        if (to < 0) b.unclosed.add(b.tStart.n - 1);
        // a quoted string may run over lines: count them
        for (let k = i; k < (to < 0 ? -to : to); k++) if (text.charCodeAt(k) === 0x0a) lineNo++;
        i = e;
      } else {
        const e = word(text, i);
        b.token(i, e);
        i = e;
      }
      end = i;
    }
    if (depth > 0)
      problems.push({
        start: openAt,
        end: openAt + 1,
        message: 'A `(` is never closed: the record runs to the end of the file. Close it with `)`.',
      });
    each({ first, blankOwner, start, end, line: startLine });
  }
}

/** Words this short (`IN`, `A`, `MX`, `10`, `@`) are held once each, however often they are written. */
const SHORT = 4;
const shortWords = new Map<number, string>();
/** The word text[s, e) (of up to SHORT characters), held once: looked up by a number its ASCII characters make. */
function shortWord(text: string, s: number, e: number): string {
  let key = e - s;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c > 0x7f) return text.slice(s, e);
    key = key * 128 + c;
  }
  const held = shortWords.get(key);
  if (held !== undefined) return held;
  const w = text.slice(s, e);
  if (shortWords.size < 65536) shortWords.set(key, w);
  return w;
}

/** A word: up to blank space, `;`, `(`, `)` or a quote; `\` escapes the next character. Returns its end. */
function word(text: string, i: number): number {
  const start = i;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && i + 1 < n && text.charCodeAt(i + 1) !== 0x0a) {
      i += 2;
      continue;
    }
    if (c <= 0x20 || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x22) break;
    i++;
  }
  if (i === start) i++; // a lone control character: a token of its own, never a loop
  return i;
}

/**
 * A quoted string: to the next unescaped `"`, whose offset is returned; one never closed runs to
 * its line's end, returned negated (never 0: the string's `"` comes first).
 */
function quoted(text: string, i: number, problems?: ZoneSyntaxProblem[]): number {
  const start = i++;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && i + 1 < n) {
      i += 2;
      continue;
    }
    if (c === 0x22) return i;
    if (c === 0x0a) break;
    i++;
  }
  problems?.push({ start, end: i, message: 'A quoted string is not closed on its line: add the closing `"`.' });
  return -i;
}
