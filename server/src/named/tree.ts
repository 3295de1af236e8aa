/**
 * The named.conf tree: clauses, their items (words, strings, blocks), and the rows of numbers
 * they read from (see Source). A clause is a view of its row, made on read (compare by key); its
 * items are made from the token arrays when read. parser.ts fills the rows.
 */
import { makeInterner, stringValue, Tk, type Interner, type TokenStore } from '../common/tokenizer';
import { RecentReads, type StructureError } from '../common/structure';
import type { ContextId } from './data/types';

export interface WordItem {
  readonly kind: 'word';
  /** The text, quotes removed for strings (curly quotes are part of a word: see isCurly). */
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
  readonly ctx: ContextId | 'list';
  /** The clause's row in its tree. */
  readonly id: number;
  /** Unique among all trees: clauses are views made on read, so compare and key them by this. */
  readonly key: number;
  /** A view of the clause whose block holds this one (a new object on each read). */
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

export function clauseName(c: Clause): string {
  return c.name;
}

/** A clause's key, -1 for none: for maps by clause. */
export function clauseKey(c: Clause | undefined): number {
  return c ? c.key : -1;
}

/** The first key of the next tree (see Source.base). */
let nextBase = 0;

/** Contexts by number, as a clause's row holds them (see NAME_CTX). */
const CTXS: Array<ContextId | 'list'> = [];
const CTX_INDEX = new Map<ContextId | 'list', number>();
function ctxIndex(ctx: ContextId | 'list'): number {
  let i = CTX_INDEX.get(ctx);
  if (i === undefined) CTX_INDEX.set(ctx, (i = CTXS.push(ctx) - 1));
  return i;
}

/**
 * What a tree's clauses read everything from: the tokens, and clauses and blocks as rows of
 * numbers. A 50,000-zone file has 450,000 clauses, 700,000 words and 180,000 blocks; objects for
 * them that lived as long as the tree made the parse slow (they all survive young-generation
 * collections) and the tree large. So a clause is a row too, and a Clause a view made on read.
 */
export class Source {
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
  blocks: Int32Array;
  blockCount = 0;
  /** The clauses of every block, each block's in one run (see FROM, TO), by id. */
  kids: Int32Array;
  kidCount = 0;
  /** Clause names by number (see NAME_CTX). */
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  /**
   * The clauses of each block of more than BIG_CLAUSE of them, as one list kept once made: a
   * hover inside a view of 25,000 zones must not copy them all on every request.
   */
  readonly bigKids = new Map<number, ClauseNode[]>();
  /** Blocks nested too deep, skipped unread: `{` token -> its `}` token (absent: never closed). */
  readonly skipped = new Map<number, number>();
  /** The items last made, for the last few clauses read. */
  readonly recent = new RecentReads<number, Item[]>([]);
  readonly itemsOf = (id: number): Item[] => new ClauseNode(this, id).makeItems();
  /**
   * The items of the last clause read that has more than BIG_CLAUSE of them, kept apart: reading
   * its inner clauses would push it out of `recent`, and making it again on every pass is what
   * costs (a clause that goes on after block after block may hold a whole file).
   */
  bigOwner = -1;
  bigItems: Item[] = [];
  /** Added to a clause's id for its key: the trees alive at once have keys apart. */
  readonly base = nextBase;
  constructor(
    readonly text: string,
    readonly t: TokenStore,
  ) {
    this.intern = makeInterner(text);
    // room for every clause and block there can be, counted from the tokens, so that the rows
    // are neither copied to grow nor left with unused room that a reused page must clear: a
    // clause ends at a `;` or owns a `{`, and `{ … };` is one clause (missing-`;` recovery may
    // add a few, grown past that)
    let ends = 0,
      opens = 0,
      closed = false;
    for (let i = 0; i < t.count; i++) {
      if (t.kinds[i] !== Tk.Punct) {
        closed = false;
        continue;
      }
      const c = text.charCodeAt(t.starts[i]!);
      if (c === SEMI) ends += closed ? 0 : 1;
      else if (c === OPEN_BRACE) opens++;
      closed = c === CLOSE_BRACE;
    }
    this.rows = new Int32Array(CLAUSE_FIELDS * (ends + opens + 16));
    this.kids = new Int32Array(ends + opens + 16);
    this.blocks = new Int32Array(BLOCK_FIELDS * (opens + 16));
    // each clause starts at a token of its own: room for every key
    nextBase += t.count + 1;
  }
  addClause(name: string, ctx: ContextId | 'list', parent: number, first: number, end: number): number {
    this.rows = withRoom(this.rows, (this.count + 1) * CLAUSE_FIELDS);
    const id = this.count++;
    const r = id * CLAUSE_FIELDS;
    const rows = this.rows;
    rows[r + FIRST] = first;
    rows[r + LAST_TOKEN] = first;
    rows[r + CLAUSE_END] = end;
    rows[r + BLOCK] = -1;
    rows[r + PARENT] = parent;
    let n = this.nameIndex.get(name);
    if (n === undefined) this.nameIndex.set(name, (n = this.names.push(name) - 1));
    rows[r + NAME_CTX] = (n << CTX_BITS) | ctxIndex(ctx);
    return id;
  }
  /** Adds clause id to the current run of kids (see FROM, TO). */
  addKid(id: number): void {
    this.kids = withRoom(this.kids, this.kidCount + 1);
    this.kids[this.kidCount++] = id;
  }
  name(id: number): string {
    return this.names[this.at(id, NAME_CTX) >>> CTX_BITS]!;
  }
  /** The number of a clause name in names (-1: no clause of the tree has it). */
  nameNumber(name: string): number {
    return this.nameIndex.get(name) ?? -1;
  }
  /** Whether clause id is named by name number n (see nameNumber). */
  hasName(id: number, n: number): boolean {
    return this.at(id, NAME_CTX) >>> CTX_BITS === n;
  }
  ctx(id: number): ContextId | 'list' {
    return CTXS[this.at(id, NAME_CTX) & CTX_MASK]!;
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
/** `a`, or a copy half as large again when it has less than `need` numbers. */
function withRoom(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const grown = new Int32Array(Math.max(need, a.length + (a.length >> 1)));
  grown.set(a);
  return grown;
}

const SEMI = 59,
  OPEN_BRACE = 123,
  CLOSE_BRACE = 125;

/** See Source.bigOwner and Source.bigKids. */
const BIG_CLAUSE = 256;
export const OPEN = 0,
  CLOSE = 1,
  END = 2,
  NEXT = 3,
  FROM = 4,
  TO = 5,
  LAST = 6,
  BLOCK_FIELDS = 7;
/**
 * A clause's row: its first token (FIRST), its last token (LAST_TOKEN: its `;`, a `}`, a word,
 * or an unclosed block's `{`), its end offset (CLAUSE_END), its first block (BLOCK, -1: none),
 * the clause whose block holds it (PARENT, -1: none), and its name and context (NAME_CTX: the
 * name's number in Source.names, shifted by CTX_BITS, and the context's in CTXS).
 */
export const FIRST = 0,
  LAST_TOKEN = 1,
  CLAUSE_END = 2,
  BLOCK = 3,
  PARENT = 4,
  NAME_CTX = 5,
  CLAUSE_FIELDS = 6;
const CTX_BITS = 5,
  CTX_MASK = (1 << CTX_BITS) - 1;

/** A view of clause id in src, made on read and never kept by the tree: compare clauses by id. */
export class ClauseNode implements Clause {
  constructor(
    readonly src: Source,
    readonly id: number,
  ) {}
  get key(): number {
    return this.src.base + this.id;
  }
  get name(): string {
    return this.src.name(this.id);
  }
  get ctx(): ContextId | 'list' {
    return this.src.ctx(this.id);
  }
  get parent(): ClauseNode | undefined {
    const p = this.src.at(this.id, PARENT);
    return p < 0 ? undefined : new ClauseNode(this.src, p);
  }
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
    if (src.bigOwner === this.id) return src.bigItems;
    const items = src.recent.get(this.id, src.itemsOf);
    if (items.length > BIG_CLAUSE) {
      src.bigOwner = this.id;
      src.bigItems = items;
    }
    return items;
  }
  /**
   * Walks the clause's items in order without making them: `visit(i, b)` gets a word's or
   * string's token i (b < 0), or a block's `{` token and row b; it returns false to stop.
   */
  private walkItems(visit: (i: number, b: number) => boolean): void {
    const { src } = this;
    const { t, text } = src;
    let b = this.block;
    for (let i = this.first, last = this.last; i <= last; i++) {
      const kind = t.kinds[i]!;
      if (kind === Tk.Comment) continue;
      if (kind !== Tk.Punct) {
        if (!visit(i, -1)) return;
        continue;
      }
      // `;` and a stray `}` are no items
      if (text.charCodeAt(t.starts[i]!) !== 0x7b) continue;
      if (b >= 0 && src.get(b, OPEN) === i) {
        if (!visit(i, b)) return;
        i = src.get(b, CLOSE);
        if (i < 0) return;
        b = src.get(b, NEXT);
        continue;
      }
      const skipEnd = src.skipped.get(i);
      if (skipEnd === undefined) return;
      i = skipEnd;
    }
  }
  /** The item at token i (b < 0: a word or string) or block row b. */
  private itemOf(i: number, b: number): Item {
    if (b >= 0) return new BlockView(this, b);
    const { t, text } = this.src;
    const s = t.starts[i]!;
    const e = t.ends[i]!;
    // BIND reads curly quotes as characters of a word: a curly-quoted string is a bare word, quotes and all
    return t.kinds[i] === Tk.String && text.charCodeAt(s) === 0x22
      ? new Word(stringValue(text, s, e), true, s, e)
      : new Word(text.slice(s, e), false, s, e);
  }
  makeItems(): Item[] {
    const out: Item[] = [];
    this.walkItems((i, b) => {
      out.push(this.itemOf(i, b));
      return true;
    });
    return out;
  }
  /** Item k alone, as `items[k]` would read it, without making the others. */
  itemAt(k: number): Item | undefined {
    const { src } = this;
    if (src.bigOwner === this.id) return src.bigItems[k];
    let found: Item | undefined;
    let n = 0;
    this.walkItems((i, b) => {
      if (n++ < k) return true;
      found = this.itemOf(i, b);
      return false;
    });
    return found;
  }
  /** Whether an unquoted word after the first item is `word` (as items would show it), without making items. */
  hasWordAfterFirst(word: string): boolean {
    const { t, text } = this.src;
    let n = 0;
    let found = false;
    this.walkItems((i, b) => {
      const s = t.starts[i]!;
      found = n++ > 0 && b < 0 && t.kinds[i] === Tk.Word && t.ends[i]! - s === word.length && text.startsWith(word, s);
      return !found;
    });
    return found;
  }
  /** Its blocks, in order, as `items` holds them (read from the block rows). */
  blockViews(): BlockItem[] {
    const { src } = this;
    const out: BlockItem[] = [];
    for (let b = this.block; b >= 0; b = src.get(b, NEXT)) {
      out.push(new BlockView(this, b));
      if (src.get(b, CLOSE) < 0) break;
    }
    return out;
  }
  /** The clauses of block b of this clause (a new array, except for a big block: see Source.bigKids). */
  kidsOf(b: number): ClauseNode[] {
    const { src } = this;
    const from = src.get(b, FROM),
      to = src.get(b, TO);
    if (to - from <= BIG_CLAUSE) return viewsOf(src, from, to);
    let kids = src.bigKids.get(b);
    if (!kids) src.bigKids.set(b, (kids = viewsOf(src, from, to)));
    return kids;
  }
}

/** Views of the clauses src.kids[from, to). */
function viewsOf(src: Source, from: number, to: number): ClauseNode[] {
  const out: ClauseNode[] = [];
  for (let k = from; k < to; k++) out.push(new ClauseNode(src, src.kids[k]!));
  return out;
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

/** The text the clauses of c's tree read from. */
export function textOf(c: Clause): string {
  return (c as ClauseNode).src.text;
}

/** The view of clause id of the tree c is in (-1: undefined). */
export function clauseOf(c: Clause, id: number): Clause | undefined {
  return id < 0 ? undefined : new ClauseNode((c as ClauseNode).src, id);
}

/** Every clause, depth first, with a visitor that may stop descent by returning false. */
export function walkClauses(clauses: readonly Clause[], visit: (c: Clause) => boolean | void): void {
  // the list itself is not copied to the stack: a file may have a million top-level statements
  const stack: number[] = [];
  for (const top of clauses) {
    const src = (top as ClauseNode).src;
    const kids = src.kids;
    stack.push(top.id);
    while (stack.length) {
      const id = stack.pop()!;
      if (visit(new ClauseNode(src, id)) === false) continue;
      // the clauses of every block, in order (pushed last block first)
      const first = src.at(id, BLOCK);
      if (first < 0) continue;
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
  return (c as ClauseNode).blockViews();
}

/** `c.items[k]`, without making the other items. */
export function itemAt(c: Clause, k: number): Item | undefined {
  return (c as ClauseNode).itemAt(k);
}

/** Whether the clause has a block (`c.items.some((i) => i.kind === 'block')`). */
export function hasBlock(c: Clause): boolean {
  return (c as ClauseNode).block >= 0;
}

/** Whether an unquoted word after the clause's first item reads `word`, without making its items. */
export function hasWordAfterFirst(c: Clause, word: string): boolean {
  return (c as ClauseNode).hasWordAfterFirst(word);
}

/** The clauses named `name` in a clause's first block, in order. */
export function subs(c: Clause, name: string): Clause[] {
  const n = c as ClauseNode;
  const b = n.block;
  const out: Clause[] = [];
  if (b < 0) return out;
  const { src } = n;
  const no = src.nameNumber(name);
  if (no < 0) return out;
  for (let k = src.get(b, FROM), to = src.get(b, TO); k < to; k++)
    if (src.hasName(src.kids[k]!, no)) out.push(new ClauseNode(src, src.kids[k]!));
  return out;
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
  // names compared by number: a name no clause of the tree has is found at once
  const no = src.nameNumber(name);
  if (no < 0) return undefined;
  for (let k = src.get(b, FROM), to = src.get(b, TO); k < to; k++)
    if (src.hasName(src.kids[k]!, no)) return new ClauseNode(src, src.kids[k]!);
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
