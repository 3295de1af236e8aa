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
import { isIPv4, isIPv6 } from '../common/ip';
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

/** The clause Syms are made with while a table is built (see symbolTable). */
let home: Clause | undefined;

function ref(kind: NameKind, item: WordItem, view: Clause | undefined, soft?: boolean): SymbolRef {
  return new Sym(
    kind,
    home!,
    item.start,
    item.end,
    (item.quoted ? QUOTED : 0) | (soft ? SOFT : 0),
    view ? view.id : -1,
  );
}

function def(kind: NameKind, item: WordItem, clause: Clause): SymbolDef {
  return new Sym(kind, home!, item.start, item.end, item.quoted ? QUOTED : 0, clause.id);
}

/** Names a remote-servers list (`primaries { ... }`, `also-notify`, ...) may use for other lists. */
function remoteListRefs(
  bi: BlockItem,
  kind: NameKind,
  view: Clause | undefined,
  refs: SymbolRef[],
  soft = false,
): void {
  for (const e of bi.clauses) {
    const f = e.items[0];
    if (!f || f.kind !== 'word') continue;
    // BIND reads anything that does not parse as an address as the name of another list
    if (f.quoted || !(isIPv4(f.text) || isIPv6(f.text, { zone: true }))) refs.push(ref(kind, f, view, soft));
    for (let k = 1; k < e.items.length - 1; k++) {
      const w = e.items[k]!,
        v = e.items[k + 1]!;
      if (w.kind === 'word' && v.kind === 'word' && !w.quoted) {
        if (w.text === 'key') refs.push(ref('key', v, view, true));
        if (w.text === 'tls') refs.push(ref('tls', v, view));
      }
    }
  }
}

function amlRefs(bi: BlockItem, view: Clause | undefined, refs: SymbolRef[], inZone = false): void {
  for (const e of bi.clauses) {
    let k = 0;
    let f = e.items[0];
    if (f && f.kind === 'word' && f.text === '!' && !f.quoted) f = e.items[++k];
    if (!f) continue;
    if (f.kind === 'block') {
      amlRefs(f, view, refs, inZone);
      continue;
    }
    const t = !f.quoted && f.text.startsWith('!') ? f.text.slice(1) : f.text;
    if (!f.quoted && t === 'key') {
      const v = e.items[k + 1];
      if (v && v.kind === 'word') refs.push(ref('key', v, view, true));
      continue;
    }
    if (!f.quoted && t === 'geoip') continue;
    if (!f.quoted && looksLikeAddress(t)) continue;
    if (NAME_KINDS.acl.builtins.includes(t.toLowerCase())) continue;
    const item: WordItem = t === f.text ? f : makeWord(t, f.quoted, f.start + 1, f.end);
    refs.push(ref('acl', item, view, inZone));
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
function listEntryRefs(c: Clause, view: Clause | undefined, refs: SymbolRef[]): void {
  for (let k = 0; k < c.items.length; k++) {
    const it = c.items[k]!;
    const n = c.items[k + 1];
    if (it.kind === 'word' && !it.quoted && n && n.kind === 'block') {
      const kind = SERVER_LIST_CLAUSES[it.text];
      if (kind) remoteListRefs(n, kind, view, refs);
      if (it.text === 'keys')
        for (const e of n.clauses) {
          const f = e.items[0];
          if (f && f.kind === 'word') refs.push(ref('key', f, view));
        }
      if (it.text === 'allow') amlRefs(n, view, refs);
    }
  }
}

/** The definitions and references of one clause (not a list entry). */
function clauseSymbols(c: Clause, view: Clause | undefined, defs: SymbolDef[], refs: SymbolRef[]): void {
  const name = clauseName(c);
  // the first argument (args(c)[0]) without building the list, read only by the statements
  // below that use it (most clauses of a large file use none: no items made for them)
  const item1 = NAMED_BY_FIRST_ARG.has(name) ? itemAt(c, 1) : undefined;
  const first = item1 && item1.kind === 'word' ? item1 : undefined;
  if (c.ctx === 'top' && first) {
    const k = DEFINITION_STATEMENTS[name]?.kind;
    if (k) defs.push(def(k, first, c));
  }
  if (c.ctx === 'view' && first && (name === 'key' || name === 'zone')) defs.push(def(name, first, c));
  if (c.ctx === 'logging' && name === 'channel' && first) defs.push(def('channel', first, c));
  if (c.ctx === 'logging' && name === 'category') {
    for (const b of blocksOf(c))
      for (const e of b.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') refs.push(ref('channel', f, view));
      }
  }
  if (c.ctx === 'zone' && name === 'in-view' && first) refs.push(ref('view', first, view));
  if ((c.ctx === 'options' || c.ctx === 'view' || c.ctx === 'zone') && name === 'dnssec-policy' && first)
    refs.push(ref('dnssec-policy', first, view));
  if (c.ctx === 'server' && name === 'keys') {
    const v = c.items[1];
    if (v && v.kind === 'word') refs.push(ref('key', v, view));
    if (v && v.kind === 'block')
      for (const e of v.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') refs.push(ref('key', f, view));
      }
  }
  // keyword-value references inside statements: `tls NAME`, `http NAME` after listen-on
  if (name === 'listen-on' || name === 'listen-on-v6') {
    const items = c.items;
    for (let k = 1; k < items.length - 1; k++) {
      const w = items[k]!,
        v = items[k + 1]!;
      if (w.kind === 'word' && !w.quoted && v.kind === 'word') {
        if (w.text === 'tls') refs.push(ref('tls', v, view));
        if (w.text === 'http') refs.push(ref('http', v, view));
      }
    }
  }
  const isAml = ADDRESS_LIST_CLAUSES.has(name);
  const rk = SERVER_LIST_CLAUSES[name];
  const blocks = isAml || rk ? blocksOf(c) : NO_BLOCKS;
  if (isAml && blocks[0]) amlRefs(blocks[0], view, refs, c.ctx === 'zone');
  if (rk && blocks[0] && c.ctx !== 'top') {
    const before = refs.length;
    remoteListRefs(blocks[0], rk, view, refs);
    if (name === 'also-notify' && (c.ctx === 'options' || c.ctx === 'view')) {
      for (let k = before; k < refs.length; k++)
        if (refs[k]!.kind === 'primaries') refs[k] = (refs[k] as Sym).inheritedFrom(c.parent);
    }
  }
  if (rk && blocks[0] && c.ctx === 'top') remoteListRefs(blocks[0], 'primaries', view, refs, true);
}

export function symbolTable(tree: NamedTree): SymbolTable {
  let t = tables.get(tree);
  if (t) return t;
  const defs: SymbolDef[] = [];
  const refs: SymbolRef[] = [];
  home = tree.clauses[0];
  try {
    walkClauses(tree.clauses, (c) => {
      if (c.ctx === 'list' || c.ctx === 'controls' || c.ctx === 'statistics-channels')
        listEntryRefs(c, viewOf(c), refs);
      else clauseSymbols(c, viewOf(c), defs, refs);
      return true;
    });
  } finally {
    home = undefined;
  }
  t = { defs, refs };
  tables.set(tree, t);
  return t;
}
