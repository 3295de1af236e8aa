/**
 * The structure layer under both `;`-and-`{}` parsers (common/blocks.ts, which dhcpd.conf uses,
 * and named/parser.ts): the token loop that hands tokens on by kind, the errors of structure
 * with their messages, and small readers of the token arrays.
 */
import { stringValue, Tk, type Token, type TokenStore } from './tokenizer';

/** Blocks nested deeper than this are skipped with one error, so recursive walkers are safe. */
export const MAX_DEPTH = 64;

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

/** The rule each language reports a structure problem under (a problem left out is not reported). */
export type StructureRules<Rule extends string> = Readonly<Partial<Record<StructureProblem, Rule>>>;

export interface StructureError {
  readonly problem: StructureProblem;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Token `i` of a tree's store as an object (a new one on each call). */
export function tokenObject(tree: { readonly tokens: TokenStore; readonly text: string }, i: number): Token {
  const t = tree.tokens;
  const kind = t.kinds[i]! as Tk;
  const start = t.starts[i]!;
  const end = t.ends[i]!;
  const text = tree.text;
  // most files have no malformed token: no lookup per token then
  const problem = t.problems.size === 0 ? undefined : t.problems.get(i);
  return {
    kind,
    text: text.slice(start, end),
    start,
    end,
    value: kind === Tk.String ? stringValue(text, start, end) : undefined,
    problem,
  };
}

/**
 * The last few values read, by owner. Trees whose statements make their words (or items) on each
 * read keep the last eight: code that reads `s.words[k]` in a loop over a statement of thousands
 * of words must not make them all again each time.
 */
export class RecentReads<K, V> {
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
export function walkStructure(
  text: string,
  t: TokenStore,
  sink: StructureSink,
  errors: StructureError[],
  skipped: Map<number, number>,
): void {
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
        errors.push({
          problem: 'unterminated-comment',
          start,
          end: Math.min(start + 2, end),
          message: 'Unterminated comment: `/*` has no closing `*/`.',
        });
      }
      continue;
    }
    const c = kind === Tk.Punct ? text.charCodeAt(start) : 0;
    if (skipDepth > 0) {
      if (c === 0x7b) skipDepth++;
      else if (c === 0x7d && --skipDepth === 0) {
        skipped.set(skipOpen, idx);
        errors.push({
          problem: 'too-deep',
          start: skipStart,
          end: skipStart + 1,
          message: `Blocks nested deeper than ${MAX_DEPTH} levels; the content of this block was not checked.`,
        });
      }
      continue;
    }
    const problem = kind === Tk.String ? t.problems.get(idx) : undefined;
    if (problem === 'unterminated-string') {
      errors.push({
        problem: 'unterminated-string',
        start,
        end: start + 1,
        message: 'Unterminated string: this `"` has no closing `"`.',
      });
    } else if (problem === 'curly-quoted') {
      errors.push({
        problem: 'curly-quoted',
        start,
        end,
        message: 'Curly quotes “ ” are not quotes here: use straight double quotes (").',
      });
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
    errors.push({
      problem: 'unclosed-brace',
      start: skipStart,
      end: skipStart + 1,
      message: 'This `{` is never closed: add the matching `}`.',
    });
  }
}

/**
 * A `;` is missing after the word text[from, at) (from < 0: a statement with no words). The
 * message is written when read: a file of a million lines may miss a million `;`, and only the
 * first thousand are listed.
 */
export function missingSemicolon(text: string, from: number, at: number): StructureError {
  return new MissingSemicolon(text, from, at);
}

class MissingSemicolon implements StructureError {
  readonly problem = 'missing-semicolon';
  constructor(
    private readonly text: string,
    private readonly from: number,
    readonly start: number,
  ) {}
  get end(): number {
    return this.start;
  }
  get message(): string {
    const raw = this.from >= 0 ? this.text.slice(this.from, this.start) : undefined;
    const what = raw !== undefined ? `\`${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}\`` : 'the statement';
    return `Missing \`;\` after ${what}: every statement ends with \`;\`.`;
  }
}

export function unexpectedCloseBrace(start: number, end: number): StructureError {
  return { problem: 'unexpected-close-brace', start, end, message: 'Unexpected `}`: no block is open here.' };
}

/** named.conf: the `}` ending at `end` is not followed by `;`. */
export function missingSemicolonAfterBlock(end: number): StructureError {
  return {
    problem: 'missing-semicolon-after-block',
    start: end,
    end,
    message: 'Missing `;` after `}`: a block ends with `};`.',
  };
}

/** The `{` at `at` is never closed; `owner` is its statement's first words ('' for none). */
export function unclosedBrace(at: number, owner: string, semicolonAfterBlock: 'required' | 'optional'): StructureError {
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

export function hasNewlineBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}
