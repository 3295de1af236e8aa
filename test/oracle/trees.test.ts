/**
 * Differential test "agreement on trees": configuration trees (a root file and the files it
 * includes), written to a temporary folder at test time, judged by the real tools on their root
 * (`named-checkconf -t DIR /etc/bind/named.conf` when the folder stands for `/`, else
 * `named-checkconf FILE`; `dhcpd -t -cf FILE` run from the root file's folder) and by us through
 * the workspace model (LanguageService.createWorkspace / checkTrees over the same folder).
 *
 * The rule: a tree the tool accepts gets no Error from us in any of its files; a tree the tool
 * rejects gets at least one Error from us in some file of it. Where the tool names a file and a
 * line, we count how often our Errors are in that file and on that line (a case may require it).
 * Every disagreement must be listed with its reason in tree-fixtures/disagreements.tsv.
 * Debian's stock layouts (bind9 and isc-dhcp-server, fetched with `apt-get download`) are checked
 * too, in a test of their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver-types';
import { listedDisagreements, service, pool } from '../helpers';
import { createFsHost } from '../../server/src/service/fileAccess';
import { discoverFiles, readSmallFile } from '../../server/src/service/discover';
import { defaultSettings } from '../../server/src/service/types';

const CI = process.env.CI === 'true';
const CHECKCONF = ['/usr/bin/named-checkconf', '/usr/sbin/named-checkconf'].find((p) => fs.existsSync(p));
const DHCPD = '/usr/sbin/dhcpd';
const HAVE_DHCPD = fs.existsSync(DHCPD);
const FIXTURE = path.join(process.cwd(), 'test', 'oracle', 'tree-fixtures', 'disagreements.tsv');

/** A folder (not a file) in a case's layout. */
const DIR = Symbol('dir');
/** A case's layout: path in the case's folder → text (`@DIR@` stands for that folder's absolute path), a folder, or a symbolic link. */
type Layout = Record<string, string | typeof DIR | { link: string }>;

interface TreeCase {
  readonly name: string;
  readonly tool: 'named' | 'dhcpd';
  /** The files of the tree (or `at`: an existing folder, for the stock layouts). */
  readonly files?: Layout;
  readonly at?: string;
  /** The root file, by its path in the case's folder. */
  readonly root: string;
  /** named: the case's folder stands for `/` (named-checkconf -t; infraLsp.includes.root for us). */
  readonly chroot?: boolean;
  /** dhcpd -6. */
  readonly v6?: boolean;
  /** infraLsp.includes.allowOutsideWorkspace. */
  readonly allowOutside?: boolean;
  /** What the tool does with the tree: checked, so the case keeps testing what it says. */
  readonly expect?: 'pass' | 'fail';
  /** Our Error must be in the file the tool names ('file'), and on its line ('line'). */
  readonly locate?: 'file' | 'line';
  /** Further checks of our diagnostics: the problems found. */
  readonly also?: (ours: Ours) => string[];
}

/** Our diagnostics of every file of the tree, by path in the case's folder. */
type Ours = Map<string, Diagnostic[]>;

interface Verdict {
  readonly pass: boolean;
  /** The first place the tool names (a path in the case's folder when it is a file of the tree). */
  readonly at?: { file: string; line: number };
  readonly output: string;
}

// ---------------------------------------------------------------------------------------
// The cases

const debianOptions = `options {
\tdirectory "/var/cache/bind";
\tdnssec-validation auto;
\tlisten-on-v6 { any; };
\tallow-query { trusted; };
};

acl "trusted" {
\t127.0.0.1;
\t192.0.2.0/24;
};
`;

const debianLocal = (acl: string) => `//
// Do any local configuration here
//
zone "example.com" {
\ttype primary;
\tfile "/etc/bind/db.example.com";
\tallow-transfer { ${acl}; };
};
`;

const debianDefaultZones = `zone "." {
\ttype hint;
\tfile "/usr/share/dns/root.hints";
};

zone "localhost" {
\ttype master;
\tfile "/etc/bind/db.local";
};

zone "127.in-addr.arpa" {
\ttype master;
\tfile "/etc/bind/db.127";
};
`;

const debianRoot = `include "/etc/bind/named.conf.options";
include "/etc/bind/named.conf.local";
include "/etc/bind/named.conf.default-zones";
`;

/** Debian's layout, with `local` as named.conf.local (and the `directory` of its options, unless told). */
const debian = (local: string, directory = true): Layout => ({
  'etc/bind/named.conf': debianRoot,
  'etc/bind/named.conf.options': debianOptions,
  'etc/bind/named.conf.local': local,
  'etc/bind/named.conf.default-zones': debianDefaultZones,
  ...(directory ? { 'var/cache/bind': DIR } : {}),
});

const zoneText = (name: string) => `zone "${name}" {\n\ttype primary;\n\tfile "db.${name}";\n};\n`;

/** No Error or Warning in `file` that speaks of an acl. */
const noAclComplaint =
  (file: string) =>
  (ours: Ours): string[] =>
    (ours.get(file) ?? [])
      .filter((d) => (d.severity ?? 1) <= 2 && /acl/i.test(`${String(d.code)} ${d.message}`))
      .map((d) => `${file}:${d.range.start.line + 1}: ${d.message}`);

/** A diagnostic of rule `rule` in `file`. */
const hasRule =
  (file: string, rule: string) =>
  (ours: Ours): string[] =>
    (ours.get(file) ?? []).some((d) => d.code === rule) ? [] : [`no ${rule} in ${file}`];

const dhcpdKeys = `key ddns-key {
  algorithm hmac-sha256;
  secret "c2VjcmV0c2VjcmV0c2VjcmV0";
}
`;

const dhcpdSubnets = (extra: string) => `subnet 192.0.2.0 netmask 255.255.255.0 {
  range 192.0.2.100 192.0.2.200;
  option routers 192.0.2.1;${extra}
}

subnet 198.51.100.0 netmask 255.255.255.0 {
  range 198.51.100.10 198.51.100.20;
}

zone example.com. {
  primary 127.0.0.1;
  key ddns-key;
}
`;

const dhcpdRoot = (includes: string) => `ddns-update-style standard;
default-lease-time 600;
max-lease-time 7200;
authoritative;
${includes}`;

const CASES: TreeCase[] = [
  // 1. Debian's layout: an acl defined in named.conf.options, used in named.conf.local
  {
    name: 'named/debian-layout',
    tool: 'named',
    chroot: true,
    files: debian(debianLocal('trusted')),
    root: 'etc/bind/named.conf',
    expect: 'pass',
    also: noAclComplaint('etc/bind/named.conf.local'),
  },
  {
    name: 'named/debian-layout-undefined-acl',
    tool: 'named',
    chroot: true,
    files: debian(debianLocal('untrusted')),
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'line',
  },
  {
    name: 'named/debian-layout-acl-defined-later',
    tool: 'named',
    chroot: true,
    files: {
      ...debian(`acl "office" {\n\t198.51.100.0/24;\n};\n${debianLocal('office')}`),
      'etc/bind/named.conf.options': debianOptions.replace('{ trusted; }', '{ trusted; office; }'),
    },
    root: 'etc/bind/named.conf',
    expect: 'pass',
    also: noAclComplaint('etc/bind/named.conf.options'),
  },
  {
    name: 'named/debian-layout-undefined-acl-in-options',
    tool: 'named',
    chroot: true,
    files: {
      ...debian(debianLocal('trusted')),
      'etc/bind/named.conf.options': debianOptions.replace('{ trusted; }', '{ trusted; office; }'),
    },
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'line',
  },
  // 2. a relative include is read from the working directory, not from the includer's folder
  {
    name: 'named/relative-beside-includer',
    tool: 'named',
    files: {
      'named.conf': 'include "sub/a.conf";\n',
      'sub/a.conf': 'include "b.conf";\n',
      'sub/b.conf': 'acl b { 192.0.2.1; };\n',
    },
    root: 'named.conf',
    expect: 'fail',
    locate: 'line',
  },
  {
    name: 'named/relative-beside-root',
    tool: 'named',
    files: {
      'named.conf': 'include "sub/a.conf";\n',
      'sub/a.conf': 'include "b.conf";\n',
      'b.conf': 'acl b { 192.0.2.1; };\n',
    },
    root: 'named.conf',
    expect: 'pass',
  },
  {
    name: 'named/chroot-relative-beside-includer',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'include "etc/bind/sub/a.conf";\n',
      'etc/bind/sub/a.conf': 'include "b.conf";\n',
      'etc/bind/sub/b.conf': 'acl b { 192.0.2.1; };\n',
    },
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'line',
  },
  {
    name: 'named/chroot-relative-from-slash',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'include "etc/bind/sub/a.conf";\n',
      'etc/bind/sub/a.conf': 'include "b.conf";\n',
      'b.conf': 'acl b { 192.0.2.1; };\n',
    },
    root: 'etc/bind/named.conf',
    expect: 'pass',
  },
  // 3. includes inside views: the included files hold view statements
  {
    name: 'named/view-includes',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': `options {
\tdirectory "/var/cache/bind";
};

view "internal" {
\tmatch-clients { 192.0.2.0/24; };
\tinclude "/etc/bind/internal.conf";
};

view "external" {
\tinclude "/etc/bind/external.conf";
};
`,
      'etc/bind/internal.conf': `recursion yes;\n${zoneText('internal.example')}`,
      'etc/bind/external.conf': `match-clients { any; };\nrecursion no;\n${zoneText('example.com')}`,
      'var/cache/bind': DIR,
    },
    root: 'etc/bind/named.conf',
    expect: 'pass',
  },
  {
    name: 'named/view-include-with-options',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'view "internal" {\n\tinclude "/etc/bind/internal.conf";\n};\n',
      'etc/bind/internal.conf': `${zoneText('internal.example')}options {\n\trecursion yes;\n};\n`,
    },
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'line',
  },
  // 4. a missing include
  {
    name: 'named/missing-include',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/named.conf.local";\n',
      'etc/bind/named.conf.options': 'options {\n\trecursion no;\n};\n',
    },
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'line',
    also: hasRule('etc/bind/named.conf', 'named-include-missing'),
  },
  // 5. an include cycle
  {
    name: 'named/include-cycle',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'include "/etc/bind/a.conf";\n',
      'etc/bind/a.conf': 'acl a { 192.0.2.1; };\ninclude "/etc/bind/b.conf";\n',
      'etc/bind/b.conf': 'include "/etc/bind/a.conf";\n',
    },
    root: 'etc/bind/named.conf',
    // named follows the cycle until it runs out of file descriptors, and names the file it was in
    expect: 'fail',
  },
  // 6. an include of a folder, of a link to a device, and (no folder standing for /) of /dev/null
  {
    name: 'named/include-directory',
    tool: 'named',
    chroot: true,
    files: { 'etc/bind/named.conf': 'include "/etc/bind/zones";\n', 'etc/bind/zones': DIR },
    root: 'etc/bind/named.conf',
    expect: 'fail',
  },
  {
    name: 'named/include-link-to-device',
    tool: 'named',
    chroot: true,
    files: { 'etc/bind/named.conf': 'include "/etc/bind/null.conf";\n', 'etc/bind/null.conf': { link: '/dev/null' } },
    root: 'etc/bind/named.conf',
    expect: 'fail',
  },
  {
    name: 'named/include-link-outside-root',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'include "/etc/bind/outside.conf";\n',
      'etc/bind/outside.conf': { link: '@DIR@/../outside-of-the-root.conf' },
      '../outside-of-the-root.conf': 'acl a { 192.0.2.1; };\n',
    },
    root: 'etc/bind/named.conf',
    expect: 'fail',
  },
  {
    name: 'named/include-dev-null',
    tool: 'named',
    allowOutside: true,
    files: { 'named.conf': 'include "/dev/null";\nacl a { 192.0.2.1; };\n' },
    root: 'named.conf',
    expect: 'pass',
  },
  // 7. an error in an included file, named with that file's path
  {
    name: 'named/error-in-included-file',
    tool: 'named',
    chroot: true,
    files: debian('zone "example.com" {\n\ttype primary;\n\tfile "/etc/bind/db.example.com"\n};\n'),
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'file',
    also: hasRule('etc/bind/named.conf', 'named-include-summary'),
  },
  // 9. `directory`, then a relative include: read from that directory
  {
    name: 'named/directory-then-relative',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'options {\n\tdirectory "/var/cache/bind";\n};\ninclude "extra.conf";\n',
      'var/cache/bind/extra.conf': 'acl extra { 192.0.2.1; };\n',
    },
    root: 'etc/bind/named.conf',
    expect: 'pass',
  },
  {
    name: 'named/directory-then-relative-beside-root',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'options {\n\tdirectory "/var/cache/bind";\n};\ninclude "extra.conf";\n',
      'etc/bind/extra.conf': 'acl extra { 192.0.2.1; };\n',
      'var/cache/bind': DIR,
    },
    root: 'etc/bind/named.conf',
    expect: 'fail',
    locate: 'line',
  },
  {
    name: 'named/directory-in-included-options',
    tool: 'named',
    chroot: true,
    files: {
      'etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "extra.conf";\n',
      'etc/bind/named.conf.options': 'options {\n\tdirectory "/var/cache/bind";\n};\n',
      'var/cache/bind/extra.conf': 'acl extra { 192.0.2.1; };\n',
    },
    root: 'etc/bind/named.conf',
    expect: 'pass',
  },
  {
    // named-checkconf -t fails when the `directory` does not exist in the root
    name: 'named/directory-missing',
    tool: 'named',
    chroot: true,
    files: debian(debianLocal('trusted'), false),
    root: 'etc/bind/named.conf',
    expect: 'fail',
  },
  // 8. dhcpd: keys and subnets in files of their own
  {
    name: 'dhcpd/keys-and-subnets',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "keys.conf";\ninclude "subnets.conf";\n'),
      'keys.conf': dhcpdKeys,
      'subnets.conf': dhcpdSubnets(''),
    },
    root: 'dhcpd.conf',
    expect: 'pass',
  },
  {
    name: 'dhcpd/unknown-option-in-subnets',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "keys.conf";\ninclude "subnets.conf";\n'),
      'keys.conf': dhcpdKeys,
      'subnets.conf': dhcpdSubnets('\n  option no-such-option 1;'),
    },
    root: 'dhcpd.conf',
    expect: 'fail',
    locate: 'line',
  },
  {
    name: 'dhcpd/missing-semicolon-in-subnets',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "keys.conf";\ninclude "subnets.conf";\n'),
      'keys.conf': dhcpdKeys,
      'subnets.conf': dhcpdSubnets('').replace('option routers 192.0.2.1;', 'option routers 192.0.2.1'),
    },
    root: 'dhcpd.conf',
    expect: 'fail',
    locate: 'file',
  },
  {
    // dhcpd knows a key only from its definition on: keys.conf comes too late
    name: 'dhcpd/keys-included-after-the-zone',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "subnets.conf";\ninclude "keys.conf";\n'),
      'keys.conf': dhcpdKeys,
      'subnets.conf': dhcpdSubnets(''),
    },
    root: 'dhcpd.conf',
    expect: 'fail',
    locate: 'line',
  },
  {
    name: 'dhcpd/absolute-includes',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "@DIR@/conf.d/keys.conf";\ninclude "@DIR@/conf.d/subnets.conf";\n'),
      'conf.d/keys.conf': dhcpdKeys,
      'conf.d/subnets.conf': dhcpdSubnets(''),
    },
    root: 'dhcpd.conf',
    expect: 'pass',
  },
  {
    name: 'dhcpd/relative-beside-includer',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "sub/a.conf";\n'),
      'sub/a.conf': 'include "keys.conf";\n',
      'sub/keys.conf': dhcpdKeys,
    },
    root: 'dhcpd.conf',
    expect: 'fail',
  },
  {
    name: 'dhcpd/relative-beside-root',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "sub/a.conf";\n'),
      'sub/a.conf': 'include "keys.conf";\n',
      'keys.conf': dhcpdKeys,
    },
    root: 'dhcpd.conf',
    expect: 'pass',
  },
  {
    name: 'dhcpd/missing-include',
    tool: 'dhcpd',
    files: { 'dhcpd.conf': dhcpdRoot('include "keys.conf";\n') },
    root: 'dhcpd.conf',
    expect: 'fail',
    also: hasRule('dhcpd.conf', 'dhcpd-include-missing'),
  },
  {
    // dhcpd follows the cycle until its stack overflows (it dies of SIGSEGV)
    name: 'dhcpd/include-cycle',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('include "a.conf";\n'),
      'a.conf': 'include "b.conf";\n',
      'b.conf': 'include "a.conf";\n',
    },
    root: 'dhcpd.conf',
    expect: 'fail',
  },
  {
    name: 'dhcpd/include-directory',
    tool: 'dhcpd',
    files: { 'dhcpd.conf': dhcpdRoot('include "conf.d";\n'), 'conf.d': DIR },
    root: 'dhcpd.conf',
    expect: 'fail',
  },
  // an include inside a block: the file's statements are read in that block
  {
    name: 'dhcpd/include-inside-subnet',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('subnet 192.0.2.0 netmask 255.255.255.0 {\n  include "pool.conf";\n}\n'),
      'pool.conf': 'range 192.0.2.100 192.0.2.200;\noption routers 192.0.2.1;\n',
    },
    root: 'dhcpd.conf',
    expect: 'pass',
  },
  {
    name: 'dhcpd/subnet-included-inside-subnet',
    tool: 'dhcpd',
    files: {
      'dhcpd.conf': dhcpdRoot('subnet 192.0.2.0 netmask 255.255.255.0 {\n  include "more.conf";\n}\n'),
      'more.conf': 'subnet 198.51.100.0 netmask 255.255.255.0 {\n}\n',
    },
    root: 'dhcpd.conf',
    expect: 'fail',
  },
  {
    name: 'dhcpd/include-dev-null',
    tool: 'dhcpd',
    allowOutside: true,
    files: { 'dhcpd.conf': dhcpdRoot('include "/dev/null";\n') },
    root: 'dhcpd.conf',
    expect: 'pass',
  },
];

// ---------------------------------------------------------------------------------------
// The tools

function exec(cmd: string, args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout: 20000 }, (err, stdout, stderr) =>
      resolve({ ok: !err, output: `${String(stdout)}${String(stderr)}` }),
    );
  });
}

/**
 * How to run named-checkconf -t: directly as root, else in a user namespace (`unshare -r`) where
 * chroot is allowed; undefined (with why) when neither works.
 */
function chrootRunner(): { prefix: string[] } | { why: string } {
  if (process.getuid?.() === 0) return { prefix: [] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trees-probe-'));
  try {
    fs.mkdirSync(path.join(dir, 'etc'));
    fs.writeFileSync(path.join(dir, 'etc', 'named.conf'), 'acl a { any; };\n');
    execFileSync('unshare', ['-r', CHECKCONF!, '-t', dir, '/etc/named.conf'], { stdio: 'pipe', timeout: 20000 });
    return { prefix: ['unshare', '-r'] };
  } catch {
    return { why: 'named-checkconf -t needs chroot: not root, and `unshare -r` fails' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A path the tool names, as a path in the case's folder when it is one of the tree's files. */
function treeFile(named: string, c: TreeCase, dir: string, files: readonly string[]): string | undefined {
  const abs = path.isAbsolute(named)
    ? c.chroot
      ? path.join(dir, named)
      : named
    : path.resolve(dir, path.dirname(c.root), named);
  const rel = path.relative(dir, abs);
  if (files.includes(rel)) return rel;
  // a relative path read from another working directory (named's `directory`): by its tail
  const tail = files.filter((f) => f === named || f.endsWith(`/${path.normalize(named)}`));
  return tail.length === 1 ? tail[0] : undefined;
}

async function runTool(c: TreeCase, dir: string, files: readonly string[], prefix: string[]): Promise<Verdict> {
  const rootAbs = path.join(dir, c.root);
  let r: { ok: boolean; output: string };
  let at: Verdict['at'];
  if (c.tool === 'named') {
    const args = c.chroot ? ['-t', dir, `/${c.root}`] : [rootAbs];
    const [cmd, ...rest] = [...prefix, CHECKCONF!, ...args];
    r = await exec(cmd!, rest, path.dirname(rootAbs));
    for (const l of r.output.split('\n')) {
      const m = /^(\S+?):(\d+): /.exec(l);
      if (!m) continue;
      const f = treeFile(m[1]!, c, dir, files);
      at = f === undefined ? undefined : { file: f, line: Number(m[2]) };
      break;
    }
  } else {
    const args = ['-t', '-cf', path.basename(c.root), '-lf', '/dev/null', '-pf', path.join(dir, '..', 'dhcpd.pid')];
    if (c.v6) args.unshift('-6');
    r = await exec(DHCPD, args, path.dirname(rootAbs));
    for (const l of r.output.split('\n')) {
      const m = /^(\S+) line (\d+):/.exec(l);
      // "line 0": dhcpd failed before reading a token, no line is named
      if (!m || m[2] === '0') continue;
      const f = treeFile(m[1]!, c, dir, files);
      at = f === undefined ? undefined : { file: f, line: Number(m[2]) };
      break;
    }
  }
  return { pass: r.ok, at: r.ok ? undefined : at, output: r.output.trim() };
}

// ---------------------------------------------------------------------------------------
// Our verdict

function writeLayout(dir: string, files: Layout): void {
  for (const [rel, v] of Object.entries(files)) {
    const p = path.join(dir, rel);
    if (v === DIR) {
      fs.mkdirSync(p, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof v === 'string') fs.writeFileSync(p, v.replaceAll('@DIR@', dir));
    else fs.symlinkSync(v.link.replaceAll('@DIR@', dir), p);
  }
}

/** Our diagnostics of every file of the tree of `c.root`, by path in `dir`. */
function ours(c: TreeCase, dir: string): Ours {
  const host = createFsHost({
    roots: () => [dir],
    allowOutside: () => c.allowOutside ?? false,
    includeRoot: () => (c.chroot ? dir : undefined),
  });
  const ws = service.createWorkspace(host);
  for (const f of discoverFiles([dir], readSmallFile))
    if (service.modeFor(f.languageId)?.loads) ws.update(f.path, f.languageId);
  const out: Ours = new Map();
  for (const r of service.checkTrees(ws, path.join(dir, c.root), {
    settings: { ...defaultSettings, bindVersion: '9.18' },
  }))
    out.set(path.relative(dir, r.file), r.diagnostics);
  return out;
}

function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...filesUnder(dir, r));
    else out.push(r);
  }
  return out;
}

interface Tally {
  agree: number;
  total: number;
  listed: number;
  /** Failing trees where the tool names a file of the tree: our Error in that file, on that line (all, and where we reject too). */
  located: number;
  inFile: number;
  onLine: number;
  locatedAgree: number;
  inFileAgree: number;
  details: string[];
}

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${String(d.code)}`;

async function judge(
  cases: readonly TreeCase[],
  dirOf: (c: TreeCase) => string,
  prefix: string[],
  tally: Tally,
  problems: string[],
): Promise<void> {
  const listed = listedDisagreements(FIXTURE);
  const verdicts = await pool(cases, 3, (c) => {
    const dir = dirOf(c);
    return runTool(c, dir, filesUnder(dir), prefix);
  });
  cases.forEach((c, i) => {
    const tool = verdicts[i]!;
    const dir = dirOf(c);
    const mine = ours(c, dir);
    const errors = [...mine].flatMap(([f, ds]) => ds.filter((d) => d.severity === 1).map((d) => ({ f, d })));
    const said = errors.map((e) => `${e.f}:${brief(e.d)}`).join(' ') || 'no Error';
    const toolSaid = tool.pass ? 'passes' : `fails${tool.at ? ` at ${tool.at.file}:${tool.at.line}` : ''}`;
    tally.total++;
    tally.details.push(`${c.name}: ${c.tool} ${toolSaid}; we: ${said}`);
    if (c.expect && (c.expect === 'pass') !== tool.pass)
      problems.push(`${c.name}: expected the tool to ${c.expect}, it ${toolSaid}: ${tool.output.split('\n')[0]}`);
    const agree = tool.pass ? errors.length === 0 : errors.length > 0;
    if (agree) tally.agree++;
    if (agree && listed.has(c.name)) console.log(`${c.name} is listed in disagreements.tsv but now agrees`);
    if (!agree && listed.has(c.name)) tally.listed++;
    if (!agree && !listed.has(c.name)) problems.push(`${c.name}: ${c.tool} ${toolSaid}; we report ${said}`);
    // (where we are meant to disagree, where we put the Error is not checked)
    const strict = agree || !listed.has(c.name);
    if (!tool.pass && tool.at) {
      const { file, line } = tool.at;
      const inFile = errors.filter((e) => e.f === file);
      const onLine = inFile.some((e) => e.d.range.start.line <= line - 1 && line - 1 <= e.d.range.end.line);
      tally.located++;
      if (inFile.length) tally.inFile++;
      if (onLine) tally.onLine++;
      if (agree) tally.locatedAgree++;
      if (agree && inFile.length) tally.inFileAgree++;
      if (strict && c.locate && !inFile.length)
        problems.push(`${c.name}: ${c.tool} names ${file}:${line}; we: ${said}`);
      else if (strict && c.locate === 'line' && !onLine)
        problems.push(`${c.name}: ${c.tool} names ${file}:${line}; our Errors there: ${said}`);
    } else if (c.locate && !tool.pass) problems.push(`${c.name}: ${c.tool} names no file of the tree: ${tool.output}`);
    if (strict) for (const p of c.also?.(mine) ?? []) problems.push(`${c.name}: ${p}`);
  });
}

function summary(label: string, t: Tally): string {
  const head = `${label}: ${t.agree}/${t.total} (${t.listed} listed disagreements)`;
  if (!t.located) return head;
  return (
    `${head}; of the ${t.located} rejected trees where the tool names a file of the tree, our Error is in ` +
    `that file in ${t.inFile} (${t.inFileAgree}/${t.locatedAgree} where we reject too), on that line in ${t.onLine}`
  );
}

const newTally = (): Tally => ({
  agree: 0,
  total: 0,
  listed: 0,
  located: 0,
  inFile: 0,
  onLine: 0,
  locatedAgree: 0,
  inFileAgree: 0,
  details: [],
});

/** Which tools can run here; the cases of a missing one are skipped (a failure under CI=true). */
function runnable(cases: readonly TreeCase[]): { run: TreeCase[]; prefix: string[]; skipped: string[] } {
  const skipped: string[] = [];
  let prefix: string[] = [];
  let run = [...cases];
  if (!CHECKCONF) {
    skipped.push('named-checkconf not installed (install bind9-utils)');
    run = run.filter((c) => c.tool !== 'named');
  } else if (run.some((c) => c.tool === 'named' && c.chroot)) {
    const r = chrootRunner();
    if ('why' in r) {
      skipped.push(r.why);
      run = run.filter((c) => !(c.tool === 'named' && c.chroot));
    } else prefix = r.prefix;
  }
  if (!HAVE_DHCPD) {
    skipped.push('dhcpd not installed (install isc-dhcp-server)');
    run = run.filter((c) => c.tool !== 'dhcpd');
  }
  return { run, prefix, skipped };
}

test('trees: our verdict on every file of a tree agrees with named-checkconf and dhcpd on its root', async (t) => {
  const { run, prefix, skipped } = runnable(CASES);
  if (skipped.length) {
    if (CI) assert.fail(`under CI: ${skipped.join('; ')}`);
    console.log(`tree agreement: some cases skipped: ${skipped.join('; ')}`);
    if (!run.length) {
      t.skip(skipped.join('; '));
      return;
    }
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'trees-oracle-'));
  const dirOf = (c: TreeCase) => path.join(base, c.name.replace('/', '-'));
  try {
    for (const c of run) {
      fs.mkdirSync(dirOf(c));
      writeLayout(dirOf(c), c.files ?? {});
    }
    const tally = newTally();
    const problems: string[] = [];
    await judge(run, dirOf, prefix, tally, problems);
    if (process.env.TREES_VERBOSE) for (const d of tally.details) console.log(`  ${d}`);
    console.log(summary('tree agreement', tally));
    assert.deepEqual(problems, []);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------
// 10. Debian's stock layouts

/** Debian's packages, extracted into `dir` (undefined: the download failed, with why). */
function debianPackages(dir: string): string | undefined {
  try {
    const debs = path.join(dir, 'debs');
    fs.mkdirSync(debs);
    const apt = [
      '-q',
      '-o',
      'Acquire::Retries=0',
      '-o',
      'Acquire::http::Timeout=10',
      '-o',
      'Acquire::https::Timeout=10',
    ];
    execFileSync('apt-get', [...apt, 'download', 'bind9', 'isc-dhcp-server'], {
      cwd: debs,
      stdio: 'pipe',
      timeout: 30000,
    });
    for (const f of fs.readdirSync(debs).filter((x) => x.endsWith('.deb')))
      execFileSync('dpkg', ['-x', path.join(debs, f), path.join(dir, 'root')], { stdio: 'pipe', timeout: 60000 });
    return undefined;
  } catch (e) {
    return `apt-get download bind9 isc-dhcp-server failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

test("trees: Debian's stock named.conf and dhcpd.conf (from the bind9 and isc-dhcp-server packages)", async (t) => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'trees-debian-'));
  try {
    const why = debianPackages(base);
    if (why) {
      if (CI) assert.fail(`under CI: ${why}`);
      console.log(`${why}: skipping the stock layouts`);
      t.skip(why);
      return;
    }
    const root = path.join(base, 'root');
    // named-checkconf -t chdirs to the `directory` of the stock options
    fs.mkdirSync(path.join(root, 'var', 'cache', 'bind'), { recursive: true });
    const stock: TreeCase[] = [
      { name: 'debian/named.conf', tool: 'named', chroot: true, root: 'etc/bind/named.conf', expect: 'pass' },
      { name: 'debian/dhcpd.conf', tool: 'dhcpd', root: 'etc/dhcp/dhcpd.conf', expect: 'pass' },
      { name: 'debian/dhcpd6.conf', tool: 'dhcpd', v6: true, root: 'etc/dhcp/dhcpd6.conf', expect: 'pass' },
    ].filter((c) => fs.existsSync(path.join(root, c.root))) as TreeCase[];
    assert.ok(stock.length, 'the packages hold none of the stock files');
    const { run, prefix, skipped } = runnable(stock);
    if (skipped.length) {
      if (CI) assert.fail(`under CI: ${skipped.join('; ')}`);
      console.log(`stock layouts: some skipped: ${skipped.join('; ')}`);
    }
    const tally = newTally();
    const problems: string[] = [];
    await judge(run, () => root, prefix, tally, problems);
    if (process.env.TREES_VERBOSE) for (const d of tally.details) console.log(`  ${d}`);
    console.log(summary('debian stock tree agreement', tally));
    assert.deepEqual(problems, []);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
