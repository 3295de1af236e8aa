/** The values of dnssec-policy as BIND reads them: durations, DNSSEC algorithms and DS digest types by number or name. */
import { ttlSeconds } from '../../common/ttl';

/** A key-store (BIND 9.20): its directory, if it names one. */
export interface KeyStore {
  readonly directory: string | undefined;
}

/** The name BIND gives the key store of `key-directory` (no key-store may take it). */
export const KEY_DIRECTORY = 'key-directory';

/** What the zone checks need of a policy that loads: the key store each of its keys names. */
export interface PolicyKeys {
  /** The key-store name of each key (`key-directory` for the zone's key-directory). */
  readonly stores: readonly string[];
  /** Whether the policy has a `keys` statement (without one, it takes the default policy's key). */
  readonly hasKeys: boolean;
}

const UINT32_MAX = 0xffffffff;

/**
 * Seconds in a duration as named-checkconf reads a dnssec-policy duration: ISO 8601 (`P1Y2M3DT4H`,
 * a month 31 days, a year 365, capped at 2^32 - 1; or `P2W` alone) or a TTL (`1w2d`, `3600`);
 * undefined when it is neither (the grammar check reports that).
 */
export function bindDuration(t: string): number | undefined {
  if (t.length > 64) return undefined;
  const weeks = /^P(\d+)W$/i.exec(t);
  if (weeks) return Math.min(Number(weeks[1]) * 604800, UINT32_MAX);
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(t);
  if (m) {
    const n = (i: number) => Number(m[i] ?? 0);
    const s = n(1) * 31536000 + n(2) * 2678400 + n(3) * 86400 + n(4) * 3600 + n(5) * 60 + n(6);
    return Math.min(s, UINT32_MAX);
  }
  return boundedTtl(t);
}

/** A TTL (see common/ttl.ts), at most 2^32 - 1. */
function boundedTtl(t: string): number | undefined {
  const n = ttlSeconds(t);
  return n !== undefined && n <= UINT32_MAX ? n : undefined;
}

/** DNSSEC algorithm names BIND knows (lib/dns/rcode.c), by number. */
export const ALGORITHM_NUMBERS: Readonly<Record<string, number>> = {
  rsamd5: 1,
  dh: 2,
  dsa: 3,
  rsasha1: 5,
  nsec3dsa: 6,
  nsec3rsasha1: 7,
  rsasha256: 8,
  rsasha512: 10,
  eccgost: 12,
  ecdsap256sha256: 13,
  ecdsa256: 13,
  ecdsap384sha384: 14,
  ecdsa384: 14,
  ed25519: 15,
  ed448: 16,
  indirect: 252,
  privatedns: 253,
  privateoid: 254,
};

/** DS digest type names BIND knows, by number. */
export const DIGEST_NUMBERS: Readonly<Record<string, number>> = {
  'sha-1': 1,
  sha1: 1,
  'sha-256': 2,
  sha256: 2,
  gost: 3,
  'sha-384': 4,
  sha384: 4,
};

/**
 * The number a value stands for: a decimal number to 255 (at most 12 characters), else a name of
 * the table in any case; undefined when it is neither.
 */
export function mnemonic(text: string, table: Readonly<Record<string, number>>): number | undefined {
  if (/^\d/.test(text) && text.length <= 12) {
    if (!/^\d+$/.test(text)) return undefined;
    const n = Number(text);
    return n <= 255 ? n : undefined;
  }
  return Object.prototype.hasOwnProperty.call(table, text.toLowerCase()) ? table[text.toLowerCase()] : undefined;
}
