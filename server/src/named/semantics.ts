/**
 * The checks BIND makes after parsing (its check.c): zones, references between statements,
 * logging channels, ranges, DNSSEC and TLS consistency. Also the symbol table that
 * references.ts, hover.ts and completion.ts use.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import {
  type Item,
  makeWord,
  parseNamed,
  args,
  blocksOf,
  body,
  clauseName,
  sub,
  walkClauses,
  type BlockItem,
  type Clause,
  type NamedTree,
  type WordItem,
} from './parser';
import { isBoolean, isInteger, isIPv4, isIPv6, looksLikeAddress } from './grammar';
import { zoneTypeOf, type Reporter } from './validation';
import { positionAt } from '../common/text';

export type SymbolKind =
  'acl' | 'key' | 'tls' | 'http' | 'primaries' | 'parental-agents' | 'dnssec-policy' | 'channel' | 'view' | 'zone';

export interface SymbolDef {
  readonly kind: SymbolKind;
  readonly name: string;
  /** The name token. */
  readonly item: WordItem;
  readonly clause: Clause;
}

export interface SymbolRef {
  readonly kind: SymbolKind;
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

export const BUILTIN_ACLS = ['any', 'none', 'localhost', 'localnets'];
export const BUILTIN_CHANNELS = ['default_syslog', 'default_debug', 'default_stderr', 'default_logfile', 'null'];
export const BUILTIN_POLICIES = ['default', 'insecure', 'none'];
export const BUILTIN_TLS = ['ephemeral', 'none'];

const tables = new WeakMap<NamedTree, SymbolTable>();

/** Names a remote-servers list (`primaries { ... }`, `also-notify`, ...) may use for other lists. */
function remoteListRefs(
  bi: BlockItem,
  kind: SymbolKind,
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
    if (BUILTIN_ACLS.includes(t.toLowerCase())) continue;
    const item: WordItem = t === f.text ? f : makeWord(t, f.quoted, f.start + 1, f.end);
    refs.push({ kind: 'acl', name: t, item, view, soft: inZone });
  }
}

const AML_CLAUSES = new Set([
  'allow-notify',
  'allow-query',
  'allow-query-cache',
  'allow-query-cache-on',
  'allow-query-on',
  'allow-recursion',
  'allow-recursion-on',
  'allow-transfer',
  'allow-update',
  'allow-update-forwarding',
  'blackhole',
  'keep-response-order',
  'listen-on',
  'listen-on-v6',
  'match-clients',
  'match-destinations',
  'no-case-compress',
  'sortlist',
  'deny-answer-addresses',
  'response-padding',
  'exempt-clients',
  'clients',
  'exclude',
  'mapped',
  'acl',
  'allow',
]);
/** Top-level statements that define a name (their first argument), and the kind of name. */
const TOP_DEFINITIONS: Record<string, SymbolKind> = Object.assign(Object.create(null) as Record<string, SymbolKind>, {
  acl: 'acl',
  key: 'key',
  tls: 'tls',
  http: 'http',
  primaries: 'primaries',
  masters: 'primaries',
  'parental-agents': 'parental-agents',
  'dnssec-policy': 'dnssec-policy',
  view: 'view',
  zone: 'zone',
});
/** The statements whose first argument the symbol table reads (a definition's name, or a reference). */
const NAMED_BY_FIRST_ARG = new Set([...Object.keys(TOP_DEFINITIONS), 'channel', 'in-view']);
const REMOTE_CLAUSES: Record<string, SymbolKind> = Object.assign(Object.create(null) as Record<string, SymbolKind>, {
  primaries: 'primaries',
  masters: 'primaries',
  'also-notify': 'primaries',
  'parental-agents': 'parental-agents',
  'default-primaries': 'primaries',
  'default-masters': 'primaries',
});

const NO_BLOCKS: readonly BlockItem[] = [];

export function symbolTable(tree: NamedTree): SymbolTable {
  let t = tables.get(tree);
  if (t) return t;
  const defs: SymbolDef[] = [];
  const refs: SymbolRef[] = [];
  const viewOf = (c: Clause): Clause | undefined => {
    for (let p: Clause | undefined = c; p; p = p.parent) if (p.ctx === 'top' && clauseName(p) === 'view') return p;
    return undefined;
  };
  walkClauses(tree.clauses, (c) => {
    const name = clauseName(c);
    const view = viewOf(c);
    if (c.ctx === 'list' || c.ctx === 'controls' || c.ctx === 'statistics-channels') {
      // catalog-zones / controls entries and the like carry their own references
      for (let k = 0; k < c.items.length; k++) {
        const it = c.items[k]!;
        const n = c.items[k + 1];
        if (it.kind === 'word' && !it.quoted && n && n.kind === 'block') {
          const kind = REMOTE_CLAUSES[it.text];
          if (kind) remoteListRefs(n, kind, view, refs);
          if (it.text === 'keys')
            for (const e of n.clauses) {
              const f = e.items[0];
              if (f && f.kind === 'word') refs.push({ kind: 'key', name: f.text, item: f, view });
            }
          if (it.text === 'allow') amlRefs(n, view, refs);
        }
      }
      return true;
    }
    // the first argument (args(c)[0]) without building the list, read only by the statements
    // below that use it (most clauses of a large file use none: no items made for them)
    const item1 = NAMED_BY_FIRST_ARG.has(name) ? c.items[1] : undefined;
    const first = item1 && item1.kind === 'word' ? item1 : undefined;
    if (c.ctx === 'top' && first) {
      const k = TOP_DEFINITIONS[name];
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
    if (c.ctx === 'zone' && name === 'in-view' && first)
      refs.push({ kind: 'view', name: first.text, item: first, view });
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
    const isAml = AML_CLAUSES.has(name);
    const rk = REMOTE_CLAUSES[name];
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
    return true;
  });
  t = { defs, refs };
  tables.set(tree, t);
  return t;
}

// ---------------------------------------------------------------------------------------

function wordAfter(c: Clause, kw: string): WordItem | undefined {
  for (let k = 1; k < c.items.length - 1; k++) {
    const w = c.items[k]!;
    if (w.kind === 'word' && !w.quoted && w.text.toLowerCase() === kw) {
      const v = c.items[k + 1]!;
      return v.kind === 'word' ? v : undefined;
    }
  }
  return undefined;
}

function firstArg(c: Clause | undefined): WordItem | undefined {
  if (!c) return undefined;
  const v = c.items[1];
  return v && v.kind === 'word' ? v : undefined;
}

function boolValue(c: Clause | undefined): boolean | undefined {
  const v = firstArg(c);
  if (!v || !isBoolean(v.text)) return undefined;
  return ['yes', 'true', '1'].includes(v.text.toLowerCase());
}

function isValidDomainName(n: string): boolean {
  if (n === '.' || n === '') return n === '.';
  const s = n.endsWith('.') ? n.slice(0, -1) : n;
  if (s.length > 253) return false;
  if (s.includes('\\0')) return false;
  return s.split('.').every((l) => l.length > 0 && l.length <= 63);
}

function canonical(n: string): string {
  const l = n.toLowerCase();
  return l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
}

function isBase64(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return t.length > 0 && t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

/** Top-level clauses of the files this document includes (through ctx.files), recursively. */
export function includedTrees(
  doc: TextDocument,
  tree: NamedTree,
  ctx: ModeContext,
): NamedTree[] & { unread?: number; unreadAt?: WordItem[] } {
  const out: NamedTree[] & { unread?: number; unreadAt?: WordItem[] } = [];
  out.unread = 0;
  out.unreadAt = [];
  const seen = new Set<string>([doc.uri]);
  const visit = (uri: string, t: NamedTree, depth: number) => {
    if (depth > 8) return;
    walkClauses(t.clauses, (c) => {
      if (clauseName(c) === 'include') {
        const f = c.items[1];
        if (f && f.kind === 'word') {
          const target = ctx.files.resolve(uri, f.text);
          if (target && !seen.has(target)) {
            seen.add(target);
            const text = ctx.files.read(target);
            if (text !== undefined) {
              const sub = parseNamed(text);
              out.push(sub);
              visit(target, sub, depth + 1);
            } else {
              out.unread!++;
              if (depth === 0) out.unreadAt!.push(f);
            }
          } else if (!target) {
            out.unread!++;
            if (depth === 0) out.unreadAt!.push(f);
          }
        }
      }
      return c.ctx !== 'list';
    });
  };
  visit(doc.uri, tree, 0);
  return out;
}

export function checkSemantics(doc: TextDocument, tree: NamedTree, rep: Reporter, ctx: ModeContext): void {
  const line = (off: number): number => positionAt(doc, off).line + 1;
  const included = includedTrees(doc, tree, ctx);
  const own = symbolTable(tree);
  // (without includes, the file's own table: no copy, and no set of a million definitions)
  const table: SymbolTable = included.length
    ? { defs: [...own.defs, ...included.flatMap((t) => symbolTable(t).defs)], refs: own.refs }
    : own;
  const ownDefs = included.length ? new Set(own.defs) : undefined;
  for (const f of included.unreadAt ?? []) {
    rep.add(
      'named-include-unread',
      f.start,
      f.end,
      `Cannot read \`${f.text}\` here (outside the workspace or missing): names it defines are not checked.`,
    );
  }
  const top = tree.clauses;
  const includedTop = included.flatMap((t) => t.clauses);
  // the top-level statements these checks look at, by name, in one pass over the top level
  const byName = new Map<string, Clause[]>(['options', 'view', 'logging', 'tls', 'http'].map((n) => [n, []]));
  for (const c of top) byName.get(clauseName(c))?.push(c);
  const topNamed = (n: 'options' | 'view' | 'logging' | 'tls' | 'http'): Clause[] => byName.get(n)!;
  const options = topNamed('options')[0];
  const views = topNamed('view');

  // ---- duplicate and reserved definitions
  const seenDefs = new Map<string, SymbolDef>();
  for (const d of table.defs) {
    if (d.kind === 'zone' || d.kind === 'view') continue;
    if (ownDefs && !ownDefs.has(d)) continue;
    const scope =
      d.kind === 'key' && d.clause.ctx === 'view'
        ? `view@${d.clause.parent?.start}`
        : d.kind === 'channel'
          ? 'logging'
          : 'top';
    const key = `${d.kind}:${scope}:${d.kind === 'acl' ? d.name : canonical(d.name)}`;
    const prev = seenDefs.get(key);
    if (prev) {
      const [at, other] =
        clauseName(prev.clause) === 'masters' && clauseName(d.clause) !== 'masters' ? [prev, d] : [d, prev];
      if (rep.wants('named-duplicate-definition', at.item.start))
        rep.add(
          'named-duplicate-definition',
          at.item.start,
          at.item.end,
          `${d.kind} \`${d.name}\` is defined twice (also at line ${line(other.item.start)}): rename or remove one.`,
        );
    } else seenDefs.set(key, d);
    const lname = d.name.toLowerCase();
    if (d.kind === 'dnssec-policy' && BUILTIN_POLICIES.includes(lname))
      rep.add(
        'named-reserved-name',
        d.item.start,
        d.item.end,
        `dnssec-policy cannot be named \`${d.name}\`: \`default\`, \`insecure\` and \`none\` are built-in policies.`,
      );
    if (d.kind === 'tls' && BUILTIN_TLS.includes(lname))
      rep.add(
        'named-reserved-name',
        d.item.start,
        d.item.end,
        `tls cannot be named \`${d.name}\`: \`ephemeral\` and \`none\` are reserved.`,
      );
    if (d.kind === 'http' && lname === 'default')
      rep.add(
        'named-reserved-name',
        d.item.start,
        d.item.end,
        'http cannot be named `default`: it is the built-in configuration.',
      );
    if (d.kind === 'acl' && BUILTIN_ACLS.includes(lname))
      rep.add(
        'named-reserved-name',
        d.item.start,
        d.item.end,
        `acl cannot be named \`${d.name}\`: it is a built-in acl.`,
      );
  }

  // ---- undefined references
  // what is defined: every kind by name, except keys defined in a view, which count only in
  // that view (kept by view: a file may hold 100,000 views that each define the same key)
  const definedNames = new Set<string>();
  const viewKeys = new Map<Clause | undefined, Set<string>>();
  const anyViewKeys = new Set<string>();
  const defKey = (kind: SymbolKind, name: string) =>
    `${kind}\u0000${kind === 'acl' || kind === 'channel' ? name : canonical(name)}`;
  for (const d of table.defs) {
    const k = defKey(d.kind, d.name);
    if (d.kind !== 'key' || d.clause.ctx !== 'view') definedNames.add(k);
    else {
      anyViewKeys.add(k);
      const set = viewKeys.get(d.clause.parent);
      if (set) set.add(k);
      else viewKeys.set(d.clause.parent, new Set([k]));
    }
  }
  const defined = (kind: SymbolKind, name: string, view?: Clause): boolean => {
    const k = defKey(kind, name);
    if (definedNames.has(k)) return true;
    if (kind !== 'key') return false;
    // a key defined in a view: seen from outside any view, or from that view
    return view ? !!viewKeys.get(view)?.has(k) : anyViewKeys.has(k);
  };
  // whether a zone takes the also-notify of its options or view: the top-level zones for
  // options, the view's for a view (once per view, and once for all options blocks: a file may
  // hold 100,000 also-notify entries, or options blocks, and each would look at every zone)
  const inheriting = new Map<Clause | undefined, boolean>();
  const inheritedByAZone = (holder: Clause): boolean => {
    const view = clauseName(holder) === 'view' ? holder : undefined;
    let yes = inheriting.get(view);
    if (yes === undefined) {
      const zonesIn = view ? body(view) : top;
      yes = zonesIn.some((z) => {
        if (clauseName(z) !== 'zone') return false;
        const t = zoneTypeOf(z);
        if (t !== 'primary' && t !== 'secondary' && t !== 'mirror') return false;
        const zb = body(z);
        if (zb.some((x) => clauseName(x) === 'also-notify')) return false;
        const nv = firstArg(zb.find((x) => clauseName(x) === 'notify'))?.text.toLowerCase();
        return !(nv === 'no' || nv === 'false' || nv === '0');
      });
      inheriting.set(view, yes);
    }
    return yes;
  };
  // the names defined of a kind, for the messages (once per kind: a file may have 100,000 undefined names)
  const namesByKind = new Map<SymbolKind, string[]>();
  const namesOf = (kind: SymbolKind): string[] => {
    let names = namesByKind.get(kind);
    if (!names) namesByKind.set(kind, (names = table.defs.filter((d) => d.kind === kind).map((d) => d.name)));
    return names;
  };
  // a definition may hide in an include we cannot read: then do not call names undefined
  for (const r of table.refs) {
    if (included.unread && r.kind !== 'channel') continue;
    const ln = r.name.toLowerCase();
    if (r.kind === 'channel' && BUILTIN_CHANNELS.includes(ln)) continue;
    if (r.kind === 'dnssec-policy' && BUILTIN_POLICIES.includes(ln)) continue;
    if (r.kind === 'tls' && BUILTIN_TLS.includes(ln)) continue;
    if (r.kind === 'http' && ln === 'default') continue;
    if (r.kind === 'acl' && BUILTIN_ACLS.includes(ln)) continue;
    if (r.kind === 'view') continue; // checked with in-view below
    if ((r.kind === 'key' || r.kind === 'tls') && !isValidDomainName(r.name)) {
      rep.add('named-invalid-value', r.item.start, r.item.end, `\`${r.name}\` is not a valid name for a ${r.kind}.`);
      continue;
    }
    if (defined(r.kind, r.name, r.view)) continue;
    if (r.inheritedBy && !inheritedByAZone(r.inheritedBy)) continue;
    if (r.kind === 'parental-agents' && defined('primaries', r.name, r.view)) continue;
    const rule = r.soft ? 'named-undefined-reference-unchecked' : 'named-undefined-reference';
    if (!rep.wants(rule, r.item.start)) continue;
    const what =
      r.kind === 'primaries' ? 'primaries list' : r.kind === 'parental-agents' ? 'parental-agents list' : r.kind;
    const cands = namesOf(r.kind);
    rep.add(
      rule,
      r.item.start,
      r.item.end,
      `Undefined ${what} \`${r.name}\`${
        cands.length
          ? ` (defined: ${cands
              .slice(0, 5)
              .map((c) => `\`${c}\``)
              .join(', ')})`
          : ''
      }: define it with \`${r.kind === 'primaries' ? 'primaries' : r.kind} ${r.name} { ... };\` or fix the name.`,
    );
  }

  // ---- logging
  for (const lg of topNamed('logging')) {
    for (const c of body(lg)) {
      if (clauseName(c) !== 'channel') continue;
      const dests = body(c).filter((x) => ['file', 'syslog', 'null', 'stderr'].includes(clauseName(x)));
      const nameTok = firstArg(c) ?? (c.items[0] as WordItem);
      if (dests.length !== 1 && c.items.some((i) => i.kind === 'block')) {
        rep.add(
          'named-channel-destination',
          nameTok.start,
          nameTok.end,
          dests.length === 0
            ? `Channel \`${nameTok.text}\` has no destination: add one of \`file "path";\`, \`syslog;\`, \`stderr;\` or \`null;\`.`
            : `Channel \`${nameTok.text}\` has ${dests.length} destinations (${dests.map(clauseName).join(', ')}): a channel takes exactly one.`,
        );
      }
    }
  }

  // ---- options-level numbers
  const optionsBody = options ? body(options) : [];
  const listenerPort = (() => {
    const p = firstArg(optionsBody.find((c) => clauseName(c) === 'port'));
    return p && isInteger(p.text) ? Number(p.text) : 53;
  })();
  walkClauses(top, (c) => {
    if (c.ctx === 'list') return true;
    const name = clauseName(c);
    const v = firstArg(c);
    const num = v && isInteger(v.text) ? Number(v.text) : undefined;
    const range = (lo: number, hi: number, what = name) => {
      if (num !== undefined && (num < lo || num > hi))
        rep.add(
          'named-value-out-of-range',
          v!.start,
          v!.end,
          `\`${what}\` ${num} is out of range: use ${lo} to ${hi}.`,
        );
    };
    if (c.ctx === 'options' && ['port', 'tls-port', 'https-port', 'http-port'].includes(name)) range(1, 65535);
    if (name === 'dnskey-sig-validity') range(0, 3660);
    if (name === 'sig-validity-interval') range(1, 3660);
    if (name === 'max-ncache-ttl' && v && /^\d+$/.test(v.text)) range(0, 604800);
    if ((name === 'nta-lifetime' || name === 'nta-recheck') && v) {
      const secs = durationSeconds(v.text);
      if (secs !== undefined && secs > 604800)
        rep.add('named-value-out-of-range', v.start, v.end, `\`${name}\` cannot exceed one week (7d).`);
    }
    if (
      c.ctx === 'key' &&
      name === 'algorithm' &&
      v &&
      !/^hmac-(md5|sha1|sha224|sha256|sha384|sha512)(-\d+)?$/i.test(v.text) &&
      !/^hmac-md5\.sig-alg\.reg\.int\.?$/i.test(v.text)
    ) {
      rep.add(
        'named-invalid-value',
        v.start,
        v.end,
        `Unknown TSIG algorithm \`${v.text}\`: use \`hmac-sha256\` (or hmac-sha1, hmac-sha224, hmac-sha384, hmac-sha512, hmac-md5).`,
      );
    }
    if (c.ctx === 'key' && name === 'secret' && v && !isBase64(v.text))
      rep.add('named-invalid-value', v.start, v.end, 'The key secret is not valid base64.');
    if (c.ctx === 'zone' && name === 'auto-dnssec' && v && v.text.toLowerCase() !== 'off') {
      const zb = c.parent ? body(c.parent) : [];
      const has = (n: string) => zb.some((x) => clauseName(x) === n && !(n === 'allow-update' && isNoneList(x)));
      if (has('dnssec-policy'))
        rep.add(
          'named-conflicting-options',
          v.start,
          v.end,
          `\`auto-dnssec ${v.text}\` cannot be used together with \`dnssec-policy\`.`,
        );
      else if (
        v.text.toLowerCase() === 'maintain' &&
        !has('allow-update') &&
        !has('update-policy') &&
        !has('inline-signing')
      )
        rep.add(
          'named-conflicting-options',
          v.start,
          v.end,
          '`auto-dnssec maintain` needs dynamic updates (`allow-update` / `update-policy`) or `inline-signing yes;`.',
        );
    }
    if (name === 'lmdb-mapsize' && v) {
      const m = /^(\d+)([kmg]?)$/i.exec(v.text);
      if (m) {
        const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
        const bytes = Number(m[1]) * mult;
        if (bytes < 1024 ** 2)
          rep.add('named-value-out-of-range', v.start, v.end, '`lmdb-mapsize` is too small: use at least 1m.');
        if (bytes > 1024 ** 4)
          rep.add('named-value-out-of-range', v.start, v.end, '`lmdb-mapsize` is too large: use at most 1024g.');
      }
    }
    if (name === 'max-ixfr-ratio' && v && v.text === '0%')
      rep.add(
        'named-value-out-of-range',
        v.start,
        v.end,
        '`max-ixfr-ratio` must be a nonzero percentage or `unlimited`.',
      );
    if (c.ctx === 'rate-limit') {
      if (
        [
          'responses-per-second',
          'referrals-per-second',
          'nodata-per-second',
          'nxdomains-per-second',
          'errors-per-second',
          'all-per-second',
        ].includes(name)
      )
        range(0, 1000);
      if (name === 'slip') range(0, 10);
      if (name === 'window') range(1, 3600);
      if (name === 'qps-scale') range(1, 4294967295);
      if (name === 'ipv4-prefix-length') range(8, 32);
      if (name === 'ipv6-prefix-length') range(16, 64);
    }
    if (name === 'response-policy') {
      const ws = c.items;
      const scan = (items: readonly Item[]) => {
        for (let k = 0; k < items.length - 1; k++) {
          const w = items[k]!,
            d = items[k + 1]!;
          if (
            w.kind === 'word' &&
            !w.quoted &&
            /^(max-policy-ttl|min-update-interval)$/.test(w.text) &&
            d.kind === 'word' &&
            durationSeconds(d.text) === undefined
          ) {
            rep.add(
              'named-invalid-value',
              d.start,
              d.end,
              `\`${w.text}\`: expected a duration (a TTL such as \`1h\` or ISO 8601 such as \`PT1H\`), found \`${d.text}\`.`,
            );
          }
        }
      };
      scan(ws);
      for (const b of blocksOf(c)) for (const e of b.clauses) scan(e.items);
    }
    // `port N` inside statements
    for (let k = 1; k < c.items.length - 1; k++) {
      const w = c.items[k]!,
        p = c.items[k + 1]!;
      if (w.kind === 'word' && !w.quoted && w.text === 'port' && p.kind === 'word' && isInteger(p.text)) {
        const n = Number(p.text);
        if (n > 65535)
          rep.add('named-value-out-of-range', p.start, p.end, `Port ${n} is out of range: use 0 to 65535.`);
        else if (/-source(-v6)?$/.test(name) && n === listenerPort)
          rep.add(
            'named-conflicting-options',
            p.start,
            p.end,
            `\`${name}\` cannot use the DNS listener port (${n}): pick another port or drop \`port\`.`,
          );
      }
      if (
        w.kind === 'word' &&
        !w.quoted &&
        w.text === 'transport' &&
        name === 'allow-transfer' &&
        p.kind === 'word' &&
        !['tcp', 'tls'].includes(p.text.toLowerCase())
      ) {
        rep.add(
          'named-invalid-value',
          p.start,
          p.end,
          `\`${p.text}\` is not a zone transfer transport: use \`tcp\` or \`tls\`.`,
        );
      }
    }
    if ((name === 'listen-on' || name === 'listen-on-v6') && wordAfter(c, 'http') && !wordAfter(c, 'tls')) {
      rep.add(
        'named-conflicting-options',
        c.items[0]!.start,
        c.items[0]!.end,
        `\`${name}\` with \`http\` needs a \`tls\` too: \`tls NAME\`, \`tls ephemeral\` or \`tls none\`.`,
      );
    }
    if (c.ctx === 'options' || c.ctx === 'view') {
      if (name === 'check-names') {
        /* handled below per block */
      }
    }
    return true;
  });

  // rate-limit table sizes
  walkClauses(top, (c) => {
    if (c.ctx === 'options' || c.ctx === 'view') {
      if (clauseName(c) === 'rate-limit') {
        const max = firstArg(sub(c, 'max-table-size'));
        const min = firstArg(sub(c, 'min-table-size'));
        const maxN = max && isInteger(max.text) ? Number(max.text) : undefined;
        const minN = min && isInteger(min.text) ? Math.max(1, Number(min.text)) : 500;
        if (maxN !== undefined && maxN < minN)
          rep.add(
            'named-value-out-of-range',
            max!.start,
            max!.end,
            `\`max-table-size\` ${maxN} is smaller than \`min-table-size\` ${minN}.`,
          );
      }
    }
    return c.ctx !== 'list';
  });

  // check-names duplicates in options/view
  for (const blk of [options, ...views]) {
    if (!blk) continue;
    // per class, the word its first check-names used; per word, its first check-names (the finding goes there)
    const seen = new Map<string, string>();
    const firstOf = new Map<string, WordItem>();
    for (const c of body(blk)) {
      if (clauseName(c) !== 'check-names') continue;
      const w = firstArg(c);
      if (!w) continue;
      const raw = w.text.toLowerCase();
      if (!firstOf.has(raw)) firstOf.set(raw, w);
      const norm = raw === 'master' ? 'primary' : raw === 'slave' ? 'secondary' : raw;
      const prev = seen.get(norm);
      if (prev !== undefined) {
        const fw = firstOf.get(prev)!;
        rep.add(
          'named-duplicate-statement',
          fw.start,
          fw.end,
          prev === raw
            ? `\`check-names ${raw}\` is set twice.`
            : `\`check-names\` cannot take both \`${prev}\` and \`${raw}\`: they are the same.`,
        );
      } else seen.set(norm, raw);
    }
  }

  // ---- TLS / HTTP definitions
  for (const t of topNamed('tls')) {
    const nameTok = firstArg(t);
    if (!nameTok) continue;
    const cert = sub(t, 'cert-file'),
      key = sub(t, 'key-file');
    if (!!cert !== !!key)
      rep.add(
        'named-conflicting-options',
        nameTok.start,
        nameTok.end,
        `tls \`${nameTok.text}\`: give both \`cert-file\` and \`key-file\`, or neither.`,
      );
    const protos = sub(t, 'protocols');
    if (protos)
      for (const b of blocksOf(protos))
        for (const e of b.clauses) {
          const f = e.items[0];
          if (f && f.kind === 'word' && !/^tlsv1\.[23]$/i.test(f.text))
            rep.add(
              'named-invalid-value',
              f.start,
              f.end,
              `\`${f.text}\` is not a TLS protocol version BIND supports: use \`TLSv1.2\` or \`TLSv1.3\`.`,
            );
        }
    const ciphers = firstArg(sub(t, 'ciphers'));
    if (ciphers && !/^[A-Za-z0-9+\-_!:@=.,]+$/.test(ciphers.text))
      rep.add(
        'named-invalid-value',
        ciphers.start,
        ciphers.end,
        `\`${ciphers.text}\` is not a valid OpenSSL cipher list.`,
      );
  }
  for (const h of topNamed('http')) {
    const ep = sub(h, 'endpoints');
    if (ep)
      for (const b of blocksOf(ep))
        for (const e of b.clauses) {
          const f = e.items[0];
          if (
            f &&
            f.kind === 'word' &&
            !/^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@%]+(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@%]+)*)?\/?$/.test(
              f.text.length > 1 ? f.text : f.text,
            )
          ) {
            rep.add(
              'named-invalid-value',
              f.start,
              f.end,
              `Endpoint \`${f.text}\` is not a valid absolute HTTP path (it starts with one \`/\` and has no query).`,
            );
          } else if (f && f.kind === 'word' && f.text.startsWith('//'))
            rep.add('named-invalid-value', f.start, f.end, `Endpoint \`${f.text}\` is not a valid absolute HTTP path.`);
        }
  }

  // ---- trust anchors
  checkTrustAnchors(top, options, views, rep, line);

  // ---- zones
  checkZones(doc, tree, top, includedTop, options, views, rep, line);
}

function checkTrustAnchors(
  top: readonly Clause[],
  options: Clause | undefined,
  views: readonly Clause[],
  rep: Reporter,
  line: (o: number) => number,
): void {
  interface Anchor {
    name: string;
    kind: string;
    item: WordItem;
    stmt: Clause;
  }
  const anchors: Anchor[] = [];
  const collect = (clauses: readonly Clause[]) => {
    for (const c of clauses) {
      const n = clauseName(c);
      if (n === 'trust-anchors' || n === 'managed-keys' || n === 'trusted-keys') {
        for (const b of blocksOf(c))
          for (const e of b.clauses) {
            const f = e.items[0],
              k = e.items[1];
            if (!f || f.kind !== 'word') continue;
            const kind = n === 'trusted-keys' ? 'static-key' : k && k.kind === 'word' ? k.text.toLowerCase() : '';
            anchors.push({ name: canonical(f.text), kind, item: f, stmt: c });
            const data = e.items[e.items.length - 1];
            if (
              data &&
              data.kind === 'word' &&
              data.quoted &&
              (kind === 'static-key' || kind === 'initial-key') &&
              !isBase64(data.text)
            ) {
              rep.add('named-trust-anchor', data.start, data.start + 1, 'The key data is not valid base64.');
            }
          }
      }
    }
  };
  collect(top);
  for (const v of views) collect(body(v));
  const validation = firstArg(options ? sub(options, 'dnssec-validation') : undefined)?.text.toLowerCase();
  // the first static anchor of each name (one lookup per anchor: a file may hold 100,000)
  const firstStatic = new Map<string, Anchor>();
  for (const a of anchors) if (a.kind.startsWith('static') && !firstStatic.has(a.name)) firstStatic.set(a.name, a);
  for (const a of anchors) {
    const isStatic = a.kind.startsWith('static');
    const other = isStatic ? undefined : firstStatic.get(a.name);
    if (other)
      rep.add(
        'named-trust-anchor',
        a.item.start,
        a.item.end,
        `Static and initializing trust anchors for \`${a.item.text}\` cannot be mixed (static one at line ${line(other.item.start)}).`,
      );
    if (isStatic && a.name === '.') {
      const s0 = a.stmt.items[0]!;
      rep.add(
        'named-trust-anchor',
        s0.start,
        s0.end,
        validation === 'auto'
          ? 'A static trust anchor for the root zone cannot be used with `dnssec-validation auto`.'
          : 'A static trust anchor for the root zone will fail at the next key rollover: use `initial-key` or `initial-ds`.',
      );
    }
  }
}

interface ZoneInfo {
  clause: Clause;
  name: string;
  nameItem: WordItem;
  cls: string;
  view: Clause | undefined;
  type: string | undefined;
}

function checkZones(
  doc: TextDocument,
  tree: NamedTree,
  top: readonly Clause[],
  includedTop: readonly Clause[],
  options: Clause | undefined,
  views: Clause[],
  rep: Reporter,
  line: (o: number) => number,
): void {
  const zones: ZoneInfo[] = [];
  const gather = (clauses: readonly Clause[], view: Clause | undefined) => {
    for (const c of clauses) {
      if (clauseName(c) !== 'zone') continue;
      const a = args(c);
      const n = a[0];
      if (!n) continue;
      zones.push({
        clause: c,
        name: canonical(n.text),
        nameItem: n,
        cls: (a[1]?.text ?? 'in').toLowerCase(),
        view,
        type: zoneTypeOf(c),
      });
    }
  };
  gather(top, undefined);
  for (const v of views) gather(body(v), v);
  // the zones of each view (made on first use: a file may hold 100,000 views)
  let zonesByView: Map<Clause | undefined, ZoneInfo[]> | undefined;
  const zonesOf = (view: Clause | undefined): ZoneInfo[] => {
    if (!zonesByView) {
      zonesByView = new Map();
      for (const z of zones) {
        const l = zonesByView.get(z.view);
        if (l) l.push(z);
        else zonesByView.set(z.view, [z]);
      }
    }
    return zonesByView.get(view) ?? [];
  };
  // first clause of each name in options and in each view (lookups per zone must not scan)
  const firstByName = (clauses: readonly Clause[]): Map<string, Clause> => {
    const m = new Map<string, Clause>();
    for (const c of clauses) {
      const n = clauseName(c);
      if (!m.has(n)) m.set(n, c);
    }
    return m;
  };
  const optionsIndex = firstByName(options ? body(options) : []);
  const viewIndex = new Map<Clause, Map<string, Clause>>(views.map((v) => [v, firstByName(body(v))]));
  const optionOf = (n: string) => optionsIndex.get(n);
  // top-level remote-server lists by canonical name (the first one, as a scan would find)
  const remoteLists = new Map<string, Clause>();
  for (const x of top) {
    const xn = clauseName(x);
    if (xn !== 'parental-agents' && xn !== 'primaries' && xn !== 'masters') continue;
    const k = canonical(firstArg(x)?.text ?? '');
    if (!remoteLists.has(k)) remoteLists.set(k, x);
  }
  const policies = new Set(
    [...top, ...includedTop]
      .filter((c) => clauseName(c) === 'dnssec-policy')
      .map((c) => canonical(firstArg(c)?.text ?? '')),
  );
  const seen = new Map<string, ZoneInfo>();
  const files = new Map<string, ZoneInfo>();
  const viewNames = new Map(views.map((v) => [firstArg(v)?.text ?? '', v]));
  const zoneNames = new Map<Clause, Set<string>>();
  const zoneNamesIn = (v: Clause): Set<string> => {
    let set = zoneNames.get(v);
    if (!set) {
      set = new Set();
      for (const o of zonesOf(v)) set.add(o.name);
      zoneNames.set(v, set);
    }
    return set;
  };
  for (const z of zones) {
    const c = z.clause;
    const b = body(c);
    const get = (n: string) => b.find((x) => clauseName(x) === n);
    const viewGet = (n: string) => (z.view ? viewIndex.get(z.view)?.get(n) : undefined) ?? optionOf(n);
    const key = `${z.view ? z.view.start : ''}|${z.cls}|${z.name}|${z.type === 'redirect' ? 'redirect' : ''}`;
    const prev = seen.get(key);
    if (prev) {
      if (rep.wants('named-duplicate-zone', z.nameItem.start))
        rep.add(
          'named-duplicate-zone',
          z.nameItem.start,
          z.nameItem.end,
          `Zone \`${z.nameItem.text}\` is already defined${z.view ? ' in this view' : ''} (line ${line(prev.nameItem.start)}).`,
        );
    } else seen.set(key, z);
    if (!c.items.some((i) => i.kind === 'block')) continue;
    if (!isValidDomainName(z.nameItem.text))
      rep.add(
        'named-invalid-value',
        z.nameItem.start,
        z.nameItem.end,
        `\`${z.nameItem.text}\` is not a valid zone name.`,
      );
    const inView = get('in-view');
    if (inView) {
      const others = b.filter((x) => !['in-view', 'forwarders', 'forward'].includes(clauseName(x)));
      if (others.length)
        rep.add(
          'named-conflicting-options',
          z.nameItem.start,
          z.nameItem.end,
          `Zone \`${z.nameItem.text}\` uses \`in-view\`, which takes no other zone options (found \`${clauseName(others[0]!)}\`).`,
        );
      const target = firstArg(inView);
      if (target) {
        const tv = viewNames.get(target.text);
        const ok = tv && tv.start < c.start && zoneNamesIn(tv).has(z.name);
        if (!ok)
          rep.add(
            'named-undefined-reference',
            target.start,
            target.end,
            `\`in-view\`: zone \`${z.nameItem.text}\` does not exist in view \`${target.text}\`, or that view is defined later.`,
          );
      }
      continue;
    }
    const typeClause = get('type');
    if (!typeClause) {
      rep.add(
        'named-zone-missing-type',
        z.nameItem.start,
        z.nameItem.end,
        `Zone \`${z.nameItem.text}\` has no \`type\`: add e.g. \`type primary;\` or \`type secondary;\`.`,
      );
      continue;
    }
    const t = z.type;
    const file = get('file');
    const hasDlz = !!get('dlz') || !!get('database');
    const inline = get('inline-signing');
    const inlineYes = ((): boolean => {
      const v = firstArg(inline);
      return !!v && ['yes', 'true', '1'].includes(v.text.toLowerCase());
    })();
    if (!file && !hasDlz && (t === 'primary' || t === 'hint' || (t === 'secondary' && inlineYes))) {
      rep.add(
        'named-zone-missing-file',
        z.nameItem.start,
        z.nameItem.end,
        `${t} zone \`${z.nameItem.text}\` has no \`file\`: add \`file "${z.name === '.' ? 'root' : z.name}.db";\`.`,
      );
    }
    const prim = get('primaries') ?? get('masters');
    if (get('primaries') && get('masters')) {
      const m = get('primaries')!;
      rep.add(
        'named-conflicting-options',
        m.start,
        m.start + 9,
        '`primaries` and `masters` are the same statement: keep only `primaries`.',
      );
    }
    if (!prim && (t === 'secondary' || t === 'stub' || (t === 'mirror' && z.name !== '.'))) {
      rep.add(
        'named-zone-missing-primaries',
        z.nameItem.start,
        z.nameItem.end,
        `${t} zone \`${z.nameItem.text}\` has no \`primaries\`: add \`primaries { 192.0.2.1; };\`.`,
      );
    }
    for (const pa of [get('parental-agents'), prim]) {
      if (!pa) continue;
      const bl = blocksOf(pa)[0];
      if (bl && bl.clauses.length === 0)
        rep.add(
          'named-invalid-value',
          z.nameItem.start,
          z.nameItem.end,
          `Zone \`${z.nameItem.text}\`: \`${clauseName(pa)}\` is empty: list at least one server.`,
        );
      if (bl)
        for (const e of bl.clauses) {
          const f = e.items[0];
          if (!f || f.kind !== 'word') continue;
          const list = remoteLists.get(canonical(f.text));
          if (list && blocksOf(list)[0] && blocksOf(list)[0]!.clauses.length === 0)
            rep.add(
              'named-empty-list-reference',
              z.nameItem.start,
              z.nameItem.end,
              `Zone \`${z.nameItem.text}\`: list \`${f.text}\` in \`${clauseName(pa)}\` is empty.`,
            );
        }
    }
    // writable files
    if (file) {
      const f = firstArg(file)?.text;
      const writable =
        t === 'secondary' ||
        t === 'mirror' ||
        t === 'stub' ||
        inlineYes ||
        !!get('update-policy') ||
        (!!get('allow-update') && !isNoneList(get('allow-update')!));
      if (f && writable) {
        const k = `${z.view ? z.view.start : ''}|${f}`;
        const other = files.get(k) ?? files.get(`|${f}`);
        if (other)
          rep.add(
            'named-conflicting-options',
            file.start,
            file.end,
            `File \`${f}\` is written by zone \`${other.nameItem.text}\` too (line ${line(other.nameItem.start)}): two zones cannot share a writable file.`,
          );
      }
      if (f) {
        const k = `${z.view ? z.view.start : ''}|${f}`;
        if (!files.has(k)) files.set(k, z);
      }
    }
    // mirror zones
    if (t === 'mirror') {
      const notify = firstArg(get('notify'));
      if (notify && !['no', 'false', '0', 'explicit'].includes(notify.text.toLowerCase())) {
        rep.add(
          'named-conflicting-options',
          z.nameItem.start,
          z.nameItem.end,
          `Mirror zone \`${z.nameItem.text}\` has \`notify ${notify.text}\`: mirror zones need \`notify no;\` or \`notify explicit;\`.`,
        );
      }
      const rec = viewGet('recursion');
      if (boolValue(rec) === false)
        rep.add(
          'named-conflicting-options',
          z.nameItem.start,
          z.nameItem.end,
          'Mirror zones cannot be used when recursion is disabled.',
        );
      const ar = viewGet('allow-recursion');
      if (
        ar &&
        blocksOf(ar)[0]?.clauses.length === 1 &&
        blocksOf(ar)[0]!.clauses[0]!.items.length === 1 &&
        (blocksOf(ar)[0]!.clauses[0]!.items[0] as WordItem).text === 'none'
      ) {
        rep.add(
          'named-conflicting-options',
          z.nameItem.start,
          z.nameItem.end,
          'Mirror zones cannot be used when recursion is disabled (`allow-recursion { none; }`).',
        );
      }
    }
    // secondary DNSSEC options need inline-signing
    if (t === 'secondary' && !inlineYes) {
      for (const n of ['dnssec-dnskey-kskonly', 'update-check-ksk', 'dnssec-loadkeys-interval']) {
        const o = get(n);
        if (o)
          rep.add(
            'named-conflicting-options',
            o.start,
            o.start + n.length,
            `\`${n}\` in a secondary zone requires \`inline-signing yes;\`.`,
          );
      }
    }
    // dnssec-policy
    if (t === 'primary' || t === 'secondary') {
      const own = get('dnssec-policy');
      const pol = own ?? viewGet('dnssec-policy');
      const pv = firstArg(pol);
      if (pv) {
        const pn = canonical(pv.text);
        if (!BUILTIN_POLICIES.includes(pn) && !policies.has(pn)) {
          if (!own)
            rep.add(
              'named-undefined-reference',
              z.nameItem.start,
              z.nameItem.end,
              `Zone \`${z.nameItem.text}\` inherits \`dnssec-policy ${pv.text}\`, which is not defined.`,
            );
        } else if (pn !== 'none') {
          const dynamic = !!get('update-policy') || (!!get('allow-update') && !isNoneList(get('allow-update')!));
          const inlineSet = inline ?? viewGet('inline-signing');
          if (!inlineSet && (t === 'secondary' || !dynamic)) {
            const at = own ? own : undefined;
            rep.add(
              'named-dnssec-policy-needs-signing',
              at ? at.start : z.nameItem.start,
              at ? at.start + 13 : z.nameItem.end,
              `Zone \`${z.nameItem.text}\` uses dnssec-policy without dynamic updates: add \`inline-signing yes;\` (or an \`allow-update\` / \`update-policy\`).`,
            );
          }
        }
      }
    }
    // update-policy
    const up = get('update-policy');
    if (up) checkUpdatePolicy(up, rep);
  }

  // catalog-zones / response-policy zones must be primary or secondary zones in the same view
  const scopes: Array<[Clause | undefined, Clause | undefined]> = [
    [undefined, options],
    ...views.map((v): [Clause, Clause] => [v, v]),
  ];
  // the zones a list may name, by name: those of its view, or (for options, when there are
  // views) those of every view; made only for a scope that has such a list (a file may hold
  // 100,000 views, or a list of 100,000 zones)
  const byName = (pool: readonly ZoneInfo[]): Map<string, ZoneInfo> => {
    const m = new Map<string, ZoneInfo>();
    for (const z of pool) {
      const prev = m.get(z.name);
      // a primary or secondary zone first, else the first of that name (as a scan would find)
      if (!prev || (!isPrimaryOrSecondary(prev) && isPrimaryOrSecondary(z))) m.set(z.name, z);
    }
    return m;
  };
  for (const [view, holder] of scopes) {
    if (!holder) continue;
    const hb = body(holder);
    let pool: Map<string, ZoneInfo> | undefined;
    for (const n of ['catalog-zones', 'response-policy']) {
      const c = hb.find((x) => clauseName(x) === n);
      if (!c) continue;
      const list = blocksOf(c)[0];
      if (!list) continue;
      pool ??= byName(!view && views.length ? zones.filter((z) => z.view) : zonesOf(view));
      const seenNames = new Set<string>();
      let count = 0;
      for (const e of list.clauses) {
        const zw = e.items[1];
        if (!zw || zw.kind !== 'word') continue;
        count++;
        if (n === 'response-policy' && count === 65)
          rep.add(
            'named-value-out-of-range',
            zw.start,
            zw.end,
            `More than 64 response policy zones: \`${zw.text}\` is the 65th.`,
          );
        const zn = canonical(zw.text);
        if (n === 'catalog-zones') {
          if (seenNames.has(zn))
            rep.add('named-duplicate-zone', zw.start, zw.end, `Catalog zone \`${zw.text}\` is listed twice.`);
          seenNames.add(zn);
          const dp = e.items.some((i) => i.kind === 'word' && i.text === 'default-primaries');
          const dm = e.items.some((i) => i.kind === 'word' && i.text === 'default-masters');
          if (dp && dm)
            rep.add(
              'named-conflicting-options',
              zw.start,
              zw.end,
              'A catalog zone cannot have both `default-primaries` and `default-masters`.',
            );
        }
        const target = pool.get(zn);
        if (!target || !isPrimaryOrSecondary(target)) {
          rep.add(
            'named-undefined-reference',
            zw.start,
            zw.end,
            `${n === 'catalog-zones' ? 'Catalog' : 'Response-policy'} zone \`${zw.text}\` is not a primary or secondary zone${view ? ' in this view' : ''}.`,
          );
        }
      }
    }
  }
  void tree;
}

function isPrimaryOrSecondary(z: ZoneInfo): boolean {
  return z.type === 'primary' || z.type === 'secondary';
}

function checkUpdatePolicy(up: Clause, rep: Reporter): void {
  const bl = blocksOf(up)[0];
  if (!bl) return;
  for (const e of bl.clauses) {
    const w = e.items.filter((i): i is WordItem => i.kind === 'word');
    if (w.length < 3) continue;
    const identity = w[1]!,
      rt = w[2]!;
    const ruleType = rt.text.toLowerCase();
    const nameField = ruleType === 'zonesub' ? undefined : w[3];
    const types = w.slice(ruleType === 'zonesub' ? 3 : 4);
    if (nameField) {
      const nf = nameField.text;
      if (['self', 'selfsub', 'selfwild'].includes(ruleType)) {
        if (canonical(nf) !== canonical(identity.text) && nf !== '.')
          rep.add(
            'named-update-policy',
            nameField.start,
            nameField.end,
            `For \`${ruleType}\` the name field must be the identity (\`${identity.text}\`) or \`.\`, not \`${nf}\`.`,
          );
      } else if (['krb5-self', 'ms-self', 'krb5-selfsub', 'ms-selfsub', 'tcp-self', '6to4-self'].includes(ruleType)) {
        if (nf !== '.')
          rep.add(
            'named-update-policy',
            nameField.start,
            nameField.end,
            `For \`${ruleType}\` the name field must be the placeholder \`.\`, not \`${nf}\`.`,
          );
      } else if (looksLikeType(nf)) {
        rep.add(
          'named-update-policy',
          nameField.start,
          nameField.end,
          `\`${ruleType}\` rules need a name field before the record types; \`${nf}\` is a record type.`,
        );
      } else if (ruleType === 'wildcard' && !(nf === '*' || nf.startsWith('*.'))) {
        rep.add(
          'named-update-policy',
          nameField.start,
          nameField.end,
          `\`${nf}\` is not a wildcard name (it must start with \`*.\`).`,
        );
      }
    }
    for (const t of types) {
      const open = t.text.indexOf('(');
      if (open < 0 || !t.text.endsWith(')')) continue;
      const count = t.text.slice(open + 1, -1);
      if (!/^\d{1,10}$/.test(count))
        rep.add(
          'named-update-policy',
          t.start,
          t.end,
          `\`(${count.slice(0, 20)})\` is not a valid count: write a plain number, e.g. \`PTR(10)\`.`,
        );
    }
  }
}

const RRTYPES = new Set([
  'a',
  'aaaa',
  'txt',
  'ptr',
  'srv',
  'mx',
  'cname',
  'ns',
  'soa',
  'any',
  'ds',
  'dnskey',
  'key',
  'tlsa',
  'caa',
  'naptr',
  'sshfp',
  'hinfo',
  'rp',
  'loc',
  'spf',
  'dname',
  'https',
  'svcb',
  'cds',
  'cdnskey',
  'nsec',
  'nsec3',
  'rrsig',
  'openpgpkey',
  'uri',
  'afsdb',
  'x25',
  'isdn',
  'wks',
  'minfo',
  'mb',
  'mg',
  'mr',
  'null',
]);
function looksLikeType(t: string): boolean {
  const paren = t.indexOf('(');
  const l = (paren >= 0 ? t.slice(0, paren) : t).toLowerCase();
  return RRTYPES.has(l) || /^type\d+$/.test(l);
}

/** Seconds in a TTL-style (`1w2d`) or ISO 8601 (`P1DT2H`) duration; undefined if neither. */
export function durationSeconds(t: string): number | undefined {
  const u: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  if (t.length > 64) return undefined;
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d/.test(t)) {
    // TTL style: number-unit pairs, scanned by hand
    let n = 0;
    let num = '';
    for (const ch of t.toLowerCase()) {
      if (ch >= '0' && ch <= '9') num += ch;
      else if (u[ch] !== undefined && num) {
        n += Number(num) * u[ch]!;
        num = '';
      } else return undefined;
    }
    return num ? undefined : n;
  }
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(t);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return n(1) * 31536000 + n(2) * 2592000 + n(3) * 604800 + n(4) * 86400 + n(5) * 3600 + n(6) * 60 + n(7);
}

/** `allow-update { none; };` and the like: a list that allows nobody. */
export function isNoneList(c: Clause): boolean {
  const b = blocksOf(c)[0];
  if (!b) return false;
  return b.clauses.every(
    (e) =>
      e.items.length === 1 && e.items[0]!.kind === 'word' && (e.items[0] as WordItem).text.toLowerCase() === 'none',
  );
}
