/** Network checks: subnet/netmask, ranges inside subnets, overlaps, hosts' addresses. */
import type { DhcpdTree, RawFinding, RangeDecl, SubnetDecl } from './parser';
import { formatIPv4 } from './values';
import { lineIndex } from '../common/text';
import { partitionPoint } from '../common/search';

function contiguous(mask: number): boolean {
  const inv = (~mask) >>> 0;
  return ((inv + 1) & inv) >>> 0 === 0;
}

export function networkFindings(tree: DhcpdTree): RawFinding[] {
  const out: RawFinding[] = [];
  const lineOf = lineIndex(tree.text);
  const subs = tree.subnets;
  for (const s of subs) {
    if (!contiguous(s.mask)) {
      out.push({ rule: 'dhcpd-invalid-netmask', start: s.maskTok.start, end: s.maskTok.end, message: `Netmask ${s.maskTok.text} is not contiguous: its one bits must all come first (e.g. 255.255.255.0).` });
    }
    const inSub = (v: number) => ((v & s.mask) >>> 0) === s.net;
    const cidr = `${formatIPv4(s.net)}/${s.maskTok.text}`;
    for (const r of s.ranges) {
      if (r.low > r.high) {
        out.push({ rule: 'dhcpd-range-reversed', start: r.lowTok.start, end: r.highTok.end, message: `The range starts above its end (${r.lowTok.text} > ${r.highTok.text}): write the lower address first.`, data: { swap: true } });
      }
      for (const t of r.low === r.high ? [r.lowTok] : [r.lowTok, r.highTok]) {
        const v = t === r.lowTok ? r.low : r.high;
        if (!inSub(v)) out.push({ rule: 'dhcpd-range-outside-subnet', start: t.start, end: t.end, message: `${t.text} is outside subnet ${cidr}: a range must lie inside the subnet it is declared in.` });
      }
    }
    for (const a of s.addrs) {
      if (!inSub(a.value)) out.push({ rule: 'dhcpd-address-outside-subnet', start: a.tok.start, end: a.tok.end, message: `The ${a.what === 'routers' ? 'router' : 'broadcast address'} ${a.tok.text} is outside subnet ${cidr}: clients cannot reach it directly.` });
    }
  }
  // overlapping subnets: each one against the first earlier subnet it overlaps
  const firstOverlap = earliestOverlaps(subs);
  for (let j = 0; j < subs.length; j++) {
    const i = firstOverlap[j]!;
    if (i < 0) continue;
    const a = subs[i]!, b = subs[j]!;
    out.push({ rule: 'dhcpd-subnet-overlap', start: b.netTok.start, end: b.maskTok.end, message: `This subnet overlaps subnet ${a.netTok.text} netmask ${a.maskTok.text} (line ${lineOf(a.netTok.start)}).` });
  }
  // overlapping ranges (dhcpd: "lease X is declared twice")
  const ranges: RangeDecl[] = subs.flatMap((s) => s.ranges).map((r) => (r.low <= r.high ? r : { ...r, low: r.high, high: r.low }));
  const sorted = [...ranges].sort((x, y) => x.low - y.low);
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
      const p = sorted[j]!, c = sorted[i]!;
      if (c.low <= p.high) {
        const later = c.lowTok.start > p.lowTok.start ? c : p;
        const earlier = later === c ? p : c;
        out.push({ rule: 'dhcpd-range-overlap', start: later.lowTok.start, end: later.highTok.end, message: `This range shares addresses with the range on line ${lineOf(earlier.lowTok.start)} (from ${formatIPv4(Math.max(p.low, c.low))}): dhcpd refuses addresses declared twice.` });
        break;
      }
    }
  }
  // hosts
  const inSomeSubnet = subnetMembership(subs);
  const macs = new Map<string, string>();
  const fixed = new Map<number, string>();
  for (const h of tree.hosts) {
    if (h.mac) {
      const prev = macs.get(h.mac.value);
      if (prev !== undefined) out.push({ rule: 'dhcpd-duplicate-hardware', start: h.mac.tok.start, end: h.mac.tok.end, message: `Hardware address ${h.mac.tok.text} is already used by host ${prev}: the client will match only one of them.` });
      else macs.set(h.mac.value, h.name);
    }
    for (const f of h.fixed) {
      const prev = fixed.get(f.value);
      if (prev !== undefined) out.push({ rule: 'dhcpd-duplicate-fixed-address', start: f.tok.start, end: f.tok.end, message: `Fixed address ${f.tok.text} is already given to host ${prev}: two clients would share one address.` });
      else fixed.set(f.value, h.name);
      if (subs.length && !inSomeSubnet(f.value)) {
        out.push({ rule: 'dhcpd-fixed-address-outside', start: f.tok.start, end: f.tok.end, message: `Fixed address ${f.tok.text} is outside every declared subnet: dhcpd will never hand it out.` });
      }
    }
  }
  return out;
}

const TWO32 = 2 ** 32;
const prefixMask = (len: number): number => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
const prefixLength = (mask: number): number => {
  let n = 0;
  for (let m = mask >>> 0; m; m = (m << 1) >>> 0) n++;
  return n;
};

/**
 * For each subnet, the index of the first earlier subnet it overlaps, or -1. Two subnets overlap
 * when they agree on the bits of both masks. With contiguous masks that means one contains the
 * other: the containers of a subnet are found by exact lookup per prefix length, the subnets it
 * contains by a range-minimum query over the subnets sorted by network number. Subnets with a
 * non-contiguous (invalid) mask are compared pairwise. O(n log n) instead of all pairs.
 */
function earliestOverlaps(subs: readonly SubnetDecl[]): number[] {
  const n = subs.length;
  const res = new Array<number>(n).fill(-1);
  if (n < 2) return res;
  const odd: number[] = []; // indices with a non-contiguous mask
  const lens = new Array<number>(n).fill(-1);
  const firstAt = new Map<number, number>(); // len * 2^32 + net → first index
  const lengths = new Set<number>();
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = subs[i]!;
    if (!contiguous(s.mask)) {
      odd.push(i);
      continue;
    }
    const len = prefixLength(s.mask);
    lens[i] = len;
    lengths.add(len);
    const key = len * TWO32 + s.net;
    if (!firstAt.has(key)) firstAt.set(key, i);
    order.push(i);
  }
  const lenList = [...lengths].sort((a, b) => a - b);
  order.sort((x, y) => subs[x]!.net - subs[y]!.net || x - y);
  const nets = order.map((i) => subs[i]!.net);
  // sparse table of minimum index over `order`
  const table: Int32Array[] = [Int32Array.from(order)];
  for (let w = 1; 2 * w <= order.length; w *= 2) {
    const prev = table[table.length - 1]!;
    const next = new Int32Array(order.length - 2 * w + 1);
    for (let k = 0; k < next.length; k++) next[k] = Math.min(prev[k]!, prev[k + w]!);
    table.push(next);
  }
  const minIndex = (lo: number, hi: number): number => { // inclusive positions in `order`
    let lvl = 0;
    while (1 << (lvl + 1) <= hi - lo + 1) lvl++;
    return Math.min(table[lvl]![lo]!, table[lvl]![hi - (1 << lvl) + 1]!);
  };
  const lowerBound = (v: number): number => partitionPoint(nets.length, (i) => nets[i]! < v);
  const overlaps = (a: SubnetDecl, b: SubnetDecl): boolean => {
    const m = (a.mask & b.mask) >>> 0;
    return ((a.net & m) >>> 0) === ((b.net & m) >>> 0);
  };
  for (let j = 0; j < n; j++) {
    const b = subs[j]!;
    let best = n;
    if (lens[j]! < 0) {
      for (let i = 0; i < j; i++) if (overlaps(subs[i]!, b)) { best = i; break; }
      res[j] = best < n ? best : -1;
      continue;
    }
    const len = lens[j]!;
    // earlier subnets that contain b (or equal it)
    for (const L of lenList) {
      if (L > len) break;
      const i = firstAt.get(L * TWO32 + ((b.net & prefixMask(L)) >>> 0));
      if (i !== undefined && i < best && i !== j) best = i;
    }
    // subnets whose network number lies inside b: contained in b (or equal to it)
    const lo = lowerBound(b.net);
    const hi = lowerBound(b.net + 2 ** (32 - len)) - 1;
    if (lo <= hi) {
      const m = minIndex(lo, hi);
      if (m < best && m !== j) best = m;
    }
    // subnets with invalid masks, pairwise
    for (const i of odd) {
      if (i >= best || i >= j) break;
      if (overlaps(subs[i]!, b)) best = i;
    }
    res[j] = best < j ? best : -1;
  }
  return res;
}

/** A test "is this address in some subnet", by one lookup per distinct prefix length. */
function subnetMembership(subs: readonly SubnetDecl[]): (v: number) => boolean {
  const byLength = new Map<number, Set<number>>(); // prefix length → network numbers
  const odd: SubnetDecl[] = [];
  for (const s of subs) {
    if (!contiguous(s.mask)) {
      odd.push(s);
      continue;
    }
    const len = prefixLength(s.mask);
    let set = byLength.get(len);
    if (!set) byLength.set(len, (set = new Set()));
    set.add(s.net);
  }
  const levels = [...byLength].map(([len, nets]) => ({ mask: prefixMask(len), nets }));
  return (v) => {
    for (const l of levels) if (l.nets.has((v & l.mask) >>> 0)) return true;
    for (const s of odd) if (((v & s.mask) >>> 0) === s.net) return true;
    return false;
  };
}
