/**
 * The names of a zone as named's database holds them, for the checks that look a name up: each
 * owner's types by a key that compares names as DNS does (escapes decoded, ASCII case folded),
 * and every node of the tree, the empty ones between an owner and the apex included (RFC 4592
 * §2.2.2 "empty non-terminals"). Built in one pass; each lookup walks the labels of one name.
 */
import { IN_CLASS, type NameTable, type Placed } from './placed';

export interface ZoneIndex {
  /** The apex's key. */
  readonly apex: string;
  /** The table the keys are names of. */
  readonly names: NameTable;
  /**
   * Per key's name id: the types it owns that the lookups ask for (class IN), whether it owns any,
   * whether it lies above owners (the empty non-terminals, the apex too).
   */
  bits: Int32Array;
}

/** The bits of a ZoneIndex. */
export const T_A = 1;
export const T_AAAA = 2;
export const T_CNAME = 4;
export const T_NS = 8;
export const T_DNAME = 16;
export const OWNS = 32;
export const BETWEEN = 64;
const TYPE_BITS: Readonly<Record<string, number>> = { A: T_A, AAAA: T_AAAA, CNAME: T_CNAME, NS: T_NS, DNAME: T_DNAME };

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
  // `.apex` at the end, compared in place (no string made per name)
  if (k.length <= apex.length || !k.endsWith(apex) || k.charCodeAt(k.length - apex.length - 1) !== 0x2e) return false;
  // the dot before the apex must split labels, not be an escaped one
  let slashes = 0;
  for (let i = k.length - apex.length - 2; i >= 0 && k[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/** The rows that are the zone's data (class IN, owner in the zone), each with its owner's key's name id. */
export interface ZoneRows {
  readonly rows: Int32Array;
  readonly keys: Int32Array;
}

/** The records that are the zone's data, each with its owner's key. */
export function keyRecords(placed: Placed, apex: string): ZoneRows {
  const { names, size, flags, owner } = placed;
  const n = names.size;
  // per owner's name id: its key's id + 1 (0: not yet made), and -1 when outside the zone
  const keyOf = new Int32Array(n);
  const rows = new Int32Array(size);
  const keys = new Int32Array(size);
  let m = 0;
  for (let j = 0; j < size; j++) {
    if (!(flags[j]! & IN_CLASS)) continue;
    const o = owner[j]!;
    let k = keyOf[o]!;
    if (k === 0) {
      const text = names.text[o]!;
      const key = nameKey(text);
      k = keyInZone(key, apex) ? (key === text ? o : names.id(key)) + 1 : -1;
      keyOf[o] = k;
    }
    if (k < 0) continue;
    rows[m] = j;
    keys[m++] = k - 1;
  }
  return { rows: rows.subarray(0, m), keys: keys.subarray(0, m) };
}

/** The bits of key `k` (a key as a string). */
export function bitsOf(ix: ZoneIndex, k: string): number {
  const id = ix.names.find(k);
  return id < 0 || id >= ix.bits.length ? 0 : ix.bits[id]!;
}

export function buildIndex(placed: Placed, zr: ZoneRows, apex: string): ZoneIndex {
  const { names } = placed;
  const typeBits = placed.perType((t) => TYPE_BITS[t] ?? 0);
  let bits = new Int32Array(names.size * 2 + 16);
  const at = (id: number) => {
    if (id >= bits.length) {
      const b = new Int32Array(Math.max(id + 1, bits.length * 2));
      b.set(bits);
      bits = b;
    }
    return id;
  };
  const a = at(names.id(apex));
  bits[a] = bits[a]! | BETWEEN;
  const { rows, keys } = zr;
  // the parent of the owner before: owners in a row often share theirs (`host1`, `host2` ...)
  let lastParent: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const k = keys[i]!;
    const t = typeBits[placed.type[rows[i]!]!]!;
    if (bits[k]! & OWNS) {
      bits[k] = bits[k]! | t;
      continue;
    }
    bits[k] = bits[k]! | OWNS | t;
    // most owners lie right below the apex, which is marked already: no parent's text to make
    const own = names.text[k]!;
    const cut = own.length - apex.length - 1;
    if (cut > 0 && own.endsWith(apex) && own.charCodeAt(cut) === 0x2e && firstDot(own) === cut) continue;
    const up = parentKey(own);
    if (up !== undefined && up === lastParent) continue;
    lastParent = up;
    // the names above a new owner, up to one known (whose own ancestors are known already)
    for (let n = up; n !== undefined; n = parentKey(n)) {
      const id = at(names.id(n));
      if (bits[id]! & (OWNS | BETWEEN)) break;
      bits[id] = bits[id]! | BETWEEN;
    }
  }
  return { apex, names, bits };
}

/** Whether a name exists in the zone: it owns records, or records are below it. */
const exists = (ix: ZoneIndex, k: string) => (bitsOf(ix, k) & (OWNS | BETWEEN)) !== 0;

/** What looking up a name's address in the zone finds, as named's database answers it. */
export type AddressLookup =
  | { readonly kind: 'found' | 'delegated' | 'outside' | 'unsure' }
  | { readonly kind: 'no-address' | 'cname' }
  | { readonly kind: 'dname'; readonly at: string };

function atNode(ix: ZoneIndex, k: string): AddressLookup {
  const t = bitsOf(ix, k);
  if (t & T_CNAME) return { kind: 'cname' };
  return t & (T_A | T_AAAA) ? { kind: 'found' } : { kind: 'no-address' };
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
    const t = bitsOf(ix, k);
    if (!(t & OWNS)) continue;
    if (k !== ix.apex && t & T_NS) return { kind: 'delegated' };
    if (i > 0 && t & T_DNAME) return { kind: 'dname', at: k };
  }
  if (exists(ix, name)) return atNode(ix, name);
  const encloser = chain.find((k, i) => i > 0 && exists(ix, k)) ?? ix.apex;
  const wild = encloser === '.' ? '*.' : `*.${encloser}`;
  const w = bitsOf(ix, wild);
  if (w & OWNS) return atNode(ix, wild);
  // a wildcard node with data only below it: not worth a verdict
  if (w & BETWEEN) return { kind: 'unsure' };
  return { kind: 'no-address' };
}
