/** What the checks and features read from clauses: zone types, first arguments, booleans, names, durations. */
import { ttlSeconds } from '../common/ttl';
import { blocksOf, hasBlock, itemAt, sub, subs, type Clause, type WordItem } from './tree';
import { isBoolean } from './grammar';
import type { ZoneType } from './data/types';
import { ZONE_TYPES } from './data/keywords';
import { NAME_KINDS, type NameKind } from './data/names';
import { CURLY_DOUBLE } from '../common/quotes';

/** A word in curly quotes (“name”): BIND reads the quotes as characters of the word. */
export function isCurly(w: WordItem): boolean {
  return !w.quoted && w.text.length > 0 && CURLY_DOUBLE.has(w.text.charCodeAt(0));
}

export function normalizeZoneType(t: string): ZoneType | undefined {
  const l = t.toLowerCase();
  if (l === 'master') return 'primary';
  if (l === 'slave') return 'secondary';
  return (ZONE_TYPES as readonly string[]).includes(l) ? (l as ZoneType) : undefined;
}

/** The zone type of a zone clause, or 'in-view' for in-view zones, or undefined. */
export function zoneTypeOf(zone: Clause): ZoneType | undefined {
  // read from the rows: the first block's clauses by name, and a `type`'s first argument alone
  if (!hasBlock(zone)) return undefined;
  if (sub(zone, 'in-view')) return 'in-view';
  for (const c of subs(zone, 'type')) {
    const v = itemAt(c, 1);
    if (v && v.kind === 'word') return normalizeZoneType(v.text);
  }
  return undefined;
}

/** The word after keyword `kw` among a clause's items. */
export function wordAfter(c: Clause, kw: string): WordItem | undefined {
  for (let k = 1; k < c.items.length - 1; k++) {
    const w = c.items[k]!;
    if (w.kind === 'word' && !w.quoted && w.text.toLowerCase() === kw) {
      const v = c.items[k + 1]!;
      return v.kind === 'word' ? v : undefined;
    }
  }
  return undefined;
}

export function firstArg(c: Clause | undefined): WordItem | undefined {
  if (!c) return undefined;
  const v = itemAt(c, 1);
  return v && v.kind === 'word' ? v : undefined;
}

export function boolValue(c: Clause | undefined): boolean | undefined {
  const v = firstArg(c);
  if (!v || !isBoolean(v.text)) return undefined;
  return ['yes', 'true', '1'].includes(v.text.toLowerCase());
}

export function isValidDomainName(n: string): boolean {
  if (n === '.' || n === '') return n === '.';
  // the labels before the final dot, each of 1 to 63 characters, counted without splitting
  const end = n.charCodeAt(n.length - 1) === 0x2e ? n.length - 1 : n.length;
  if (end > 253) return false;
  if (n.includes('\\0')) return false;
  let len = 0;
  for (let i = 0; i < end; i++) {
    if (n.charCodeAt(i) !== 0x2e) len++;
    else if (len === 0 || len > 63) return false;
    else len = 0;
  }
  return len > 0 && len <= 63;
}

/** A domain name as BIND compares them: lower case, without the final dot. */
export function canonical(n: string): string {
  const l = n.toLowerCase();
  return l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
}

/** A name of a kind as references match it (NameKindInfo.match). */
export function matchName(kind: NameKind, name: string): string {
  const m = NAME_KINDS[kind].match;
  return m === 'exact' ? name : m === 'nocase' ? name.toLowerCase() : canonical(name);
}

/** The kind and name as references match them: `kind NUL name`. */
export function matchKey(kind: NameKind, name: string): string {
  return `${kind}\u0000${matchName(kind, name)}`;
}

export function isBase64(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return t.length > 0 && t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

/** Seconds in a TTL-style (`1w2d`) or ISO 8601 (`P1DT2H`) duration; undefined if neither. */
export function durationSeconds(t: string): number | undefined {
  if (t.length > 64) return undefined;
  if (/^\d/.test(t)) return ttlSeconds(t);
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
