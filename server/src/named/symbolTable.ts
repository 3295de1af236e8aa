/**
 * The names a file defines (acl, key, tls, http, primaries, dnssec-policy, channel, view, zone)
 * and the references to them, made once per tree: read by the checks, hover, completion and
 * navigation.
 */
import { stringValue } from '../common/tokenizer';
import {
  makeWord,
  blocksOf,
  clauseName,
  clauseOf,
  itemAt,
  textOf,
  walkClauses,
  type BlockItem,
  type Clause,
  type NamedTree,
  type WordItem,
} from './tree';
import { looksLikeAddress } from './grammar';
import { isIPv4, isIPv6WithZone } from '../common/ip';
import {
  ADDRESS_LIST_CLAUSES,
  DEFINITION_STATEMENTS,
  NAME_KINDS,
  SERVER_LIST_CLAUSES,
  type NameKind,
} from './data/names';

export interface SymbolDef {
  readonly kind: NameKind;
  readonly name: string;
  /** The name token (made on read). */
  readonly item: WordItem;
  /** Where the name token is (item.start, item.end, without making it). */
  readonly start: number;
  readonly end: number;
  readonly clause: Clause;
}

export interface SymbolRef {
  readonly kind: NameKind;
  readonly name: string;
  readonly item: WordItem;
  readonly start: number;
  readonly end: number;
  /** The view the reference is inside (views may define their own keys). */
  readonly view?: Clause;
  /** Set for `also-notify` in options/view: only an error when a zone inherits it. */
  readonly inheritedBy?: Clause;
  /** A reference named-checkconf does not verify (keys in address lists, acls inside zones): a warning only. */
  readonly soft?: boolean;
}

export interface SymbolTable {
  readonly defs: SymbolDef[];
  readonly refs: SymbolRef[];
}

const tables = new WeakMap<NamedTree, SymbolTable>();

const QUOTED = 1,
  SOFT = 2;

/**
 * A definition or reference as a few numbers: its name, name token and clauses are made on read
 * (a file may hold 100,000 of each, kept as long as its tree).
 */
class Sym implements SymbolDef, SymbolRef {
  constructor(
    readonly kind: NameKind,
    /** A clause of the tree (for its text and its other clauses). */
    private readonly home: Clause,
    readonly start: number,
    readonly end: number,
    private readonly flags: number,
    /** A definition's clause, a reference's view (ids; -1: none). */
    private readonly c: number,
    private readonly inherited = -1,
  ) {}
  get name(): string {
    const text = textOf(this.home);
    return this.flags & QUOTED ? stringValue(text, this.start, this.end) : text.slice(this.start, this.end);
  }
  get item(): WordItem {
    return makeWord(this.name, (this.flags & QUOTED) !== 0, this.start, this.end);
  }
  get clause(): Clause {
    return clauseOf(this.home, this.c)!;
  }
  get view(): Clause | undefined {
    return clauseOf(this.home, this.c);
  }
  get inheritedBy(): Clause | undefined {
    return clauseOf(this.home, this.inherited);
  }
  get soft(): boolean {
    return (this.flags & SOFT) !== 0;
  }
  /** This reference, inherited by holder (see SymbolRef.inheritedBy). */
  inheritedFrom(holder: Clause | undefined): Sym {
    return new Sym(this.kind, this.home, this.start, this.end, this.flags, this.c, holder ? holder.id : -1);
  }
}

/**
 * The definitions and references of one tree as they are found; `home` is a clause of the tree,
 * through which Syms read their text (none in a tree without clauses, where no Sym is made).
 */
class Collector {
  readonly defs: SymbolDef[] = [];
  readonly refs: SymbolRef[] = [];
  constructor(private readonly home: Clause | undefined) {}
  ref(kind: NameKind, item: WordItem, view: Clause | undefined, soft?: boolean): void {
    const flags = (item.quoted ? QUOTED : 0) | (soft ? SOFT : 0);
    this.refs.push(new Sym(kind, this.home!, item.start, item.end, flags, view ? view.id : -1));
  }
  def(kind: NameKind, item: WordItem, clause: Clause): void {
    this.defs.push(new Sym(kind, this.home!, item.start, item.end, item.quoted ? QUOTED : 0, clause.id));
  }
}

/** Names a remote-servers list (`primaries { ... }`, `also-notify`, ...) may use for other lists. */
function remoteListRefs(bi: BlockItem, kind: NameKind, view: Clause | undefined, out: Collector, soft = false): void {
  for (const e of bi.clauses) {
    const f = e.items[0];
    if (!f || f.kind !== 'word') continue;
    // BIND reads anything that does not parse as an address as the name of another list
    if (f.quoted || !(isIPv4(f.text) || isIPv6WithZone(f.text))) out.ref(kind, f, view, soft);
    for (let k = 1; k < e.items.length - 1; k++) {
      const w = e.items[k]!,
        v = e.items[k + 1]!;
      if (w.kind === 'word' && v.kind === 'word' && !w.quoted) {
        if (w.text === 'key') out.ref('key', v, view, true);
        if (w.text === 'tls') out.ref('tls', v, view);
      }
    }
  }
}

function amlRefs(bi: BlockItem, view: Clause | undefined, out: Collector, inZone = false): void {
  for (const e of bi.clauses) {
    let k = 0;
    let f = e.items[0];
    if (f && f.kind === 'word' && f.text === '!' && !f.quoted) f = e.items[++k];
    if (!f) continue;
    if (f.kind === 'block') {
      amlRefs(f, view, out, inZone);
      continue;
    }
    const t = !f.quoted && f.text.startsWith('!') ? f.text.slice(1) : f.text;
    if (!f.quoted && t === 'key') {
      const v = e.items[k + 1];
      if (v && v.kind === 'word') out.ref('key', v, view, true);
      continue;
    }
    if (!f.quoted && t === 'geoip') continue;
    if (!f.quoted && looksLikeAddress(t)) continue;
    if (NAME_KINDS.acl.builtins.includes(t.toLowerCase())) continue;
    const item: WordItem = t === f.text ? f : makeWord(t, f.quoted, f.start + 1, f.end);
    out.ref('acl', item, view, inZone);
  }
}

/** The statements whose first argument the symbol table reads (a definition's name, or a reference). */
const NAMED_BY_FIRST_ARG = new Set([
  ...Object.keys(DEFINITION_STATEMENTS).filter((n) => DEFINITION_STATEMENTS[n]!.kind),
  'channel',
  'in-view',
]);

const NO_BLOCKS: readonly BlockItem[] = [];

function viewOf(c: Clause): Clause | undefined {
  for (let p: Clause | undefined = c; p; p = p.parent) if (p.ctx === 'top' && clauseName(p) === 'view') return p;
  return undefined;
}

/** catalog-zones / controls entries and the like carry their own references. */
function listEntryRefs(c: Clause, view: Clause | undefined, out: Collector): void {
  for (let k = 0; k < c.items.length; k++) {
    const it = c.items[k]!;
    const n = c.items[k + 1];
    if (it.kind === 'word' && !it.quoted && n && n.kind === 'block') {
      const kind = SERVER_LIST_CLAUSES[it.text];
      if (kind) remoteListRefs(n, kind, view, out);
      if (it.text === 'keys')
        for (const e of n.clauses) {
          const f = e.items[0];
          if (f && f.kind === 'word') out.ref('key', f, view);
        }
      if (it.text === 'allow') amlRefs(n, view, out);
    }
  }
}

/** The definitions and references of one clause (not a list entry). */
function clauseSymbols(c: Clause, view: Clause | undefined, out: Collector): void {
  const name = clauseName(c);
  // the first argument (args(c)[0]) without building the list, read only by the statements
  // below that use it (most clauses of a large file use none: no items made for them)
  const item1 = NAMED_BY_FIRST_ARG.has(name) ? itemAt(c, 1) : undefined;
  const first = item1 && item1.kind === 'word' ? item1 : undefined;
  if (c.ctx === 'top' && first) {
    const k = DEFINITION_STATEMENTS[name]?.kind;
    if (k) out.def(k, first, c);
  }
  if (c.ctx === 'view' && first && (name === 'key' || name === 'zone')) out.def(name, first, c);
  if (c.ctx === 'logging' && name === 'channel' && first) out.def('channel', first, c);
  if (c.ctx === 'logging' && name === 'category') {
    for (const b of blocksOf(c))
      for (const e of b.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') out.ref('channel', f, view);
      }
  }
  if (c.ctx === 'zone' && name === 'in-view' && first) out.ref('view', first, view);
  if ((c.ctx === 'options' || c.ctx === 'view' || c.ctx === 'zone') && name === 'dnssec-policy' && first)
    out.ref('dnssec-policy', first, view);
  if (c.ctx === 'server' && name === 'keys') {
    const v = c.items[1];
    if (v && v.kind === 'word') out.ref('key', v, view);
    if (v && v.kind === 'block')
      for (const e of v.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') out.ref('key', f, view);
      }
  }
  // keyword-value references inside statements: `tls NAME`, `http NAME` after listen-on
  if (name === 'listen-on' || name === 'listen-on-v6') {
    const items = c.items;
    for (let k = 1; k < items.length - 1; k++) {
      const w = items[k]!,
        v = items[k + 1]!;
      if (w.kind === 'word' && !w.quoted && v.kind === 'word') {
        if (w.text === 'tls') out.ref('tls', v, view);
        if (w.text === 'http') out.ref('http', v, view);
      }
    }
  }
  const isAml = ADDRESS_LIST_CLAUSES.has(name);
  const rk = SERVER_LIST_CLAUSES[name];
  const blocks = isAml || rk ? blocksOf(c) : NO_BLOCKS;
  if (isAml && blocks[0]) amlRefs(blocks[0], view, out, c.ctx === 'zone');
  if (rk && blocks[0] && c.ctx !== 'top') {
    const refs = out.refs;
    const before = refs.length;
    remoteListRefs(blocks[0], rk, view, out);
    if (name === 'also-notify' && (c.ctx === 'options' || c.ctx === 'view')) {
      for (let k = before; k < refs.length; k++)
        if (refs[k]!.kind === 'primaries') refs[k] = (refs[k] as Sym).inheritedFrom(c.parent);
    }
  }
  if (rk && blocks[0] && c.ctx === 'top') remoteListRefs(blocks[0], 'primaries', view, out, true);
}

export function symbolTable(tree: NamedTree): SymbolTable {
  let t = tables.get(tree);
  if (t) return t;
  const out = new Collector(tree.clauses[0]);
  walkClauses(tree.clauses, (c) => {
    if (c.ctx === 'list' || c.ctx === 'controls' || c.ctx === 'statistics-channels') listEntryRefs(c, viewOf(c), out);
    else clauseSymbols(c, viewOf(c), out);
    return true;
  });
  t = { defs: out.defs, refs: out.refs };
  tables.set(tree, t);
  return t;
}
