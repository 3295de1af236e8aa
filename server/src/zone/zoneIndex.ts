/**
 * The names of a zone as named's database holds them, for the checks that look a name up: each
 * owner's types by a key that compares names as DNS does (escapes decoded, ASCII case folded),
 * and every node of the tree, the empty ones between an owner and the apex included (RFC 4592
 * §2.2.2 "empty non-terminals"). Built in one pass; each lookup walks the labels of one name.
 */
import type { PlacedRecord } from './zoneChecks';

export interface ZoneIndex {
  /** The apex's key. */
  readonly apex: string;
  /** The types at each owner in the zone (class IN), by key. */
  readonly types: ReadonlyMap<string, readonly string[]>;
  /** The names above owners that own nothing themselves (empty non-terminals), the apex too, by key. */
  readonly between: ReadonlySet<string>;
}

const lowerAscii = (c: string) => (c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) + 32) : c);

/**
 * The key of an absolute name: `\DDD` and `\X` decoded, ASCII letters lower-cased, and a dot or
 * backslash inside a label written `\.` or `\\` again, so that the unescaped dots split labels.
 */
export function nameKey(abs: string): string {
  if (!abs.includes('\\')) return /[A-Z]/.test(abs) ? abs.replace(/[A-Z]/g, lowerAscii) : abs;
  let out = '';
  for (let i = 0; i < abs.length; i++) {
    const c = abs[i]!;
    if (c !== '\\') {
      out += lowerAscii(c);
      continue;
    }
    const d = /^\d{3}/.exec(abs.slice(i + 1, i + 4));
    let ch: string;
    if (d) {
      ch = String.fromCharCode(Number(d[0]) & 0xff);
      i += 3;
    } else {
      ch = abs[i + 1] ?? '';
      i += 1;
    }
    out += ch === '.' || ch === '\\' ? `\\${ch}` : lowerAscii(ch);
  }
  return out;
}

/** Where the first label of a key ends (its unescaped dot), or -1 for the root. */
function firstDot(k: string): number {
  for (let i = 0; i < k.length; i++) {
    if (k[i] === '\\') i++;
    else if (k[i] === '.') return i;
  }
  return -1;
}

/** The key of the parent name, or undefined for the root. */
export function parentKey(k: string): string | undefined {
  if (k === '.') return undefined;
  const i = firstDot(k);
  if (i < 0) return undefined;
  return i === k.length - 1 ? '.' : k.slice(i + 1);
}

/** The first label of a key, escapes decoded. */
export function firstLabel(k: string): string {
  const i = firstDot(k);
  return (i < 0 ? k : k.slice(0, i)).replace(/\\(.)/g, '$1');
}

/** Whether key `k` is `apex` or below it. */
export function keyInZone(k: string, apex: string): boolean {
  if (apex === '.' || k === apex) return true;
  if (!k.endsWith(`.${apex}`)) return false;
  // the dot before the apex must split labels, not be an escaped one
  let slashes = 0;
  for (let i = k.length - apex.length - 2; i >= 0 && k[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/** Whether a record counts as zone data of class IN (other classes are refused elsewhere). */
export const isInClass = (p: PlacedRecord): boolean => p.inClass;

/** A record of the zone (class IN, owner in the zone) with its owner's key. */
export interface KeyedRecord {
  readonly p: PlacedRecord;
  readonly k: string;
}

/** The records that are the zone's data, each with its owner's key. */
export function keyRecords(records: readonly PlacedRecord[], apex: string): KeyedRecord[] {
  const out: KeyedRecord[] = [];
  // records of one owner share its strings: its key is made once
  let owner: string | undefined;
  let k = '';
  let inZone = false;
  for (const p of records) {
    if (!p.inClass) continue;
    if (p.owner !== owner) {
      owner = p.owner;
      k = nameKey(p.owner);
      inZone = keyInZone(k, apex);
    }
    if (inZone) out.push({ p, k });
  }
  return out;
}

export function buildIndex(records: readonly KeyedRecord[], apex: string): ZoneIndex {
  const types = new Map<string, string[]>();
  const between = new Set<string>([apex]);
  for (const { p, k } of records) {
    const list = types.get(k);
    if (list) {
      if (!list.includes(p.type)) list.push(p.type);
      continue;
    }
    types.set(k, [p.type]);
    // the names above a new owner, up to one known (whose own ancestors are known already)
    for (let n = parentKey(k); n !== undefined && !types.has(n) && !between.has(n); n = parentKey(n)) between.add(n);
  }
  return { apex, types, between };
}

/** Whether a name exists in the zone: it owns records, or records are below it. */
const exists = (ix: ZoneIndex, k: string) => ix.types.has(k) || ix.between.has(k);

/** What looking up a name's address in the zone finds, as named's database answers it. */
export type AddressLookup =
  | { readonly kind: 'found' | 'delegated' | 'outside' | 'unsure' }
  | { readonly kind: 'no-address' | 'cname' }
  | { readonly kind: 'dname'; readonly at: string };

function atNode(ix: ZoneIndex, k: string): AddressLookup {
  const t = ix.types.get(k);
  if (t?.includes('CNAME')) return { kind: 'cname' };
  return t?.includes('A') || t?.includes('AAAA') ? { kind: 'found' } : { kind: 'no-address' };
}

/**
 * Looks up the A/AAAA records of `name` (a key) the way named does before it serves a zone: a
 * delegation on the way (or at the name) ends the search, a DNAME above the name redirects it,
 * a name that does not exist may be covered by the wildcard of its closest encloser.
 */
export function lookupAddress(ix: ZoneIndex, name: string): AddressLookup {
  if (!keyInZone(name, ix.apex)) return { kind: 'outside' };
  const chain: string[] = [];
  for (let k: string | undefined = name; k !== undefined; k = parentKey(k)) {
    chain.push(k);
    if (k === ix.apex) break;
  }
  if (chain[chain.length - 1] !== ix.apex) return { kind: 'unsure' };
  for (let i = chain.length - 1; i >= 0; i--) {
    const k = chain[i]!;
    const t = ix.types.get(k);
    if (!t) continue;
    if (k !== ix.apex && t.includes('NS')) return { kind: 'delegated' };
    if (i > 0 && t.includes('DNAME')) return { kind: 'dname', at: k };
  }
  if (exists(ix, name)) return atNode(ix, name);
  const encloser = chain.find((k, i) => i > 0 && exists(ix, k)) ?? ix.apex;
  const wild = encloser === '.' ? '*.' : `*.${encloser}`;
  if (ix.types.has(wild)) return atNode(ix, wild);
  // a wildcard node with data only below it: not worth a verdict
  if (ix.between.has(wild)) return { kind: 'unsure' };
  return { kind: 'no-address' };
}
