/** Value checkers for dhcpd.conf: addresses, numbers, option formats. Pure and total. */

/** Dotted quad: four groups of 1 to 3 digits, each at most 255. A scan, no allocation (called per address). */
import { dict } from '../common/text';
export function parseIPv4(s: string): number | undefined {
  let v = 0,
    n = 0,
    digits = 0,
    groups = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      n = n * 10 + (c - 48);
    } else if (c === 46) {
      if (digits === 0 || n > 255 || ++groups > 4) return undefined;
      v = v * 256 + n;
      n = 0;
      digits = 0;
    } else return undefined;
  }
  return groups === 4 ? v : undefined;
}

export function formatIPv4(v: number): string {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

/** Looks like an attempt at a dotted-quad address (digits and dots only, starting with a digit). */
export function looksNumericAddress(s: string): boolean {
  if (s.length === 0) return false;
  let dot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (i === 0) return false;
      dot = true;
    } else if (c < 48 || c > 57) return false;
  }
  return dot;
}

/** Why a dotted-numeric word is not an IPv4 address, or undefined when it is one. */
export function ipv4Problem(s: string): string | undefined {
  if (parseIPv4(s) !== undefined) return undefined;
  const parts = s.split('.');
  if (parts.length < 4) return 'too few numbers';
  if (parts.length > 4) return 'too many numbers';
  for (const p of parts) {
    if (p === '') return 'an empty number';
    if (Number(p) > 255) return `${p} is more than 255`;
  }
  return undefined;
}

const HOST_RE = /^[A-Za-z0-9_]([A-Za-z0-9_-]*)(\.[A-Za-z0-9_-]+)*\.?$/;
export function isHostname(s: string): boolean {
  return s.length <= 253 && HOST_RE.test(s) && !looksNumericAddress(s);
}

/**
 * Reads an IPv6 literal (RFC 4291 text forms: `::` for one or more zero groups, an optional
 * dotted IPv4 tail) into out[0..8); false if it is none. One scan, no allocation but an IPv4
 * tail's slice: a dhcpd.conf of 100,000 hosts checks that many addresses.
 */
function scanIPv6(s: string, out: Int32Array): boolean {
  const n = s.length;
  if (n === 0 || n > 45) return false;
  // a dotted IPv4 tail: after the last `:`, it stands for the last two groups
  const lastColon = s.lastIndexOf(':');
  let end = n;
  let v4: number | undefined;
  if (s.indexOf('.', lastColon + 1) >= 0) {
    v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === undefined) return false;
    // the groups end at that `:` (kept when it is the second of a `::`)
    end = lastColon > 0 && s.charCodeAt(lastColon - 1) === 0x3a ? lastColon + 1 : Math.max(lastColon, 0);
  }
  const room = v4 === undefined ? 8 : 6;
  let count = 0; // groups read
  let gap = -1; // where `::` stands among them (-1: none)
  let i = 0;
  if (end >= 2 && s.charCodeAt(0) === 0x3a && s.charCodeAt(1) === 0x3a) {
    gap = 0;
    i = 2;
  }
  while (i < end) {
    let g = 0;
    let digits = 0;
    while (i < end) {
      const c = s.charCodeAt(i);
      const d =
        c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (d < 0) break;
      g = g * 16 + d;
      i++;
      if (++digits > 4) return false;
    }
    if (digits === 0 || count === room) return false;
    out[count++] = g;
    if (i === end) break;
    if (s.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i < end && s.charCodeAt(i) === 0x3a) {
      if (gap >= 0) return false; // a second `::`
      gap = count;
      i++;
    } else if (i === end) return false; // a group may not end in one `:`
  }
  if (gap >= 0) {
    // `::` stands for at least one zero group: move the groups after it to the end
    const fill = room - count;
    if (fill < 1) return false;
    for (let k = count - 1; k >= gap; k--) out[k + fill] = out[k]!;
    for (let k = gap; k < gap + fill; k++) out[k] = 0;
  } else if (count !== room) return false;
  if (v4 !== undefined) {
    out[6] = Math.floor(v4 / 0x10000);
    out[7] = v4 & 0xffff;
  }
  return true;
}
const scratch6 = new Int32Array(8);

/** Whether `s` is an IPv6 literal. */
export function isIPv6(s: string): boolean {
  return scanIPv6(s, scratch6);
}

/** The eight 16-bit groups of an IPv6 literal, or undefined. */
export function ipv6Groups(s: string): number[] | undefined {
  return scanIPv6(s, scratch6) ? Array.from(scratch6) : undefined;
}

/** An IPv6 literal as a number, or undefined. */
export function parseIPv6(s: string): bigint | undefined {
  const groups = ipv6Groups(s);
  if (!groups) return undefined;
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

export function isHexList(s: string): boolean {
  return /^[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2})*$/.test(s);
}

export function isInteger(s: string): boolean {
  return /^-?(0x[0-9A-Fa-f]+|\d+)$/.test(s);
}

export function intValue(s: string): number {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const v = /^0x/i.test(body) ? parseInt(body.slice(2), 16) : Number(body);
  return neg ? -v : v;
}

/**
 * What dhcpd accepts per integer width (it parses signed and unsigned alike: an 8-bit field
 * takes -128..255, a 16-bit one -32768..65535; 32-bit values are not range-checked above).
 */
export const INT_RANGE: Readonly<Record<string, [number, number, string]>> = dict({
  B: [-128, 255, 'an integer from 0 to 255'],
  b: [-128, 255, 'an integer from -128 to 127'],
  S: [-32768, 65535, 'an integer from 0 to 65535'],
  s: [-32768, 65535, 'an integer from -32768 to 32767'],
  L: [-2147483648, Number.MAX_SAFE_INTEGER, 'an integer from 0 to 4294967295'],
  l: [-2147483648, Number.MAX_SAFE_INTEGER, 'an integer from -2147483648 to 2147483647'],
});

export const BOOLEANS = ['true', 'false', 'on', 'off', 'ignore'];

const FORMAT_NAMES: Record<string, string> = {
  I: 'IPv4 address or host name',
  '6': 'IPv6 address',
  t: 'quoted text',
  X: 'quoted string or colon-separated hex octets',
  f: 'boolean (true/false/on/off)',
  B: 'unsigned 8-bit integer',
  b: 'signed 8-bit integer',
  S: 'unsigned 16-bit integer',
  s: 'signed 16-bit integer',
  L: 'unsigned 32-bit integer',
  l: 'signed 32-bit integer',
  T: 'time in seconds or `infinite`',
  D: 'list of quoted domain names',
  d: 'domain name',
  Z: 'no value',
  U: 'option space name',
  k: 'key name',
};
/** Remembered per format: a file may repeat one mistake in a million statements. */
const FORMAT_WORDS = new Map<string, string>();

/** Human words for an ISC format string, for hover and messages. */
export function describeFormat(fmt: string): string {
  let words = FORMAT_WORDS.get(fmt);
  if (words !== undefined) return words;
  const parts: string[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === 'A') parts.push('(repeated, comma-separated)');
    else if (c === 'a') parts.push('(last item repeated)');
    else if (c === 'o') parts.push('(optional)');
    else if (c === 'c') continue;
    else if (c === 'E' || c === 'N') {
      const end = fmt.indexOf('.', i);
      const name = fmt.slice(i + 1, end < 0 ? fmt.length : end);
      parts.push(c === 'E' ? `encapsulated ${name || 'vendor'} options` : `one of the ${name} values`);
      i = end < 0 ? fmt.length : end;
    } else parts.push(FORMAT_NAMES[c] ?? c);
  }
  words = parts.join(' ') || 'no value';
  // user-defined formats vary per file: keep the memo bounded
  if (FORMAT_WORDS.size < 1000) FORMAT_WORDS.set(fmt, words);
  return words;
}
