/**
 * The names a file defines (acl, key, tls, http, primaries, dnssec-policy, channel, view, zone)
 * and the references to them, made once per tree: read by the checks, hover, completion and
 * navigation.
 */
import {
  makeWord,
  blocksOf,
  clauseName,
  walkClauses,
  type BlockItem,
  type Clause,
  type NamedTree,
  type WordItem,
} from './tree';
import { isIPv4, isIPv6, looksLikeAddress } from './grammar';
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
  /** The name token. */
  readonly item: WordItem;
  readonly clause: Clause;
}

export interface SymbolRef {
  readonly kind: NameKind;
  readonly name: string;
  readonly item: WordItem;
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
    if (f.quoted || !(isIPv4(f.text) || isIPv6(f.text))) refs.push({ kind, name: f.text, item: f, view, soft });
    for (let k = 1; k < e.items.length - 1; k++) {
      const w = e.items[k]!,
        v = e.items[k + 1]!;
      if (w.kind === 'word' && v.kind === 'word' && !w.quoted) {
        if (w.text === 'key') refs.push({ kind: 'key', name: v.text, item: v, view, soft: true });
        if (w.text === 'tls') refs.push({ kind: 'tls', name: v.text, item: v, view });
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
      if (v && v.kind === 'word') refs.push({ kind: 'key', name: v.text, item: v, view, soft: true });
      continue;
    }
    if (!f.quoted && t === 'geoip') continue;
    if (!f.quoted && looksLikeAddress(t)) continue;
    if (NAME_KINDS.acl.builtins.includes(t.toLowerCase())) continue;
    const item: WordItem = t === f.text ? f : makeWord(t, f.quoted, f.start + 1, f.end);
    refs.push({ kind: 'acl', name: t, item, view, soft: inZone });
  }
}

/** The statements whose first argument the symbol table reads (a definition's name, or a reference). */
const NAMED_BY_FIRST_ARG = new Set([
  ...Object.keys(DEFINITION_STATEMENTS).filter((n) => DEFINITION_STATEMENTS[n]!.kind),
  'channel',
  'in-view',
]);

const NO_BLOCKS: readonly BlockItem[] = [];

/** The view a clause is in; one object per view for the references of a walk (clauses are views made on read). */
function viewFinder(): (c: Clause) => Clause | undefined {
  let last: Clause | undefined;
  return (c) => {
    for (let p: Clause | undefined = c; p; p = p.parent)
      if (p.ctx === 'top' && clauseName(p) === 'view') return last && last.key === p.key ? last : (last = p);
    return undefined;
  };
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
          if (f && f.kind === 'word') refs.push({ kind: 'key', name: f.text, item: f, view });
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
  const item1 = NAMED_BY_FIRST_ARG.has(name) ? c.items[1] : undefined;
  const first = item1 && item1.kind === 'word' ? item1 : undefined;
  if (c.ctx === 'top' && first) {
    const k = DEFINITION_STATEMENTS[name]?.kind;
    if (k) defs.push({ kind: k, name: first.text, item: first, clause: c });
  }
  if (c.ctx === 'view' && first && (name === 'key' || name === 'zone'))
    defs.push({ kind: name, name: first.text, item: first, clause: c });
  if (c.ctx === 'logging' && name === 'channel' && first)
    defs.push({ kind: 'channel', name: first.text, item: first, clause: c });
  if (c.ctx === 'logging' && name === 'category') {
    for (const b of blocksOf(c))
      for (const e of b.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') refs.push({ kind: 'channel', name: f.text, item: f, view });
      }
  }
  if (c.ctx === 'zone' && name === 'in-view' && first) refs.push({ kind: 'view', name: first.text, item: first, view });
  if ((c.ctx === 'options' || c.ctx === 'view' || c.ctx === 'zone') && name === 'dnssec-policy' && first)
    refs.push({ kind: 'dnssec-policy', name: first.text, item: first, view });
  if (c.ctx === 'server' && name === 'keys') {
    const v = c.items[1];
    if (v && v.kind === 'word') refs.push({ kind: 'key', name: v.text, item: v, view });
    if (v && v.kind === 'block')
      for (const e of v.clauses) {
        const f = e.items[0];
        if (f && f.kind === 'word') refs.push({ kind: 'key', name: f.text, item: f, view });
      }
  }
  // keyword-value references inside statements: `tls NAME`, `http NAME` after listen-on
  if (name === 'listen-on' || name === 'listen-on-v6') {
    const items = c.items;
    for (let k = 1; k < items.length - 1; k++) {
      const w = items[k]!,
        v = items[k + 1]!;
      if (w.kind === 'word' && !w.quoted && v.kind === 'word') {
        if (w.text === 'tls') refs.push({ kind: 'tls', name: v.text, item: v, view });
        if (w.text === 'http') refs.push({ kind: 'http', name: v.text, item: v, view });
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
        if (refs[k]!.kind === 'primaries') refs[k] = { ...refs[k]!, inheritedBy: c.parent };
    }
  }
  if (rk && blocks[0] && c.ctx === 'top') remoteListRefs(blocks[0], 'primaries', view, refs, true);
}

export function symbolTable(tree: NamedTree): SymbolTable {
  let t = tables.get(tree);
  if (t) return t;
  const defs: SymbolDef[] = [];
  const refs: SymbolRef[] = [];
  const viewOf = viewFinder();
  walkClauses(tree.clauses, (c) => {
    if (c.ctx === 'list' || c.ctx === 'controls' || c.ctx === 'statistics-channels') listEntryRefs(c, viewOf(c), refs);
    else clauseSymbols(c, viewOf(c), defs, refs);
    return true;
  });
  t = { defs, refs };
  tables.set(tree, t);
  return t;
}
