/**
 * The grammar engine: looks clauses up in the tables (data/clauses.ts), compiles each
 * clause's documented syntax (`allow-transfer [ port <integer> ] { <address_match_element>; ... }`)
 * into a small pattern tree, and matches a clause's items against it.
 */
import { ipv4HostBitsSet, isIPv4, isIPv6WithZone } from '../common/ip';
import { dict } from '../common/text';
import { CLAUSES } from './data/clauses';
import type { ClauseDef, ContextId } from './data/types';

/** Which context a block opens, per enclosing context and clause name. */
export const CONTEXT_OF_BLOCK: Partial<Record<ContextId, Record<string, ContextId>>> = {
  top: {
    options: 'options',
    view: 'view',
    zone: 'zone',
    logging: 'logging',
    key: 'key',
    server: 'server',
    tls: 'tls',
    http: 'http',
    'dnssec-policy': 'dnssec-policy',
    dlz: 'dlz',
    controls: 'controls',
    'statistics-channels': 'statistics-channels',
  },
  options: { 'rate-limit': 'rate-limit', dns64: 'dns64' },
  view: { zone: 'zone', key: 'key', server: 'server', 'rate-limit': 'rate-limit', dns64: 'dns64', dlz: 'dlz' },
  logging: { channel: 'channel' },
};

const CONTEXT_LABEL: Record<ContextId, string> = {
  top: 'the top level',
  options: '`options`',
  view: '`view`',
  zone: '`zone`',
  logging: '`logging`',
  channel: 'a logging `channel`',
  key: '`key`',
  server: '`server`',
  tls: '`tls`',
  http: '`http`',
  'dnssec-policy': '`dnssec-policy`',
  'rate-limit': '`rate-limit`',
  dns64: '`dns64`',
  dlz: '`dlz`',
  controls: '`controls`',
  'statistics-channels': '`statistics-channels`',
};
/** How messages and hovers name a context. */
export function contextLabel(c: ContextId): string {
  return CONTEXT_LABEL[c];
}

const INDEX = new Map<ContextId, Map<string, ClauseDef>>();
const ALL_NAMES = new Set<string>();
for (const [ctx, defs] of Object.entries(CLAUSES) as Array<[ContextId, readonly ClauseDef[]]>) {
  const m = new Map<string, ClauseDef>();
  for (const d of defs) {
    m.set(d.name, d);
    ALL_NAMES.add(d.name);
  }
  INDEX.set(ctx, m);
}

export function clauseIn(ctx: ContextId, name: string): ClauseDef | undefined {
  return INDEX.get(ctx)?.get(name);
}

export function isClauseAnywhere(name: string): boolean {
  return ALL_NAMES.has(name);
}

export function clausesOf(ctx: ContextId): readonly ClauseDef[] {
  return CLAUSES[ctx];
}

/** Contexts (other than `except`) where a name is a statement. Remembered per name: do not change the list. */
export function contextsOf(name: string): readonly ContextId[] {
  let out = contextsCache.get(name);
  if (!out) {
    const found: ContextId[] = [];
    for (const [ctx, m] of INDEX) if (m.has(name)) found.push(ctx);
    if (contextsCache.size >= 4096) contextsCache.clear();
    contextsCache.set(name, (out = found));
  }
  return out;
}
const contextsCache = new Map<string, readonly ContextId[]>();

// ---------------------------------------------------------------------------------------
// Syntax patterns

export type Pat =
  | { readonly k: 'kw'; readonly text: string }
  | { readonly k: 'type'; readonly name: string }
  | { readonly k: 'seq'; readonly items: readonly Pat[] }
  | { readonly k: 'alt'; readonly options: readonly Pat[] }
  | { readonly k: 'opt'; readonly item: Pat }
  | { readonly k: 'list'; readonly elem: Pat }
  | { readonly k: 'map' }
  | { readonly k: 'text' };

function lexSyntax(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if ('()[]{}|;'.includes(c)) {
      out.push(c);
      i++;
      continue;
    }
    if (c === '<') {
      const j = s.indexOf('>', i);
      out.push(s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !' \t()[]{}|;<'.includes(s[j]!)) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/** Compile a documented syntax into a pattern; the clause name (first token) is dropped. */
export function compileSyntax(syntax: string): Pat {
  const toks = lexSyntax(syntax).slice(1);
  let p = 0;
  const seq = (stop: string[]): Pat => {
    const items: Pat[] = [];
    while (p < toks.length && !stop.includes(toks[p]!)) {
      const t = toks[p]!;
      if (t === '(') {
        p++;
        const options: Pat[] = [seq([')', '|'])];
        while (toks[p] === '|') {
          p++;
          options.push(seq([')', '|']));
        }
        p++; // )
        items.push({ k: 'alt', options });
      } else if (t === '[') {
        p++;
        const item = seq([']']);
        p++;
        items.push({ k: 'opt', item });
      } else if (t === '{') {
        p++;
        if (toks[p] === '...' && toks[p + 1] === '}') {
          p += 2;
          items.push({ k: 'map' });
        } else if (toks[p] === '<unspecified-text>') {
          p += 2;
          items.push({ k: 'text' });
        } else {
          const elem = seq([';', '}']);
          // `; ... }`
          while (p < toks.length && toks[p] !== '}') p++;
          p++;
          items.push({ k: 'list', elem });
        }
      } else if (t.startsWith('<')) {
        items.push({ k: 'type', name: t.slice(1, -1) });
        p++;
      } else if (t === ';') {
        p++;
      } else {
        items.push({ k: 'kw', text: t });
        p++;
      }
    }
    return items.length === 1 ? items[0]! : { k: 'seq', items };
  };
  return seq([]);
}

/** Statements whose documented syntax is stricter than what BIND 9.18 really parses. */
const SYNTAX_OVERRIDES: Record<string, string> = dict({
  'notify-source': 'x ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'transfer-source': 'x ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'alt-transfer-source': 'x ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'parental-source': 'x ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'notify-source-v6': 'x ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'transfer-source-v6': 'x ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'alt-transfer-source-v6': 'x ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'parental-source-v6': 'x ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
  'query-source': 'x <querysource4>',
  'query-source-v6': 'x <querysource6>',
  'response-policy': 'x { zone <string> <any-words>; ... } <any-words>',
  'listen-on': 'x <any-words> { <address_match_element>; ... }',
  'listen-on-v6': 'x <any-words> { <address_match_element>; ... }',
});

/** Keywords that may continue a statement (so a line starting with one is not a new statement). */
const kwCache = new WeakMap<ClauseDef, Set<string>>();
export function keywordsOf(def: ClauseDef): Set<string> {
  let s = kwCache.get(def);
  if (s) return s;
  s = new Set<string>();
  const p = patternOf(def);
  const visit = (q: Pat): void => {
    if (q.k === 'kw') s!.add(q.text.toLowerCase());
    else if (q.k === 'seq') q.items.forEach(visit);
    else if (q.k === 'alt') q.options.forEach(visit);
    else if (q.k === 'opt') visit(q.item);
    else if (q.k === 'list') visit(q.elem);
    else if (q.k === 'type' && (q.name === 'querysource4' || q.name === 'querysource6'))
      ['address', 'port', 'dscp'].forEach((w) => s!.add(w));
    else if (q.k === 'type' && q.name === 'any-words') s!.add('*');
  };
  if (p) visit(p);
  kwCache.set(def, s);
  return s;
}

const compiled = new WeakMap<ClauseDef, Pat | null>();
export function patternOf(def: ClauseDef): Pat | null {
  let p = compiled.get(def);
  if (p !== undefined) return p;
  const over =
    def.override ??
    (def.type === 'server_key_kludge' ? 'x ( <string> | { <string>; ... } )' : SYNTAX_OVERRIDES[def.name]);
  const syn = over ?? def.syntax;
  p = syn ? compileSyntax(syn) : null;
  compiled.set(def, p);
  return p;
}

// ---------------------------------------------------------------------------------------
// Primitive value types

export interface Tokenish {
  readonly text: string;
  readonly quoted: boolean;
}

const BOOL = new Set(['yes', 'no', 'true', 'false', '1', '0']);
const ISO = /^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/i;
const TTL = /^(?:\d+[wdhms])+$|^\d+$/i;

export function isBoolean(t: string): boolean {
  return BOOL.has(t.toLowerCase());
}
export function isInteger(t: string): boolean {
  return /^\d{1,10}$/.test(t) && Number(t) <= 4294967295;
}
export function isDuration(t: string): boolean {
  if (t.length > 40) return false;
  if (/^p/i.test(t)) return t.length > 1 && ISO.test(t) && !/T$/i.test(t);
  return TTL.test(t);
}
export function isSizeval(t: string): boolean {
  return /^\d{1,20}[kmg]?$/i.test(t);
}
export function isPercentage(t: string): boolean {
  return /^\d{1,10}%$/.test(t);
}
export function isFixedpoint(t: string): boolean {
  return /^\d{1,5}(?:\.\d{1,2})?$/.test(t);
}
/**
 * An address or prefix as BIND reads it in address match lists and `server`:
 * `10.0.0.1`, `10/8`, `192.168.1.0/24`, `2001:db8::/32`. Returns an error message or ''.
 */
export function checkNetprefix(t: string): string {
  const slash = t.indexOf('/');
  const addr = slash >= 0 ? t.slice(0, slash) : t;
  const lenText = slash >= 0 ? t.slice(slash + 1) : undefined;
  if (addr.includes(':')) {
    if (!isIPv6WithZone(addr)) return `\`${t}\` is not a valid IPv6 address or prefix`;
    if (lenText !== undefined && (!/^\d{1,3}$/.test(lenText) || Number(lenText) > 128))
      return `\`${t}\`: an IPv6 prefix length is 0 to 128`;
    return '';
  }
  const octets = addr.split('.');
  if (octets.length > 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255))
    return `\`${t}\` is not a valid IPv4 address or prefix`;
  if (lenText === undefined) {
    return octets.length < 4
      ? `\`${t}\` is an incomplete IPv4 address: write all four octets, or add a prefix length (\`${addr}/${octets.length * 8}\`)`
      : '';
  }
  if (!/^\d{1,2}$/.test(lenText) || Number(lenText) > 32) return `\`${t}\`: an IPv4 prefix length is 0 to 32`;
  const len = Number(lenText);
  const value = octets.reduce((v, o) => v * 256 + Number(o), 0) * 256 ** (4 - octets.length);
  if (ipv4HostBitsSet(value, len))
    return `\`${t}\`: address and prefix length /${len} do not match (bits are set past the prefix)`;
  return '';
}

export function looksLikeAddress(t: string): boolean {
  return /^\d/.test(t) || (/^[0-9a-f]*:[0-9a-f:.%\w/-]*$/i.test(t) && t.includes(':'));
}

const SEVERITIES = new Set(['critical', 'error', 'warning', 'notice', 'info', 'dynamic']);
const CLASSES = /^(?:in|ch|chaos|hs|hesiod|any|none|class\d+)$/i;

/** Human description of a type, for messages. */
export function describeType(name: string): string {
  switch (name) {
    case 'boolean':
      return 'a boolean (`yes` or `no`)';
    case 'integer':
      return 'an integer';
    case 'duration':
      return 'a duration (a TTL such as `1h30m` or ISO 8601 such as `PT1H`)';
    case 'duration_or_unlimited':
      return 'a duration or `unlimited`';
    case 'sizeval':
      return 'a size (an integer with an optional unit: `k`, `m` or `g`)';
    case 'size':
      return 'a size such as `64m`, `default` or `unlimited`';
    case 'percentage':
      return 'a percentage such as `90%`';
    case 'fixedpoint':
      return 'a fixed-point number such as `0.5`';
    case 'ipv4_address':
      return 'an IPv4 address';
    case 'ipv6_address':
      return 'an IPv6 address';
    case 'netprefix':
      return 'an address or prefix such as `192.0.2.0/24`';
    case 'quoted_string':
      return 'a quoted string';
    case 'string':
      return 'a name or string';
    case 'class':
      return 'a DNS class (`IN`, `CH` or `HS`)';
    case 'log_severity':
      return 'a severity (`critical`, `error`, `warning`, `notice`, `info`, `debug [level]` or `dynamic`)';
    case 'portrange':
      return 'a port or `range <low> <high>`';
    case 'address_match_element':
      return 'an address match element';
    default:
      return `\`<${name}>\``;
  }
}

/** Items as seen by the matcher: a word/string, or a `{ }` block. */
export type MItem = ({ readonly kind: 'word' } & Tokenish) | { readonly kind: 'block' };

/** Positions after matching a primitive type at k (empty: no match). */
export function matchType(name: string, items: readonly MItem[], k: number): number[] {
  const it = items[k];
  if (name === 'any-words') {
    const ends = [k];
    let j = k;
    while (j < items.length && items[j]!.kind === 'word') ends.push(++j);
    return ends.reverse();
  }
  if (name === 'rrtypelist') {
    const ends = [k];
    let j = k;
    while (j < items.length && items[j]!.kind === 'word') ends.push(++j);
    return ends;
  }
  if (name === 'querysource4' || name === 'querysource6') {
    // `[address] (addr | *)`, `port (n | *)`, `dscp n`, in any order (BIND 9.18 reads them so)
    const isAddr = name === 'querysource4' ? isIPv4 : isIPv6WithZone;
    let j = k;
    let seenAddr = false;
    while (j < items.length) {
      const w = items[j]!;
      if (w.kind !== 'word') return [];
      const l = w.text.toLowerCase();
      const v = items[j + 1];
      const vt = v && v.kind === 'word' ? v.text : undefined;
      if (l === 'address') {
        if (vt === undefined || !(vt === '*' || isAddr(vt))) return [];
        seenAddr = true;
        j += 2;
      } else if (l === 'port') {
        if (vt === undefined || !(vt === '*' || isInteger(vt))) return [];
        j += 2;
      } else if (l === 'dscp') {
        if (vt === undefined || !isInteger(vt)) return [];
        j += 2;
      } else if (!seenAddr && (l === '*' || isAddr(w.text))) {
        seenAddr = true;
        j++;
      } else return [];
    }
    return j > k ? [j] : [];
  }
  if (!it || it.kind !== 'word') return [];
  const t = it.text;
  const w = !it.quoted;
  switch (name) {
    case 'boolean':
      return isBoolean(t) ? [k + 1] : [];
    case 'integer':
      return w && isInteger(t) ? [k + 1] : [];
    case 'duration':
      return isDuration(t) ? [k + 1] : [];
    case 'duration_or_unlimited':
      return isDuration(t) || t.toLowerCase() === 'unlimited' ? [k + 1] : [];
    case 'sizeval':
      return isSizeval(t) ? [k + 1] : [];
    case 'size':
      return isSizeval(t) || /^(default|unlimited)$/i.test(t) ? [k + 1] : [];
    case 'percentage':
      return isPercentage(t) ? [k + 1] : [];
    case 'fixedpoint':
      return isFixedpoint(t) ? [k + 1] : [];
    case 'ipv4_address':
      return isIPv4(t) ? [k + 1] : [];
    case 'ipv6_address':
      return isIPv6WithZone(t) ? [k + 1] : [];
    case 'netprefix':
      return checkNetprefix(t) === '' ? [k + 1] : [];
    case 'quoted_string':
      return it.quoted ? [k + 1] : [];
    case 'class':
      return CLASSES.test(t) ? [k + 1] : [];
    case 'log_severity': {
      const l = t.toLowerCase();
      if (SEVERITIES.has(l)) return [k + 1];
      if (l === 'debug') {
        const n = items[k + 1];
        return n && n.kind === 'word' && isInteger(n.text) ? [k + 2, k + 1] : [k + 1];
      }
      return [];
    }
    case 'portrange': {
      if (t.toLowerCase() === 'range') {
        const a = items[k + 1],
          b = items[k + 2];
        return a && b && a.kind === 'word' && b.kind === 'word' && isInteger(a.text) && isInteger(b.text)
          ? [k + 3]
          : [];
      }
      return isInteger(t) || t === '*' ? [k + 1] : [];
    }
    // names, strings, lists of names, keys ...: any string, and any word BIND does not cut (its
    // lexer ends a word at `/`, so `10.1.1.1/24` where a name or address goes fails named-checkconf)
    default:
      return w && t.includes('/') ? [] : [k + 1];
  }
}

export interface MatchFailure {
  /** Index of the item where matching could go no further. */
  readonly at: number;
  readonly expected: readonly string[];
}

export interface ListUse {
  readonly at: number;
  readonly elem: Pat;
}

interface State {
  readonly end: number;
  readonly lists: readonly ListUse[];
}

interface Ctx {
  readonly items: readonly MItem[];
  /**
   * Whether to note what was expected where matching failed. The states a match reaches do not
   * depend on it, so a match runs without it and runs again with it only when it fails.
   */
  readonly record: boolean;
  far: number;
  expected: Set<string>;
}

function fail(c: Ctx, at: number, what: string): void {
  if (at > c.far) {
    c.far = at;
    c.expected = new Set([what]);
  } else if (at === c.far) c.expected.add(what);
}

function dedupe(states: State[]): State[] {
  if (states.length < 2) return states;
  if (states.length === 2) return states[0]!.end === states[1]!.end ? [states[0]!] : states;
  const seen = new Set<number>();
  return states.filter((s) => (seen.has(s.end) ? false : (seen.add(s.end), true)));
}

/** Whether two first characters, both ASCII, differ in lower case (a cheap test before toLowerCase). */
export function asciiDiffer(x: number, y: number): boolean {
  return x < 128 && y < 128 && (x | 0x20) !== (y | 0x20);
}

function run(p: Pat, c: Ctx, st: State): State[] {
  const k = st.end;
  switch (p.k) {
    case 'kw': {
      const it = c.items[k];
      if (
        it &&
        it.kind === 'word' &&
        it.text.length === p.text.length &&
        !asciiDiffer(it.text.charCodeAt(0), p.text.charCodeAt(0)) &&
        it.text.toLowerCase() === p.text.toLowerCase()
      )
        return [{ end: k + 1, lists: st.lists }];
      if (c.record && k >= c.far) fail(c, k, `\`${p.text}\``);
      return [];
    }
    case 'type': {
      const ends = matchType(p.name, c.items, k);
      if (!ends.length) {
        if (c.record && k >= c.far) fail(c, k, describeType(p.name));
        return [];
      }
      if (ends.length === 1) return [{ end: ends[0]!, lists: st.lists }];
      return ends.map((e) => ({ end: e, lists: st.lists }));
    }
    case 'seq': {
      let cur: State[] = [st];
      for (const sub of p.items) {
        let next: State[];
        if (cur.length === 1) next = run(sub, c, cur[0]!);
        else {
          next = [];
          for (const s of cur) for (const r of run(sub, c, s)) next.push(r);
        }
        cur = dedupe(next);
        if (!cur.length) return [];
      }
      return cur;
    }
    case 'alt': {
      const out: State[] = [];
      for (const o of p.options) for (const r of run(o, c, st)) out.push(r);
      return dedupe(out);
    }
    case 'opt': {
      const r = run(p.item, c, st);
      if (r.length === 0) return [st];
      r.push(st);
      return dedupe(r);
    }
    case 'list': {
      const it = c.items[k];
      if (it && it.kind === 'block') return [{ end: k + 1, lists: [...st.lists, { at: k, elem: p.elem }] }];
      if (c.record && k >= c.far) fail(c, k, 'a `{ ... }` list');
      return [];
    }
    case 'map':
    case 'text': {
      const it = c.items[k];
      if (it && it.kind === 'block') return [{ end: k + 1, lists: st.lists }];
      if (c.record && k >= c.far) fail(c, k, '`{`');
      return [];
    }
  }
}

export type MatchResult = { ok: true; lists: readonly ListUse[] } | { ok: false; failure: MatchFailure };

const NOT_RECORDED: Set<string> = new Set();
const NO_LISTS: readonly ListUse[] = [];

/** Match items (the clause name already removed) against a pattern, completely. */
export function matchPattern(p: Pat, items: readonly MItem[]): MatchResult {
  if (items.length > 400) return { ok: true, lists: [] };
  // (without record, nothing is added to expected: one empty set serves every call)
  const states = run(p, { items, record: false, far: -1, expected: NOT_RECORDED }, { end: 0, lists: NO_LISTS });
  const full = states.find((s) => s.end === items.length);
  if (full) return { ok: true, lists: full.lists };
  const c: Ctx = { items, record: true, far: -1, expected: new Set() };
  run(p, c, { end: 0, lists: [] });
  const best = states.reduce((m, s) => Math.max(m, s.end), -1);
  if (best > c.far) return { ok: false, failure: { at: best, expected: ['`;`'] } };
  return { ok: false, failure: { at: c.far, expected: [...c.expected] } };
}
