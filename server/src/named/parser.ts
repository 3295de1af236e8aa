/**
 * named.conf parser: the shared tokenizer (into typed arrays), then one pass that builds clauses.
 *
 * Statements end in `;` or `{...};`, with the recovery rules of the shared block layer
 * (common/blocks.ts). named.conf has statements that go on after a block
 * (`inet * allow { any; } keys { rndc; };`, `response-padding { any; } block-size 64;`); such a
 * statement is one `Clause` (a list of items: words, strings and blocks). Each clause knows its
 * context (top level, options, view, zone, logging channel, ...).
 *
 * The tree keeps its clauses as rows of numbers (tree.ts, Source); a clause object is a view made
 * on read, and its items are made from the token arrays when read.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { stringValue, tokenizeStore, Tk, type TokenStore } from '../common/tokenizer';
import {
  followedBySemicolon,
  hasNewlineBetween,
  missingSemicolon,
  missingSemicolonAfterBlock,
  unclosedBrace,
  unexpectedCloseBrace,
  walkStructure,
  type StructureError,
} from '../common/structure';
import { CONTEXT_OF_BLOCK, isClauseAnywhere, keywordsOf } from './grammar';
import { knownClause } from './versioned';
import type { ContextId } from './data/types';
import {
  Source,
  ClauseNode,
  BLOCK,
  BLOCK_FIELDS,
  CLAUSE_END,
  CLAUSE_FIELDS,
  CLOSE,
  END,
  FIRST,
  FROM,
  LAST,
  LAST_TOKEN,
  NEXT,
  TO,
  type Clause,
  type NamedTree,
} from './tree';

export const TOKEN_OPTIONS = { hashComments: true, slashComments: true, blockComments: true, punct: '' } as const;

/** The context of the block owned by a clause in context `ctx` (undefined: a plain list). */
export function innerContext(ctx: ContextId | 'list', owner: string): ContextId | undefined {
  if (ctx === 'list') return undefined;
  const m = CONTEXT_OF_BLOCK[ctx];
  return m ? m[owner] : undefined;
}

const RAW_OWNER = /^(?:dyndb|plugin|dnsrps-options)$/i;
const MAY_HAVE_RAW = /dyndb|plugin|dnsrps-options/i;

/**
 * `dyndb`, `plugin` and `dnsrps-options` blocks hold raw text for a module (with `\}` escapes):
 * each from its `{` to its `}` inclusive — a `{` within the five tokens after one of the owner
 * words (before any `;`), closed by the `}` that balances it, `\` escaping one character.
 */
export function rawBlocks(text: string): Array<{ start: number; end: number }> {
  if (!MAY_HAVE_RAW.test(text)) return [];
  const t = tokenizeStore(text, TOKEN_OPTIONS);
  const out: Array<{ start: number; end: number }> = [];
  const punctAt = (k: number): string => (k < t.count && t.kinds[k] === Tk.Punct ? text.charAt(t.starts[k]!) : '');
  let resume = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.starts[i]! < resume) continue;
    if (t.kinds[i] !== Tk.Word || !RAW_OWNER.test(text.slice(t.starts[i]!, t.ends[i]!))) continue;
    let j = i + 1;
    while (j < t.count && j < i + 6 && punctAt(j) !== '{' && punctAt(j) !== ';') j++;
    if (punctAt(j) !== '{') continue;
    const open = t.starts[j]!;
    let depth = 1;
    let k = open + 1;
    for (; k < text.length && depth > 0; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k++;
      else if (c === 0x7b) depth++;
      else if (c === 0x7d) depth--;
    }
    if (depth !== 0) continue;
    out.push({ start: open, end: k });
    resume = k;
  }
  return out;
}

/**
 * `text` with the inside of each raw block made spaces (line breaks kept: offsets and lines
 * stay), so that the block layer (and the formatter) does not read it as statements.
 */
export function blankRawText(text: string, raw: ReadonlyArray<{ start: number; end: number }>): string {
  if (!raw.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of raw) {
    parts.push(text.slice(at, r.start + 1), text.slice(r.start + 1, r.end - 1).replace(/[^\r\n]/g, ' '));
    at = r.end - 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function parseNamed(original: string): NamedTree {
  const text = blankRawText(original, rawBlocks(original));
  const { clauses, structure, comments } = new ClauseParser(
    new Source(text, tokenizeStore(text, { ...TOKEN_OPTIONS, keepComments: true })),
  ).parse();
  return { text: original, clauses, structure, comments };
}

/** An open block while parsing. */
interface Frame {
  /** The block's row in src. */
  readonly b: number;
  readonly owner: number;
  /** Index of the `{` token. */
  readonly open: number;
  /** First word token of the owner's statement segment (-1: the block has no words before it). */
  readonly segFirst: number;
  /** The context of the clauses inside. */
  readonly inner: ContextId | 'list';
  /** The context named.conf's missing-`;` recovery sees inside (see startsStatement); undefined: none. */
  readonly pathCtx: ContextId | undefined;
  /** The clauses inside so far (they go to src.kids, in one run, when the block ends). */
  readonly kids: number[];
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
  private readonly top: number[] = [];
  private readonly frames: Frame[] = [];
  private readonly text: string;
  private readonly t: TokenStore;
  /** The context of new clauses. */
  private containerCtx: ContextId | 'list' = 'top';
  /** The clause whose current segment is still collecting words (no `;` or `{` yet). */
  private cur = -1;
  /** The first and last word tokens of cur's segment. */
  private segFirst = -1;
  private segLast = -1;
  /** The container's last clause, if it ended with a closed block and no `;` yet. */
  private afterBlock = -1;
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
          if (this.cur >= 0) this.missingSemi();
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
    // the rows live as long as the tree: views, not copies (the pages past their ends were
    // never written to, and a copy would write them all again into fresh memory)
    this.src.blocks = this.src.blocks.subarray(0, this.src.blockCount * BLOCK_FIELDS);
    this.src.rows = this.src.rows.subarray(0, this.src.count * CLAUSE_FIELDS);
    this.src.kids = this.src.kids.subarray(0, this.src.kidCount);
    const clauses = this.top.map((id) => new ClauseNode(this.src, id));
    return { clauses, structure, comments: this.comments };
  }

  private semicolon(idx: number): void {
    const end = this.t.ends[idx]!;
    const cur = this.cur;
    if (cur >= 0) {
      this.extend(cur, idx, end);
      this.endSegment();
    } else if (this.afterBlock >= 0) {
      // `};`
      this.extend(this.afterBlock, idx, end);
      this.afterBlock = -1;
    }
    // a `;` with no statement: named.conf ignores it
  }

  private openBlock(idx: number): void {
    const { src, t } = this;
    const owner = this.cur >= 0 ? this.cur : this.newClause(idx);
    const segFirst = this.cur >= 0 ? this.segFirst : -1;
    this.endSegment();
    this.afterBlock = -1;
    const nameWord = t.kinds[src.at(owner, FIRST)] === Tk.Word ? src.name(owner) : '';
    const inner = innerContext(src.ctx(owner), nameWord) ?? 'list';
    const b = src.addBlock(idx, src.at(owner, CLAUSE_END));
    const first = src.at(owner, BLOCK);
    if (first < 0) src.put(owner, BLOCK, b);
    else {
      // a clause may go on after block after block (`host a { ... }` on 100,000 lines, none of
      // them a named.conf statement): link at the last one, not by walking the chain
      src.set(src.get(first, LAST), NEXT, b);
      src.set(first, LAST, b);
    }
    src.put(owner, LAST_TOKEN, idx);
    // the context the recovery rule sees: through the first word of the block's own segment
    const outer = this.frames.length ? this.frames[this.frames.length - 1]!.pathCtx : 'top';
    const w = segFirst >= 0 && t.kinds[segFirst] === Tk.Word ? this.lowerAt(segFirst) : undefined;
    const pathCtx = outer && w !== undefined ? innerContext(outer, w) : undefined;
    this.frames.push({ b, owner, open: idx, segFirst, inner, pathCtx, kids: [] });
    this.containerCtx = inner;
  }

  private closeBlock(idx: number): void {
    const { t, src } = this;
    if (this.cur >= 0) this.missingSemi();
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
    if (
      cur >= 0 &&
      kind === Tk.Word &&
      hasNewlineBetween(text, this.src.at(cur, CLAUSE_END), start) &&
      this.startsStatement(idx)
    ) {
      this.missingSemi();
      cur = -1;
    }
    if (cur < 0) {
      const prev = this.afterBlock;
      if (prev >= 0 && this.joins(prev, idx)) {
        // the statement goes on after its block: no `;` was missing
        if (this.afterBlockError) this.dropped.add(this.afterBlockError);
        cur = prev;
      } else cur = this.newClause(idx);
      this.afterBlock = -1;
      this.cur = cur;
      this.segFirst = idx;
    }
    this.extend(cur, idx, t.ends[idx]!);
    this.segLast = idx;
  }

  /** Whether the word at idx, after a clause that ended with a block and no `;`, continues that clause. */
  private joins(prev: number, idx: number): boolean {
    const ctx = this.containerCtx;
    const name = this.t.kinds[idx] === Tk.Word ? this.lowerAt(idx) : '';
    const known = ctx !== 'list' && (knownClause(ctx, name) !== undefined || (ctx === 'top' && isClauseAnywhere(name)));
    return !known || !hasNewlineBetween(this.text, this.src.at(prev, CLAUSE_END), this.t.starts[idx]!);
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
    if (!ctx || knownClause(ctx, w) === undefined) return false;
    const openDef = knownClause(
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
  private newClause(idx: number): number {
    const { t, text, src } = this;
    const s = t.starts[idx]!,
      e = t.ends[idx]!;
    const kind = t.kinds[idx];
    const name =
      kind === Tk.Punct
        ? ''
        : (kind === Tk.String ? stringValue(text, s, e, src.intern) : src.intern(s, e)).toLowerCase();
    const f = this.frames[this.frames.length - 1];
    const c = src.addClause(name, this.containerCtx, f ? f.owner : -1, idx, e);
    (f ? f.kids : this.top).push(c);
    return c;
  }

  /** The clause now ends with token idx, at offset end. */
  private extend(c: number, idx: number, end: number): void {
    this.src.put(c, LAST_TOKEN, idx);
    this.src.put(c, CLAUSE_END, end);
  }

  /** Block f ends (or the text does): its clauses go to src.kids, in one run. */
  private endKids(f: Frame): void {
    const { src } = this;
    src.set(f.b, FROM, src.kidCount);
    for (const k of f.kids) src.addKid(k);
    src.set(f.b, TO, src.kidCount);
  }

  /** cur's segment ends (at `;`, at `{`, or with a missing `;`). */
  private endSegment(): void {
    this.cur = -1;
    this.segFirst = -1;
    this.segLast = -1;
  }

  private missingSemi(): void {
    const cur = this.cur;
    const { t, text } = this;
    const last = this.segLast;
    this.errors.push(
      last >= 0
        ? missingSemicolon(text, t.starts[last]!, t.ends[last]!)
        : missingSemicolon(text, -1, this.src.at(cur, CLAUSE_END)),
    );
    this.endSegment();
  }
}

export function parse(doc: TextDocument): NamedTree {
  return parseNamed(doc.getText());
}
