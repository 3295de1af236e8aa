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
  type Item,
  type NamedTree,
  type WordItem,
} from './tree';
import { looksLikeAddress } from './grammar';
import { isIPv4, isIPv6WithZone } from '../common/ip';
import {
  ACL_CHECKED_IN,
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

/**
 * Whether named-checkconf checks that a reference is defined (lib/bind9/check.c): `always`;
 * `never` (keys in address lists, allow-query in a zone, options it does not check); `zones`,
 * when a zone takes the option from where it stands (or, in a zone, when the zone uses it);
 * `views`, for a list in options, when a view takes it (or there are no views); `definition`,
 * for a name in an acl or server list, when a checked reference leads to that definition;
 * `from-9.20`, always from BIND 9.20 on and never before (keys in server lists).
 */
export type RefCheck = 'always' | 'never' | 'zones' | 'views' | 'definition' | 'from-9.20';

export interface SymbolRef {
  readonly kind: NameKind;
  readonly name: string;
  readonly item: WordItem;
  readonly start: number;
  readonly end: number;
  /** The view the reference is inside (views may define their own keys). */
  readonly view?: Clause;
  readonly check: RefCheck;
  /** For `zones` and `views`: the option holding the reference; for `definition`: the definition. */
  readonly holder?: Clause;
}

export interface SymbolTable {
  readonly defs: SymbolDef[];
  readonly refs: SymbolRef[];
}

const tables = new WeakMap<NamedTree, SymbolTable>();

const QUOTED = 1;
/** The RefCheck of a reference, in the flags above QUOTED. */
const CHECKS: readonly RefCheck[] = ['always', 'never', 'zones', 'views', 'definition', 'from-9.20'];
const CHECK_SHIFT = 1;

/** Where a reference is checked, and what that depends on (see SymbolRef). */
interface Site {
  readonly check: RefCheck;
  readonly holder?: Clause;
}
const ALWAYS: Site = { check: 'always' };
const NEVER: Site = { check: 'never' };
const FROM_920: Site = { check: 'from-9.20' };

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
    /** A reference's holder (id; -1: none). */
    private readonly h = -1,
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
  get check(): RefCheck {
    return CHECKS[this.flags >> CHECK_SHIFT]!;
  }
  get holder(): Clause | undefined {
    return clauseOf(this.home, this.h);
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
  ref(kind: NameKind, item: WordItem, view: Clause | undefined, site: Site = ALWAYS): void {
    const flags = (item.quoted ? QUOTED : 0) | (CHECKS.indexOf(site.check) << CHECK_SHIFT);
    const h = site.holder ? site.holder.id : -1;
    this.refs.push(new Sym(kind, this.home!, item.start, item.end, flags, view ? view.id : -1, h));
  }
  def(kind: NameKind, item: WordItem, clause: Clause): void {
    this.defs.push(new Sym(kind, this.home!, item.start, item.end, item.quoted ? QUOTED : 0, clause.id));
  }
}

/** Names a remote-servers list (`primaries { ... }`, `also-notify`, ...) may use for other lists. */
function remoteListRefs(bi: BlockItem, kind: NameKind, view: Clause | undefined, out: Collector, site = ALWAYS): void {
  for (const e of bi.clauses) {
    const f = e.items[0];
    if (!f || f.kind !== 'word') continue;
    // BIND reads anything that does not parse as an address as the name of another list
    if (f.quoted || !(isIPv4(f.text) || isIPv6WithZone(f.text))) out.ref(kind, f, view, site);
    for (let k = 1; k < e.items.length - 1; k++) {
      const w = e.items[k]!,
        v = e.items[k + 1]!;
      if (w.kind === 'word' && v.kind === 'word' && !w.quoted) {
        // BIND 9.20 looks up the key of every server-list entry; 9.18 never did
        if (w.text === 'key') out.ref('key', v, view, FROM_920);
        if (w.text === 'tls') out.ref('tls', v, view);
      }
    }
  }
}

/** Where named-checkconf checks the acl names of address match list clause c (see ACL_CHECKED_IN). */
function aclSite(c: Clause): Site {
  if (c.ctx === 'top' && clauseName(c) === 'acl') return { check: 'definition', holder: c };
  // the option of options, a view or a zone that holds the list: c, or the dns64 or rate-limit around it
  const opt = c.ctx === 'dns64' || c.ctx === 'rate-limit' ? c.parent : c;
  if (!opt) return ALWAYS;
  const by = ACL_CHECKED_IN[clauseName(opt)];
  switch (opt.ctx) {
    case 'zone':
      return by === 'zone' ? ALWAYS : NEVER;
    case 'view':
      return by === 'zone' ? { check: 'zones', holder: opt } : by ? ALWAYS : NEVER;
    case 'options':
      if (by === 'zone') return { check: 'zones', holder: opt };
      return by === 'view' ? { check: 'views', holder: opt } : by ? ALWAYS : NEVER;
    default:
      return ALWAYS;
  }
}

function amlRefs(bi: BlockItem, view: Clause | undefined, out: Collector, site: Site): void {
  for (const e of bi.clauses) {
    let k = 0;
    let f = e.items[0];
    if (f && f.kind === 'word' && f.text === '!' && !f.quoted) f = e.items[++k];
    if (!f) continue;
    if (f.kind === 'block') {
      amlRefs(f, view, out, site);
      continue;
    }
    const t = !f.quoted && f.text.startsWith('!') ? f.text.slice(1) : f.text;
    if (!f.quoted && t === 'key') {
      const v = e.items[k + 1];
      if (v && v.kind === 'word') out.ref('key', v, view, NEVER);
      continue;
    }
    if (!f.quoted && t === 'geoip') continue;
    if (!f.quoted && looksLikeAddress(t)) continue;
    if (NAME_KINDS.acl.builtins.includes(t.toLowerCase())) continue;
    const item: WordItem = t === f.text ? f : makeWord(t, f.quoted, f.start + 1, f.end);
    out.ref('acl', item, view, site);
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
      // the controls' allow lists are checked, the statistics-channels' are not
      if (it.text === 'allow') amlRefs(n, view, out, ACL_CHECKED_IN[c.ctx] ? ALWAYS : NEVER);
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
  // in options and views, named-checkconf checks a policy name only for the zones that take it
  if ((c.ctx === 'options' || c.ctx === 'view' || c.ctx === 'zone') && name === 'dnssec-policy' && first)
    out.ref('dnssec-policy', first, view, c.ctx === 'zone' ? ALWAYS : { check: 'zones', holder: c });
  if (c.ctx === 'server' && name === 'keys') {
    const v = c.items[1];
    if (v && v.kind === 'word') out.ref('key', v, view);
    if (v && v.kind === 'block')
      for (const e of v.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') out.ref('key', f, view);
      }
  }
  // BIND 9.20's forwarders over TLS: `tls NAME` for all of them, and after an address
  if (name === 'forwarders') {
    const tlsAfter = (items: readonly Item[]) => {
      for (let k = 1; k < items.length - 1; k++) {
        const w = items[k]!,
          v = items[k + 1]!;
        if (w.kind === 'word' && !w.quoted && w.text === 'tls' && v.kind === 'word') out.ref('tls', v, view, FROM_920);
      }
    };
    tlsAfter(c.items);
    for (const b of blocksOf(c)) for (const e of b.clauses) tlsAfter(e.items);
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
  if (isAml && blocks[0]) amlRefs(blocks[0], view, out, aclSite(c));
  // also-notify is checked for the zones that use it; the names in a list definition are
  // looked up among the lists of its own kind, when a zone uses it
  if (rk && blocks[0])
    remoteListRefs(
      blocks[0],
      rk,
      view,
      out,
      c.ctx === 'top'
        ? { check: 'definition', holder: c }
        : name === 'also-notify'
          ? { check: 'zones', holder: c }
          : ALWAYS,
    );
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
