/**
 * Lexical checks for the pieces of a record's data, each answering the way BIND's master-file
 * reader does (lib/dns/rdata.c, lib/dns/name.c, lib/isc/base64.c, hex.c, lex.c, lib/dns/ttl.c,
 * rcode.c). Each returns an error sentence (without position) or undefined when the text is fine.
 */

/** A plain unsigned number the way BIND's lexer reads one: decimal digits only, at most 2^32-1. */
export function parseUint(text: string): number | 'not-number' | 'range' {
  const len = text.length;
  if (len === 0) return 'not-number';
  let n = 0;
  for (let i = 0; i < len; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return 'not-number';
    n = n * 10 + d;
  }
  // exact while below 2^53; past 2^32 it only grows, so the range test is the same as Number(text)'s
  return n > 0xffffffff ? 'range' : n;
}

/** Checks a number against `max`; `what` names the field in messages. */
export function checkUint(text: string, max: number, what: string): string | undefined {
  const n = parseUint(text);
  if (n === 'not-number') return `${what} must be a decimal number from 0 to ${max}, not \`${text}\`.`;
  if (n === 'range' || n > max) return `${what} \`${text}\` is out of range: it must be from 0 to ${max}.`;
  return undefined;
}

/** A TTL-style counter: a number, or numbers with `w`, `d`, `h`, `m`, `s` units (SOA timers). */
export function checkCounter(text: string, what: string): string | undefined {
  const bad = () => `${what} must be a number of seconds or a duration such as \`1h30m\`, not \`${text}\`.`;
  if (text.length > 63) return bad();
  const plain = parseUint(text);
  if (plain !== 'not-number') return plain === 'range' ? bad() : undefined;
  // number-unit pairs, scanned by hand (a regex over them backtracks on long runs of digits)
  const unit: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  let num = '';
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') num += ch;
    else if (num && unit[ch.toLowerCase()] !== undefined) {
      if (Number(num) > 0xffffffff) return bad();
      total += Number(num) * unit[ch.toLowerCase()]!;
      num = '';
    } else return bad();
  }
  if (num) return bad();
  return total > 0xffffffff
    ? `${what} \`${text}\` is out of range: it must come to at most 4294967295 seconds.`
    : undefined;
}

/**
 * The UTF-8 octets of one UTF-16 code unit: 1, 2 or 3, and 2 for each half of a surrogate pair,
 * so a character outside the BMP (an emoji) counts its 4 octets, as BIND counts the file's bytes.
 */
const utf8Octets = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3);

/** Unescapes `\DDD` and `\X` in a <character-string>; returns the octet count (utf8Octets) or an error. */
export function unescapedLength(text: string): number | string {
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x5c) {
      if (i + 1 >= len) return 'ends in a lone backslash; write `\\\\` for a backslash';
      c = text.charCodeAt(++i);
      if (c >= 0x30 && c <= 0x39) {
        const c2 = text.charCodeAt(i + 1) - 0x30;
        const c3 = text.charCodeAt(i + 2) - 0x30;
        // past the end charCodeAt is NaN, which fails both tests
        if (!(c2 >= 0 && c2 <= 9 && c3 >= 0 && c3 <= 9))
          return 'has a `\\` escape with fewer than three digits; write `\\DDD` with three';
        if ((c - 0x30) * 100 + c2 * 10 + c3 > 255)
          return `has the escape \`\\${text.slice(i, i + 3)}\`, above \`\\255\``;
        i += 2;
        n++;
        continue;
      }
    }
    n += utf8Octets(c);
  }
  return n;
}

/** One <character-string>: at most 255 octets once unescaped. */
export function checkCharString(text: string, what: string): string | undefined {
  const n = unescapedLength(text);
  if (typeof n === 'string') return `${what} ${n}.`;
  if (n > 255)
    return `${what} is ${n} octets long; one string holds at most 255, so split it into several quoted strings.`;
  return undefined;
}

/** Escapes only (no length limit): CAA values, URI targets. */
export function checkEscapes(text: string, what: string): string | undefined {
  const n = unescapedLength(text);
  return typeof n === 'string' ? `${what} ${n}.` : undefined;
}

const EMPTY_LABEL = 'has an empty label (two dots in a row, or a leading dot)';

/** Splits a name into labels (escapes kept), or an error. */
function nameLabels(text: string): { labels: string[]; absolute: boolean } | string {
  if (text === '.') return { labels: [], absolute: true };
  const labels: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      cur += text.slice(i, i + 2);
      i++;
      if (/\d/.test(text[i] ?? '')) {
        cur += text.slice(i + 1, i + 3);
        i += 2;
      }
    } else if (c === '.') {
      if (cur === '') return EMPTY_LABEL;
      labels.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') labels.push(cur);
  return { labels, absolute: text.endsWith('.') && cur === '' };
}

/** The wire length of a name's labels, or an error; the root label is not counted. */
function labelsWire(labels: readonly string[]): number | string {
  let total = 0;
  for (const l of labels) {
    const n = unescapedLength(l);
    if (typeof n === 'string') return n;
    if (n > 63) return longLabel(n, l.slice(0, 20));
    total += n + 1;
  }
  return total;
}

/** Number of labels (root included) of a name written relative to `origin`, or an error. */
export function nameLabelCount(text: string, origin: string): number | string {
  const full = text === '@' ? origin : text;
  let labels: number;
  if (full.includes('\\')) {
    const n = nameLabels(full);
    if (typeof n === 'string') return n;
    if (n.absolute) return n.labels.length + 1;
    labels = n.labels.length;
  } else {
    const n = plainLabels(full);
    if (n < 0) return EMPTY_LABEL;
    if (n % 2 === 1) return (n - 1) / 2 + 1;
    labels = n / 2;
  }
  if (origin !== lastLabelsOrigin) {
    const o = nameLabels(origin);
    lastOriginLabels = typeof o === 'string' ? 0 : o.labels.length;
    lastLabelsOrigin = origin;
  }
  return labels + lastOriginLabels + 1;
}

/** The origin nameLabelCount was last given, and its label count. */
let lastLabelsOrigin = '';
let lastOriginLabels = 0;

/** A name without escapes as nameLabels reads it: twice its label count, plus 1 when it ends in a dot; -1: an empty label. */
function plainLabels(text: string): number {
  if (text === '.') return 1;
  const len = text.length;
  let labels = 0;
  let start = 0;
  for (let i = 0; i <= len; i++) {
    if (i < len && text.charCodeAt(i) !== 0x2e) continue;
    if (i === start) {
      if (i === len) break;
      return -1;
    }
    labels++;
    start = i + 1;
  }
  return labels * 2 + (len > 0 && text.charCodeAt(len - 1) === 0x2e ? 1 : 0);
}

/** A domain name; a relative one has `origin` appended (and counts toward the 255-octet limit). */
export function checkName(text: string, origin: string, what: string): string | undefined {
  if (text === '@') return undefined;
  const plain = text.includes('\\') ? undefined : plainNameWire(text);
  if (typeof plain === 'string') return `${what} \`${text}\` ${plain}.`;
  let total: number;
  let absolute: boolean;
  if (plain !== undefined) {
    total = Math.floor(plain / 2) + 1;
    absolute = plain % 2 === 1;
  } else {
    const n = nameLabels(text);
    if (typeof n === 'string') return `${what} \`${text}\` ${n}.`;
    const own = labelsWire(n.labels);
    if (typeof own === 'string') return `${what} \`${text}\` ${own}.`;
    total = own + 1;
    absolute = n.absolute;
  }
  if (!absolute && origin !== '.') total += originWire(origin);
  if (total > 255) {
    const rel = absolute ? '' : ` once the origin \`${origin}\` is appended`;
    return `${what} \`${text}\` is ${total} octets long${rel}; a name holds at most 255.`;
  }
  return undefined;
}

/**
 * A name without escapes read in one pass, as nameLabels then labelsWire read it: twice the wire
 * length of its labels, plus 1 when it ends in a dot; or the first error (an empty label wins
 * over a long one, wherever they are).
 */
function plainNameWire(text: string): number | string {
  const len = text.length;
  if (text === '.') return 1;
  let wire = 0;
  let label = 0; // the octets of the label being read
  let start = 0; // where it starts
  let longAt = -1; // the first label over 63 octets: where it starts, its octets
  let longLen = 0;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 0x2e;
    if (c !== 0x2e) {
      label += utf8Octets(c);
      continue;
    }
    if (i === start) {
      if (i === len) break; // the dot that ends an absolute name, or an empty name
      return EMPTY_LABEL;
    }
    if (label > 63 && longAt < 0) {
      longAt = start;
      longLen = label;
    }
    wire += label + 1;
    label = 0;
    start = i + 1;
  }
  if (longAt >= 0) return longLabel(longLen, text.slice(longAt, Math.min(longAt + 20, len)));
  return wire * 2 + (len > 0 && text.charCodeAt(len - 1) === 0x2e ? 1 : 0);
}

function longLabel(n: number, first20: string): string {
  return `has a label of ${n} octets (\`${first20}…\`); a label holds at most 63`;
}

/** The origin of the last call and its labels' wire length (an origin is the same for many names). */
let lastOrigin = '';
let lastOriginWire = 0;

/** The wire length of the origin's labels; 0 when it is not a name. */
function originWire(origin: string): number {
  if (origin !== lastOrigin) {
    const o = nameLabels(origin);
    const ow = typeof o === 'string' ? 0 : labelsWire(o.labels);
    lastOriginWire = typeof ow === 'number' ? ow : 0;
    lastOrigin = origin;
  }
  return lastOriginWire;
}

/** IPv4 dotted quad as inet_pton reads it: four decimal parts 0–255 without leading zeros. */
export function isIpv4(text: string): boolean {
  return ipv4Between(text, 0, text.length);
}

/** Whether text[start, end) is a dotted quad (isIpv4). */
function ipv4Between(text: string, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  for (;;) {
    let v = 0;
    let digits = 0;
    for (; i < end; i++) {
      const d = text.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      if (digits === 3 || (digits === 1 && v === 0)) return false; // four digits, or a leading zero
      v = v * 10 + d;
      digits++;
    }
    if (digits === 0 || v > 255) return false;
    parts++;
    if (i === end) return parts === 4;
    if (parts === 4 || text.charCodeAt(i) !== 0x2e) return false;
    i++;
  }
}

/**
 * IPv6 as inet_pton reads it, with an optional trailing dotted quad: groups of 1–4 hex digits
 * joined by `:`, eight of them, or fewer with one `::` standing for the rest.
 */
export function isIpv6(text: string): boolean {
  let groups = 0;
  let end = text.length;
  const colon = text.lastIndexOf(':');
  if (colon >= 0 && text.indexOf('.', colon + 1) >= 0) {
    // after the last `:` a dotted quad, two groups' worth; a `::` just before it is kept
    if (!ipv4Between(text, colon + 1, end)) return false;
    end = colon > 0 && text.charCodeAt(colon - 1) === 0x3a ? colon + 1 : colon;
    groups = 2;
  }
  let dbl = false;
  let i = 0;
  if (end >= 2 && text.charCodeAt(0) === 0x3a && text.charCodeAt(1) === 0x3a) {
    dbl = true;
    i = 2;
  }
  while (i < end) {
    const g = i;
    while (i < end && i - g < 5 && isHexCode(text.charCodeAt(i))) i++;
    if (i === g || i - g > 4) return false;
    groups++;
    if (i === end) break;
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i < end && text.charCodeAt(i) === 0x3a) {
      if (dbl) return false;
      dbl = true;
      i++;
    } else if (i === end) return false; // a single `:` at the end
  }
  return dbl ? groups <= 7 : groups === 8;
}

function isHexCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

/** Each ASCII character's value in B64 (`=` is 64), -1 for the others. */
const B64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUES[B64.charCodeAt(i)] = i;

/** Base64 read the way isc_base64_decodestring reads it, one piece of text after another. */
class Base64Reader {
  /** The octets decoded so far. */
  private n = 0;
  /** How many characters of a group of four are held, and their values. */
  private held = 0;
  private a = 0;
  private b = 0;
  private c = 0;
  /** A group with `=` was read: nothing may follow. */
  private ended = false;

  /** Reads `text` on from what came before; undefined, or the first thing wrong (then stop reading). */
  read(text: string): string | undefined {
    let { n, held, a, b, c } = this;
    for (let i = 0; i < text.length; i++) {
      if (this.ended) return 'has data after the `=` padding';
      const code = text.charCodeAt(i);
      const v = code < 128 ? B64_VALUES[code]! : -1;
      if (v < 0) return `has \`${String.fromCodePoint(text.codePointAt(i)!)}\`, which is not a base64 character`;
      if (held < 3) {
        if (held === 0) a = v;
        else if (held === 1) b = v;
        else c = v;
        held++;
        continue;
      }
      held = 0;
      if (a === 64 || b === 64 || (c === 64 && v !== 64)) return 'has `=` padding in the wrong place';
      if (v !== 64) {
        n += 3;
        continue;
      }
      if ((c === 64 && (b & 0xf) !== 0) || (c !== 64 && (c & 3) !== 0))
        return 'ends with bits that should be zero; the last group is not canonical base64';
      n += c === 64 ? 1 : 2;
      this.ended = true;
    }
    this.n = n;
    this.held = held;
    this.a = a;
    this.b = b;
    this.c = c;
    return undefined;
  }

  /** The decoded length once all is read, or why the text is not base64. */
  get length(): number | string {
    return this.held === 0 ? this.n : 'is not a whole number of 4-character base64 groups';
  }
}

/** Base64 the way isc_base64_decodestring reads it; returns the decoded length or an error. */
export function base64Length(text: string): number | string {
  const r = new Base64Reader();
  return r.read(text) ?? r.length;
}

/** base64Length of the words joined, read without joining them (unless one is wrong). */
export function base64WordsLength(words: ReadonlyArray<{ readonly text: string }>): number | string {
  const r = new Base64Reader();
  for (const w of words) {
    // the joined text words the problem: a character can be split between two words
    if (r.read(w.text) !== undefined) return base64Length(words.map((x) => x.text).join(''));
  }
  return r.length;
}

/** Hex digits (any count of words already joined); returns the octet count or an error. */
export function hexLength(text: string): number | string {
  const bad = /[^0-9a-fA-F]/.exec(text);
  if (bad) return `has \`${bad[0]}\`, which is not a hex digit`;
  if (text.length % 2 !== 0) return 'has an odd number of hex digits';
  return text.length / 2;
}

/** Base32hex without padding (NSEC3 next hashed owner); the decoded length or an error. */
export function base32hexLength(text: string): number | string {
  if (!/^[0-9A-Va-v]*$/.test(text)) return 'has a character outside base32hex (`0`–`9`, `A`–`V`)';
  const bits = text.length * 5;
  const rem = text.length % 8;
  if (rem === 1 || rem === 3 || rem === 6) return 'has a length that no whole number of octets encodes to';
  return Math.floor(bits / 8);
}

/** `YYYYMMDDHHmmSS` with a real date. */
export function isTime14(text: string): boolean {
  if (text.length !== 14) return false;
  for (let i = 0; i < 14; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 4, 2);
  const d = digitsAt(text, 6, 2);
  if (
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    digitsAt(text, 8, 2) > 23 ||
    digitsAt(text, 10, 2) > 59 ||
    digitsAt(text, 12, 2) > 60
  )
    return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : (MONTH_DAYS[mo - 1] ?? 0));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the `count` decimal digits at `at` make (they are known to be digits). */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

/** A mnemonic from a table or a number up to `max` (BIND's maybe_numeric then a table lookup). */
export function checkMnemonic(text: string, names: readonly string[], max: number, what: string): string | undefined {
  const c = text.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) {
    const n = parseUint(text);
    if (n === 'not-number' || n === 'range') return `${what} \`${text}\` is neither a number nor a known name.`;
    return n > max ? `${what} \`${text}\` is out of range: it must be from 0 to ${max}.` : undefined;
  }
  if (names.some((n) => n.toUpperCase() === text.toUpperCase())) return undefined;
  return `${what} \`${text}\` is not known; use a number from 0 to ${max} or one of ${names.map((n) => `\`${n}\``).join(', ')}.`;
}

export const SEC_ALGORITHMS = [
  'RSAMD5',
  'DH',
  'DSA',
  'RSASHA1',
  'NSEC3DSA',
  'NSEC3RSASHA1',
  'RSASHA256',
  'RSASHA512',
  'ECCGOST',
  'ECDSAP256SHA256',
  'ECDSA256',
  'ECDSAP384SHA384',
  'ECDSA384',
  'ED25519',
  'ED448',
  'INDIRECT',
  'PRIVATEDNS',
  'PRIVATEOID',
];
export const DIGEST_TYPES = ['SHA-1', 'SHA1', 'SHA-256', 'SHA256', 'GOST', 'SHA-384', 'SHA384'];
/** The DS digest length BIND insists on, by digest type number. */
export const DIGEST_LENGTHS: ReadonlyMap<number, number> = new Map([
  [1, 20],
  [2, 32],
  [4, 48],
]);
export const PROTOCOLS = ['NONE', 'TLS', 'EMAIL', 'DNSSEC', 'IPSEC', 'ALL'];
export const CERT_TYPES = ['PKIX', 'SPKI', 'PGP', 'IPKIX', 'ISPKI', 'IPGP', 'ACPKIX', 'IACPKIX', 'URI', 'OID'];
const KEY_FLAG_NAMES = [
  'NOCONF',
  'NOAUTH',
  'NOKEY',
  'FLAG2',
  'EXTEND',
  'FLAG4',
  'FLAG5',
  'USER',
  'ZONE',
  'HOST',
  'NTYP3',
  'FLAG8',
  'FLAG9',
  'FLAG10',
  'FLAG11',
  ...Array.from({ length: 16 }, (_, i) => `SIG${i}`),
  'KSK',
];

/** The numeric value of key flags (a decimal or hex number, or names joined by `|`), or an error. */
export function keyFlags(text: string): number | string {
  if (/^\d/.test(text)) {
    const n = /^\d+$/.test(text)
      ? Number(text)
      : /^[0-9a-fA-F]+$|^0[xX][0-9a-fA-F]+$/.test(text)
        ? parseInt(text, 16)
        : NaN;
    if (Number.isNaN(n)) return `Key flags \`${text}\` are not a number.`;
    return n > 0xffff ? `Key flags \`${text}\` are out of range: they must be from 0 to 65535.` : n;
  }
  let v = 0;
  for (const part of text.split('|')) {
    // BIND matches a flag name by prefix, case-insensitively
    const hit = KEY_FLAG_NAMES.find((f) => f.toUpperCase().startsWith(part.toUpperCase()));
    if (hit === undefined)
      return `Key flag \`${part}\` is not known; use a number such as \`256\` or \`257\`, or names such as \`ZONE|KSK\`.`;
    v |= hit === 'NOKEY' ? 0xc000 : hit === 'ZONE' ? 0x100 : hit === 'KSK' ? 1 : 0;
  }
  return v;
}
