/** Network checks: subnet/netmask, ranges inside subnets, overlaps, hosts' addresses. */
import type { DhcpdTree, RangeDecl, SubnetDecl } from '../tree';
import type { FindingRows } from '../findings';
import { formatIPv4 } from '../../common/ip';
import { partitionPoint } from '../../common/search';
import type { DhcpdRuleId } from '../rules';

function contiguous(mask: number): boolean {
  const inv = ~mask >>> 0;
  return ((inv + 1) & inv) >>> 0 === 0;
}

/** `lineOf`: offset → 1-based line (lineIndex of the text). */
export function networkFindings(tree: DhcpdTree, out: FindingRows, lineOf: (offset: number) => number): void {
  subnetContents(tree.subnets, out);
  overlaps(tree.subnets, out, lineOf);
  hostAddresses(tree, out);
}

/** Each subnet's netmask, and its ranges and addresses against it. */
function subnetContents(subs: readonly SubnetDecl[], out: FindingRows): void {
  for (const s of subs) {
    if (!contiguous(s.mask)) {
      out.add(
        'dhcpd-invalid-netmask',
        s.maskTok.start,
        s.maskTok.end,
        `Netmask ${s.maskTok.text} is not contiguous: its one bits must all come first (e.g. 255.255.255.0).`,
      );
    }
    const inSub = (v: number) => (v & s.mask) >>> 0 === s.net;
    const cidr = `${formatIPv4(s.net)}/${s.maskTok.text}`;
    for (const r of s.ranges) {
      if (r.low > r.high) {
        out.add(
          'dhcpd-range-reversed',
          r.lowTok.start,
          r.highTok.end,
          `The range starts above its end (${r.lowTok.text} > ${r.highTok.text}): write the lower address first.`,
        );
      }
      for (const t of r.low === r.high ? [r.lowTok] : [r.lowTok, r.highTok]) {
        const v = t === r.lowTok ? r.low : r.high;
        if (!inSub(v))
          out.add(
            'dhcpd-range-outside-subnet',
            t.start,
            t.end,
            `${t.text} is outside subnet ${cidr}: a range must lie inside the subnet it is declared in.`,
          );
      }
    }
    for (const a of s.addrs) {
      if (!inSub(a.value))
        out.add(
          'dhcpd-address-outside-subnet',
          a.tok.start,
          a.tok.end,
          `The ${a.what === 'routers' ? 'router' : 'broadcast address'} ${a.tok.text} is outside subnet ${cidr}: clients cannot reach it directly.`,
        );
    }
  }
}

/** Subnets that overlap, and ranges that share addresses. */
function overlaps(subs: readonly SubnetDecl[], out: FindingRows, lineOf: (offset: number) => number): void {
  // overlapping subnets: each one against the first earlier subnet it overlaps
  const firstOverlap = earliestOverlaps(subs);
  for (let j = 0; j < subs.length; j++) {
    const i = firstOverlap[j]!;
    if (i < 0) continue;
    const a = subs[i]!,
      b = subs[j]!;
    out.add(
      'dhcpd-subnet-overlap',
      b.netTok.start,
      b.maskTok.end,
      `This subnet overlaps subnet ${a.netTok.text} netmask ${a.maskTok.text} (line ${lineOf(a.netTok.start)}).`,
    );
  }
  // overlapping ranges (dhcpd: "lease X is declared twice")
  const ranges: RangeDecl[] = subs
    .flatMap((s) => s.ranges)
    .map((r) => (r.low <= r.high ? r : { ...r, low: r.high, high: r.low }));
  const sorted = [...ranges].sort((x, y) => x.low - y.low);
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
      const p = sorted[j]!,
        c = sorted[i]!;
      if (c.low <= p.high) {
        const later = c.lowTok.start > p.lowTok.start ? c : p;
        const earlier = later === c ? p : c;
        out.add(
          'dhcpd-range-overlap',
          later.lowTok.start,
          later.highTok.end,
          `This range shares addresses with the range on line ${lineOf(earlier.lowTok.start)} (from ${formatIPv4(Math.max(p.low, c.low))}): dhcpd refuses addresses declared twice.`,
        );
        break;
      }
    }
  }
}

/** Hosts' MAC and fixed addresses: used twice, or outside every subnet. */
function hostAddresses(tree: DhcpdTree, out: FindingRows): void {
  const subs = tree.subnets;
  // from the table's columns (a file may declare a million hosts, most with one mistake)
  const hosts = tree.hosts;
  const inSomeSubnet = subnetMembership(subs);
  const macs = new Map<string, number>(); // MAC → the first host with it
  const fixed = new Map<number, number>(); // address → the first host with it
  const order = hosts.fixedOrder();
  let k = 0;
  for (let h = 0; h < hosts.length; h++) {
    if (hosts.hasMac(h)) {
      const value = hosts.macValue(h);
      const prev = macs.get(value);
      const start = hosts.macStartOf(h);
      if (prev === undefined) macs.set(value, h);
      else if (!out.pastCut(DUPLICATE_HARDWARE, start))
        out.add(
          DUPLICATE_HARDWARE,
          start,
          hosts.macEndOf(h),
          `Hardware address ${hosts.macText(h)} is already used by host ${hosts.name(prev)}: the client will match only one of them.`,
        );
    }
    for (; k < order.length && hosts.fixedHostOf(order[k]!) === h; k++) {
      const f = order[k]!;
      const value = hosts.fixedValueOf(f);
      const start = hosts.fixedStartOf(f);
      const prev = fixed.get(value);
      if (prev === undefined) fixed.set(value, h);
      else if (!out.pastCut(DUPLICATE_FIXED, start))
        out.add(
          DUPLICATE_FIXED,
          start,
          hosts.fixedEndOf(f),
          `Fixed address ${hosts.fixedText(f)} is already given to host ${hosts.name(prev)}: two clients would share one address.`,
        );
      if (subs.length && !inSomeSubnet(value)) {
        if (!out.pastCut(FIXED_OUTSIDE, start))
          out.add(
            FIXED_OUTSIDE,
            start,
            hosts.fixedEndOf(f),
            `Fixed address ${hosts.fixedText(f)} is outside every declared subnet: dhcpd will never hand it out.`,
          );
      }
    }
  }
}

const DUPLICATE_HARDWARE: DhcpdRuleId = 'dhcpd-duplicate-hardware';
const DUPLICATE_FIXED: DhcpdRuleId = 'dhcpd-duplicate-fixed-address';
const FIXED_OUTSIDE: DhcpdRuleId = 'dhcpd-fixed-address-outside';

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
  const minIndex = (lo: number, hi: number): number => {
    // inclusive positions in `order`
    let lvl = 0;
    while (1 << (lvl + 1) <= hi - lo + 1) lvl++;
    return Math.min(table[lvl]![lo]!, table[lvl]![hi - (1 << lvl) + 1]!);
  };
  const lowerBound = (v: number): number => partitionPoint(nets.length, (i) => nets[i]! < v);
  const overlaps = (a: SubnetDecl, b: SubnetDecl): boolean => {
    const m = (a.mask & b.mask) >>> 0;
    return (a.net & m) >>> 0 === (b.net & m) >>> 0;
  };
  for (let j = 0; j < n; j++) {
    const b = subs[j]!;
    let best = n;
    if (lens[j]! < 0) {
      for (let i = 0; i < j; i++)
        if (overlaps(subs[i]!, b)) {
          best = i;
          break;
        }
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
    for (const s of odd) if ((v & s.mask) >>> 0 === s.net) return true;
    return false;
  };
}
