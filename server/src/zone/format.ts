/**
 * Formatting of zone files (issue 22), in the columns BIND and dnsfmt print: owner, TTL, class,
 * type, data. The widths are computed once for the whole file (not per block between directives:
 * a range format then agrees with a whole-file one, and a record moved across an `$ORIGIN` keeps
 * its columns), each capped (OWNER_CAP...) so that one long name does not push every line to the
 * right: a field longer than its cap is followed by one space. With `insertSpaces: false` the
 * columns are tab stops and the padding is tabs.
 *
 * What is never changed: any token (names stay relative, `@` stays `@`, quoted strings and `\DDD`
 * escapes are copied as written), the order of tokens and comments, TTL and class in the order
 * they are written, a blank owner (the record still starts with blank space, so it still inherits
 * the owner before it; an owner still starts the line). Comments stay on the lines of the tokens
 * they follow, with their text as written.
 *
 * Layout:
 * - an SOA is always written over several lines, `SOA mname rname (`, then serial, refresh, retry,
 *   expire and minimum one per line, each followed by a comment naming it unless it already has
 *   one, then `)`; DNSSEC records (DNSKEY, RRSIG, NSEC3, DS...) written in parentheses over several
 *   lines are laid out the same way, their fixed fields one per line and their base64, hex or type
 *   list kept in the lines it was written in. These field comments are the only text formatting adds.
 *   When an existing comment would have to move away from the token it follows, the record keeps
 *   its own lines instead;
 * - any other record keeps its lines; the lines after the first are indented to the data column;
 * - directives take one space between their words; comment lines keep their indentation;
 * - a run of blank lines becomes one, and blank lines at the start and end of the file go.
 *
 * Left exactly as written: a record or line with a syntax problem (tree.problems), parentheses
 * before the type or more than one pair, a token that runs over a line break, tokens with no blank
 * between them, and a line holding a lone carriage return.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormatOptions } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { isDirective, type ZoneDirective, type ZoneRecord, type ZoneToken, type ZoneTree } from './parser';

/** The widest field each column is sized for (owner, TTL, class, type). */
export const OWNER_CAP = 24;
export const TTL_CAP = 8;
export const CLASS_CAP = 6;
export const TYPE_CAP = 10;

/**
 * The records laid out one field per line: how many data fields stay on the first line, and the
 * names of the fields that follow one per line (the rest of the data keeps its lines).
 */
const KEY_FIELDS = ['flags', 'protocol', 'algorithm'];
const SIG_FIELDS = [
  'type covered',
  'algorithm',
  'labels',
  'original TTL',
  'expiration',
  'inception',
  'key tag',
  'signer',
];
const DS_FIELDS = ['key tag', 'algorithm', 'digest type'];
const NSEC3_FIELDS = ['hash algorithm', 'flags', 'iterations', 'salt'];
const FIELDS: ReadonlyMap<string, { readonly keep: number; readonly names: readonly string[] }> = new Map([
  ['SOA', { keep: 2, names: ['serial', 'refresh', 'retry', 'expire', 'minimum'] }],
  ...['DNSKEY', 'CDNSKEY', 'KEY'].map((t) => [t, { keep: 0, names: KEY_FIELDS }] as const),
  ...['RRSIG', 'SIG'].map((t) => [t, { keep: 0, names: SIG_FIELDS }] as const),
  ...['DS', 'CDS', 'DLV', 'TA'].map((t) => [t, { keep: 0, names: DS_FIELDS }] as const),
  ['NSEC3', { keep: 0, names: [...NSEC3_FIELDS, 'next hashed owner'] }],
  ['NSEC3PARAM', { keep: 0, names: NSEC3_FIELDS }],
  ['NSEC', { keep: 0, names: ['next owner'] }],
]);

/** The field-naming comments formatting may add (for tests: they are the only added text). */
export const FIELD_COMMENTS: ReadonlySet<string> = new Set(
  [...FIELDS.values()].flatMap((f) => f.names.map((n) => `; ${n}`)),
);

/** A line of the text: content [start, end) (a \r before the \n left out), the next line's start. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    const end = nl > pos && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    out.push({ start: pos, end, next: Math.min(n, nl + 1) });
    pos = nl + 1;
  }
  return out;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09;

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/** A token, parenthesis or comment of a record or directive, and its line (an index into the lines). */
interface Item {
  readonly kind: 'tok' | '(' | ')' | ';';
  /** The text as written (quotes and escapes kept; a comment without trailing blanks). */
  readonly text: string;
  readonly line: number;
  /** For a token: its index among the entry's tokens. */
  readonly tok: number;
}

/**
 * The items of an entry whose tokens are `toks`, from `line` to the end of `last`; undefined when
 * it must stay as written (something other than blanks, parentheses and comments between tokens,
 * a token across lines, two tokens with no blank between them, a lone \r).
 */
function scan(text: string, lines: readonly Line[], toks: readonly ZoneToken[], line: number, last: number) {
  const items: Item[] = [];
  let pos = lines[line]!.start;
  const to = lines[last]!.end;
  for (let t = 0; t <= toks.length; t++) {
    const upTo = t < toks.length ? toks[t]!.start : to;
    while (pos < upTo) {
      const c = text.charCodeAt(pos);
      if (isSpace(c)) pos++;
      else if (c === 0x0a) {
        line++;
        pos++;
      } else if (c === 0x0d && pos === lines[line]!.end && text.charCodeAt(pos + 1) === 0x0a) pos++;
      else if (c === 0x28 || c === 0x29) {
        items.push({ kind: c === 0x28 ? '(' : ')', text: '', line, tok: -1 });
        pos++;
      } else if (c === 0x3b) {
        const end = lines[line]!.end;
        if (end > upTo) return undefined;
        items.push({ kind: ';', text: text.slice(pos, trimEnd(text, pos, end)), line, tok: -1 });
        pos = end;
      } else return undefined;
    }
    if (t === toks.length) break;
    const tok = toks[t]!;
    if (t > 0 && tok.start === toks[t - 1]!.end) return undefined;
    const s = text.slice(tok.start, tok.end);
    if (s.includes('\n') || s.includes('\r')) return undefined;
    items.push({ kind: 'tok', text: s, line, tok: t });
    pos = tok.end;
  }
  return items;
}

/** The tokens of a record in the order written: [owner] [ttl|class] [class|ttl] type data. */
function tokensOf(r: ZoneRecord): { toks: ZoneToken[]; head: number } {
  const pre = [r.ttl, r.cls].filter((t): t is ZoneToken => !!t).sort((a, b) => a.start - b.start);
  const toks = [...(r.owner ? [r.owner] : []), ...pre, r.type, ...r.rdata];
  return { toks, head: toks.length - r.rdata.length };
}

/** What goes in the TTL column and the class column: swapped when the class is written first. */
function slots(r: ZoneRecord): [ZoneToken | undefined, ZoneToken | undefined] {
  if (r.ttl && r.cls && r.cls.start < r.ttl.start) return [r.cls, r.ttl];
  return [r.ttl, r.cls];
}

/** Where each column starts. */
interface Columns {
  readonly ttl: number;
  readonly cls: number;
  readonly type: number;
  readonly data: number;
  readonly tabs: number;
}

/** A line being written, with its visual column (tabs at `tabs` stops, 0: spaces only). */
class Out {
  s = '';
  col = 0;
  constructor(private readonly tabs: number) {}
  /** Blank space to column `to`, or one space when the line is already there or past it. */
  pad(to: number): void {
    if (to <= this.col) {
      this.put(' ');
      return;
    }
    if (this.tabs) {
      while (this.col < to) {
        this.s += '\t';
        this.col = (Math.floor(this.col / this.tabs) + 1) * this.tabs;
      }
    } else {
      this.s += ' '.repeat(to - this.col);
      this.col = to;
    }
  }
  /** `s` at column `at` (or one space after what the line holds). */
  at(at: number, s: string): void {
    this.pad(at);
    this.put(s);
  }
  put(s: string): void {
    this.s += s;
    this.col += s.length;
  }
  /** Words separated by one space, the first at column `at`. */
  words(at: number, ws: readonly string[]): void {
    ws.forEach((w, i) => (i ? this.put(' ' + w) : this.at(at, w)));
  }
}

function columnsOf(text: string, records: readonly ZoneRecord[], o: FormatOptions): Columns {
  let owner = 0;
  let ttl = 0;
  let cls = 0;
  let type = 0;
  for (const r of records) {
    const [a, b] = slots(r);
    if (r.owner) owner = Math.max(owner, r.owner.end - r.owner.start);
    if (a) ttl = Math.max(ttl, a.end - a.start);
    if (b) cls = Math.max(cls, b.end - b.start);
    type = Math.max(type, r.type.end - r.type.start);
  }
  const tabs = o.insertSpaces ? 0 : Math.max(1, Math.floor(o.tabSize) || 8);
  // each width: the widest field up to its cap, and one blank; a tab stop when tabs are used
  const width = (w: number, cap: number) => {
    if (!w) return 0;
    const n = Math.min(w, cap) + 1;
    return tabs ? Math.ceil(n / tabs) * tabs : n;
  };
  const c0 = Math.max(tabs || 1, width(owner, OWNER_CAP));
  const c1 = c0 + width(ttl, TTL_CAP);
  const c2 = c1 + width(cls, CLASS_CAP);
  return { ttl: c0, cls: c1, type: c2, data: c2 + Math.max(tabs || 1, width(type, TYPE_CAP)), tabs };
}

/** The first line of a record up to its type. */
function header(r: ZoneRecord, items: readonly Item[], head: number, c: Columns): Out {
  const o = new Out(c.tabs);
  const toks = items.filter((i) => i.kind === 'tok' && i.tok < head);
  let k = 0;
  if (r.owner) o.put(toks[k++]!.text);
  const [a, b] = slots(r);
  if (a) o.at(c.ttl, toks[k++]!.text);
  if (b) o.at(c.cls, toks[k++]!.text);
  o.at(c.type, toks[k]!.text);
  return o;
}

/** The items grouped by line, blank lines left out, each with its comment. */
function byLine(items: readonly Item[]): Array<{ words: Item[]; comment?: string }> {
  const out: Array<{ words: Item[]; comment?: string; line: number }> = [];
  for (const it of items) {
    let cur = out[out.length - 1];
    if (!cur || cur.line !== it.line) out.push((cur = { words: [], line: it.line }));
    if (it.kind === ';') cur.comment = it.text;
    else cur.words.push(it);
  }
  return out;
}

/** A record in its own lines: the first in columns, the others at the data column. */
function keepLines(r: ZoneRecord, items: readonly Item[], head: number, c: Columns): string[] {
  const out: string[] = [];
  for (const [n, l] of byLine(items).entries()) {
    let o: Out;
    let words = l.words;
    if (n === 0) {
      o = header(r, items, head, c);
      words = words.filter((w) => w.kind !== 'tok' || w.tok >= head);
      o.words(c.data, words.map(wordOf));
    } else {
      o = new Out(c.tabs);
      o.words(c.data, words.map(wordOf));
    }
    if (l.comment !== undefined) {
      if (words.length || n === 0) o.put(' ' + l.comment);
      else o.at(c.data, l.comment);
    }
    out.push(o.s);
  }
  return out;
}

const wordOf = (i: Item) => (i.kind === 'tok' ? i.text : i.kind);

/** One line of a record laid out field by field. */
interface FieldLine {
  readonly toks: number[];
  /** For the rest of the data: the line it was written on. */
  readonly line?: number;
  /** The name of the field on the line, when it is one. */
  name?: string;
  comment?: string;
  /** Comment lines of their own that follow the line. */
  readonly after: string[];
}

/**
 * An SOA or DNSSEC record with its fixed fields one per line, or undefined when a comment would
 * move away from the token it follows (or the data does not have the fields).
 */
function fieldLines(r: ZoneRecord, items: readonly Item[], head: number, c: Columns): string[] | undefined {
  const spec = FIELDS.get(r.type.text.toUpperCase());
  const n = r.rdata.length;
  if (!spec || n < spec.keep + spec.names.length || (spec.keep && n !== spec.keep + spec.names.length)) return;
  if (r.rdata[0]!.text === '\\#') return;
  const first = head + spec.keep; // the first one-per-line field
  const rest = first + spec.names.length; // the first token of the rest
  const lines: FieldLine[] = [{ toks: [], after: [] }];
  const lineOf: number[] = [];
  for (const it of items) {
    if (it.kind !== 'tok') continue;
    const t = it.tok;
    const cur = lines[lines.length - 1]!;
    if (t < first) lines[0]!.toks.push(t);
    else if (t < rest) lines.push({ toks: [t], name: spec.names[t - first]!, after: [] });
    else if (cur.line === it.line) cur.toks.push(t);
    else lines.push({ toks: [t], line: it.line, after: [] });
    lineOf[t] = lines.length - 1;
  }
  const close: FieldLine = { toks: [], after: [] };
  // each comment after the token before it
  const last = head + n - 1;
  let lastTok = -1;
  let closed = false;
  for (const it of items) {
    if (it.kind === 'tok') lastTok = it.tok;
    if (it.kind === ')') closed = true;
    if (it.kind !== ';') continue;
    const onLine = items.filter((x) => x.line === it.line && x.kind !== ';');
    const named = onLine.filter((x) => x.kind === 'tok' && x.tok >= first && x.tok < rest).length;
    const home = lines[lineOf[lastTok]!]!;
    const endsHome = home.toks[home.toks.length - 1] === lastTok;
    if (!onLine.length) {
      if (!endsHome) return;
      home.after.push(it.text);
      continue;
    }
    let slot: FieldLine;
    if (closed || (lastTok === last && named > 1)) slot = close;
    else if (named === 1 && lastTok >= first && lastTok < rest) slot = home;
    else if (named === 0 && endsHome) slot = home;
    else return;
    if (slot.comment !== undefined) return;
    slot.comment = it.text;
  }
  return writeFieldLines(r, items, head, c, lines, close);
}

function writeFieldLines(
  r: ZoneRecord,
  items: readonly Item[],
  head: number,
  c: Columns,
  lines: readonly FieldLine[],
  close: FieldLine,
): string[] {
  const tokText: string[] = [];
  for (const it of items) if (it.kind === 'tok') tokText[it.tok] = it.text;
  const width = Math.max(0, ...lines.filter((l) => l.name !== undefined).map((l) => tokText[l.toks[0]!]!.length));
  const out: string[] = [];
  const push = (l: FieldLine, o: Out) => {
    const comment = l.comment ?? (l.name === undefined ? undefined : `; ${l.name}`);
    if (comment !== undefined) {
      if (l.name !== undefined) o.put(' '.repeat(width - tokText[l.toks[0]!]!.length));
      o.put(' ' + comment);
    }
    out.push(o.s);
    for (const a of l.after) {
      const own = new Out(c.tabs);
      own.at(c.data, a);
      out.push(own.s);
    }
  };
  const o0 = header(r, items, head, c);
  o0.words(c.data, [...lines[0]!.toks.filter((t) => t >= head).map((t) => tokText[t]!), '(']);
  push(lines[0]!, o0);
  for (const l of lines.slice(1)) {
    const o = new Out(c.tabs);
    o.words(
      c.data,
      l.toks.map((t) => tokText[t]!),
    );
    push(l, o);
  }
  const oc = new Out(c.tabs);
  oc.words(c.data, [')']);
  push(close, oc);
  return out;
}

/** Whether a record's parentheses allow a layout: none, or one pair after the type around the rest. */
function parensOk(items: readonly Item[], head: number): boolean {
  let open = -1;
  let shut = -1;
  let lastTok = -1;
  for (const [k, it] of items.entries()) {
    if (it.kind === '(') {
      if (open >= 0) return false;
      open = k;
      if (lastTok < head - 1) return false;
    } else if (it.kind === ')') {
      if (shut >= 0 || open < 0) return false;
      shut = k;
    } else if (it.kind === 'tok') {
      if (shut >= 0) return false;
      lastTok = it.tok;
    }
  }
  return open < 0 || shut >= 0;
}

/** The lines of a record laid out, or undefined when it stays as written. */
function formatRecord(r: ZoneRecord, items: readonly Item[], head: number, c: Columns): string[] | undefined {
  if (!parensOk(items, head)) return undefined;
  const multi = items[items.length - 1]!.line > items[0]!.line;
  const paren = items.some((i) => i.kind === '(');
  const type = r.type.text.toUpperCase();
  if (type === 'SOA' || (paren && multi && FIELDS.has(type))) {
    const laid = fieldLines(r, items, head, c);
    if (laid) return laid;
  }
  return keepLines(r, items, head, c);
}

/** A directive on one line: its words one space apart, then its comment. */
function formatDirective(items: readonly Item[]): string[] | undefined {
  if (items.some((i) => i.kind === '(' || i.kind === ')' || i.line !== items[0]!.line)) return undefined;
  return [items.map((i) => i.text).join(' ')];
}

/** A stretch of lines and what it becomes: its new lines, `null` (it goes), or undefined (as it is). */
interface Unit {
  readonly first: number;
  readonly last: number;
  lines?: string[] | null;
  /** Not blank (for the runs of blank lines). */
  readonly solid: boolean;
}

/** Problems' offsets, sorted, and whether one lies in [from, to]. */
function problemFinder(tree: ZoneTree): (from: number, to: number) => boolean {
  const at = tree.problems.map((p) => p.start).sort((a, b) => a - b);
  return (from, to) => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < at.length && at[lo]! <= to;
  };
}

/** Every stretch of lines of the file, in order, with what formatting makes of it. */
function plan(tree: ZoneTree, options: FormatOptions): { lines: Line[]; units: Unit[] } {
  const text = tree.text;
  const lines = linesOf(text);
  const hasProblem = problemFinder(tree);
  const scanned: Array<{ e: ZoneRecord | ZoneDirective; first: number; last: number; items?: Item[]; head: number }> =
    [];
  let ln = 0;
  const lineAt = (off: number) => {
    while (ln + 1 < lines.length && lines[ln + 1]!.start <= off) ln++;
    return ln;
  };
  for (const e of tree.entries) {
    const first = lineAt(e.start);
    const last = lineAt(Math.max(e.start, e.end - 1));
    let items: Item[] | undefined;
    let head = 0;
    if (!hasProblem(lines[first]!.start, lines[last]!.next)) {
      const tt = isDirective(e) ? { toks: [e.keyword, ...e.args], head: 1 } : tokensOf(e);
      head = tt.head;
      items = scan(text, lines, tt.toks, first, last);
    }
    scanned.push({ e, first, last, items, head });
  }
  const records = scanned.filter((s) => s.items && !isDirective(s.e)).map((s) => s.e as ZoneRecord);
  const c = columnsOf(text, records, options);
  const units: Unit[] = [];
  let next = 0;
  const free = (upTo: number) => {
    for (; next < upTo; next++) {
      const l = lines[next]!;
      let k = l.start;
      while (k < l.end && isSpace(text.charCodeAt(k))) k++;
      if (k === l.end) units.push({ first: next, last: next, lines: [''], solid: false });
      else if (text.charCodeAt(k) === 0x3b && !hasProblem(l.start, l.end))
        units.push({
          first: next,
          last: next,
          lines: [text.slice(l.start, trimEnd(text, l.start, l.end))],
          solid: true,
        });
      else units.push({ first: next, last: next, solid: true });
    }
  };
  for (const s of scanned) {
    free(s.first);
    let made: string[] | undefined;
    if (s.items?.length)
      made = isDirective(s.e) ? formatDirective(s.items) : formatRecord(s.e as ZoneRecord, s.items, s.head, c);
    units.push({ first: s.first, last: s.last, lines: made, solid: true });
    next = s.last + 1;
  }
  free(lines.length);
  // blank lines: the first of a run stays; none before the first solid line or after the last
  let seen = false;
  let lastSolid = -1;
  units.forEach((u, k) => u.solid && (lastSolid = k));
  units.forEach((u, k) => {
    if (u.solid) seen = true;
    else if (!seen || k > lastSolid || !units[k - 1]!.solid) u.lines = null;
  });
  return { lines, units };
}

/** The edits that format the document, or only the records and lines that touch `range`. */
export function format(doc: TextDocument, tree: ZoneTree, options: FormatOptions, range?: Range): TextEdit[] {
  const text = tree.text;
  const { lines, units } = plan(tree, options);
  const from = range ? offsetAt(doc, range.start) : 0;
  const to = range ? offsetAt(doc, range.end) : text.length;
  const firstEol = lines.find((l) => l.next > l.end);
  const docEol = firstEol ? text.slice(firstEol.end, firstEol.next) : '\n';
  const edits: TextEdit[] = [];
  for (const u of units) {
    const start = lines[u.first]!.start;
    const end = lines[u.last]!.end;
    if (end < from || start > to || u.lines === undefined) continue;
    if (u.lines === null) {
      edits.push({ range: rangeOf(doc, start, lines[u.last]!.next), newText: '' });
      continue;
    }
    const l0 = lines[u.first]!;
    const eol = l0.next > l0.end ? text.slice(l0.end, l0.next) : docEol;
    const made = u.lines.join(eol);
    if (made !== text.slice(start, end)) edits.push({ range: rangeOf(doc, start, end), newText: made });
  }
  return edits;
}
