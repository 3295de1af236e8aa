/**
 * Formatting of zone files (issue 22), in the columns BIND and dnsfmt print: owner, TTL, class,
 * type, data. The widths are computed once for the whole file (not per block between directives:
 * a range format then agrees with a whole-file one, and a record moved across an `$ORIGIN` keeps
 * its columns), each capped (OWNER_CAP...) so that one long name does not push every line to the
 * right: a field longer than its cap is followed by one space. With `insertSpaces: false` the
 * columns are tab stops and the padding is tabs.
 *
 * Never changed: any token (names stay relative, `@` stays `@`, quoted strings and `\DDD` escapes
 * are copied), the order of tokens and comments, TTL and class as ordered, a blank owner (the line
 * still starts with blank space, so it still inherits; an owner still starts the line).
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
import { isDirective, type ZoneRecord, type ZoneToken, type ZoneTree } from './parser';

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
const SIG_FIELDS = 'type covered,algorithm,labels,original TTL,expiration,inception,key tag,signer'.split(',');
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

/** The lines of the text: content [start, end) (a \r before the \n left out), and the next line's start. */
class Lines {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly next: Int32Array;
  readonly count: number;
  constructor(text: string) {
    const n = text.length;
    let count = n && text.charCodeAt(n - 1) !== 0x0a ? 1 : 0;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) count++;
    this.count = count;
    this.start = new Int32Array(count);
    this.end = new Int32Array(count);
    this.next = new Int32Array(count);
    let pos = 0;
    for (let k = 0; k < count; k++) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = n;
      this.start[k] = pos;
      this.end[k] = nl > pos && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      this.next[k] = Math.min(n, nl + 1);
      pos = nl + 1;
    }
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09;

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/**
 * A token, parenthesis or comment of a record or directive: its text as written (a comment without
 * trailing blanks), its line, and for a token its index among the entry's tokens.
 */
type Item = { kind: 'tok' | '(' | ')' | ';'; text: string; line: number; tok: number };

/**
 * The items of an entry whose tokens are `toks`, from `line` to the end of `last`; undefined when
 * it must stay as written (something other than blanks, parentheses and comments between tokens,
 * a token across lines, two tokens with no blank between them, a lone \r).
 */
function scan(text: string, lines: Lines, toks: readonly ZoneToken[], line: number, last: number) {
  const items: Item[] = [];
  let pos = lines.start[line]!;
  const to = lines.end[last]!;
  for (let t = 0; t <= toks.length; t++) {
    const upTo = t < toks.length ? toks[t]!.start : to;
    while (pos < upTo) {
      const c = text.charCodeAt(pos);
      if (isSpace(c)) pos++;
      else if (c === 0x0a) {
        line++;
        pos++;
      } else if (c === 0x0d && pos === lines.end[line] && text.charCodeAt(pos + 1) === 0x0a) pos++;
      else if (c === 0x28 || c === 0x29) {
        items.push({ kind: c === 0x28 ? '(' : ')', text: '', line, tok: -1 });
        pos++;
      } else if (c === 0x3b) {
        const end = lines.end[line]!;
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

/** Where each column starts, and the tab stops (0: spaces only). */
type Columns = { ttl: number; cls: number; type: number; data: number; tabs: number };

/** A line being written, with its visual column (tabs at `tabs` stops, 0: spaces only). */
class Out {
  s = '';
  col = 0;
  constructor(private readonly tabs: number) {}
  /** Blank space to column `to`, or one space when the line is already there or past it. */
  pad(to: number): void {
    if (to <= this.col) this.put(' ');
    else if (this.tabs) {
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

/** The widest owner, TTL column, class column and type of the records formatted. */
function measure(r: ZoneRecord, w: number[]): void {
  const [a, b] = slots(r);
  if (r.owner) w[0] = Math.max(w[0]!, r.owner.end - r.owner.start);
  if (a) w[1] = Math.max(w[1]!, a.end - a.start);
  if (b) w[2] = Math.max(w[2]!, b.end - b.start);
  w[3] = Math.max(w[3]!, r.type.end - r.type.start);
}

function columnsOf([owner, ttl, cls, type]: number[], o: FormatOptions): Columns {
  const tabs = o.insertSpaces ? 0 : Math.max(1, Math.floor(o.tabSize) || 8);
  // each width: the widest field up to its cap, and one blank; a tab stop when tabs are used
  const width = (w: number, cap: number) => {
    if (!w) return 0;
    const n = Math.min(w, cap) + 1;
    return tabs ? Math.ceil(n / tabs) * tabs : n;
  };
  const c0 = Math.max(tabs || 1, width(owner!, OWNER_CAP));
  const c1 = c0 + width(ttl!, TTL_CAP);
  const c2 = c1 + width(cls!, CLASS_CAP);
  return { ttl: c0, cls: c1, type: c2, data: c2 + Math.max(tabs || 1, width(type!, TYPE_CAP)), tabs };
}

/** The first line of a record up to its type. */
function header(text: string, r: ZoneRecord, c: Columns): Out {
  const o = new Out(c.tabs);
  const [a, b] = slots(r);
  if (r.owner) o.put(text.slice(r.owner.start, r.owner.end));
  if (a) o.at(c.ttl, text.slice(a.start, a.end));
  if (b) o.at(c.cls, text.slice(b.start, b.end));
  o.at(c.type, text.slice(r.type.start, r.type.end));
  return o;
}

/**
 * A record on one line with only blanks between its tokens (most are): where its comment starts,
 * or the line's end; -1 for any other record.
 */
function simpleEnd(text: string, from: number, to: number, r: ZoneRecord): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x0d) return -1;
  const [a, b] = slots(r);
  let pos = from;
  for (let i = -4; i < r.rdata.length; i++) {
    const t = i === -4 ? r.owner : i === -3 ? a : i === -2 ? b : i === -1 ? r.type : r.rdata[i];
    if (!t) continue;
    if (t.end > to || (t !== r.owner && t.start <= pos)) return -1;
    for (let k = pos; k < t.start; k++) if (!isSpace(text.charCodeAt(k))) return -1;
    pos = t.end;
  }
  while (pos < to && isSpace(text.charCodeAt(pos))) pos++;
  return pos === to || text.charCodeAt(pos) === 0x3b ? pos : -1;
}

/** A simple record (simpleEnd) laid out in the columns. */
function simpleLine(text: string, r: ZoneRecord, c: Columns, comment: number, to: number): string {
  const o = header(text, r, c);
  for (const [k, t] of r.rdata.entries()) {
    const w = text.slice(t.start, t.end);
    if (k) o.put(' ' + w);
    else o.at(c.data, w);
  }
  if (comment < to) o.put(' ' + text.slice(comment, trimEnd(text, comment, to)));
  return o.s;
}

/** A record to lay out: the text, the record, its items, how many of its tokens come before the data. */
type Rec = { text: string; r: ZoneRecord; items: readonly Item[]; head: number; c: Columns };

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
function keepLines({ text, r, items, head, c }: Rec): string[] {
  const out: string[] = [];
  for (const [n, l] of byLine(items).entries()) {
    let o: Out;
    let words = l.words;
    if (n === 0) {
      o = header(text, r, c);
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
function fieldLines(x: Rec): string[] | undefined {
  const { r, items, head } = x;
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
  return writeFieldLines(x, lines, close);
}

function writeFieldLines({ text, r, items, head, c }: Rec, lines: readonly FieldLine[], close: FieldLine): string[] {
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
  const o0 = header(text, r, c);
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
function formatRecord(x: Rec): string[] | undefined {
  const { r, items, head } = x;
  if (!parensOk(items, head)) return undefined;
  const multi = items[items.length - 1]!.line > items[0]!.line;
  const paren = items.some((i) => i.kind === '(');
  const type = r.type.text.toUpperCase();
  if (type === 'SOA' || (paren && multi && FIELDS.has(type))) {
    const laid = fieldLines(x);
    if (laid) return laid;
  }
  return keepLines(x);
}

/** A directive on one line: its words one space apart, then its comment. */
function formatDirective(items: readonly Item[]): string[] | undefined {
  if (items.some((i) => i.kind === '(' || i.kind === ')' || i.line !== items[0]!.line)) return undefined;
  return [items.map((i) => i.text).join(' ')];
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

/**
 * Every stretch of lines of the file, in order (parallel arrays: a file of a million records
 * makes no million objects here): its first and last line, what it becomes (its new text,
 * `null`: it goes, undefined: it stays as it is), and whether it is blank.
 */
interface Plan {
  readonly first: number[];
  readonly last: number[];
  readonly made: Array<string | null | undefined>;
}

function plan(tree: ZoneTree, lines: Lines, options: FormatOptions): Plan {
  const text = tree.text;
  const hasProblem = problemFinder(tree);
  const entries = tree.entries;
  // first pass: where each entry is, whether it can be laid out, and the widths of the columns
  const eFirst: number[] = [];
  const eLast: number[] = [];
  /** Per entry: -2 as written, -1 laid out from its items, else the offset of its comment (simpleEnd). */
  const eHow: number[] = [];
  const itemsOf = new Map<number, { items: Item[]; head: number }>();
  const widths = [0, 0, 0, 0];
  let ln = 0;
  const lineAt = (off: number) => {
    while (ln + 1 < lines.count && lines.start[ln + 1]! <= off) ln++;
    return ln;
  };
  for (const [k, e] of entries.entries()) {
    const first = lineAt(e.start);
    const last = lineAt(Math.max(e.start, e.end - 1));
    eFirst.push(first);
    eLast.push(last);
    let how = -2;
    if (!hasProblem(lines.start[first]!, lines.next[last]!)) {
      // an SOA is always laid out over lines: never simple
      const simple =
        isDirective(e) || first !== last || e.type.text.toUpperCase() === 'SOA'
          ? -1
          : simpleEnd(text, lines.start[first]!, lines.end[first]!, e);
      if (simple >= 0) how = simple;
      else {
        const tt = isDirective(e) ? { toks: [e.keyword, ...e.args], head: 1 } : tokensOf(e);
        const items = scan(text, lines, tt.toks, first, last);
        if (items?.length) itemsOf.set(k, { items, head: tt.head });
        if (items?.length) how = -1;
      }
    }
    eHow.push(how);
    if (how !== -2 && !isDirective(e)) measure(e, widths);
  }
  const c = columnsOf(widths, options);
  const p: Plan = { first: [], last: [], made: [] };
  const solid: boolean[] = [];
  const unit = (first: number, last: number, made: string[] | string | undefined, isSolid = true) => {
    p.first.push(first);
    p.last.push(last);
    p.made.push(Array.isArray(made) ? made.join(eolAt(text, lines, first)) : made);
    solid.push(isSolid);
  };
  let next = 0;
  const free = (upTo: number) => {
    for (; next < upTo; next++) {
      const [s0, e0] = [lines.start[next]!, lines.end[next]!];
      let k = s0;
      while (k < e0 && isSpace(text.charCodeAt(k))) k++;
      if (k === e0) unit(next, next, '', false);
      else if (text.charCodeAt(k) === 0x3b && !hasProblem(s0, e0))
        unit(next, next, text.slice(s0, trimEnd(text, s0, e0)));
      else unit(next, next, undefined);
    }
  };
  for (const [k, e] of entries.entries()) {
    free(eFirst[k]!);
    const how = eHow[k]!;
    const it = itemsOf.get(k);
    if (how >= 0) unit(eFirst[k]!, eLast[k]!, simpleLine(text, e as ZoneRecord, c, how, lines.end[eFirst[k]!]!));
    else if (it)
      unit(
        eFirst[k]!,
        eLast[k]!,
        isDirective(e) ? formatDirective(it.items) : formatRecord({ text, r: e, items: it.items, head: it.head, c }),
      );
    else unit(eFirst[k]!, eLast[k]!, undefined);
    next = eLast[k]! + 1;
  }
  free(lines.count);
  // blank lines: the first of a run stays; none before the first solid line or after the last
  const lastSolid = solid.lastIndexOf(true);
  const firstSolid = solid.indexOf(true);
  for (let k = 0; k < solid.length; k++)
    if (!solid[k] && (firstSolid < 0 || k < firstSolid || k > lastSolid || !solid[k - 1])) p.made[k] = null;
  return p;
}

/** The line break of a line (the file's first one for a last line without one). */
function eolAt(text: string, lines: Lines, line: number): string {
  for (let k = line; k < lines.count; k++)
    if (lines.next[k]! > lines.end[k]!) return text.slice(lines.end[k], lines.next[k]);
  return '\n';
}

/** The edits that format the document, or only the records and lines that touch `range`. */
export function format(doc: TextDocument, tree: ZoneTree, options: FormatOptions, range?: Range): TextEdit[] {
  const text = tree.text;
  const lines = new Lines(text);
  const p = plan(tree, lines, options);
  const from = range ? offsetAt(doc, range.start) : 0;
  const to = range ? offsetAt(doc, range.end) : text.length;
  const edits: TextEdit[] = [];
  // changed stretches next to each other make one edit (a file where every line changes: one)
  let runStart = -1;
  let runEnd = -1;
  let parts: string[] = [];
  const flush = () => {
    if (runStart >= 0) edits.push({ range: rangeOf(doc, runStart, runEnd), newText: parts.join('') });
    runStart = -1;
    parts = [];
  };
  for (let k = 0; k < p.first.length; k++) {
    const start = lines.start[p.first[k]!]!;
    const end = lines.end[p.last[k]!]!;
    let made = p.made[k];
    if (typeof made === 'string' && made.length === end - start && text.startsWith(made, start)) made = undefined;
    if (end < from || start > to || made === undefined) {
      flush();
      continue;
    }
    if (runStart < 0) runStart = start;
    else parts.push(text.slice(runEnd, start));
    if (made === null)
      runEnd = lines.next[p.last[k]!]!; // a blank line that goes, with its line break
    else {
      parts.push(made);
      runEnd = end;
    }
  }
  flush();
  return edits;
}
