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
import { tokenize, Tk, type Token } from '../common/tokenizer';
import { parseBlocks, type Stmt, type StructureError } from '../common/blocks';
import { CONTEXT_OF_BLOCK, clauseIn, isClauseAnywhere, keywordsOf } from './grammar';
import type { ContextId } from './data/types';

export interface WordItem {
  readonly kind: 'word';
  readonly tok: Token;
  /** The text, quotes removed for strings. */
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface BlockItem {
  readonly kind: 'block';
  /**
   * The braces. (The block layer's statements are not kept: once grouped into clauses they are
   * garbage, which on a 50,000-zone file is a sixth of the tree.)
   */
  readonly block: { readonly open: Token; readonly close?: Token };
  /** The statements inside, grouped into clauses. */
  readonly clauses: Clause[];
  readonly start: number;
  readonly end: number;
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
  semi?: Token;
}

export interface NamedTree {
  readonly text: string;
  readonly clauses: Clause[];
  readonly structure: StructureError[];
  /** Comment tokens (for folding). */
  readonly comments: readonly Token[];
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

function contextOfPath(path: readonly Stmt[]): ContextId | undefined {
  let ctx: ContextId | undefined = 'top';
  for (const s of path) {
    if (!ctx) return undefined;
    const w = s.words[0];
    ctx = w && w.kind === Tk.Word ? innerContext(ctx, w.text.toLowerCase()) : undefined;
  }
  return ctx;
}

/**
 * `dyndb`, `plugin` and `dnsrps-options` blocks hold raw text for a module (with `\}` escapes);
 * blank it out (offsets kept) so the block layer does not read it as statements.
 */
function blankRawText(text: string): string {
  const first = tokenize(text, TOKEN_OPTIONS);
  let out: string[] | undefined;
  for (let i = 0; i < first.length; i++) {
    const t = first[i]!;
    if (t.kind !== Tk.Word || !/^(dyndb|plugin|dnsrps-options)$/i.test(t.text)) continue;
    let j = i + 1;
    while (j < first.length && j < i + 6 && !(first[j]!.kind === Tk.Punct && (first[j]!.text === '{' || first[j]!.text === ';'))) j++;
    const open = first[j];
    if (!open || open.text !== '{') continue;
    let depth = 1;
    let k = open.end;
    for (; k < text.length && depth > 0; k++) {
      const c = text[k];
      if (c === '\\') k++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth !== 0) continue;
    const close = k - 1;
    out ??= text.split('');
    for (let m = open.end; m < close; m++) if (out[m] !== '\n' && out[m] !== '\r') out[m] = ' ';
    while (i < first.length && first[i]!.start < close) i++;
  }
  return out ? out.join('') : text;
}

export function parseNamed(original: string): NamedTree {
  const text = /dyndb|plugin|dnsrps-options/i.test(original) ? blankRawText(original) : original;
  const all = tokenize(text, { ...TOKEN_OPTIONS, keepComments: true });
  // the block layer skips comment tokens itself (and reports unterminated ones): no filtered copy
  // of a list of a million tokens; folding gets the comments
  const comments: Token[] = [];
  for (let k = 0; k < all.length; k++) if (all[k]!.kind === Tk.Comment) comments.push(all[k]!);
  const bt = parseBlocks(text, all, {
    semicolonAfterBlock: 'required',
    startsStatement: (word, open, path) => {
      if (open.words.length === 0) return false;
      const ctx = contextOfPath(path);
      const w = word.text.toLowerCase();
      if (!ctx || clauseIn(ctx, w) === undefined) return false;
      // `query-source address 10.0.0.1` + newline + `port 53;` is one statement to BIND
      const openName = open.words[0]!.text.toLowerCase();
      const openDef = clauseIn(ctx, openName);
      if (openDef && (keywordsOf(openDef).has(w) || keywordsOf(openDef).has('*'))) return false;
      return true;
    },
  });
  const joined = new Set<number>();
  const clauses = group(text, bt.stmts, 'top', undefined, joined);
  const structure = bt.errors.filter((e) => !(e.problem === 'missing-semicolon-after-block' && joined.has(e.start)));
  return { text: original, clauses, structure, comments };
}

/**
 * A word item is made for every word of the file (a million in a 50,000-zone file): it keeps
 * only its token and reads the rest from it, so it costs two fields instead of six.
 */
class TokenWord implements WordItem {
  readonly kind = 'word' as const;
  constructor(readonly tok: Token) {}
  get text(): string {
    return this.tok.kind === Tk.String ? (this.tok.value ?? '') : this.tok.text;
  }
  get quoted(): boolean {
    return this.tok.kind === Tk.String;
  }
  get start(): number {
    return this.tok.start;
  }
  get end(): number {
    return this.tok.end;
  }
}

function wordItem(t: Token): WordItem {
  return new TokenWord(t);
}

function sameLine(text: string, a: number, b: number): boolean {
  for (let i = a; i < b && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

/** Group statements into clauses, joining `stmt { } more words ...;` back together. */
function group(text: string, stmts: readonly Stmt[], ctx: ContextId | 'list', parent: Clause | undefined, joined: Set<number>): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  while (i < stmts.length) {
    const first = stmts[i]!;
    // exact size for the usual one-statement clause (pushing would leave spare capacity)
    const items: Item[] = new Array<Item>(first.words.length + (first.block ? 1 : 0));
    const pre = items.length;
    let fill = 0; // next index while filling the preallocated part; joined statements push
    const w0 = first.words[0];
    const name = w0 && w0.kind === Tk.Word ? w0.text.toLowerCase() : '';
    const clauseNameText = !w0 ? '' : w0.kind === Tk.Word ? name : w0.kind === Tk.String ? (w0.value ?? '').toLowerCase() : w0.text.toLowerCase();
    const clause: Clause = { items, name: clauseNameText, ctx, parent, start: first.start, end: first.end, semi: undefined };
    let s: Stmt = first;
    for (;;) {
      for (const w of s.words) {
        if (fill < pre) items[fill++] = wordItem(w);
        else items.push(wordItem(w));
      }
      if (s.block) {
        const inner = innerContext(ctx, name);
        // the clause exists already, so children can point at it
        const bi: BlockItem = { kind: 'block', block: { open: s.block.open, close: s.block.close }, clauses: group(text, s.block.stmts, inner ?? 'list', clause, joined), start: s.block.open.start, end: s.block.close ? s.block.close.end : s.end };
        if (fill < pre) items[fill++] = bi;
        else items.push(bi);
      }
      clause.end = s.end;
      if (s.semi) clause.semi = s.semi;
      const next = stmts[i + 1];
      if (s.block && s.block.close && !s.semi && next && next.words.length > 0) {
        const nw = next.words[0]!;
        const nname = nw.kind === Tk.Word ? nw.text.toLowerCase() : '';
        const known = ctx !== 'list' && (clauseIn(ctx, nname) !== undefined || (ctx === 'top' && isClauseAnywhere(nname)));
        if (sameLine(text, s.block.close.end, nw.start) || !known) {
          joined.add(s.block.close.end);
          i++;
          s = next;
          continue;
        }
      }
      break;
    }
    out.push(clause);
    i++;
  }
  return out.length < 16 ? out.slice() : out;
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
