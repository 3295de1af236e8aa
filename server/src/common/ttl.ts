/** TTLs as BIND's configuration and master files write them. */

const UNIT: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/**
 * Seconds in a TTL: a number of seconds, or numbers each with a unit w, d, h, m or s (`1w2d`,
 * any case); undefined for anything else, the empty text included. Unbounded: callers apply
 * their own limit. Scanned by hand (a regex over the pairs backtracks on long runs of digits).
 */
export function ttlSeconds(text: string): number | undefined {
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let num = '';
  for (const ch of text.toLowerCase()) {
    if (ch >= '0' && ch <= '9') num += ch;
    else if (num && UNIT[ch] !== undefined) {
      total += Number(num) * UNIT[ch]!;
      num = '';
    } else return undefined;
  }
  return num ? undefined : total;
}
