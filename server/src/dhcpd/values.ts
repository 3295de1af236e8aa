/** Value checkers for dhcpd.conf: addresses, numbers, option formats. Pure and total. */
import { dict } from '../common/text';
import { parseIPv4 } from '../common/ip';

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

/** What dhcpd's base64 reader says of a key secret (ISC DHCP 4.4.3 common/parse.c, parse_base64). */
export type Base64Problem =
  /** A character outside A-Z a-z 0-9 + / and = (in part `part`, at `index`). */
  | { readonly kind: 'char'; readonly part: number; readonly index: number }
  /** Something other than `=` after the first `=`. */
  | { readonly kind: 'after-padding'; readonly part: number; readonly index: number }
  /** Bits left over that make no whole byte ("partial base64 value left over"). */
  | { readonly kind: 'left-over' };

/** The value of a base64 digit, or -1 (`=` included: it is padding, not a digit). */
function base64Digit(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  return c === 43 ? 62 : c === 47 ? 63 : -1;
}

/** Whether every character of `s` is a base64 digit or `=` (dhcpd then reads it as more of the secret). */
export function isBase64Text(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 61 && base64Digit(s.charCodeAt(i)) < 0) return false;
  return true;
}

/**
 * The problem dhcpd finds in a secret made of `parts` (the texts of its tokens, read as one), or
 * undefined when it takes it. As dhcpd: `=` ends the digits and counts toward the groups of four,
 * and bits left over are an error only when they are not all zero (`secret FIXMA;` passes).
 */
export function base64Problem(parts: readonly string[]): Base64Problem | undefined {
  let k = 0;
  let acc = 0;
  let padded = false;
  for (let part = 0; part < parts.length; part++) {
    const s = parts[part]!;
    for (let index = 0; index < s.length; index++) {
      const c = s.charCodeAt(index);
      if (padded && c !== 61) return { kind: 'after-padding', part, index };
      if (c === 61) padded = true;
      else {
        const v = base64Digit(c);
        if (v < 0) return { kind: 'char', part, index };
        acc = (acc << 6) + v;
        const r = k % 4;
        if (r === 1) acc &= 0x0f;
        else if (r === 2) acc &= 0x03;
        else if (r === 3) acc = 0;
      }
      k++;
    }
  }
  return k % 4 !== 0 && acc !== 0 ? { kind: 'left-over' } : undefined;
}
