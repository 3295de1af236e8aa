/**
 * Statements whose values dhcpd reads only as literals (data/literals.ts): the IPv6 ranges and
 * prefixes (an address, then `/LENGTH` written with or without spaces around the `/`), and
 * numbers at a fixed place (failover peers, `lease limit`, `host-identifier v6relopt`).
 */
import { Tk, type Token } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';
import { ipv6HostBitsSet, parseIPv6 } from '../../common/ip';
import { FAILOVER_NUMBERS, OTHER_NUMBERS, type NumberForm } from '../data/literals';
import type { Walker } from './walker';
import { clip, low } from './words';
import { check6, extra, literalHint } from './valueFormats';

/** An address and the `/LENGTH` after it, if one follows; `next`: the index of the word after them. */
interface Prefix {
  readonly addr: Token;
  readonly slash: boolean;
  /** Where the `/` is (-1: none). */
  readonly slashAt: number;
  readonly len: Token | undefined;
  readonly next: number;
}

/** The part [from, to) of a word, as a token of its own. */
function part(t: Token, from: number, to: number): Token {
  return { ...t, text: t.text.slice(from, to), start: t.start + from, end: t.start + to };
}

/** The prefix at w[i]: `A/64`, `A/ 64`, `A /64` and `A / 64` read alike (dhcpd's `/` is a token of its own). */
function readPrefix(w: readonly Token[], i: number): Prefix {
  const t = w[i]!;
  const sl = t.kind === Tk.Word ? t.text.indexOf('/') : -1;
  if (sl >= 0) {
    const addr = part(t, 0, sl);
    const slashAt = t.start + sl;
    if (sl + 1 < t.text.length) return { addr, slash: true, slashAt, len: part(t, sl + 1, t.text.length), next: i + 1 };
    return { addr, slash: true, slashAt, len: w[i + 1], next: w[i + 1] ? i + 2 : i + 1 };
  }
  const u = w[i + 1];
  if (u && u.kind === Tk.Word && u.text.startsWith('/')) {
    if (u.text.length > 1)
      return { addr: t, slash: true, slashAt: u.start, len: part(u, 1, u.text.length), next: i + 2 };
    return { addr: t, slash: true, slashAt: u.start, len: w[i + 2], next: w[i + 2] ? i + 3 : i + 2 };
  }
  return { addr: t, slash: false, slashAt: -1, len: undefined, next: i + 1 };
}

/**
 * The prefix length of `p` if it is a number from lo to hi; reports it otherwise (`range`: the
 * message then, on the address and length, or from the '/' with `fromSlash`).
 */
function lengthOf(
  g: Walker,
  p: Prefix,
  kw: string,
  lo: number,
  hi: number,
  range?: string,
  fromSlash = false,
): number | undefined {
  const t = p.len;
  if (!t) {
    g.err('dhcpd-syntax', p.addr.end, p.addr.end, `${kw} needs a prefix length after the '/'.${literalHint(kw)}`);
    return undefined;
  }
  if (t.kind !== Tk.Word || !/^\d+$/.test(t.text)) {
    g.errTok(
      'dhcpd-invalid-value',
      t,
      `'${clip(t.text)}' is not a prefix length: ${kw} takes a number from ${lo} to ${hi} after the '/'.${literalHint(kw)}`,
    );
    return undefined;
  }
  const n = Number(t.text);
  if (n < lo || n > hi) {
    g.err(
      'dhcpd-invalid-value',
      fromSlash ? p.slashAt : p.addr.start,
      t.end,
      range ?? `The prefix length ${t.text} is out of range: ${kw} takes ${lo} to ${hi}.`,
    );
    return undefined;
  }
  return n;
}

/** Whether address `a` (a valid literal) has no bits set past the first `bits`; reports it if it has. */
function networkOf(g: Walker, a: Token, bits: number, temporary = false): boolean {
  if (!ipv6HostBitsSet(parseIPv6(a.text)!, bits)) return true;
  g.errTok(
    'dhcpd-invalid-value',
    a,
    `${temporary ? "With 'temporary' and no '/LENGTH', range6 takes a /64 prefix, and " : ''}${a.text} has bits set after the first ${bits}: write the first address of its /${bits} prefix (dhcpd: "network mask too short").`,
  );
  return false;
}

export interface Subnet6 {
  readonly net: bigint;
  readonly len: number;
  readonly text: string;
}

/** `subnet6 PREFIX/LENGTH`: the subnet, or undefined when it is malformed (reported). */
export function subnet6Head(g: Walker, s: Stmt): Subnet6 | undefined {
  const w = s.words;
  const p = w[1];
  if (!p || p.kind !== Tk.Word) {
    g.err('dhcpd-syntax', w[0]!.end, w[0]!.end, '`subnet6` needs a prefix: `subnet6 2001:db8::/64 { ... }`.');
    return undefined;
  }
  const pr = readPrefix(w, 1);
  if (!check6(g, pr.addr, 'subnet6')) return undefined;
  if (!pr.slash) {
    g.errTok('dhcpd-syntax', p, 'Expected `/LENGTH` after the subnet6 prefix, e.g. 2001:db8::/64.');
    return undefined;
  }
  const n = lengthOf(g, pr, 'subnet6', 0, 128, 'The prefix length must be a number from 0 to 128.');
  if (n === undefined) return undefined;
  extra(g, s, pr.next);
  const net = parseIPv6(pr.addr.text)!;
  const text = `${pr.addr.text}/${pr.len!.text}`;
  if (ipv6HostBitsSet(net, n)) {
    g.err(
      'dhcpd-subnet-mask-mismatch',
      pr.addr.start,
      pr.len!.end,
      `The subnet6 prefix ${text} has bits set after the first ${n}: write the network address (host part zero).`,
    );
    return undefined;
  }
  return { net, len: n, text };
}

/** Whether IPv6 address `t` lies in subnet6 `sn`. */
function inside(sn: Subnet6, t: Token): boolean {
  const shift = BigInt(128 - sn.len);
  return sn.len === 0 || parseIPv6(t.text)! >> shift === sn.net >> shift;
}

/** `range6 LOW HIGH;`, `range6 PREFIX/LENGTH [temporary];` or `range6 ADDRESS temporary;`. */
export function range6Stmt(g: Walker, s: Stmt, kw: string): void {
  const w = s.words;
  if (!w[1]) {
    g.err('dhcpd-syntax', w[0]!.end, w[0]!.end, `\`${kw}\` needs addresses.`);
    return;
  }
  if (kw === 'prefix6') return prefix6Stmt(g, s);
  const p = readPrefix(w, 1);
  const a = p.addr;
  if (!check6(g, a, kw)) return;
  const sn = g.curSubnet6;
  if (sn && !inside(sn, a)) {
    g.errTok(
      'dhcpd-range-outside-subnet-error',
      a,
      `${a.text} is outside subnet6 ${sn.text}: dhcpd rejects a range6 that starts outside its subnet.`,
    );
    return;
  }
  let next = p.next;
  if (p.slash) {
    const bits = lengthOf(g, p, kw, 0, 128);
    if (bits === undefined) return;
    if (sn && bits < sn.len) {
      g.errTok(
        'dhcpd-range-outside-subnet-error',
        a,
        `The range6 prefix is shorter than the subnet6 prefix (/${sn.len}): it would reach outside the subnet.`,
      );
      return;
    }
    if (!networkOf(g, a, bits)) return;
    if (low(w[next]) === 'temporary') {
      if (bits < 64 || bits === 128) {
        g.err(
          'dhcpd-invalid-value',
          a.start,
          w[next]!.end,
          `A temporary range6 needs a prefix from /64 to /127, not /${bits}: temporary addresses are drawn from a block, not ${bits === 128 ? 'one address' : 'so large a one'}.`,
        );
        return;
      }
      next++;
    }
  } else if (low(w[next]) === 'temporary') {
    if (!networkOf(g, a, 64, true)) return;
    next++;
  } else {
    const b = w[next];
    if (!b) {
      g.err(
        'dhcpd-syntax',
        a.end,
        a.end,
        `${kw} needs a second address, a '/LENGTH' or 'temporary' after the first address.${literalHint(kw)}`,
      );
      return;
    }
    if (!check6(g, b, kw)) return;
    if (sn && !inside(sn, b)) {
      g.errTok(
        'dhcpd-range-outside-subnet-error',
        b,
        `${b.text} is outside subnet6 ${sn.text}: dhcpd rejects a range6 that ends outside its subnet.`,
      );
      return;
    }
    next++;
  }
  extra(g, s, next);
}

/** `prefix6 LOW HIGH /LENGTH;` (dhcpd does not require the prefixes to be inside the subnet6). */
function prefix6Stmt(g: Walker, s: Stmt): void {
  const kw = 'prefix6';
  const w = s.words;
  const a0 = w[1]!;
  const first = readPrefix(w, 1);
  if (!check6(g, first.addr, kw)) return;
  if (first.slash || !w[2]) {
    const at = first.slash ? first.addr.end : a0.end;
    g.err('dhcpd-syntax', at, at, `prefix6 needs a second prefix before the '/LENGTH'.${literalHint(kw)}`);
    return;
  }
  const p = readPrefix(w, 2);
  if (!check6(g, p.addr, kw)) return;
  if (!p.slash) {
    g.err(
      'dhcpd-syntax',
      (w[3] ?? w[2]!).start,
      w[w.length - 1]!.end,
      'Expected `/LENGTH` at the end of prefix6, e.g. `prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56;`.',
    );
    return;
  }
  const bits = lengthOf(g, p, kw, 1, 127, 'The delegated prefix length must be between 1 and 127.', true);
  if (bits === undefined) return;
  if (!networkOf(g, first.addr, bits) || !networkOf(g, p.addr, bits)) return;
  extra(g, s, p.next);
}

/** `fixed-prefix6 PREFIX/LENGTH;` */
export function fixedPrefix6Stmt(g: Walker, s: Stmt): void {
  const kw = 'fixed-prefix6';
  const w = s.words;
  if (!w[1]) {
    g.err('dhcpd-syntax', w[0]!.end, w[0]!.end, `fixed-prefix6 needs a prefix.${literalHint(kw)}`);
    return;
  }
  const p = readPrefix(w, 1);
  if (!check6(g, p.addr, kw)) return;
  if (!p.slash) {
    g.err('dhcpd-syntax', p.addr.end, p.addr.end, `fixed-prefix6 needs '/LENGTH' after the prefix.${literalHint(kw)}`);
    return;
  }
  const bits = lengthOf(g, p, kw, 0, 128);
  if (bits === undefined || !networkOf(g, p.addr, bits)) return;
  extra(g, s, p.next);
}

/**
 * The number of statement `s` after its keyword at w[at] and the words of `form` (reported when it
 * is not a number); `more`: words may follow it (no `;` right after).
 */
function numberAfter(g: Walker, s: Stmt, at: number, form: NumberForm, more = false): void {
  const w = s.words;
  let i = at + 1;
  for (const word of form.words ?? []) {
    if (low(w[i]) !== word) return; // another slip, reported elsewhere or not modelled
    i++;
  }
  const t = w[i];
  const name = w
    .slice(at, i)
    .map((x) => x.text.toLowerCase())
    .join(' ');
  if (!t) {
    const last = w[i - 1]!;
    g.err('dhcpd-invalid-value', last.end, last.end, `${name} needs a number, e.g. '${form.example}'.`);
    return;
  }
  if (t.kind !== Tk.Word || !/^-?\d+$/.test(t.text)) {
    g.errTok('dhcpd-invalid-value', t, `'${clip(t.text)}' is not a number: write ${name} N, e.g. '${form.example}'.`);
    return;
  }
  const v = Number(t.text);
  if ((form.min !== undefined && v < form.min) || (form.max !== undefined && v > form.max)) {
    const range = form.max !== undefined ? `from ${form.min ?? 0} to ${form.max}` : `of ${form.min} or more`;
    g.errTok('dhcpd-invalid-value', t, `${name} takes a number ${range}, not ${t.text}.`);
    return;
  }
  if (!more) extra(g, s, i + 1);
}

/** A failover peer statement that takes a number (`port N;`, `peer port N;`, `split N;` ...). */
export function failoverNumber(g: Walker, s: Stmt): void {
  const at = low(s.words[0]) === 'peer' ? 1 : 0;
  const kw = low(s.words[at]);
  const form = kw !== undefined ? FAILOVER_NUMBERS[kw] : undefined;
  if (form) numberAfter(g, s, at, form);
}

/** `lease limit N;` in a class, `host-identifier v6relopt N ...` in a host. */
export function statementNumber(g: Walker, s: Stmt, kw: string): void {
  const form = OTHER_NUMBERS[kw];
  if (form) numberAfter(g, s, 0, form, kw === 'host-identifier');
}
