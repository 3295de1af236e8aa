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
 * dhcpd.conf uses this layer. named.conf's parser (named/parser.ts) applies the same rules and
 * messages in one pass straight from typed-array tokens to its clauses, without the objects
 * this layer makes: a change to the rules here goes there too.
 */
import { Tk, type Token } from './tokenizer';
import { lastStartingAtOrBefore } from './search';

export const MAX_DEPTH = 64;

export interface Stmt {
  /** Tokens before the block or terminator (no comments). */
  readonly words: Token[];
  block?: Block;
  /** The `;` that ends the statement, if present. */
  semi?: Token;
  /** Offsets covering the whole statement, terminator included. */
  start: number;
  end: number;
  readonly parent: Block | undefined;
}

export interface Block {
  readonly open: Token;
  close?: Token;
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
  readonly tokens: readonly Token[];
}

/**
 * Arrays grown by push keep spare capacity (at least 17 slots); a large file has hundreds of
 * thousands of short statements, so each finished one gets an exact-size copy.
 */
function trimWords(s: Stmt): void {
  if (s.words.length < 16) (s as { words: Token[] }).words = s.words.slice();
}
function trimStmts(b: Block): void {
  if (b.stmts.length < 16) (b as { stmts: Stmt[] }).stmts = b.stmts.slice();
}

function hasNewlineBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

export function parseBlocks(text: string, tokens: readonly Token[], opts: BlockOptions): BlockTree {
  const errors: StructureError[] = [];
  const top: Stmt[] = [];
  // the chain of open blocks; container is where new statements go
  const openBlocks: Block[] = [];
  const path: Stmt[] = [];
  let container: Stmt[] = top;
  let cur: Stmt | undefined;
  let skipDepth = 0; // > 0 while skipping a too-deep block
  let skipStart = 0;

  const newStmt = (tok: Token): Stmt => {
    // every field up front (one object shape, no property store grown later)
    const s: Stmt = { words: [], block: undefined, semi: undefined, start: tok.start, end: tok.end, parent: openBlocks[openBlocks.length - 1] };
    container.push(s);
    return s;
  };
  const missingSemi = (s: Stmt) => {
    const last = s.words[s.words.length - 1];
    const at = last ? last.end : s.end;
    const what = last ? `\`${last.text.length > 40 ? last.text.slice(0, 40) + '…' : last.text}\`` : 'the statement';
    errors.push({ problem: 'missing-semicolon', start: at, end: at, message: `Missing \`;\` after ${what}: every statement ends with \`;\`.` });
  };

  for (let idx = 0; idx < tokens.length; idx++) {
    const t = tokens[idx]!;
    if (t.kind === Tk.Comment) {
      if (t.problem === 'unterminated-comment') {
        errors.push({ problem: 'unterminated-comment', start: t.start, end: Math.min(t.start + 2, t.end), message: 'Unterminated comment: `/*` has no closing `*/`.' });
      }
      continue;
    }
    if (skipDepth > 0) {
      if (t.kind === Tk.Punct && t.text === '{') skipDepth++;
      else if (t.kind === Tk.Punct && t.text === '}') {
        skipDepth--;
        if (skipDepth === 0) {
          errors.push({ problem: 'too-deep', start: skipStart, end: skipStart + 1, message: `Blocks nested deeper than ${MAX_DEPTH} levels; the content of this block was not checked.` });
        }
      }
      continue;
    }
    if (t.problem === 'unterminated-string') {
      errors.push({ problem: 'unterminated-string', start: t.start, end: t.start + 1, message: 'Unterminated string: this `"` has no closing `"`.' });
    } else if (t.problem === 'curly-quoted') {
      errors.push({ problem: 'curly-quoted', start: t.start, end: t.end, message: 'Curly quotes “ ” are not quotes here: use straight double quotes (").' });
    }

    if (t.kind === Tk.Punct && t.text === ';') {
      if (cur) {
        cur.semi = t;
        cur.end = t.end;
        trimWords(cur);
        cur = undefined;
      } else {
        // `;` with no statement: either right after a block (`};`) or an empty statement
        const prev = container[container.length - 1];
        if (prev && prev.block && !prev.semi && prev.block.close) {
          prev.semi = t;
          prev.end = t.end;
        } else if (opts.reportEmptyStatements) {
          errors.push({ problem: 'empty-statement', start: t.start, end: t.end, message: 'Stray `;`: there is no statement for it to end.' });
        }
      }
      continue;
    }
    if (t.kind === Tk.Punct && t.text === '{') {
      if (openBlocks.length >= MAX_DEPTH) {
        skipDepth = 1;
        skipStart = t.start;
        continue;
      }
      const owner = cur ?? newStmt(t);
      trimWords(owner);
      const block: Block = { open: t, close: undefined, stmts: [], owner };
      owner.block = block;
      openBlocks.push(block);
      path.push(owner);
      container = block.stmts;
      cur = undefined;
      continue;
    }
    if (t.kind === Tk.Punct && t.text === '}') {
      if (cur) {
        missingSemi(cur);
        cur = undefined;
      }
      const block = openBlocks.pop();
      if (!block) {
        errors.push({ problem: 'unexpected-close-brace', start: t.start, end: t.end, message: 'Unexpected `}`: no block is open here.' });
        continue;
      }
      path.pop();
      block.close = t;
      trimStmts(block);
      block.owner.end = t.end;
      const parent = openBlocks[openBlocks.length - 1];
      container = parent ? parent.stmts : top;
      // named.conf: the block must be followed by `;`
      if (opts.semicolonAfterBlock === 'required') {
        const next = nextSignificant(tokens, idx + 1);
        if (!(next && next.kind === Tk.Punct && next.text === ';')) {
          errors.push({ problem: 'missing-semicolon-after-block', start: t.end, end: t.end, message: 'Missing `;` after `}`: a block ends with `};`.' });
        }
      }
      continue;
    }
    // a word, string or other punctuation
    if (cur && opts.startsStatement && t.kind === Tk.Word && hasNewlineBetween(text, cur.end, t.start) && opts.startsStatement(t, cur, path)) {
      missingSemi(cur);
      cur = undefined;
    }
    if (!cur) cur = newStmt(t);
    cur.words.push(t);
    cur.end = t.end;
  }
  if (cur) missingSemi(cur);
  if (skipDepth > 0) {
    errors.push({ problem: 'unclosed-brace', start: skipStart, end: skipStart + 1, message: 'This `{` is never closed: add the matching `}`.' });
  }
  // report unclosed blocks once each, innermost first, at the brace that opened them
  for (let k = openBlocks.length - 1; k >= 0; k--) {
    const b = openBlocks[k]!;
    const name = b.owner.words.slice(0, 2).map((w) => w.text).join(' ');
    errors.push({
      problem: 'unclosed-brace',
      start: b.open.start,
      end: b.open.end,
      message: `This \`{\`${name ? ` of \`${name.length > 60 ? name.slice(0, 60) + '…' : name}\`` : ''} is never closed: add the matching \`}\`${opts.semicolonAfterBlock === 'required' ? ' (and `;`)' : ''}.`,
    });
  }
  return { stmts: top, errors, tokens };
}

function nextSignificant(tokens: readonly Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.kind !== Tk.Comment) return tokens[i];
  return undefined;
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
