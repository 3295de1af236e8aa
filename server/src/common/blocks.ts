/**
 * The shared block-structure layer for the `;`-and-`{}` languages.
 *
 * A document is a list of statements; a statement is the words before its `;` or its
 * `{ ... }` block (and, in named.conf, the `;` after the block). Lists such as
 * `allow-query { any; 10/8; };` are blocks too. The layer knows no keywords: languages
 * pass a hook that says where a new statement starts when a `;` is missing.
 *
 * Recovery: a missing `;` ends the statement (one error), an unexpected `}` is skipped
 * (one error), an unclosed `{` is reported once at the brace that opened it. The parser is
 * iterative, so 100,000 nested braces cannot overflow the stack, and it caps nesting at
 * MAX_DEPTH (deeper blocks are skipped with one error), so recursive walkers are safe.
 *
 * dhcpd.conf uses this layer. named.conf's parser (named/parser.ts) builds its clauses in one
 * pass of its own (it joins statements that go on after a block), on the same token loop
 * (walkStructure in common/structure.ts) and with the same error messages (missingSemicolon, unclosedBrace, ...); its
 * statement rules (where a missing `;` ends a statement, `};`) follow the ones here: a change to
 * those goes in both.
 */
import { Tk, type Token, type TokenStore } from './tokenizer';
import {
  followedBySemicolon,
  hasNewlineBetween,
  missingSemicolon,
  missingSemicolonAfterBlock,
  RecentReads,
  tokenObject,
  unclosedBrace,
  unexpectedCloseBrace,
  walkStructure,
  type StructureError,
  type StructureSink,
} from './structure';

import { partitionPoint } from './search';
import { groupRows, IntRows } from './rows';

/**
 * A statement, made anew from its row each time it is read (see Source): compare statements by
 * `start`.
 */
export interface Stmt {
  /**
   * Tokens before the block or terminator (no comments). Made from the token arrays on each
   * read (a cache keeps the last few): read once per use, and compare tokens by position.
   */
  readonly words: Token[];
  readonly block: Block | undefined;
  /** The `;` that ends the statement, if present. */
  readonly semi: Token | undefined;
  /** Offsets covering the whole statement, terminator included. */
  readonly start: number;
  readonly end: number;
  readonly parent: Block | undefined;
}

/** A statement that has a block. */
export type BlockStmt = Stmt & { readonly block: Block };

export interface Block {
  readonly open: Token;
  readonly close: Token | undefined;
  readonly stmts: StmtList;
  /** The statement that owns this block. */
  readonly owner: BlockStmt;
}

export interface BlockOptions {
  /** named.conf: `};` (a missing `;` after `}` is an error). dhcpd.conf: no `;` needed. */
  readonly semicolonAfterBlock: 'required' | 'optional';
  /**
   * Called for a word that starts a new line while a statement is still open (its `;` not
   * yet seen). Return true when that word surely starts a new statement: the open one then
   * ends with a missing-semicolon error. `first` and `last` are the open statement's first and
   * last words, `owner` the first word of the statement whose block it is in (undefined at the
   * top level or in a bare block). Only these, not the open statement's words: a statement
   * that goes on over 100,000 lines asks once per line.
   */
  readonly startsStatement?: (word: Token, first: Token, last: Token, owner: Token | undefined) => boolean;
  /** Report `;;` and a lone `;` (named.conf tolerates them, dhcpd.conf too). Default false. */
  readonly reportEmptyStatements?: boolean;
  /**
   * Words the daemon's lexer reads as one (dhcpd: `10 . 0 . 0 . 1` is one address), joined each
   * time a statement's words are read. Return `words` itself when nothing joins.
   */
  readonly joinWords?: (words: Token[]) => Token[];
}

export interface BlockTree {
  readonly stmts: StmtList;
  readonly errors: StructureError[];
  /** Every token, comments included, as arrays; `tokenObject` makes one into an object. */
  readonly tokens: TokenStore;
  readonly text: string;
}

/**
 * What statements read their words from: the text and its tokens, and the statements and blocks
 * themselves as rows. A 100,000-host dhcpd.conf has 1.5 million tokens and 100,000 blocks, and a
 * file may hold a million one-line statements: an object kept for each, as long as the tree,
 * made a large parse slow (they all survive young-generation collections, which is most of the
 * time such a parse takes). So statements and blocks are views made from their rows on read.
 */
class Source {
  /** Blocks nested too deep, skipped unread: `{` token -> its `}` token (absent: never closed). */
  readonly skipped = new Map<number, number>();
  /** Words of the last few statements read, by row. */
  readonly recent = new RecentReads<number, Token[]>([]);
  readonly wordsOf = (k: number): Token[] => wordsOf(this, k);
  /** One row per statement, in document order (see the fields below). */
  readonly rows = new IntRows(FIELDS);
  /** One row per block, by id, in the order of their `{` (see the fields below). */
  readonly blocks = new IntRows(BLOCK_FIELDS);
  /**
   * The statement rows grouped by the block they are in, the file's first, each block's in
   * document order: a block's statements are `order[from, from + count)` (see groupByBlock).
   * Null when the file has no block: the rows are in that order already.
   */
  order: Int32Array | null = null;
  constructor(
    readonly text: string,
    readonly tokens: TokenStore,
    readonly joinWords?: (words: Token[]) => Token[],
  ) {}
  /** Statement row k. */
  stmt(k: number): RowStmt {
    return new RowStmt(this, k);
  }
  /** The row of the statement at place i of the grouped order. */
  rowAt(i: number): number {
    return this.order ? this.order[i]! : i;
  }
  start(k: number): number {
    return this.tokens.starts[this.rows.get(k, FIRST)]!;
  }
  /**
   * Where statement k ends: at its `;`, else at the `}` of its block, else at its last word
   * (a missing `;`, or a block never closed), else at its `{` (a bare block never closed).
   */
  end(k: number): number {
    const ends = this.tokens.ends;
    const semi = this.rows.get(k, SEMI_AT);
    if (semi >= 0) return ends[semi]!;
    const b = this.rows.get(k, BLOCK);
    const close = b >= 0 ? this.blocks.get(b, CLOSE_AT) : -1;
    if (close >= 0) return ends[close]!;
    const last = this.rows.get(k, LAST);
    return ends[last >= 0 ? last : this.rows.get(k, FIRST)]!;
  }
}

/**
 * The fields of a statement row: the token index of its first token (a word, or the `{` of a
 * bare block) and of its last word (-1: no words), of its `;` (-1: none), the id of the block it
 * is in and of its own block (-1: none). Its offsets come from those tokens (Source.start, end):
 * every field is 4 MB more to write for a million statements.
 */
const FIRST = 0,
  LAST = 1,
  SEMI_AT = 2,
  PARENT = 3,
  BLOCK = 4;
const FIELDS = 5;

/**
 * The fields of a block row: the token index of its `{` and of its `}` (-1: never closed), the
 * row of the statement that owns it, and where its statements are in `Source.order` and how many
 * (see groupByBlock).
 */
const OPEN_AT = 0,
  CLOSE_AT = 1,
  OWNER = 2,
  FROM = 3,
  COUNT = 4;
const BLOCK_FIELDS = 5;

/** A statement read from its row. */
class RowStmt implements Stmt {
  /** The words of a statement without a block, once read through this view. */
  private leafWords: Token[] | undefined = undefined;
  constructor(
    readonly src: Source,
    readonly row: number,
  ) {}
  get words(): Token[] {
    // a statement with a block is read again through new views as its block is walked: the words
    // of the last few read are shared by their views
    if (this.src.rows.get(this.row, BLOCK) >= 0) return this.src.recent.get(this.row, this.src.wordsOf);
    return (this.leafWords ??= wordsOf(this.src, this.row));
  }
  get block(): BlockView | undefined {
    const b = this.src.rows.get(this.row, BLOCK);
    return b < 0 ? undefined : new BlockView(this.src, b);
  }
  get semi(): Token | undefined {
    const at = this.src.rows.get(this.row, SEMI_AT);
    return at < 0 ? undefined : tokenObject(this.src, at);
  }
  get start(): number {
    return this.src.start(this.row);
  }
  get end(): number {
    return this.src.end(this.row);
  }
  get parent(): BlockView | undefined {
    const p = this.src.rows.get(this.row, PARENT);
    return p < 0 ? undefined : new BlockView(this.src, p);
  }
}

function wordsOf(src: Source, k: number): Token[] {
  const words: Token[] = [];
  const { tokens: t, text, rows } = src;
  const last = rows.get(k, LAST);
  for (let i = rows.get(k, FIRST); i >= 0 && i <= last; i++) {
    const kind = t.kinds[i]!;
    if (kind === Tk.Comment) continue;
    // a block nested too deep sits among the words: skipped, as the parser did
    if (kind === Tk.Punct && text.charCodeAt(t.starts[i]!) === 0x7b) {
      i = src.skipped.get(i) ?? last;
      continue;
    }
    words.push(tokenObject(src, i));
  }
  return src.joinWords ? src.joinWords(words) : words;
}

/** A block read from its row. */
class BlockView implements Block {
  constructor(
    readonly src: Source,
    /** Its row in `src.blocks`. */
    readonly id: number,
  ) {}
  get open(): Token {
    return tokenObject(this.src, this.src.blocks.get(this.id, OPEN_AT));
  }
  get close(): Token | undefined {
    const at = this.src.blocks.get(this.id, CLOSE_AT);
    return at < 0 ? undefined : tokenObject(this.src, at);
  }
  get owner(): BlockStmt {
    return new RowStmt(this.src, this.src.blocks.get(this.id, OWNER)) as BlockStmt;
  }
  get stmts(): StmtList {
    const { blocks } = this.src;
    return new Stmts(this.src, blocks.get(this.id, FROM), blocks.get(this.id, COUNT));
  }
}

/**
 * The statements of a block or of the file. `at(i)` makes the statement's view on each call
 * (read it once into a local, and compare statements by `start`). Loops over a list that only
 * look at blocks skip the others with `hasBlock(i)`, without making them.
 */
export interface StmtList extends Iterable<Stmt> {
  readonly length: number;
  /** Statement i (undefined unless 0 ≤ i < length). */
  at(i: number): Stmt | undefined;
  /** Where statement i starts. */
  startOf(i: number): number;
  /** The index of the last statement starting at or before `offset` (-1: none). */
  lastStartingAtOrBefore(offset: number): number;
  hasBlock(i: number): boolean;
  /** Statement i if it has a block, else undefined (nothing is made for one without). */
  withBlock(i: number): BlockStmt | undefined;
  some(pred: (s: Stmt) => boolean): boolean;
  find(pred: (s: Stmt) => boolean): Stmt | undefined;
  filter(pred: (s: Stmt) => boolean): Stmt[];
  map<T>(fn: (s: Stmt) => T): T[];
}

class Stmts implements StmtList {
  constructor(
    private readonly src: Source,
    private readonly from: number,
    readonly length: number,
  ) {}
  at(i: number): Stmt | undefined {
    return i >= 0 && i < this.length ? this.src.stmt(this.src.rowAt(this.from + i)) : undefined;
  }
  startOf(i: number): number {
    return this.src.start(this.src.rowAt(this.from + i));
  }
  lastStartingAtOrBefore(offset: number): number {
    return partitionPoint(this.length, (i) => this.startOf(i) <= offset) - 1;
  }
  hasBlock(i: number): boolean {
    return this.src.rows.get(this.src.rowAt(this.from + i), BLOCK) >= 0;
  }
  withBlock(i: number): BlockStmt | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const b = this.src.rows.get(this.src.rowAt(this.from + i), BLOCK);
    return b >= 0 ? (this.src.stmt(this.src.rowAt(this.from + i)) as BlockStmt) : undefined;
  }
  some(pred: (s: Stmt) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (pred(this.at(i)!)) return true;
    return false;
  }
  find(pred: (s: Stmt) => boolean): Stmt | undefined {
    for (let i = 0; i < this.length; i++) {
      const s = this.at(i)!;
      if (pred(s)) return s;
    }
    return undefined;
  }
  filter(pred: (s: Stmt) => boolean): Stmt[] {
    const out: Stmt[] = [];
    for (let i = 0; i < this.length; i++) {
      const s = this.at(i)!;
      if (pred(s)) out.push(s);
    }
    return out;
  }
  map<T>(fn: (s: Stmt) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(fn(this.at(i)!));
    return out;
  }
  *[Symbol.iterator](): Iterator<Stmt> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

export function parseBlocks(text: string, tokens: TokenStore, opts: BlockOptions): BlockTree {
  const builder = new BlockBuilder(text, tokens, opts);
  walkStructure(text, tokens, builder, builder.errors, builder.src.skipped);
  return builder.finish();
}

/** Makes the statement rows and blocks from the tokens that walkStructure hands on. */
class BlockBuilder implements StructureSink {
  readonly src: Source;
  readonly errors: StructureError[] = [];
  /** The chain of open blocks, by id. */
  private readonly openBlocks: number[] = [];
  /** Per depth (0: the file), the last statement made in the block open there (-1: none yet). */
  private readonly lastIn: number[] = [-1];
  /** The row of the statement still open (its `;` not yet seen), -1: none. */
  private cur = -1;

  constructor(
    private readonly text: string,
    private readonly t: TokenStore,
    private readonly opts: BlockOptions,
  ) {
    this.src = new Source(text, t, opts.joinWords);
  }

  depth(): number {
    return this.openBlocks.length;
  }

  private newStmt(idx: number, isWord: boolean): number {
    const rows = this.src.rows;
    const k = rows.add();
    rows.set(k, FIRST, idx);
    rows.set(k, LAST, isWord ? idx : -1);
    rows.set(k, SEMI_AT, -1);
    const parent = this.openBlocks.length - 1;
    rows.set(k, PARENT, parent >= 0 ? this.openBlocks[parent]! : -1);
    rows.set(k, BLOCK, -1);
    this.lastIn[this.openBlocks.length] = k;
    return k;
  }

  private missingSemi(k: number): void {
    const last = this.src.rows.get(k, LAST);
    const t = this.t;
    this.errors.push(
      last >= 0
        ? missingSemicolon(this.text, t.starts[last]!, t.ends[last]!)
        : missingSemicolon(this.text, -1, this.src.end(k)),
    );
  }

  semicolon(idx: number): void {
    const rows = this.src.rows;
    if (this.cur >= 0) {
      rows.set(this.cur, SEMI_AT, idx);
      this.cur = -1;
      return;
    }
    // `;` with no statement: either right after a block (`};`) or an empty statement
    const prev = this.lastIn[this.openBlocks.length]!;
    const prevBlock = prev >= 0 ? rows.get(prev, BLOCK) : -1;
    if (prevBlock >= 0 && rows.get(prev, SEMI_AT) < 0 && this.src.blocks.get(prevBlock, CLOSE_AT) >= 0)
      rows.set(prev, SEMI_AT, idx);
    else if (this.opts.reportEmptyStatements) {
      this.errors.push({
        problem: 'empty-statement',
        start: this.t.starts[idx]!,
        end: this.t.ends[idx]!,
        message: 'Stray `;`: there is no statement for it to end.',
      });
    }
  }

  open(idx: number): void {
    const src = this.src;
    const k = this.cur >= 0 ? this.cur : this.newStmt(idx, false);
    const b = src.blocks.add();
    src.blocks.set(b, OPEN_AT, idx);
    src.blocks.set(b, CLOSE_AT, -1);
    src.blocks.set(b, OWNER, k);
    src.rows.set(k, BLOCK, b);
    this.openBlocks.push(b);
    this.lastIn[this.openBlocks.length] = -1;
    this.cur = -1;
  }

  close(idx: number): void {
    const end = this.t.ends[idx]!;
    if (this.cur >= 0) {
      this.missingSemi(this.cur);
      this.cur = -1;
    }
    const block = this.openBlocks.pop();
    if (block === undefined) {
      this.errors.push(unexpectedCloseBrace(this.t.starts[idx]!, end));
      return;
    }
    // the owner now ends at this `}` (see Source.end)
    this.src.blocks.set(block, CLOSE_AT, idx);
    // named.conf: the block must be followed by `;`
    if (this.opts.semicolonAfterBlock === 'required' && !followedBySemicolon(this.text, this.t, idx))
      this.errors.push(missingSemicolonAfterBlock(end));
  }

  word(idx: number): void {
    const { t, src } = this;
    const rows = src.rows;
    const cur = this.cur;
    if (
      cur >= 0 &&
      this.opts.startsStatement &&
      t.kinds[idx] === Tk.Word &&
      hasNewlineBetween(this.text, t.ends[rows.get(cur, LAST)]!, t.starts[idx]!)
    ) {
      // the owner's first word (none for a bare block, whose row starts at its `{`)
      const b = this.openBlocks[this.openBlocks.length - 1];
      const ownerRow = b === undefined ? -1 : src.blocks.get(b, OWNER);
      const owner =
        ownerRow >= 0 && rows.get(ownerRow, LAST) >= 0 ? tokenObject(src, rows.get(ownerRow, FIRST)) : undefined;
      const first = tokenObject(src, rows.get(cur, FIRST));
      if (this.opts.startsStatement(tokenObject(src, idx), first, tokenObject(src, rows.get(cur, LAST)), owner)) {
        this.missingSemi(cur);
        this.cur = -1;
      }
    }
    if (this.cur < 0) this.cur = this.newStmt(idx, true);
    rows.set(this.cur, LAST, idx);
  }

  end(): void {
    if (this.cur >= 0) this.missingSemi(this.cur);
  }

  /** Unclosed blocks reported once each, innermost first, at the brace that opened them; the tree. */
  finish(): BlockTree {
    const { src, t } = this;
    for (let k = this.openBlocks.length - 1; k >= 0; k--) {
      const b = this.openBlocks[k]!;
      const owner = wordsOf(src, src.blocks.get(b, OWNER))
        .slice(0, 2)
        .map((w) => w.text)
        .join(' ');
      this.errors.push(unclosedBrace(t.starts[src.blocks.get(b, OPEN_AT)]!, owner, this.opts.semicolonAfterBlock));
    }
    src.recent.clear();
    const top = groupByBlock(src);
    return { stmts: new Stmts(src, 0, top), errors: this.errors, tokens: t, text: this.text };
  }
}

/**
 * Fills `src.order` (the statements grouped by the block they are in, the file's first, each
 * group in document order) and each block's place in it; returns how many statements the file
 * has at its top level (they come first).
 */
function groupByBlock(src: Source): number {
  const { rows, blocks } = src;
  if (!blocks.length) return rows.length;
  // group 0: the file; group b + 1: block b
  const { order, starts } = groupRows(rows.length, blocks.length + 1, (k) => rows.get(k, PARENT) + 1);
  for (let b = 0; b < blocks.length; b++) {
    blocks.set(b, FROM, starts[b + 1]!);
    blocks.set(b, COUNT, starts[b + 2]! - starts[b + 1]!);
  }
  src.order = order;
  return starts[1]!;
}

/** Depth-first walk with an explicit stack (blocks are at most MAX_DEPTH deep anyway). */
export function walk(stmts: StmtList, visit: (s: Stmt, depth: number) => boolean | void, depth = 0): void {
  for (const s of stmts) {
    if (visit(s, depth) === false) continue;
    if (s.block) walk(s.block.stmts, visit, depth + 1);
  }
}

/** The innermost statement whose span holds `offset`, with its ancestors (outermost first). */
export function statementPathAt(stmts: StmtList, offset: number): Stmt[] {
  const path: Stmt[] = [];
  let list: StmtList = stmts;
  for (;;) {
    const s = findCovering(list, offset);
    if (!s) return path;
    path.push(s);
    if (!s.block || offset <= s.block.open.start || (s.block.close && offset > s.block.close.start)) return path;
    list = s.block.stmts;
  }
}

function findCovering(list: StmtList, offset: number): Stmt | undefined {
  // statements are in order
  const found = list.at(list.lastStartingAtOrBefore(offset));
  if (found && offset <= found.end) return found;
  // an unclosed block extends to the end of the text
  if (found && found.block && !found.block.close) return found;
  return undefined;
}
