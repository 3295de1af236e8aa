/**
 * The named.conf tree: clauses, their items (words, strings, blocks), and the rows of numbers
 * they read from (see Source). A clause object is a small handle made once; its items are made
 * from the token arrays when read. parser.ts fills the rows.
 */
import { makeInterner, stringValue, Tk, type Interner, type TokenStore } from '../common/tokenizer';
import { RecentReads, type StructureError } from '../common/blocks';
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

export function clauseName(c: Clause): string {
  return c.name;
}

/**
 * What a tree's clauses read everything from: the tokens, and clauses and blocks as rows of
 * numbers. A 50,000-zone file has 450,000 clauses, 700,000 words and 180,000 blocks; objects for
 * them that lived as long as the tree made the parse slow (they all survive young-generation
 * collections) and the tree large. A clause is still an object made once (the checks keep
 * clauses in maps and compare them), with the fields they read most; the rest lives in rows.
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
 * or an unclosed block's `{`), its end offset (CLAUSE_END) and its first block (BLOCK, -1: none).
 */
export const FIRST = 0,
  LAST_TOKEN = 1,
  CLAUSE_END = 2,
  BLOCK = 3,
  CLAUSE_FIELDS = 4;

/**
 * A clause: a handle on its row in src (made once per clause, so clauses compare by identity),
 * with the fields the checks read most.
 */
export class ClauseNode implements Clause {
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

const itemsOf = (c: ClauseNode): Item[] => c.makeItems();

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
