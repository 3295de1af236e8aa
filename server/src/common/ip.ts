/**
 * IP addresses and prefixes, for every language: one allocation-free scanner per family (a
 * dhcpd.conf of 100,000 hosts and a named.conf of 50,000 zones check that many addresses).
 * The text forms are RFC 4291 §2.2 (IPv6, with `::` and a dotted IPv4 tail) and the dotted quad
 * (IPv4: four numbers of 1 to 3 digits, each at most 255).
 *
 * Not ipaddr.js: it also takes `10.1`, `0x0a.0.0.1` and `010.0.0.1` as IPv4 (the forms of
 * inet_aton), which neither dhcpd nor named accept, and it makes objects per address.
 */

/** A dotted quad as a 32-bit number, or undefined. */
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

export function isIPv4(s: string): boolean {
  return parseIPv4(s) !== undefined;
}

export function formatIPv4(v: number): string {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

/** The hex digit's value, or -1. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/**
 * Reads the groups of s[0, end) into out; `room` is how many there may be. Returns how many
 * were read and where `::` stood among them (-1: none), or undefined when the text is malformed.
 */
function scanGroups(s: string, end: number, room: number, out: Int32Array): { count: number; gap: number } | undefined {
  let count = 0;
  let gap = -1;
  let i = 0;
  if (end >= 2 && s.charCodeAt(0) === 0x3a && s.charCodeAt(1) === 0x3a) {
    gap = 0;
    i = 2;
  }
  while (i < end) {
    let g = 0;
    let digits = 0;
    for (let d = hexValue(s.charCodeAt(i)); i < end && d >= 0; d = hexValue(s.charCodeAt(i))) {
      g = g * 16 + d;
      i++;
      if (++digits > 4) return undefined;
    }
    if (digits === 0 || count === room) return undefined;
    out[count++] = g;
    if (i === end) break;
    if (s.charCodeAt(i) !== 0x3a) return undefined;
    i++;
    if (i < end && s.charCodeAt(i) === 0x3a) {
      if (gap >= 0) return undefined; // a second `::`
      gap = count;
      i++;
    } else if (i === end) return undefined; // a group may not end in one `:`
  }
  return { count, gap };
}

/**
 * Reads an IPv6 literal into out[0..8); false if it is none. One scan, no allocation but an
 * IPv4 tail's slice.
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
  const read = scanGroups(s, end, room, out);
  if (!read) return false;
  const { count, gap } = read;
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

/** Where an IPv6 literal's zone (`%eth0`, RFC 4007 §11) starts, or the text's length. */
function zoneStart(s: string): number {
  const p = s.indexOf('%');
  return p > 0 && /^%[\w.-]+$/.test(s.slice(p)) ? p : s.length;
}

/** Where scans write their groups; read only by the call that filled it, so it carries nothing. */
const scratch = new Int32Array(8);

/** Whether `s` is an IPv6 literal. */
export function isIPv6(s: string): boolean {
  return scanIPv6(s, scratch);
}

/** Whether `s` is an IPv6 literal that may end in `%` and a zone name (`fe80::1%eth0`). */
export function isIPv6WithZone(s: string): boolean {
  return scanIPv6(s.slice(0, zoneStart(s)), scratch);
}

/** The eight 16-bit groups of an IPv6 literal, or undefined. */
export function ipv6Groups(s: string): number[] | undefined {
  return scanIPv6(s, scratch) ? Array.from(scratch) : undefined;
}

/** An IPv6 literal as a number, or undefined. */
export function parseIPv6(s: string): bigint | undefined {
  const groups = ipv6Groups(s);
  if (!groups) return undefined;
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

/** The IPv4 netmask of a prefix length 0..32. */
export function ipv4Mask(len: number): number {
  return len <= 0 ? 0 : (0xffffffff << (32 - Math.min(len, 32))) >>> 0;
}

/** Whether an IPv4 address (as a number) has bits set past the prefix length. */
export function ipv4HostBitsSet(value: number, len: number): boolean {
  return (value & ~ipv4Mask(len)) >>> 0 !== 0;
}

/** Whether an IPv6 address (as a number) has bits set past the prefix length. */
export function ipv6HostBitsSet(value: bigint, len: number): boolean {
  const host = len >= 128 ? 0n : (1n << BigInt(128 - Math.max(len, 0))) - 1n;
  return (value & host) !== 0n;
}
