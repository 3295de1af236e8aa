/**
 * named.conf parser: the shared tokenizer (into typed arrays), then one pass that builds clauses.
 *
 * Statements end in `;` or `{...};`, with the recovery rules of the shared block layer
 * (common/blocks.ts). named.conf has statements that go on after a block
 * (`inet * allow { any; } keys { rndc; };`, `response-padding { any; } block-size 64;`); such a
 * statement is one `Clause` (a list of items: words, strings and blocks). Each clause knows its
 * context (top level, options, view, zone, logging channel, ...).
 *
 * The tree keeps its clauses' data as rows of numbers (see Source); a clause object is a small
 * handle made once, and its items are made from the token arrays when read.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { makeInterner, stringValue, tokenizeStore, Tk, type Interner, type TokenStore } from '../common/tokenizer';
import {
  followedBySemicolon,
  hasNewlineBetween,
  missingSemicolon,
  missingSemicolonAfterBlock,
  RecentReads,
  unclosedBrace,
  unexpectedCloseBrace,
  walkStructure,
  type StructureError,
} from '../common/blocks';
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

/** A word or string, made when its clause's items are read: four fields, the kind on the prototype. */
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
  /**
   * The words and blocks, made afresh from the tokens on each read (the tree keeps no object per
   * word): read it once per use, and compare items by position, not identity.
   */
  readonly items: Item[];
  /** The first item's text in lower case ('' when the clause starts with a block); see clauseName. */
  readonly name: string;
  /** Where the clause lives: a statement context, or 'list' for an element of a `{ a; b; }` list. */
  ctx: ContextId | 'list';
  readonly parent: Clause | undefined;
  readonly start: number;
  readonly end: number;
  /** Whether the clause ends with its `;`. */
  readonly semi: boolean;
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
 * `dyndb`, `plugin` and `dnsrps-options` blocks hold raw text for a module (with `\}` escapes);
 * blank it out (offsets kept) so the block layer does not read it as statements.
 */
function blankRawText(text: string): string {
  const t = tokenizeStore(text, TOKEN_OPTIONS);
  const isPunct = (k: number, c: string) => k < t.count && t.kinds[k] === Tk.Punct && text[t.starts[k]!] === c;
  let out: string[] | undefined;
  for (let i = 0; i < t.count; i++) {
    if (t.kinds[i] !== Tk.Word || !/^(dyndb|plugin|dnsrps-options)$/i.test(text.slice(t.starts[i]!, t.ends[i]!)))
      continue;
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
  const { clauses, structure, comments } = new ClauseParser(
    new Source(text, tokenizeStore(text, { ...TOKEN_OPTIONS, keepComments: true })),
  ).parse();
  return { text: original, clauses, structure, comments };
}

/**
 * What a tree's clauses read everything from: the tokens, and clauses and blocks as rows of
 * numbers. A 50,000-zone file has 450,000 clauses, 700,000 words and 180,000 blocks; objects for
 * them that lived as long as the tree made the parse slow (they all survive young-generation
 * collections) and the tree large. A clause is still an object made once (the checks keep
 * clauses in maps and compare them), with the fields they read most; the rest lives in rows.
 */
class Source {
  readonly intern: Interner;
  /** One row of CLAUSE_FIELDS numbers per clause (see FIRST ... BLOCK). */
  rows: Int32Array;
  count = 0;
  /**
   * One row of BLOCK_FIELDS numbers per block: its `{` token (OPEN), its `}` token (CLOSE, -1:
   * never closed), its end offset (END, BlockItem.end), the next block of the same clause (NEXT,
   * -1: none), its clauses as kids[FROM, TO), and on a clause's first block, the clause's last
   * block (LAST: where the next one is linked, without walking the chain).
   */
  blocks: Int32Array = new Int32Array(BLOCK_FIELDS * 64);
  blockCount = 0;
  /** The clauses of every block, each block's in one run (see FROM, TO). */
  readonly kids: ClauseNode[] = [];
  /**
   * The clauses of each block of more than BIG_CLAUSE of them, as one list kept once made: a
   * hover inside a view of 25,000 zones must not copy them all on every request.
   */
  readonly bigKids = new Map<number, ClauseNode[]>();
  /** Blocks nested too deep, skipped unread: `{` token -> its `}` token (absent: never closed). */
  readonly skipped = new Map<number, number>();
  /** The items last made, for the last few clauses read. */
  readonly recent = new RecentReads<ClauseNode, Item[]>([]);
  /**
   * The items of the last clause read that has more than BIG_CLAUSE of them, kept apart: reading
   * its inner clauses would push it out of `recent`, and making it again on every pass is what
   * costs (a clause that goes on after block after block may hold a whole file).
   */
  bigOwner: ClauseNode | undefined = undefined;
  bigItems: Item[] = [];
  constructor(
    readonly text: string,
    readonly t: TokenStore,
  ) {
    this.intern = makeInterner(text);
    // room for a clause per two tokens (`a;`): pages never written to cost nothing
    this.rows = new Int32Array(CLAUSE_FIELDS * ((t.count >> 1) + 16));
  }
  addClause(
    name: string,
    ctx: ContextId | 'list',
    parent: ClauseNode | undefined,
    first: number,
    end: number,
  ): ClauseNode {
    this.rows = withRoom(this.rows, (this.count + 1) * CLAUSE_FIELDS);
    const id = this.count++;
    const r = id * CLAUSE_FIELDS;
    const rows = this.rows;
    rows[r + FIRST] = first;
    rows[r + LAST_TOKEN] = first;
    rows[r + CLAUSE_END] = end;
    rows[r + BLOCK] = -1;
    return new ClauseNode(this, id, name, ctx, parent);
  }
  /** Field f of clause id. */
  at(id: number, f: number): number {
    return this.rows[id * CLAUSE_FIELDS + f]!;
  }
  put(id: number, f: number, value: number): void {
    this.rows[id * CLAUSE_FIELDS + f] = value;
  }
  addBlock(open: number, end: number): number {
    this.blocks = withRoom(this.blocks, (this.blockCount + 1) * BLOCK_FIELDS);
    const b = this.blockCount++;
    const r = b * BLOCK_FIELDS;
    this.blocks[r + OPEN] = open;
    this.blocks[r + CLOSE] = -1;
    this.blocks[r + END] = end;
    this.blocks[r + NEXT] = -1;
    this.blocks[r + LAST] = b;
    this.blocks[r + FROM] = 0;
    this.blocks[r + TO] = 0;
    return b;
  }
  get(b: number, field: number): number {
    return this.blocks[b * BLOCK_FIELDS + field]!;
  }
  set(b: number, field: number, value: number): void {
    this.blocks[b * BLOCK_FIELDS + field] = value;
  }
}
/** `a`, or a copy twice its size when it has less than `need` numbers. */
function withRoom(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const grown = new Int32Array(Math.max(need, a.length * 2));
  grown.set(a);
  return grown;
}

/** See Source.bigOwner and Source.bigKids. */
const BIG_CLAUSE = 256;
const OPEN = 0,
  CLOSE = 1,
  END = 2,
  NEXT = 3,
  FROM = 4,
  TO = 5,
  LAST = 6,
  BLOCK_FIELDS = 7;
/**
 * A clause's row: its first token (FIRST), its last token (LAST_TOKEN: its `;`, a `}`, a word,
 * or an unclosed block's `{`), its end offset (CLAUSE_END) and its first block (BLOCK, -1: none).
 */
const FIRST = 0,
  LAST_TOKEN = 1,
  CLAUSE_END = 2,
  BLOCK = 3,
  CLAUSE_FIELDS = 4;

/**
 * A clause: a handle on its row in src (made once per clause, so clauses compare by identity),
 * with the fields the checks read most.
 */
class ClauseNode implements Clause {
  constructor(
    readonly src: Source,
    readonly id: number,
    readonly name: string,
    readonly ctx: ContextId | 'list',
    readonly parent: ClauseNode | undefined,
  ) {}
  /** The clause's first token. */
  get first(): number {
    return this.src.at(this.id, FIRST);
  }
  /** The clause's last token: its `;`, a `}`, a word, or an unclosed block's `{`. */
  get last(): number {
    return this.src.at(this.id, LAST_TOKEN);
  }
  /** Its first block in src's rows (-1: none). */
  get block(): number {
    return this.src.at(this.id, BLOCK);
  }
  get start(): number {
    return this.src.t.starts[this.first]!;
  }
  get end(): number {
    return this.src.at(this.id, CLAUSE_END);
  }
  get semi(): boolean {
    const { t, text } = this.src;
    const last = this.last;
    return t.kinds[last] === Tk.Punct && text.charCodeAt(t.starts[last]!) === 0x3b;
  }
  get items(): Item[] {
    const src = this.src;
    if (src.bigOwner === this) return src.bigItems;
    const items = src.recent.get(this, itemsOf);
    if (items.length > BIG_CLAUSE) {
      src.bigOwner = this;
      src.bigItems = items;
    }
    return items;
  }
  makeItems(): Item[] {
    const { src } = this;
    const { t, text } = src;
    const out: Item[] = [];
    let b = this.block;
    const last = this.last;
    for (let i = this.first; i <= last; i++) {
      const kind = t.kinds[i]!;
      if (kind === Tk.Comment) continue;
      const s = t.starts[i]!;
      const e = t.ends[i]!;
      if (kind === Tk.Punct) {
        // `;` and a stray `}` are no items
        if (text.charCodeAt(s) !== 0x7b) continue;
        if (b >= 0 && src.get(b, OPEN) === i) {
          out.push(new BlockView(this, b));
          i = src.get(b, CLOSE);
          if (i < 0) break;
          b = src.get(b, NEXT);
          continue;
        }
        const skipEnd = src.skipped.get(i);
        if (skipEnd === undefined) break;
        i = skipEnd;
        continue;
      }
      out.push(
        kind === Tk.String ? new Word(stringValue(text, s, e), true, s, e) : new Word(text.slice(s, e), false, s, e),
      );
    }
    return out;
  }
  /** The clauses of block b of this clause (a new array, except for a big block: see Source.bigKids). */
  kidsOf(b: number): ClauseNode[] {
    const { src } = this;
    const from = src.get(b, FROM),
      to = src.get(b, TO);
    if (to - from <= BIG_CLAUSE) return src.kids.slice(from, to);
    let kids = src.bigKids.get(b);
    if (!kids) src.bigKids.set(b, (kids = src.kids.slice(from, to)));
    return kids;
  }
}

class BlockView implements BlockItem {
  readonly start: number;
  readonly end: number;
  readonly closed: boolean;
  private kids: Clause[] | undefined = undefined;
  constructor(
    private readonly owner: ClauseNode,
    private readonly b: number,
  ) {
    const { src } = owner;
    this.start = src.t.starts[src.get(b, OPEN)]!;
    this.end = src.get(b, END);
    this.closed = src.get(b, CLOSE) >= 0;
  }
  /** Made on first read: most readers of a clause's items look at its words only. */
  get clauses(): Clause[] {
    return (this.kids ??= this.owner.kidsOf(this.b));
  }
  get kind(): 'block' {
    return 'block';
  }
}

/** An open block while parsing. */
interface Frame {
  /** The block's row in src. */
  readonly b: number;
  readonly owner: ClauseNode;
  /** Index of the `{` token. */
  readonly open: number;
  /** First word token of the owner's statement segment (-1: the block has no words before it). */
  readonly segFirst: number;
  /** The context of the clauses inside. */
  readonly inner: ContextId | 'list';
  /** The context named.conf's missing-`;` recovery sees inside (see startsStatement); undefined: none. */
  readonly pathCtx: ContextId | undefined;
  /** The clauses inside so far (they go to src.kids, in one run, when the block ends). */
  readonly kids: ClauseNode[];
}

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
  private readonly top: ClauseNode[] = [];
  private readonly frames: Frame[] = [];
  private readonly text: string;
  private readonly t: TokenStore;
  /** The context of new clauses. */
  private containerCtx: ContextId | 'list' = 'top';
  /** The clause whose current segment is still collecting words (no `;` or `{` yet). */
  private cur: ClauseNode | undefined;
  /** The first and last word tokens of cur's segment. */
  private segFirst = -1;
  private segLast = -1;
  /** The container's last clause, if it ended with a closed block and no `;` yet. */
  private afterBlock: ClauseNode | undefined;
  /** Its missing-semicolon-after-block error. */
  private afterBlockError: StructureError | undefined;

  constructor(private readonly src: Source) {
    this.text = src.text;
    this.t = src.t;
  }

  parse(): { clauses: Clause[]; structure: StructureError[]; comments: Array<{ start: number; end: number }> } {
    const { t, text, errors } = this;
    walkStructure(
      text,
      t,
      {
        depth: () => this.frames.length,
        comment: (start, end) => this.comments.push({ start, end }),
        semicolon: (idx) => this.semicolon(idx),
        open: (idx) => this.openBlock(idx),
        close: (idx) => this.closeBlock(idx),
        word: (idx) => this.word(idx),
        end: () => {
          if (this.cur) this.missingSemi();
        },
      },
      errors,
      this.src.skipped,
    );
    // unclosed blocks once each, innermost first, at the brace that opened them
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k]!;
      this.endKids(f);
      const words: string[] = [];
      for (let i = f.segFirst; i >= 0 && i < f.open && words.length < 2; i++)
        if (t.kinds[i] !== Tk.Comment) words.push(text.slice(t.starts[i]!, t.ends[i]!));
      errors.push(unclosedBrace(t.starts[f.open]!, words.join(' '), 'required'));
    }
    const structure = this.dropped.size ? errors.filter((e) => !this.dropped.has(e)) : errors;
    // exact size: the rows live as long as the tree (clause rows: a view; the pages past its end
    // were never written to)
    this.src.blocks = this.src.blocks.slice(0, this.src.blockCount * BLOCK_FIELDS);
    this.src.rows = this.src.rows.subarray(0, this.src.count * CLAUSE_FIELDS);
    return { clauses: this.top, structure, comments: this.comments };
  }

  private semicolon(idx: number): void {
    const end = this.t.ends[idx]!;
    const cur = this.cur;
    if (cur) {
      this.extend(cur, idx, end);
      this.endSegment();
    } else if (this.afterBlock) {
      // `};`
      this.extend(this.afterBlock, idx, end);
      this.afterBlock = undefined;
    }
    // a `;` with no statement: named.conf ignores it
  }

  private openBlock(idx: number): void {
    const { src, t } = this;
    const owner = this.cur ?? this.newClause(idx);
    const segFirst = this.cur ? this.segFirst : -1;
    this.endSegment();
    this.afterBlock = undefined;
    const nameWord = t.kinds[owner.first] === Tk.Word ? owner.name : '';
    const inner = innerContext(owner.ctx, nameWord) ?? 'list';
    const b = src.addBlock(idx, owner.end);
    const first = owner.block;
    if (first < 0) src.put(owner.id, BLOCK, b);
    else {
      // a clause may go on after block after block (`host a { ... }` on 100,000 lines, none of
      // them a named.conf statement): link at the last one, not by walking the chain
      src.set(src.get(first, LAST), NEXT, b);
      src.set(first, LAST, b);
    }
    src.put(owner.id, LAST_TOKEN, idx);
    // the context the recovery rule sees: through the first word of the block's own segment
    const outer = this.frames.length ? this.frames[this.frames.length - 1]!.pathCtx : 'top';
    const w = segFirst >= 0 && t.kinds[segFirst] === Tk.Word ? this.lowerAt(segFirst) : undefined;
    const pathCtx = outer && w !== undefined ? innerContext(outer, w) : undefined;
    this.frames.push({ b, owner, open: idx, segFirst, inner, pathCtx, kids: [] });
    this.containerCtx = inner;
  }

  private closeBlock(idx: number): void {
    const { t, src } = this;
    if (this.cur) this.missingSemi();
    const end = t.ends[idx]!;
    const f = this.frames.pop();
    if (!f) {
      this.errors.push(unexpectedCloseBrace(t.starts[idx]!, end));
      return;
    }
    src.set(f.b, CLOSE, idx);
    src.set(f.b, END, end);
    this.endKids(f);
    const owner = f.owner;
    this.extend(owner, idx, end);
    const parent = this.frames[this.frames.length - 1];
    this.containerCtx = parent ? parent.inner : 'top';
    this.afterBlock = owner;
    this.afterBlockError = undefined;
    // the block must be followed by `;`
    if (!followedBySemicolon(this.text, t, idx)) {
      this.afterBlockError = missingSemicolonAfterBlock(end);
      this.errors.push(this.afterBlockError);
    }
  }

  private word(idx: number): void {
    const { t, text } = this;
    const kind = t.kinds[idx]!;
    const start = t.starts[idx]!;
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
        cur = prev;
      } else cur = this.newClause(idx);
      this.afterBlock = undefined;
      this.cur = cur;
      this.segFirst = idx;
    }
    this.extend(cur, idx, t.ends[idx]!);
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
    const openDef = clauseIn(
      ctx,
      this.text.slice(this.t.starts[this.segFirst]!, this.t.ends[this.segFirst]!).toLowerCase(),
    );
    if (openDef && (keywordsOf(openDef).has(w) || keywordsOf(openDef).has('*'))) return false;
    return true;
  }

  private lowerAt(idx: number): string {
    return this.src.intern(this.t.starts[idx]!, this.t.ends[idx]!).toLowerCase();
  }

  /** A new clause starting at token idx (a word, or the `{` of a block with no words before it). */
  private newClause(idx: number): ClauseNode {
    const { t, text, src } = this;
    const s = t.starts[idx]!,
      e = t.ends[idx]!;
    const kind = t.kinds[idx];
    const name =
      kind === Tk.Punct
        ? ''
        : (kind === Tk.String ? stringValue(text, s, e, src.intern) : src.intern(s, e)).toLowerCase();
    const f = this.frames[this.frames.length - 1];
    const c = src.addClause(name, this.containerCtx, f?.owner, idx, e);
    (f ? f.kids : this.top).push(c);
    return c;
  }

  /** The clause now ends with token idx, at offset end. */
  private extend(c: ClauseNode, idx: number, end: number): void {
    this.src.put(c.id, LAST_TOKEN, idx);
    this.src.put(c.id, CLAUSE_END, end);
  }

  /** Block f ends (or the text does): its clauses go to src.kids, in one run. */
  private endKids(f: Frame): void {
    const { src } = this;
    src.set(f.b, FROM, src.kids.length);
    for (const k of f.kids) src.kids.push(k);
    src.set(f.b, TO, src.kids.length);
  }

  /** cur's segment ends (at `;`, at `{`, or with a missing `;`). */
  private endSegment(): void {
    this.cur = undefined;
    this.segFirst = -1;
    this.segLast = -1;
  }

  private missingSemi(): void {
    const cur = this.cur!;
    const { t, text } = this;
    const last = this.segLast;
    this.errors.push(
      last >= 0 ? missingSemicolon(text, t.starts[last]!, t.ends[last]!) : missingSemicolon(text, -1, cur.end),
    );
    this.endSegment();
  }
}

const itemsOf = (c: ClauseNode): Item[] => c.makeItems();

export function parseDocument(doc: TextDocument): NamedTree {
  return parseNamed(doc.getText());
}

/** Every clause, depth first, with a visitor that may stop descent by returning false. */
export function walkClauses(clauses: readonly Clause[], visit: (c: Clause) => boolean | void): void {
  // the list itself is not copied to the stack: a file may have a million top-level statements
  const stack: ClauseNode[] = [];
  for (const top of clauses) {
    stack.push(top as ClauseNode);
    while (stack.length) {
      const c = stack.pop()!;
      if (visit(c) === false) continue;
      // the clauses of every block, in order (pushed last block first)
      const first = c.block;
      if (first < 0) continue;
      const { src } = c;
      const kids = src.kids;
      if (src.get(first, NEXT) < 0) {
        for (let k = src.get(first, TO) - 1; k >= src.get(first, FROM); k--) stack.push(kids[k]!);
        continue;
      }
      const blocks: number[] = [];
      for (let b = first; b >= 0; b = src.get(b, NEXT)) blocks.push(b);
      for (let j = blocks.length - 1; j >= 0; j--) {
        const b = blocks[j]!;
        for (let k = src.get(b, TO) - 1; k >= src.get(b, FROM); k--) stack.push(kids[k]!);
      }
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
  const n = c as ClauseNode;
  return n.block >= 0 ? n.kidsOf(n.block) : [];
}

/** The first sub-clause named `name` in a clause's block. */
export function sub(c: Clause, name: string): Clause | undefined {
  const n = c as ClauseNode;
  const b = n.block;
  if (b < 0) return undefined;
  const { src } = n;
  for (let k = src.get(b, FROM), to = src.get(b, TO); k < to; k++) if (src.kids[k]!.name === name) return src.kids[k];
  return undefined;
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
