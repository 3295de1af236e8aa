/**
 * The sample workspace the real-editor tests open (test/e2e in code-server, test/desktop in
 * VS Code's extension host), and what a user should see in it. One place for both runners.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPETS } from '../../server/src/vmx/data/snippets';

export interface SampleFile {
  name: string;
  text: string;
}

export const VMX = 'demo.vmx';
export const DHCPD = 'dhcpd.conf';
export const NAMED = 'named.conf';
export const VMKLOG = 'vmkernel.log';
export const ISCSI = 'initiatorname.iscsi';
/** A named.conf written in a hurry, for Format Document. */
export const MESSY = 'named-messy.conf';

export const FILES: readonly SampleFile[] = [
  {
    name: VMX,
    text: [
      '.encoding = "UTF-8"',
      'config.version = "8"',
      'virtualHW.version = "19"',
      'displayName = "e2e-demo"',
      'guestOS = "ubuntu-64"',
      'memsize = "2048"',
      'numvcpus = "2"',
      'bogus.setting = "1"',
      'ethernet0.present = "TRUE"',
      'ethernet0.virtualDev = "vmxnet3"',
      '',
    ].join('\n'),
  },
  {
    name: DHCPD,
    text: [
      '# e2e sample: a DDNS zone whose key is never defined, and a missing semicolon',
      'ddns-update-style interim;',
      'default-lease-time 600;',
      'max-lease-time 7200;',
      '',
      'zone example.com. {',
      '  primary 127.0.0.1;',
      '  key DHCP_UPDATER;',
      '}',
      '',
      'subnet 10.0.0.0 netmask 255.255.255.0 {',
      '  range 10.0.0.10 10.0.0.20',
      '  option routers 10.0.0.1;',
      '}',
      '',
    ].join('\n'),
  },
  {
    name: NAMED,
    text: [
      '// e2e sample: allow-query names an acl that is never defined',
      'acl "internal" { 10.0.0.0/8; };',
      'options {',
      '    directory "/var/cache/bind";',
      '    allow-query { internal; trusted; };',
      '};',
      'zone "example.com" {',
      '    type primary;',
      '    file "/etc/bind/db.example.com";',
      '};',
      'zone "10.in-addr.arpa" {',
      '    type primary;',
      '    file "/etc/bind/db.10";',
      '};',
      '',
    ].join('\n'),
  },
  {
    name: VMKLOG,
    text: [
      '2026-11-26T04:00:01.123Z cpu2:2097152)WARNING: Heap: 3622: Heap vmfs3 already at its maximum size.',
      '2026-11-26T04:00:01.789Z cpu2:2097152)Fil3: 5203: open of disk.vmdk failed: 0xbad0014',
      '2026-11-26T04:00:02.012Z cpu0:2097153)ScsiDeviceIO: 3449: Cmd 0x28 to dev "naa.600508b1001c3a4f" failed',
      '2026-11-26T04:00:03.345Z cpu5:2099351)ScsiDeviceIO: 4325: Cmd(0x45b8c1a3e0c0) 0x28, CmdSN 0x8000002e from world 2099351 to dev "naa.600508b1001c3a5f" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x2 0x4 0x3',
      '2026-11-26T04:00:04.001Z cpu2:2097510)NMP: nmp_ThrottleLogForDevice:3867: Cmd 0x2a (0x45b8c1a3e0c0, 2099351) to dev "naa.600508b1001c3a5f" on path "vmhba2:C0:T1:L3" Failed: H:0x5 D:0x0 P:0x0 Invalid sense data: 0x0 0x0 0x0. Act:EVAL',
      '',
    ].join('\n'),
  },
  {
    name: MESSY,
    text: [
      '// e2e sample: written in a hurry',
      'acl   "internal"{10.0.0.0/8;192.168.0.0/16;};',
      'options{',
      'directory "/var/cache/bind";',
      '    recursion yes;allow-query{internal;};',
      '    forwarders {',
      '8.8.8.8;',
      '        8.8.4.4; };',
      '};',
      '',
      '',
      '',
      'zone "example.net"{type secondary;primaries{192.0.2.1;};file "db.example.net";};',
      '',
    ].join('\n'),
  },
  {
    name: ISCSI,
    text: ['## e2e sample: month 13 is not a month', 'InitiatorName=iqn.2024-13.com.example:host1', ''].join('\n'),
  },
];

/**
 * A Debian-style BIND tree under etc/bind/ (the folder above etc/ stands for `/`): named.conf
 * only includes, the acl is defined in named.conf.options and used in named.conf.local, and
 * named.conf.options has one syntax error. Names are paths relative to the workspace.
 */
export const TREE = {
  root: 'etc/bind/named.conf',
  options: 'etc/bind/named.conf.options',
  local: 'etc/bind/named.conf.local',
  defaultZones: 'etc/bind/named.conf.default-zones',
  /** A fragment whose name says nothing: only the include in named.conf.local makes it named. */
  fragment: 'etc/bind/zones.rfc1918',
  /** The zone file of example.com, whose name says nothing: named.conf.local's `file` makes it a zone file. */
  zone: 'etc/bind/forward/example.com',
} as const;

export const TREE_FILES: readonly SampleFile[] = [
  {
    name: TREE.root,
    text: [
      '// This is the primary configuration file for the BIND DNS server named.',
      '//',
      '// If you are just adding zones, please do that in /etc/bind/named.conf.local',
      '',
      'include "/etc/bind/named.conf.options";',
      'include "/etc/bind/named.conf.local";',
      'include "/etc/bind/named.conf.default-zones";',
      '',
    ].join('\n'),
  },
  {
    name: TREE.options,
    text: [
      'acl trusted { 10.0.0.0/8; };',
      '',
      'options {',
      '\tdirectory "/var/cache/bind";',
      '',
      '\tdnssec-validation auto;',
      '',
      '\tlisten-on-v6 { any; }',
      '\tallow-query { trusted; };',
      '};',
      '',
    ].join('\n'),
  },
  {
    name: TREE.local,
    text: [
      '//',
      '// Do any local configuration here',
      '//',
      '',
      '// Consider adding the 1918 zones here, if they are not used in your',
      '// organization',
      'include "/etc/bind/zones.rfc1918";',
      '',
      'zone "example.com" {',
      '\ttype primary;',
      '\tfile "/etc/bind/forward/example.com";',
      '\tallow-transfer { trusted; };',
      '};',
      '',
    ].join('\n'),
  },
  {
    name: TREE.zone,
    text: [
      '; example.com: its origin comes from the zone statement in named.conf.local',
      '$TTL 1h',
      '@\tIN\tSOA\tns1 hostmaster (',
      '\t\t\t2024010101 ; serial',
      '\t\t\t1h 15m 1w 1h )',
      '@\tIN\tNS\tns1',
      '@\tIN\tMX\t10 mail.example.com',
      'ns1\tIN\tA\t192.0.2.1',
      'mail\tIN\tA\t192.0.2.25',
      'www\tIN\tCNAME\tns1',
      '',
    ].join('\n'),
  },
  {
    name: TREE.defaultZones,
    text: [
      '// prime the server with knowledge of the root servers',
      'zone "." {',
      '\ttype hint;',
      '\tfile "/usr/share/dns/root.hints";',
      '};',
      '',
      '// be authoritative for the localhost forward and reverse zones, and for',
      '// broadcast zones as per RFC 1912',
      '',
      ...[
        ['localhost', 'db.local'],
        ['127.in-addr.arpa', 'db.127'],
        ['0.in-addr.arpa', 'db.0'],
        ['255.in-addr.arpa', 'db.255'],
      ].flatMap(([zone, db]) => [`zone "${zone}" {`, '\ttype master;', `\tfile "/etc/bind/${db}";`, '};', '']),
    ].join('\n'),
  },
  {
    name: TREE.fragment,
    text: [
      'zone "10.in-addr.arpa"      { type master; file "/etc/bind/db.empty"; };',
      '',
      'zone "16.172.in-addr.arpa"  { type master; file "/etc/bind/db.empty"; };',
      'zone "31.172.in-addr.arpa"  { type master; file "/etc/bind/db.empty"; };',
      '',
      'zone "168.192.in-addr.arpa" { type master; file "/etc/bind/db.empty"; };',
      '',
    ].join('\n'),
  },
];

/** Where the tree checks look (1-based lines). */
export const TREE_EXPECT = {
  /** `listen-on-v6 { any; }` without `;` (named-checkconf -t: "named.conf.options:9: missing ';' before 'allow-query'"). */
  optionsSemicolonLines: [8, 9],
  /** named.conf's include of named.conf.options: where the summary of its errors goes. */
  rootIncludeOptionsLine: 5,
  /** `acl trusted` in named.conf.options: where Go to Definition lands. */
  aclLine: 1,
  /** The use of the acl in named.conf.local. */
  trustedUse: 'trusted; }',
  /** The zone file's path in named.conf.local's `file` clause (a document link). */
  zoneLink: '/etc/bind/forward/example.com',
  /** `mail.example.com` without its final dot (it becomes mail.example.com.example.com.). */
  zoneMissingDotLine: 7,
  /** The SOA serial, and where it stands. */
  zoneSerial: '2024010101',
} as const;

/** Where the checks look: 1-based lines, as the Problems panel shows them. */
export const EXPECT = {
  vmxUnknownKeyLine: 8, // bogus.setting
  dhcpdKeyLine: 8, // key DHCP_UPDATER; (dhcpd -t: "line 8: unknown key DHCP_UPDATER")
  dhcpdSemicolonLines: [12, 13], // range ... without ';' (dhcpd -t names line 13, the next token)
  namedAclLine: 5, // allow-query { internal; trusted; }; (named-checkconf: "5: undefined ACL 'trusted'")
  namedZones: ['example.com', '10.in-addr.arpa'],
  vmkCode: '0xbad0014',
  vmkHover: ['VMK_NO_MEMORY', 'Out of memory'],
  /** The SCSI failure the hover on `Valid sense data` explains, and the device the outline lists. */
  senseAt: 'Valid sense data',
  senseHover: ['manual intervention required', 'CHECK CONDITION'],
  device: 'naa.600508b1001c3a5f',
  /** Lines of named-messy.conf once formatted (whatever the indentation). */
  formatted: ['acl "internal" { 10.0.0.0/8; 192.168.0.0/16; };', 'recursion yes;', 'allow-query { internal; };'],
  iscsiLine: 2,
  serialKeys: ['fileType', 'pipe.endPoint'],
} as const;

export function writeWorkspace(dir: string): void {
  for (const f of [...FILES, ...TREE_FILES]) {
    fs.mkdirSync(path.dirname(path.join(dir, f.name)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.name), f.text);
  }
}

/** 1-based line and column of the first occurrence of `needle` in a sample file (FILES or TREE_FILES). */
export function positionOf(file: string, needle: string): { line: number; column: number } {
  const lines = ([...FILES, ...TREE_FILES].find((f) => f.name === file)?.text ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.indexOf(needle);
    if (c >= 0) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`${needle} not in ${file}`);
}

interface SnippetDef {
  prefix?: string | string[];
  body?: string | string[];
  description?: string;
}

export interface Snippet {
  name: string;
  prefix: string;
  /** The body with every placeholder replaced by its default text, as inserted. */
  lines: string[];
}

/**
 * The serial-port-over-a-named-pipe snippet (server end preferred), from the table the server's
 * completion offers (package.json contributes no vmx snippets); `_root` is kept for the callers.
 */
export function serialPipeSnippet(_root: string): Snippet | string {
  const file = 'server/src/vmx/data/snippets.ts';
  const defs: Record<string, SnippetDef> = Object.fromEntries(
    SNIPPETS.map((s) => [s.name, { prefix: s.prefix, body: [...s.body], description: s.description }]),
  );
  const candidates = Object.entries(defs).filter(([name, d]) => {
    const all = `${name} ${JSON.stringify(d.prefix ?? '')} ${d.description ?? ''}`.toLowerCase();
    return all.includes('serial') && all.includes('pipe');
  });
  candidates.sort(([a, da], [b, db]) => score(b, db) - score(a, da));
  const hit = candidates[0];
  if (!hit)
    return `no serial-pipe snippet in ${file} (looked for a name, prefix or description with "serial" and "pipe")`;
  const [name, d] = hit;
  const prefix = Array.isArray(d.prefix) ? d.prefix[0] : d.prefix;
  const body = Array.isArray(d.body) ? d.body.join('\n') : (d.body ?? '');
  if (!prefix) return `snippet "${name}" in ${file} has no prefix`;
  return { name, prefix, lines: resolveSnippet(body).split('\n') };

  function score(n: string, s: SnippetDef): number {
    const all = `${n} ${JSON.stringify(s.prefix ?? '')} ${s.description ?? ''}`.toLowerCase();
    return (all.includes('server') ? 2 : 0) + (all.includes('client') ? 0 : 1);
  }
}

/** Snippet syntax → inserted text: tabstops vanish, placeholders and choices give their default. */
export function resolveSnippet(body: string): string {
  let i = 0;
  return parse('');
  function parse(stop: string): string {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (stop && stop.includes(c)) return out;
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
      } else if (c === '$') {
        i++;
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }
  function dollar(): string {
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i, i + 64));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    if (body[i] !== '{') return '$';
    i++;
    const id = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i, i + 64));
    if (!id) return '${';
    i += id[0].length;
    let text = '';
    if (body[i] === ':') {
      i++;
      text = parse('}');
    } else if (body[i] === '|') {
      i++;
      text = parse(',|');
      while (i < body.length && body[i] !== '|') {
        i++;
        parse(',|');
      }
      i++; // the closing |
    } else if (body[i] === '/') {
      // a transform: skip to the closing brace
      while (i < body.length && body[i] !== '}') i += body[i] === '\\' ? 2 : 1;
    }
    if (body[i] === '}') i++;
    return text;
  }
}

/** E2E_TIMEOUT_SCALE multiplies every timeout of both runners (slow machines). */
export const TIMEOUT_SCALE = Number(process.env.E2E_TIMEOUT_SCALE) > 0 ? Number(process.env.E2E_TIMEOUT_SCALE) : 1;

/**
 * Polls `probe` every 250 ms until it returns a value that is not undefined; on timeout the
 * first line of the last error it threw ends up in the message. Shared by the code-server
 * runner and the extension-host suite.
 */
export async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + timeoutMs * TIMEOUT_SCALE;
  let last = '';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = (e as Error).message.split('\n')[0] ?? '';
    }
    if (Date.now() > end)
      throw new Error(
        `timed out after ${(timeoutMs * TIMEOUT_SCALE) / 1000}s waiting for ${what}${last ? ` (${last})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
