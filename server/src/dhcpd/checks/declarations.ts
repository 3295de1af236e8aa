/** Declarations: shared-network, subnet, subnet6, group, pool, pool6, ranges, host, class and subclass. */
import { suggestionsFor } from '../../common/text';
import { Tk } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';
import type { Scope } from '../data/placement';

import type { StmtCheck, Walker } from './walker';
import { clip, low, nameOf } from './words';
import { HARDWARE_TYPES } from '../data/keywords';
import { isHexList } from '../values';
import { formatIPv4, ipv4Mask, parseIPv4 } from '../../common/ip';
import type { RangeDecl, SubnetDecl } from '../tree';
import { valueAtoms, check6, checkI, checkLiteral4, extra } from './valueFormats';
import { fixedPrefix6Stmt, range6Stmt, statementNumber, subnet6Head } from './literals';

function checkHost(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  g.checkPlace(first, kw, scope);
  const name = w[1];
  if (!name || name.kind === Tk.Punct)
    g.err('dhcpd-syntax', first.end, first.end, '`host` needs a name: `host NAME { ... }`.');
  if (!g.needBlock(s, kw)) return;
  const saved = g.curHost;
  g.curHost = g.hosts.add(name, first);
  g.walkList(s.block!.stmts, 'host', s);
  g.curHost = saved;
}

function checkGroup(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  const inHost = scope === 'host';
  if (inHost && !s.block) {
    // `group "name";` inside a host puts the host in a named group
    return;
  }
  g.checkPlace(first, kw, scope);
  if (!g.needBlock(s, kw)) return;
  g.walkList(s.block!.stmts, 'group', s);
  checkInterfaces(g, s);
}

function checkSharedNetwork(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  g.checkPlace(first, kw, scope);
  const name = w[1];
  if (!name || name.kind === Tk.Punct)
    g.err('dhcpd-syntax', first.start, first.end, '`shared-network` needs a name: `shared-network NAME { ... }`.');
  else if (name.kind === Tk.String && name.value === '')
    g.errTok('dhcpd-syntax', name, 'The shared-network name is empty: give it a name.');
  if (!g.needBlock(s, kw)) return;
  const savedShared = g.sharedRanges;
  g.sharedRanges = [];
  const firstSubnet = g.subnets.length;
  g.walkList(s.block!.stmts, 'shared-network', s);
  const mine = g.subnets.slice(firstSubnet);
  for (const r of g.sharedRanges) {
    if (!mine.some((sn) => (r.low & sn.mask) >>> 0 === sn.net && (r.high & sn.mask) >>> 0 === sn.net)) {
      g.err(
        'dhcpd-range-outside-subnet-error',
        r.lowTok.start,
        r.highTok.end,
        `This range lies in none of the subnets of this shared-network: dhcpd rejects it ("address range not on network").`,
      );
    }
  }
  g.sharedRanges = savedShared;
  const hasSubnet = s.block!.stmts.some(
    (c) => ['subnet', 'subnet6'].includes(low(c.words[0]) ?? '') || low(c.words[0]) === 'group',
  );
  if (!hasSubnet && s.block!.close)
    g.errTok(
      'dhcpd-syntax',
      s.block!.close,
      'This shared-network declares no subnet: dhcpd rejects an empty shared-network.',
    );
  checkInterfaces(g, s);
}

function checkSubnet(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  g.checkPlace(first, kw, scope);
  if (kw === 'subnet6' && g.family === 4)
    g.errTok(
      'dhcpd-not-allowed-here',
      first,
      '`subnet6` is only accepted by dhcpd in DHCPv6 mode (dhcpd -6); name the file dhcpd6.conf or use `subnet`.',
    );
  let sub: SubnetDecl | undefined;
  let sub6: { net: bigint; len: number; text: string } | undefined;
  if (kw === 'subnet') sub = subnetHead(g, s);
  else sub6 = subnet6Head(g, s);
  if (!g.needBlock(s, kw)) return;
  const saved = g.curSubnet;
  const saved6 = g.curSubnet6;
  g.curSubnet = sub;
  g.curSubnet6 = sub6;
  g.walkList(s.block!.stmts, kw === 'subnet' ? 'subnet' : 'subnet6', s);
  g.curSubnet = saved;
  g.curSubnet6 = saved6;
  checkInterfaces(g, s);
}

function checkPool(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  if (scope === 'pool' || scope === 'pool6') g.notAllowed(first, kw, scope, 'pools cannot be nested');
  else g.checkPlace(first, kw, scope);
  if (!g.needBlock(s, kw)) return;
  g.walkList(s.block!.stmts, kw === 'pool' ? 'pool' : 'pool6', s);
  const want = kw === 'pool' ? ['range'] : ['range6', 'prefix6'];
  if (s.block!.close && !s.block!.stmts.some((c) => want.includes(low(c.words[0]) ?? ''))) {
    g.errTok(
      'dhcpd-syntax',
      s.block!.close,
      `This ${kw} has no ${want.join(' or ')}: dhcpd rejects a pool without addresses.`,
    );
  }
}

function checkRange(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  g.checkPlace(first, kw, scope);
  g.needSemi(s, kw);
  rangeStmt(g, s);
}

function checkRange6(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  if (g.family === 4)
    g.errTok('dhcpd-not-allowed-here', first, `\`${kw}\` is only accepted by dhcpd in DHCPv6 mode (dhcpd -6).`);
  else g.checkPlace(first, kw, scope);
  g.needSemi(s, kw);
  range6Stmt(g, s, kw);
}

function checkFixedPrefix6(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  g.checkPlace(first, kw, scope);
  if (g.needSemi(s, kw)) fixedPrefix6Stmt(g, s);
}

function checkClass(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  g.checkPlace(first, kw, scope);
  const name = w[1];
  if (!name || name.kind === Tk.Punct) {
    g.err('dhcpd-syntax', first.end, first.end, `\`${kw}\` needs a class name in double quotes.`);
  } else if (name.kind !== Tk.String) {
    if (name.problem !== 'curly-quoted')
      g.errTok('dhcpd-syntax', name, `The class name must be in double quotes: \`${kw} "${clip(name.text)}"\`.`, {
        replace: [`"${name.text}"`],
      });
  } else if (kw === 'subclass') {
    const cls = nameOf(name);
    if (!g.classes.has(cls.toLowerCase()))
      g.errTok(
        'dhcpd-undefined-class',
        name,
        `No class named \`${cls}\` is declared before this subclass: declare \`class "${cls}" { ... }\` first.`,
      );
    const v = w[2];
    if (!v || !(v.kind === Tk.String || (v.kind === Tk.Word && isHexList(v.text)))) {
      g.err(
        'dhcpd-invalid-value',
        (v ?? name).start,
        (v ?? name).end,
        'A subclass needs its value: a quoted string or colon-separated hex octets.',
      );
    } else extra(g, s, 3);
  } else if (kw !== 'class' && !g.classes.has(nameOf(name).toLowerCase())) {
    g.errTok(
      'dhcpd-undefined-class',
      name,
      `No class named \`${nameOf(name)}\` is declared before this ${kw}: declare \`class "${nameOf(name)}" { ... }\` first.`,
    );
  } else {
    g.classes.add(nameOf(name).toLowerCase());
    g.definitions.push({ at: s.start, class: nameOf(name).toLowerCase() });
    extra(g, s, 2);
  }
  if (s.block && kw !== 'subclass') {
    const matches = s.block.stmts.filter((c) => low(c.words[0]) === 'match' && low(c.words[1]) === 'if');
    if (matches.length > 1)
      g.errTok(
        'dhcpd-syntax',
        matches[1]!.words[0]!,
        'A class may have only one `match if` statement: combine the conditions with `or`.',
      );
    const sub = s.block.stmts.filter(
      (c) => (low(c.words[0]) === 'match' && low(c.words[1]) !== 'if') || low(c.words[0]) === 'spawn',
    );
    if (sub.length > 1)
      g.errTok(
        'dhcpd-syntax',
        sub[1]!.words[0]!,
        'A class may have only one `match DATA;` or `spawn with DATA;`: the second would override the first.',
      );
  }
  if (s.block) g.walkList(s.block.stmts, 'class', s);
  else if (kw !== 'subclass') g.needBlock(s, kw);
}

function checkHardware(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  g.checkPlace(first, kw, scope);
  g.needSemi(s, kw);
  const type = w[1];
  const addr = w[2];
  if (!type || type.kind !== Tk.Word || !HARDWARE_TYPES.includes(type.text.toLowerCase())) {
    if (g.findings.pastCut('dhcpd-invalid-value', (type ?? first).start)) return;
    const sugg = type ? suggestionsFor(type.text, HARDWARE_TYPES, 1) : [];
    g.err(
      'dhcpd-invalid-value',
      (type ?? first).start,
      (type ?? first).end,
      `Expected a hardware type (${HARDWARE_TYPES.join(', ')})${sugg.length ? `; did you mean \`${sugg[0]}\`?` : '.'}`,
      sugg.length ? { replace: [sugg[0]!] } : undefined,
    );
    return;
  }
  if (!addr || addr.kind !== Tk.Word || !isHexList(addr.text)) {
    g.err(
      'dhcpd-invalid-value',
      (addr ?? type).start,
      (addr ?? type).end,
      'Expected a hardware address as colon-separated hex octets, e.g. `00:16:3e:12:34:56`.',
    );
    return;
  }
  if (type.text.toLowerCase() === 'ethernet') {
    let octets = 1;
    for (let i = addr.text.indexOf(':'); i >= 0; i = addr.text.indexOf(':', i + 1)) octets++;
    if (octets !== 6)
      g.errTok('dhcpd-mac-length', addr, `An Ethernet MAC address has 6 octets; this one has ${octets}.`);
  }
  if (g.curHost >= 0 && !g.hosts.hasMac(g.curHost)) g.hosts.setMac(g.curHost, addr);
  extra(g, s, 3);
}

function checkFixedAddress(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  g.checkPlace(first, kw, scope);
  g.needSemi(s, kw);
  const atoms = valueAtoms(g, s, 1);
  if (!atoms.length) g.err('dhcpd-invalid-value', first.end, first.end, `\`${kw}\` needs an address.`);
  for (const a of atoms) {
    if (kw === 'fixed-address') {
      if (!checkI(g, a)) break;
      const v = parseIPv4(a.text);
      if (v !== undefined && g.curHost >= 0) g.hosts.addFixed(g.curHost, v, a);
    } else if (!check6(g, a, kw)) break;
  }
}

function checkHostOnly(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  g.checkPlace(first, kw, scope);
  if (kw !== 'host-identifier') return;
  statementNumber(g, s, kw);
  // `host-identifier v6relopt N OPTION DATA`: the option's name follows the number, with no `option`
  const w = s.words;
  if (low(w[1]) === 'v6relopt' && low(w[3]) === 'option' && w[4])
    g.errTok(
      'dhcpd-syntax',
      w[3]!,
      `After \`v6relopt ${w[2]!.text}\` comes the option's name itself: write \`host-identifier v6relopt ${w[2]!.text} ${w[4].text} ...\` without \`option\` (dhcpd reads \`option\` as the name of an option and fails).`,
      { replace: [''], at: { start: w[3]!.start, end: w[4].start }, title: 'Remove `option`' },
    );
}

function subnetHead(g: Walker, s: Stmt): SubnetDecl | undefined {
  const w = s.words;
  const netTok = w[1];
  if (!netTok || netTok.kind !== Tk.Word) {
    g.err(
      'dhcpd-syntax',
      w[0]!.end,
      w[0]!.end,
      '`subnet` needs a network number: `subnet 192.168.1.0 netmask 255.255.255.0 { ... }`.',
    );
    return undefined;
  }
  const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(netTok.text);
  if (cidr && parseIPv4(cidr[1]!) !== undefined && Number(cidr[2]) <= 32 && low(w[2]) !== 'netmask') {
    // `subnet 10.5.5.0/27 {`: dhcpd reads the address, then expects `netmask`
    const mask = formatIPv4(ipv4Mask(Number(cidr[2])));
    g.errTok(
      'dhcpd-invalid-value',
      netTok,
      `subnet takes a netmask, not a prefix length: write 'subnet ${cidr[1]} netmask ${mask} { ... }'.`,
      { replace: [`${cidr[1]} netmask ${mask}`] },
    );
    return undefined;
  }
  if (!checkLiteral4(g, netTok, 'subnet')) return undefined;
  if (low(w[2]) !== 'netmask') {
    g.err(
      'dhcpd-syntax',
      (w[2] ?? netTok).start,
      (w[2] ?? netTok).end,
      'Expected `netmask MASK` after the subnet number.',
    );
    return undefined;
  }
  const maskTok = w[3];
  if (!maskTok || maskTok.kind !== Tk.Word) {
    g.err('dhcpd-syntax', w[2]!.end, w[2]!.end, 'Expected the netmask, e.g. 255.255.255.0.');
    return undefined;
  }
  if (!checkLiteral4(g, maskTok, 'subnet', 'a netmask')) return undefined;
  extra(g, s, 4);
  const net = parseIPv4(netTok.text);
  const mask = parseIPv4(maskTok.text);
  if (net === undefined || mask === undefined) return undefined;
  if ((net & ~mask) >>> 0 !== 0) {
    const fixed = (net & mask) >>> 0;
    g.err(
      'dhcpd-subnet-mask-mismatch',
      netTok.start,
      maskTok.end,
      `Subnet number ${netTok.text} has host bits set for netmask ${maskTok.text}: the network is ${formatIPv4(fixed)}.`,
      { replace: [formatIPv4(fixed)], at: { start: netTok.start, end: netTok.end } },
    );
  }
  const sub: SubnetDecl = { stmt: s, net: (net & mask) >>> 0, mask, netTok, maskTok, ranges: [], addrs: [] };
  g.subnets.push(sub);
  return sub;
}

function rangeStmt(g: Walker, s: Stmt): void {
  const w = s.words;
  let i = 1;
  if (low(w[1]) === 'dynamic-bootp') i = 2;
  const a = w[i];
  if (!a) {
    g.err('dhcpd-syntax', w[i - 1]!.end, w[i - 1]!.end, '`range` needs addresses: `range LOW HIGH;`.');
    return;
  }
  if (!checkLiteral4(g, a, 'range')) return;
  const b = w[i + 1];
  if (b && !checkLiteral4(g, b, 'range')) return;
  extra(g, s, b ? i + 2 : i + 1);
  const lo = parseIPv4(a.text);
  const hi = b ? parseIPv4(b.text) : lo;
  if (lo === undefined || hi === undefined) return;
  const r: RangeDecl = { stmt: s, low: lo, high: hi, lowTok: a, highTok: b ?? a, subnet: g.curSubnet };
  g.curSubnet?.ranges.push(r);
  if (!g.curSubnet) {
    g.orphanRanges.push(r);
    g.sharedRanges?.push(r);
  }
}

function checkInterfaces(g: Walker, s: Stmt): void {
  const pb = s.parent;
  let inherited = false;
  if (pb && low(pb.owner.words[0]) === 'shared-network') {
    // once per shared-network, not per subnet in it (one may hold 100,000 subnets)
    if (g.interfaceIn?.block !== pb)
      g.interfaceIn = { block: pb, has: pb.stmts.some((c) => low(c.words[0]) === 'interface') };
    inherited = g.interfaceIn.has;
  }
  if (low(s.words[0]) === 'group') {
    const i = s.block!.stmts.find((c) => low(c.words[0]) === 'interface');
    if (i) {
      g.findings.addFinding({
        rule: 'dhcpd-not-allowed-here',
        start: s.words[0]!.start,
        end: (s.words[1] ?? s.words[0]!).end,
        message:
          'This group contains `interface`, which dhcpd accepts only directly in a subnet or shared-network: move it there.',
        relatedAt: {
          start: i.words[0]!.start,
          end: i.words[0]!.end,
          message: '`interface` is not allowed in a group.',
        },
      });
    }
    return;
  }
  let n = inherited ? 1 : 0;
  for (const c of s.block!.stmts) {
    if (low(c.words[0]) === 'interface') {
      n++;
      if (n > 1)
        g.errTok(
          'dhcpd-syntax',
          c.words[0]!,
          `A subnet or shared network can be connected to one interface only${inherited ? ' (the enclosing shared-network already names one)' : ''}.`,
        );
    }
  }
}

export const DECLARATION_CHECKS: Readonly<Record<string, StmtCheck>> = {
  host: checkHost,
  group: checkGroup,
  'shared-network': checkSharedNetwork,
  subnet: checkSubnet,
  subnet6: checkSubnet,
  pool: checkPool,
  pool6: checkPool,
  range: checkRange,
  range6: checkRange6,
  prefix6: checkRange6,
  'fixed-prefix6': checkFixedPrefix6,
  class: checkClass,
  'vendor-class': checkClass,
  'user-class': checkClass,
  subclass: checkClass,
  hardware: checkHardware,
  'fixed-address': checkFixedAddress,
  'fixed-address6': checkFixedAddress,
  'host-identifier': checkHostOnly,
  uid: checkHostOnly,
  dynamic: checkHostOnly,
  deleted: checkHostOnly,
};
