/** Network checks: subnet/netmask, ranges inside subnets, overlaps, hosts' addresses. */
import type { DhcpdTree, RawFinding, RangeDecl } from './parser';
import { formatIPv4 } from './values';

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
  // overlapping subnets
  for (let i = 0; i < subs.length; i++) {
    for (let j = i + 1; j < subs.length; j++) {
      const a = subs[i]!, b = subs[j]!;
      const m = (a.mask & b.mask) >>> 0;
      if (((a.net & m) >>> 0) === ((b.net & m) >>> 0)) {
        out.push({ rule: 'dhcpd-subnet-overlap', start: b.netTok.start, end: b.maskTok.end, message: `This subnet overlaps subnet ${a.netTok.text} netmask ${a.maskTok.text} (line ${lineOf(a.netTok.start)}).` });
      }
    }
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
      if (subs.length && !subs.some((s) => ((f.value & s.mask) >>> 0) === s.net)) {
        out.push({ rule: 'dhcpd-fixed-address-outside', start: f.tok.start, end: f.tok.end, message: `Fixed address ${f.tok.text} is outside every declared subnet: dhcpd will never hand it out.` });
      }
    }
  }
  return out;
}

/** offset → 1-based line number, by binary search over the line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
