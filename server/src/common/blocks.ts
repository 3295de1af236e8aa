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
 * (walkStructure) and with the same error messages (missingSemicolon, unclosedBrace, ...); its
 * statement rules (where a missing `;` ends a statement, `};`) follow the ones here: a change to
 * those goes in both.
 */
import { stringValue, Tk, type Token, type TokenStore } from './tokenizer';
import { lastStartingAtOrBefore } from './search';

export const MAX_DEPTH = 64;

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

export interface Block {
  readonly open: Token;
  readonly close: Token | undefined;
  readonly stmts: Stmt[];
  /** The statement that owns this block. */
  readonly owner: Stmt;
}

export type StructureProblem =
  | 'missing-semicolon'
  | 'missing-semicolon-after-block'
  | 'unexpected-close-brace'
  | 'unclosed-brace'
  | 'unterminated-string'
  | 'unterminated-comment'
  | 'curly-quoted'
  | 'too-deep'
  | 'empty-statement';

export interface StructureError {
  readonly problem: StructureProblem;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface BlockOptions {
  /** named.conf: `};` (a missing `;` after `}` is an error). dhcpd.conf: no `;` needed. */
  readonly semicolonAfterBlock: 'required' | 'optional';
  /**
   * Called for a word that starts a new line while a statement is still open (its `;` not
   * yet seen). Return true when that word surely starts a new statement: the open one then
   * ends with a missing-semicolon error. `path` is the owners' first words, outermost first.
   */
  readonly startsStatement?: (word: Token, open: Stmt, path: readonly Stmt[]) => boolean;
  /** Report `;;` and a lone `;` (named.conf tolerates them, dhcpd.conf too). Default false. */
  readonly reportEmptyStatements?: boolean;
}

export interface BlockTree {
  readonly stmts: Stmt[];
  readonly errors: StructureError[];
  /** Every token, comments included, as arrays; `tokenObject` makes one into an object. */
  readonly tokens: TokenStore;
  readonly text: string;
}

/** Token `i` of a tree's store as an object (a new one on each call). */
export function tokenObject(tree: { readonly tokens: TokenStore; readonly text: string }, i: number): Token {
  const t = tree.tokens;
  const kind = t.kinds[i]! as Tk;
  const start = t.starts[i]!;
  const end = t.ends[i]!;
  const text = tree.text;
  return { kind, text: text.slice(start, end), start, end, value: kind === Tk.String ? stringValue(text, start, end) : undefined, problem: t.problems.get(i) };
}

/**
 * The last few values read, by owner. Trees whose statements make their words (or items) on each
 * read keep the last eight: code that reads `s.words[k]` in a loop over a statement of thousands
 * of words must not make them all again each time.
 */
export class RecentReads<K extends object, V> {
  private readonly keys: Array<K | undefined> = new Array(RECENT).fill(undefined);
  private readonly values: V[];
  private next = 0;
  constructor(empty: V) {
    this.values = new Array(RECENT).fill(empty);
  }
  get(key: K, make: (key: K) => V): V {
    // most reads are of the owner read just before
    const last = (this.next + RECENT - 1) % RECENT;
    if (this.keys[last] === key) return this.values[last]!;
    for (let k = 0; k < RECENT; k++) if (this.keys[k] === key) return this.values[k]!;
    const value = make(key);
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % RECENT;
    return value;
  }
  clear(): void {
    this.keys.fill(undefined);
  }
}
const RECENT = 8;

/** What a parser does with the tokens that `walkStructure` hands on. */
export interface StructureSink {
  /** How many blocks are open now (a `{` deeper than MAX_DEPTH is skipped, not handed on). */
  depth(): number;
  comment?(start: number, end: number): void;
  semicolon(idx: number): void;
  open(idx: number): void;
  close(idx: number): void;
  /** A word, a string or other punctuation. */
  word(idx: number): void;
  /** No tokens are left (called before a too-deep block that never closes is reported). */
  end(): void;
}

/**
 * The token loop of both `;`-and-`{}` parsers (this layer and named.conf's): reports malformed
 * comments and strings, skips blocks nested deeper than MAX_DEPTH (recording each skipped `{`
 * and its `}` token in `skipped`), and hands every other token to the sink by kind.
 */
export function walkStructure(text: string, t: TokenStore, sink: StructureSink, errors: StructureError[], skipped: Map<number, number>): void {
  let skipDepth = 0; // > 0 while skipping a too-deep block
  let skipStart = 0;
  let skipOpen = 0;
  for (let idx = 0; idx < t.count; idx++) {
    const kind = t.kinds[idx]!;
    const start = t.starts[idx]!;
    const end = t.ends[idx]!;
    if (kind === Tk.Comment) {
      sink.comment?.(start, end);
      if (t.problems.get(idx) === 'unterminated-comment') {
        errors.push({ problem: 'unterminated-comment', start, end: Math.min(start + 2, end), message: 'Unterminated comment: `/*` has no closing `*/`.' });
      }
      continue;
    }
    const c = kind === Tk.Punct ? text.charCodeAt(start) : 0;
    if (skipDepth > 0) {
      if (c === 0x7b) skipDepth++;
      else if (c === 0x7d && --skipDepth === 0) {
        skipped.set(skipOpen, idx);
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
    if (c === 0x3b) sink.semicolon(idx);
    else if (c === 0x7b) {
      if (sink.depth() >= MAX_DEPTH) {
        skipDepth = 1;
        skipStart = start;
        skipOpen = idx;
      } else sink.open(idx);
    } else if (c === 0x7d) sink.close(idx);
    else sink.word(idx);
  }
  sink.end();
  if (skipDepth > 0) {
    errors.push({ problem: 'unclosed-brace', start: skipStart, end: skipStart + 1, message: 'This `{` is never closed: add the matching `}`.' });
  }
}

/** A `;` is missing after the word `raw` ending at `at` (undefined: a statement with no words). */
export function missingSemicolon(at: number, raw: string | undefined): StructureError {
  const what = raw !== undefined ? `\`${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}\`` : 'the statement';
  return { problem: 'missing-semicolon', start: at, end: at, message: `Missing \`;\` after ${what}: every statement ends with \`;\`.` };
}

export function unexpectedCloseBrace(start: number, end: number): StructureError {
  return { problem: 'unexpected-close-brace', start, end, message: 'Unexpected `}`: no block is open here.' };
}

/** named.conf: the `}` ending at `end` is not followed by `;`. */
export function missingSemicolonAfterBlock(end: number): StructureError {
  return { problem: 'missing-semicolon-after-block', start: end, end, message: 'Missing `;` after `}`: a block ends with `};`.' };
}

/** The `{` at `at` is never closed; `owner` is its statement's first words ('' for none). */
export function unclosedBrace(at: number, owner: string, semicolonAfterBlock: BlockOptions['semicolonAfterBlock']): StructureError {
  return {
    problem: 'unclosed-brace',
    start: at,
    end: at + 1,
    message: `This \`{\`${owner ? ` of \`${owner.length > 60 ? owner.slice(0, 60) + '…' : owner}\`` : ''} is never closed: add the matching \`}\`${semicolonAfterBlock === 'required' ? ' (and `;`)' : ''}.`,
  };
}

/** Whether the next token after `idx` that is not a comment is a `;`. */
export function followedBySemicolon(text: string, t: TokenStore, idx: number): boolean {
  let next = idx + 1;
  while (next < t.count && t.kinds[next] === Tk.Comment) next++;
  return next < t.count && t.kinds[next] === Tk.Punct && text.charCodeAt(t.starts[next]!) === 0x3b;
}

/**
 * Arrays grown by push keep spare capacity (at least 17 slots); a large file has hundreds of
 * thousands of short lists, so each finished one gets an exact-size copy.
 */
export function exactSize<T>(a: T[]): T[] {
  return a.length < 16 ? a.slice() : a;
}

export function hasNewlineBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/**
 * What statements read their words from: the text and its tokens. A 100,000-host dhcpd.conf has
 * 1.5 million tokens; objects for all of them, kept as long as the tree, made a large parse slow
 * (they all survive young-generation collections) and the tree large.
 */
class Source {
  /** Blocks nested too deep, skipped unread: `{` token -> its `}` token (absent: never closed). */
  readonly skipped = new Map<number, number>();
  readonly recent = new RecentReads<StmtNode, Token[]>([]);
  constructor(
    readonly text: string,
    readonly tokens: TokenStore,
  ) {}
}

class StmtNode implements Stmt {
  block: BlockNode | undefined = undefined;
  /** Token index of the `;` (-1: none). */
  semiAt = -1;
  /** Token index of the last word (-1: no words). */
  lastWord = -1;
  constructor(
    readonly src: Source,
    /** Token index of the first word (-1: the statement is a bare block). */
    readonly firstWord: number,
    public start: number,
    public end: number,
    readonly parent: BlockNode | undefined,
  ) {
    this.lastWord = firstWord;
  }
  get words(): Token[] {
    return this.src.recent.get(this, wordsOf);
  }
  get semi(): Token | undefined {
    return this.semiAt < 0 ? undefined : tokenObject(this.src, this.semiAt);
  }
}

function wordsOf(s: StmtNode): Token[] {
  const { src } = s;
  const words: Token[] = [];
  const { tokens: t, text } = src;
  for (let i = s.firstWord; i >= 0 && i <= s.lastWord; i++) {
    const kind = t.kinds[i]!;
    if (kind === Tk.Comment) continue;
    // a block nested too deep sits among the words: skipped, as the parser did
    if (kind === Tk.Punct && text.charCodeAt(t.starts[i]!) === 0x7b) {
      i = src.skipped.get(i) ?? s.lastWord;
      continue;
    }
    words.push(tokenObject(src, i));
  }
  return words;
}

class BlockNode implements Block {
  closeAt = -1;
  stmts: StmtNode[] = [];
  constructor(
    readonly src: Source,
    readonly openAt: number,
    readonly owner: StmtNode,
  ) {}
  get open(): Token {
    return tokenObject(this.src, this.openAt);
  }
  get close(): Token | undefined {
    return this.closeAt < 0 ? undefined : tokenObject(this.src, this.closeAt);
  }
}

export function parseBlocks(text: string, tokens: TokenStore, opts: BlockOptions): BlockTree {
  const src = new Source(text, tokens);
  const t = tokens;
  const errors: StructureError[] = [];
  const top: StmtNode[] = [];
  // the chain of open blocks; container is where new statements go
  const openBlocks: BlockNode[] = [];
  const path: StmtNode[] = [];
  let container: StmtNode[] = top;
  let cur: StmtNode | undefined;

  const newStmt = (idx: number, isWord: boolean): StmtNode => {
    const s = new StmtNode(src, isWord ? idx : -1, t.starts[idx]!, t.ends[idx]!, openBlocks[openBlocks.length - 1]);
    container.push(s);
    return s;
  };
  const missingSemi = (s: StmtNode) => {
    const last = s.lastWord;
    errors.push(last >= 0 ? missingSemicolon(t.ends[last]!, text.slice(t.starts[last]!, t.ends[last]!)) : missingSemicolon(s.end, undefined));
  };

  walkStructure(
    text,
    t,
    {
      depth: () => openBlocks.length,
      semicolon(idx) {
        const end = t.ends[idx]!;
        if (cur) {
          cur.semiAt = idx;
          cur.end = end;
          cur = undefined;
          return;
        }
        // `;` with no statement: either right after a block (`};`) or an empty statement
        const prev = container[container.length - 1];
        if (prev && prev.block && prev.semiAt < 0 && prev.block.closeAt >= 0) {
          prev.semiAt = idx;
          prev.end = end;
        } else if (opts.reportEmptyStatements) {
          errors.push({ problem: 'empty-statement', start: t.starts[idx]!, end, message: 'Stray `;`: there is no statement for it to end.' });
        }
      },
      open(idx) {
        const owner = cur ?? newStmt(idx, false);
        const block = new BlockNode(src, idx, owner);
        owner.block = block;
        openBlocks.push(block);
        path.push(owner);
        container = block.stmts;
        cur = undefined;
      },
      close(idx) {
        const end = t.ends[idx]!;
        if (cur) {
          missingSemi(cur);
          cur = undefined;
        }
        const block = openBlocks.pop();
        if (!block) {
          errors.push(unexpectedCloseBrace(t.starts[idx]!, end));
          return;
        }
        path.pop();
        block.closeAt = idx;
        block.stmts = exactSize(block.stmts);
        block.owner.end = end;
        const parent = openBlocks[openBlocks.length - 1];
        container = parent ? parent.stmts : top;
        // named.conf: the block must be followed by `;`
        if (opts.semicolonAfterBlock === 'required' && !followedBySemicolon(text, t, idx)) errors.push(missingSemicolonAfterBlock(end));
      },
      word(idx) {
        const start = t.starts[idx]!;
        if (cur && opts.startsStatement && t.kinds[idx] === Tk.Word && hasNewlineBetween(text, cur.end, start)) {
          const ends = opts.startsStatement(tokenObject(src, idx), cur, path);
          // the hook may have read words of statements that are still growing
          src.recent.clear();
          if (ends) {
            missingSemi(cur);
            cur = undefined;
          }
        }
        if (!cur) cur = newStmt(idx, true);
        cur.lastWord = idx;
        cur.end = t.ends[idx]!;
      },
      end() {
        if (cur) missingSemi(cur);
      },
    },
    errors,
    src.skipped,
  );
  // report unclosed blocks once each, innermost first, at the brace that opened them
  for (let k = openBlocks.length - 1; k >= 0; k--) {
    const b = openBlocks[k]!;
    errors.push(unclosedBrace(t.starts[b.openAt]!, b.owner.words.slice(0, 2).map((w) => w.text).join(' '), opts.semicolonAfterBlock));
  }
  src.recent.clear();
  return { stmts: exactSize(top), errors, tokens, text };
}

/** Depth-first walk with an explicit stack (blocks are at most MAX_DEPTH deep anyway). */
export function walk(stmts: readonly Stmt[], visit: (s: Stmt, depth: number) => boolean | void, depth = 0): void {
  for (const s of stmts) {
    if (visit(s, depth) === false) continue;
    if (s.block) walk(s.block.stmts, visit, depth + 1);
  }
}

/** The innermost statement whose span holds `offset`, with its ancestors (outermost first). */
export function statementPathAt(stmts: readonly Stmt[], offset: number): Stmt[] {
  const path: Stmt[] = [];
  let list: readonly Stmt[] = stmts;
  for (;;) {
    const s = findCovering(list, offset);
    if (!s) return path;
    path.push(s);
    if (!s.block || offset <= s.block.open.start || (s.block.close && offset > s.block.close.start)) return path;
    list = s.block.stmts;
  }
}

function findCovering(list: readonly Stmt[], offset: number): Stmt | undefined {
  // statements are in order
  const found = list[lastStartingAtOrBefore(list, offset)];
  if (found && offset <= found.end) return found;
  // an unclosed block extends to the end of the text
  if (found && found.block && !found.block.close) return found;
  return undefined;
}
