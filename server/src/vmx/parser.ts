/**
 * The .vmx line parser. One `key = "value"` per line, `#` comments (also after the value),
 * keys case-insensitive. A single linear pass per line: total, never throws, no regular
 * expression runs over an unbounded line.
 *
 * What libvirt's reader (util/virconf.c, VMX flavour) accepts, and what VMware writes:
 * a key of letters, digits, `_ : . -` (a leading `.` for `.encoding`), `=`, a value in
 * double quotes with no escapes inside (special characters are written `|22`, `|0A`).
 *
 * The tree is a table (`VmxEntries`, entries.ts): a few numbers per setting, with its entry objects made
 * when read. Syntax problems stop at MAX_FINDINGS_PER_RULE + 1 of a kind; values (escapes included)
 * are checked in checks/.
 */
import { CURLY_DOUBLE, CURLY_SINGLE } from '../common/quotes';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingBudget } from '../common/findings';
import { isBlank, VmxEntries, type QuoteKind } from './entries';

export type SyntaxProblemKind =
  | 'missing-equals'
  | 'incomplete'
  | 'bad-key'
  | 'missing-value'
  | 'unterminated'
  | 'curly-quotes'
  | 'trailing-text'
  | 'unquoted';

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

/** The tree of a .vmx document. */
export function parse(doc: TextDocument): VmxTree {
  return parseText(doc.getText());
}

export function parseText(text: string): VmxTree {
  const problems = new Problems();
  const commentLines: number[] = [];
  const n = text.length;
  const entries = new VmxEntries(text);
  const reader = new LineReader(text, entries, problems, commentLines);
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
    reader.read(pos, end, line);
    if (end >= n) break;
    // skip \r\n, \n or \r
    if (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a) pos = end + 2;
    else pos = end + 1;
    line++;
  }
  return { entries, problems: problems.list, byKey: keyUses(entries), commentLines };
}

/** How many settings use each lower-case key, and the last of them. */
function keyUses(entries: VmxEntries): Map<string, KeyUse> {
  const byKey = new Map<string, { count: number; last: number }>();
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
  return byKey;
}

const NOT_A_SETTING = 'This line is not a setting: a .vmx line is `key = "value"` or a `#` comment.';

/** A key that ends in `.` `:` `-` `_`, which no key does: its name is still being typed. */
function unfinishedKey(key: string): boolean {
  const last = key.charCodeAt(key.length - 1);
  return last === 0x2e || last === 0x3a || last === 0x2d || last === 0x5f;
}

/** A line that holds only a key. */
function incompleteMessage(key: string): string {
  const what = unfinishedKey(key)
    ? `the key ${key} is not finished. Complete it, then add = "value"`
    : `${key} has no value yet. Add = "value" after it`;
  return `Incomplete setting: ${what}. VMware refuses the file while a line has no =.`;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Reads one line at a time into the entry table; its fields hold the offsets of the line being
 * read (one reader per parse).
 */
class LineReader {
  private line = 0;
  private end = 0;
  private keyStart = 0;
  private keyEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;
  private tokenStart = 0;
  private tokenEnd = 0;
  private quote: QuoteKind = 'none';
  private unterminated = false;

  constructor(
    private readonly text: string,
    private readonly entries: VmxEntries,
    private readonly problems: Problems,
    private readonly commentLines: number[],
  ) {}

  read(start: number, end: number, line: number): void {
    const text = this.text;
    this.line = line;
    this.end = end;
    const first = skipBlanks(text, start, end);
    if (first >= end) return; // blank line
    if (text.charCodeAt(first) === 0x23) {
      this.commentLines.push(line);
      return;
    }
    const eq = this.readKey(first);
    if (eq < 0) return;
    const i = skipBlanks(text, eq + 1, end);
    if (i >= end || text.charCodeAt(i) === 0x23) {
      if (this.problems.wants('missing-value'))
        this.add('missing-value', eq, eq + 1, () => {
          const key = this.keyText();
          // no `serial1. = "value"` for a key still being typed: that key does not exist
          if (unfinishedKey(key))
            return `Missing value, and the key ${key} is not finished: a .vmx line is key = "value".`;
          return `Missing value after \`${key} =\`: write \`${key} = "value"\` (use \`""\` for an empty value).`;
        });
      this.entries.add(line, end, this.keyStart, this.keyEnd, i, i, 'none', false);
      return;
    }
    const c = text.charCodeAt(i);
    this.tokenStart = i;
    this.unterminated = false;
    if (c === 0x22 || c === 0x27 || CURLY_OPEN.has(c)) this.readQuoted(c);
    else this.readBare();
    this.readAfterValue();
    this.entries.add(
      line,
      end,
      this.keyStart,
      this.keyEnd,
      this.valueStart,
      this.valueEnd,
      this.quote,
      this.unterminated,
    );
  }

  /** The key from `i` on; returns the offset of the `=` after it, or -1 when the line is not a setting. */
  private readKey(i: number): number {
    const text = this.text;
    const end = this.end;
    const keyStart = i;
    while (i < end && isKeyChar(text.charCodeAt(i))) i++;
    this.keyStart = keyStart;
    this.keyEnd = i;
    // a key may not hold other characters: find where it really ends (at blank or `=`)
    if (i < end && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d) {
      let j = i;
      while (j < end && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x3d) j++;
      // an `=` later on this line (not text.indexOf: on a file of lines without one, that would
      // search the rest of the file from every line)
      let eqAfter = j;
      while (eqAfter < end && text.charCodeAt(eqAfter) !== 0x3d) eqAfter++;
      if (i === keyStart || eqAfter >= end) {
        if (this.problems.wants('missing-equals'))
          this.add('missing-equals', keyStart, Math.min(end, keyStart + 200), () => NOT_A_SETTING);
        return -1;
      }
      const bad = i;
      if (this.problems.wants('bad-key'))
        this.add(
          'bad-key',
          bad,
          bad + 1,
          () => `Unexpected character \`${text[bad]}\` in the key: keys are letters, digits and \`_ : . -\`.`,
          text[bad],
        );
      this.keyEnd = j;
      i = j;
    }
    i = skipBlanks(text, i, end);
    if (i >= end && this.keyEnd > keyStart) {
      // only a key on the line: a setting being typed (`serial1.`), not a wrong one
      if (this.problems.wants('incomplete'))
        this.add('incomplete', keyStart, this.keyEnd, () => incompleteMessage(this.keyText()));
      return -1;
    }
    if (i >= end || text.charCodeAt(i) !== 0x3d) {
      if (this.problems.wants('missing-equals'))
        this.add('missing-equals', keyStart, Math.max(this.keyEnd, keyStart + 1), () => {
          if (this.keyEnd === keyStart) return NOT_A_SETTING;
          const key = this.keyText();
          return `Missing \`=\` after \`${key}\`: write \`${key} = "value"\`.`;
        });
      return -1;
    }
    if (this.keyEnd === keyStart) {
      if (this.problems.wants('missing-equals'))
        this.add('missing-equals', i, i + 1, () => 'Missing key before `=`: a .vmx line is `key = "value"`.');
      return -1;
    }
    return i;
  }

  /** A value in quotes, opened by `open` at tokenStart. */
  private readQuoted(open: number): void {
    const text = this.text;
    const end = this.end;
    const curly = CURLY_OPEN.has(open);
    this.quote = curly ? 'curly' : 'straight';
    const valueStart = this.tokenStart + 1;
    this.valueStart = valueStart;
    const j = closingQuote(text, open, valueStart, end);
    let valueEnd = j;
    if (j >= end) {
      this.unterminated = true;
      this.tokenEnd = end;
      // trailing blanks are not part of an unterminated value
      while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    } else this.tokenEnd = j + 1;
    this.valueEnd = valueEnd;
    if (curly) {
      if (this.problems.wants('curly-quotes'))
        this.add('curly-quotes', this.tokenStart, this.tokenEnd, () => {
          const key = this.keyText();
          return `Curly quotes around the value of ${key}: VMware reads them as part of the value, not as quotes. Replace them with straight double quotes (").`;
        });
    } else if (this.unterminated && firstCurly(text, valueStart, valueEnd) >= 0) {
      // "value” : a straight quote closed by a curly one
      this.valueEnd = firstCurly(text, valueStart, valueEnd);
      this.quote = 'curly';
      if (this.problems.wants('curly-quotes'))
        this.add('curly-quotes', this.tokenStart, this.tokenEnd, () => {
          const key = this.keyText();
          return `The value of ${key} is closed by a curly quote ${text[this.valueEnd]}: VMware needs a straight one. Replace it with a straight double quote (").`;
        });
    } else if (this.unterminated) {
      const q = text[this.tokenStart];
      if (this.problems.wants('unterminated'))
        this.add(
          'unterminated',
          this.tokenStart,
          this.tokenStart + 1,
          () => `Unterminated value of \`${this.keyText()}\`: this \`${q}\` has no closing \`${q}\` on the line.`,
        );
    } else if (open === 0x27) {
      // single quotes: libvirt's reader takes them, VMware writes double quotes
      if (this.problems.wants('unquoted'))
        this.add(
          'unquoted',
          this.tokenStart,
          this.tokenEnd,
          () =>
            `Value of ${this.keyText()} in single quotes: VMware writes double quotes. Replace the single quotes with straight double quotes (").`,
        );
    }
  }

  /** A bare word: up to a blank or comment. */
  private readBare(): void {
    const text = this.text;
    const end = this.end;
    this.quote = 'none';
    const valueStart = this.tokenStart;
    let j = valueStart;
    while (j < end && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x23) j++;
    this.valueStart = valueStart;
    this.valueEnd = j;
    this.tokenEnd = j;
    if (this.problems.wants('unquoted'))
      this.add(
        'unquoted',
        valueStart,
        j,
        () =>
          `Value of ${this.keyText()} is not quoted: put it in double quotes, as VMware writes it (libvirt and other tools refuse bare values).`,
      );
  }

  /** After the value: blanks, then nothing or a comment. */
  private readAfterValue(): void {
    const text = this.text;
    const end = this.end;
    const k = skipBlanks(text, this.tokenEnd, end);
    if (k >= end || text.charCodeAt(k) === 0x23) return;
    let e = end;
    while (e > k && isBlank(text.charCodeAt(e - 1))) e--;
    if (this.problems.wants('trailing-text'))
      this.add(
        'trailing-text',
        k,
        e,
        () =>
          `Unexpected text \`${clip(text.slice(k, e))}\` after the value of \`${this.keyText()}\`: only a \`#\` comment may follow the closing quote.`,
      );
  }

  private keyText(): string {
    return clip(this.text.slice(this.keyStart, this.keyEnd));
  }

  /** A syntax problem; callers ask `problems.wants(kind)` first, so none is made past the cut. */
  private add(kind: SyntaxProblemKind, start: number, end: number, message: () => string, detail?: string): void {
    const p: SyntaxProblem = { kind, line: this.line, start, end, message: message() };
    this.problems.push(detail === undefined ? p : { ...p, detail });
  }
}

/** Where the value opened by `open` at valueStart - 1 ends (its closing quote), or `end`. */
function closingQuote(text: string, open: number, valueStart: number, end: number): number {
  if (CURLY_SINGLE.has(open)) {
    // apostrophes are common inside: the value ends at the last single quote on the line
    let last = end - 1;
    while (last >= valueStart && !(CURLY_SINGLE.has(text.charCodeAt(last)) || text.charCodeAt(last) === 0x27)) last--;
    return last >= valueStart ? last : end;
  }
  let j = valueStart;
  if (CURLY_DOUBLE.has(open)) {
    while (j < end && !(CURLY_DOUBLE.has(text.charCodeAt(j)) || text.charCodeAt(j) === 0x22)) j++;
  } else {
    while (j < end && text.charCodeAt(j) !== open) j++;
  }
  return j;
}

/** Offset of the first curly double quote in text[from, to), or -1. */
function firstCurly(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (CURLY_DOUBLE.has(text.charCodeAt(k))) return k;
  return -1;
}

export function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}
