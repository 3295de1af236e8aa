/**
 * named.conf parser: the shared tokenizer and block layer, then named.conf's own layer on top.
 *
 * The block layer splits text into statements ending in `;` or `{...};`. named.conf has
 * statements that go on after a block (`inet * allow { any; } keys { rndc; };`,
 * `response-padding { any; } block-size 64;`), which the block layer sees as a block with a
 * missing `;` followed by another statement. Here those pieces are joined again into one
 * `Clause` (a list of items: words, strings and blocks), and each clause learns its context
 * (top level, options, view, zone, logging channel, ...).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { makeInterner, stringValue, tokenizeStore, Tk, type TokenStore } from '../common/tokenizer';
import { MAX_DEPTH, type StructureError } from '../common/blocks';
import { CONTEXT_OF_BLOCK, clauseIn, isClauseAnywhere, keywordsOf } from './grammar';
import type { ContextId } from './data/types';

export interface WordItem {
  readonly kind: 'word';
  /** The text, quotes removed for strings. */
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * A word item is made for every word of the file (700,000 in a 50,000-zone file): a class with
 * four fields and its kind on the prototype.
 */
class Word implements WordItem {
  constructor(
    readonly text: string,
    readonly quoted: boolean,
    readonly start: number,
    readonly end: number,
  ) {}
  get kind(): 'word' {
    return 'word';
  }
}

export function makeWord(text: string, quoted: boolean, start: number, end: number): WordItem {
  return new Word(text, quoted, start, end);
}

export interface BlockItem {
  readonly kind: 'block';
  /** The statements inside, grouped into clauses. */
  readonly clauses: Clause[];
  /** From the `{` to the `}` (or, for a block never closed, to the end of its owner's words). */
  readonly start: number;
  readonly end: number;
  /** Whether the block has its `}` (at end - 1). */
  readonly closed: boolean;
}

export type Item = WordItem | BlockItem;

export interface Clause {
  readonly items: Item[];
  /** The first item's text in lower case ('' when the clause starts with a block); see clauseName. */
  readonly name: string;
  /** Where the clause lives: a statement context, or 'list' for an element of a `{ a; b; }` list. */
  ctx: ContextId | 'list';
  readonly parent: Clause | undefined;
  start: number;
  end: number;
  /** Whether the clause ends with its `;`. */
  semi: boolean;
}

export interface NamedTree {
  readonly text: string;
  readonly clauses: Clause[];
  readonly structure: StructureError[];
  /** Comment spans (for folding). */
  readonly comments: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

export const TOKEN_OPTIONS = { hashComments: true, slashComments: true, blockComments: true, punct: '' } as const;

export function clauseName(c: Clause): string {
  return c.name;
}

/** The context of the block owned by a clause in context `ctx` (undefined: a plain list). */
export function innerContext(ctx: ContextId | 'list', owner: string): ContextId | undefined {
  if (ctx === 'list') return undefined;
  const m = CONTEXT_OF_BLOCK[ctx];
  return m ? m[owner] : undefined;
}

/**
 * `dyndb`, `plugin` and `dnsrps-options` blocks hold raw text for a module (with `\\}` escapes);
 * blank it out (offsets kept) so the block layer does not read it as statements.
 */
function blankRawText(text: string): string {
  const t = tokenizeStore(text, TOKEN_OPTIONS);
  const isPunct = (k: number, c: string) => k < t.count && t.kinds[k] === Tk.Punct && text[t.starts[k]!] === c;
  let out: string[] | undefined;
  for (let i = 0; i < t.count; i++) {
    if (t.kinds[i] !== Tk.Word || !/^(dyndb|plugin|dnsrps-options)$/i.test(text.slice(t.starts[i]!, t.ends[i]!))) continue;
    let j = i + 1;
    while (j < t.count && j < i + 6 && !isPunct(j, '{') && !isPunct(j, ';')) j++;
    if (!isPunct(j, '{')) continue;
    let depth = 1;
    let k = t.ends[j]!;
    for (; k < text.length && depth > 0; k++) {
      const c = text[k];
      if (c === '\\') k++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth !== 0) continue;
    const close = k - 1;
    out ??= text.split('');
    for (let m = t.ends[j]!; m < close; m++) if (out[m] !== '\n' && out[m] !== '\r') out[m] = ' ';
    while (i < t.count && t.starts[i]! < close) i++;
  }
  return out ? out.join('') : text;
}

export function parseNamed(original: string): NamedTree {
  const text = /dyndb|plugin|dnsrps-options/i.test(original) ? blankRawText(original) : original;
  const { clauses, structure, comments } = new ClauseParser(text, tokenizeStore(text, { ...TOKEN_OPTIONS, keepComments: true })).parse();
  return { text: original, clauses, structure, comments };
}

/** An open block while parsing. */
interface Frame {
  readonly block: BlockItem & { closed: boolean; end: number };
  readonly owner: Clause;
  /** Index of the `{` token. */
  readonly open: number;
  /** First word token of the owner's statement segment (-1: the block has no words before it). */
  readonly segFirst: number;
  /** The context of the clauses inside. */
  readonly inner: ContextId | 'list';
  /** The context named.conf's missing-`;` recovery sees inside (see startsStatement); undefined: none. */
  readonly pathCtx: ContextId | undefined;
}

type MutableClause = Clause & { items: Item[] };

/**
 * One pass from tokens to clauses (no statement objects in between): statements end at `;` or
 * `{ ... }`, and a statement that goes on after its block (`inet * allow { any; } keys { k; };`)
 * is joined back into one clause. The rules are those of the shared block layer
 * (common/blocks.ts), with named.conf's: `};` is required, and a known statement name at the
 * start of a line ends a statement whose `;` is missing.
 *
 * A clause is made of segments: the words up to a block, or up to `;`. The segment matters to
 * the recovery rules (its first word, its last word), the clause to everything else.
 */
class ClauseParser {
  private readonly errors: StructureError[] = [];
  /** missing-semicolon-after-block errors taken back because the clause goes on after its block. */
  private readonly dropped = new Set<StructureError>();
  private readonly comments: Array<{ start: number; end: number }> = [];
  private readonly top: Clause[] = [];
  private readonly frames: Frame[] = [];
  private readonly intern;
  /** Where new clauses go, their context and their parent. */
  private container: Clause[];
  private containerCtx: ContextId | 'list' = 'top';
  private parentClause: Clause | undefined;
  /** The clause whose current segment is still collecting words (no `;` or `{` yet). */
  private cur: MutableClause | undefined;
  /** The first and last word tokens of cur's segment. */
  private segFirst = -1;
  private segLast = -1;
  /** The container's last clause, if it ended with a closed block and no `;` yet. */
  private afterBlock: Clause | undefined;
  /** Its missing-semicolon-after-block error. */
  private afterBlockError: StructureError | undefined;

  constructor(
    private readonly text: string,
    private readonly t: TokenStore,
  ) {
    this.container = this.top;
    this.intern = makeInterner(text);
  }

  parse(): { clauses: Clause[]; structure: StructureError[]; comments: Array<{ start: number; end: number }> } {
    const { t, text, errors } = this;
    let skipDepth = 0; // > 0 while skipping a too-deep block
    let skipStart = 0;
    for (let idx = 0; idx < t.count; idx++) {
      const kind = t.kinds[idx]!;
      const start = t.starts[idx]!;
      const end = t.ends[idx]!;
      if (kind === Tk.Comment) {
        this.comments.push({ start, end });
        if (t.problems.get(idx) === 'unterminated-comment') {
          errors.push({ problem: 'unterminated-comment', start, end: Math.min(start + 2, end), message: 'Unterminated comment: `/*` has no closing `*/`.' });
        }
        continue;
      }
      const c = kind === Tk.Punct ? text.charCodeAt(start) : 0;
      if (skipDepth > 0) {
        if (c === 0x7b) skipDepth++;
        else if (c === 0x7d && --skipDepth === 0) {
          errors.push({ problem: 'too-deep', start: skipStart, end: skipStart + 1, message: `Blocks nested deeper than ${MAX_DEPTH} levels; the content of this block was not checked.` });
        }
        continue;
      }
      const problem = kind === Tk.String ? t.problems.get(idx) : undefined;
      if (problem === 'unterminated-string') {
        errors.push({ problem: 'unterminated-string', start, end: start + 1, message: 'Unterminated string: this `"` has no closing `"`.' });
      } else if (problem === 'curly-quoted') {
        errors.push({ problem: 'curly-quoted', start, end, message: 'Curly quotes “ ” are not quotes here: use straight double quotes (").' });
      }
      if (c === 0x3b) this.semicolon(end);
      else if (c === 0x7b) {
        if (this.frames.length >= MAX_DEPTH) {
          skipDepth = 1;
          skipStart = start;
        } else this.openBlock(idx);
      } else if (c === 0x7d) this.closeBlock(idx);
      else this.word(idx);
    }
    if (this.cur) this.missingSemi();
    if (skipDepth > 0) {
      errors.push({ problem: 'unclosed-brace', start: skipStart, end: skipStart + 1, message: 'This `{` is never closed: add the matching `}`.' });
    }
    // unclosed blocks once each, innermost first, at the brace that opened them
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k]!;
      const words: string[] = [];
      for (let i = f.segFirst; i >= 0 && i < f.open && words.length < 2; i++) if (t.kinds[i] !== Tk.Comment) words.push(text.slice(t.starts[i]!, t.ends[i]!));
      const name = words.join(' ');
      const at = t.starts[f.open]!;
      errors.push({
        problem: 'unclosed-brace',
        start: at,
        end: at + 1,
        message: `This \`{\`${name ? ` of \`${name.length > 60 ? name.slice(0, 60) + '…' : name}\`` : ''} is never closed: add the matching \`}\` (and \`;\`).`,
      });
    }
    const structure = this.dropped.size ? errors.filter((e) => !this.dropped.has(e)) : errors;
    return { clauses: exact(this.top), structure, comments: this.comments };
  }

  private semicolon(end: number): void {
    const cur = this.cur;
    if (cur) {
      cur.semi = true;
      cur.end = end;
      this.endSegment(cur);
    } else if (this.afterBlock) {
      // `};`
      this.afterBlock.semi = true;
      this.afterBlock.end = end;
      this.afterBlock = undefined;
    }
    // a `;` with no statement: named.conf ignores it
  }

  private openBlock(idx: number): void {
    const start = this.t.starts[idx]!;
    const owner = this.cur ?? this.newClause(start, -1);
    const segFirst = this.cur ? this.segFirst : -1;
    this.afterBlock = undefined;
    const f = owner.items[0];
    const nameWord = f && f.kind === 'word' && !f.quoted ? owner.name : '';
    const inner = innerContext(owner.ctx, nameWord) ?? 'list';
    const block = { kind: 'block' as const, clauses: [] as Clause[], start, end: owner.end, closed: false };
    owner.items.push(block);
    this.endSegment(owner);
    // the context the recovery rule sees: through the first word of the block's own segment
    const outer = this.frames.length ? this.frames[this.frames.length - 1]!.pathCtx : 'top';
    const w = segFirst >= 0 && this.t.kinds[segFirst] === Tk.Word ? this.lowerAt(segFirst) : undefined;
    const pathCtx = outer && w !== undefined ? innerContext(outer, w) : undefined;
    this.frames.push({ block, owner, open: idx, segFirst, inner, pathCtx });
    this.container = block.clauses;
    this.containerCtx = inner;
    this.parentClause = owner;
  }

  private closeBlock(idx: number): void {
    const { t } = this;
    if (this.cur) this.missingSemi();
    const end = t.ends[idx]!;
    const f = this.frames.pop();
    if (!f) {
      this.errors.push({ problem: 'unexpected-close-brace', start: t.starts[idx]!, end, message: 'Unexpected `}`: no block is open here.' });
      return;
    }
    f.block.closed = true;
    f.block.end = end;
    (f.block as { clauses: Clause[] }).clauses = exact(f.block.clauses);
    f.owner.end = end;
    const parent = this.frames[this.frames.length - 1];
    this.container = parent ? parent.block.clauses : this.top;
    this.containerCtx = parent ? parent.inner : 'top';
    this.parentClause = parent?.owner;
    this.afterBlock = f.owner;
    this.afterBlockError = undefined;
    // the block must be followed by `;`
    let next = idx + 1;
    while (next < t.count && t.kinds[next] === Tk.Comment) next++;
    if (!(next < t.count && t.kinds[next] === Tk.Punct && this.text.charCodeAt(t.starts[next]!) === 0x3b)) {
      this.afterBlockError = { problem: 'missing-semicolon-after-block', start: end, end, message: 'Missing `;` after `}`: a block ends with `};`.' };
      this.errors.push(this.afterBlockError);
    }
  }

  private word(idx: number): void {
    const { t, text } = this;
    const kind = t.kinds[idx]!;
    const start = t.starts[idx]!;
    const end = t.ends[idx]!;
    let cur = this.cur;
    if (cur && kind === Tk.Word && hasNewlineBetween(text, cur.end, start) && this.startsStatement(idx)) {
      this.missingSemi();
      cur = undefined;
    }
    if (!cur) {
      const prev = this.afterBlock;
      if (prev && this.joins(prev, idx)) {
        // the statement goes on after its block: no `;` was missing
        if (this.afterBlockError) this.dropped.add(this.afterBlockError);
        cur = prev as MutableClause;
      } else cur = this.newClause(start, idx);
      this.afterBlock = undefined;
      this.cur = cur;
      this.segFirst = idx;
    }
    const w = kind === Tk.String ? new Word(stringValue(text, start, end, this.intern), true, start, end) : new Word(this.intern(start, end), false, start, end);
    cur.items.push(w);
    cur.end = end;
    this.segLast = idx;
  }

  /** Whether the word at idx, after a clause that ended with a block and no `;`, continues that clause. */
  private joins(prev: Clause, idx: number): boolean {
    const ctx = this.containerCtx;
    const name = this.t.kinds[idx] === Tk.Word ? this.lowerAt(idx) : '';
    const known = ctx !== 'list' && (clauseIn(ctx, name) !== undefined || (ctx === 'top' && isClauseAnywhere(name)));
    return !known || !hasNewlineBetween(this.text, prev.end, this.t.starts[idx]!);
  }

  /**
   * The word at idx starts a new line while cur's segment is open: does it surely start a new
   * statement (so cur's `;` is missing)? Only a statement name of the context does, and not one
   * that cur's own statement takes as a keyword (`query-source address ...` + `port 53;`).
   */
  private startsStatement(idx: number): boolean {
    if (this.segFirst < 0) return false;
    const ctx = this.frames.length ? this.frames[this.frames.length - 1]!.pathCtx : 'top';
    const w = this.lowerAt(idx);
    if (!ctx || clauseIn(ctx, w) === undefined) return false;
    const openDef = clauseIn(ctx, this.text.slice(this.t.starts[this.segFirst]!, this.t.ends[this.segFirst]!).toLowerCase());
    if (openDef && (keywordsOf(openDef).has(w) || keywordsOf(openDef).has('*'))) return false;
    return true;
  }

  private lowerAt(idx: number): string {
    return this.intern(this.t.starts[idx]!, this.t.ends[idx]!).toLowerCase();
  }

  private newClause(start: number, firstIdx: number): MutableClause {
    const { t, text } = this;
    let name = '';
    if (firstIdx >= 0) {
      const s = t.starts[firstIdx]!, e = t.ends[firstIdx]!;
      name = (t.kinds[firstIdx] === Tk.String ? stringValue(text, s, e, this.intern) : this.intern(s, e)).toLowerCase();
    }
    // every field up front (one object shape)
    const c: MutableClause = { items: [], name, ctx: this.containerCtx, parent: this.parentClause, start, end: firstIdx >= 0 ? t.ends[firstIdx]! : start + 1, semi: false };
    this.container.push(c);
    return c;
  }

  /** cur's segment ends (at `;`, at `{`, or with a missing `;`). */
  private endSegment(cur: MutableClause): void {
    cur.items = exact(cur.items);
    this.cur = undefined;
    this.segFirst = -1;
    this.segLast = -1;
  }

  private missingSemi(): void {
    const cur = this.cur!;
    const { t, text } = this;
    const last = this.segLast;
    const at = last >= 0 ? t.ends[last]! : cur.end;
    const raw = last >= 0 ? text.slice(t.starts[last]!, t.ends[last]!) : '';
    const what = last >= 0 ? `\`${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}\`` : 'the statement';
    this.errors.push({ problem: 'missing-semicolon', start: at, end: at, message: `Missing \`;\` after ${what}: every statement ends with \`;\`.` });
    this.endSegment(cur);
  }
}

/**
 * Arrays grown by push keep spare capacity (at least 17 slots); a large file has hundreds of
 * thousands of short clauses, so each finished one gets an exact-size copy.
 */
function exact<T>(a: T[]): T[] {
  return a.length < 16 ? a.slice() : a;
}

function hasNewlineBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

export function parseDocument(doc: TextDocument): NamedTree {
  return parseNamed(doc.getText());
}

/** Every clause, depth first, with a visitor that may stop descent by returning false. */
export function walkClauses(clauses: readonly Clause[], visit: (c: Clause) => boolean | void): void {
  const stack: Clause[] = [];
  for (let k = clauses.length - 1; k >= 0; k--) stack.push(clauses[k]!);
  while (stack.length) {
    const c = stack.pop()!;
    if (visit(c) === false) continue;
    // children of every block, in order: push the blocks' clauses last block first, each reversed
    const items = c.items;
    for (let b = items.length - 1; b >= 0; b--) {
      const it = items[b]!;
      if (it.kind !== 'block') continue;
      const kids = it.clauses;
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
    }
  }
}

export function blocksOf(c: Clause): BlockItem[] {
  return c.items.filter((i): i is BlockItem => i.kind === 'block');
}

export function wordsOf(c: Clause): WordItem[] {
  return c.items.filter((i): i is WordItem => i.kind === 'word');
}

/** The clauses of a clause's first block. */
export function body(c: Clause): Clause[] {
  const b = c.items.find((i): i is BlockItem => i.kind === 'block');
  return b ? b.clauses : [];
}

/** The first sub-clause named `name` in a clause's block. */
export function sub(c: Clause, name: string): Clause | undefined {
  return body(c).find((x) => clauseName(x) === name);
}

/** The words after the clause name up to the first block (the "arguments"). */
export function args(c: Clause): WordItem[] {
  const out: WordItem[] = [];
  for (let k = 1; k < c.items.length; k++) {
    const it = c.items[k]!;
    if (it.kind !== 'word') break;
    out.push(it);
  }
  return out;
}
