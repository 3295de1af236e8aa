/**
 * The load checks of zone/integrity.ts, dnssecChecks.ts, checkNames.ts and the owner-bound SVCB
 * rules: each case with what named-checkzone 9.18.49 and 9.20.23 say (recorded: 'pass' or a
 * piece of their message), our findings as each version (LF and CRLF), and the recorded
 * verdicts checked again against the live tools where they are (skipped without, a failure
 * under CI=true).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { bothEOL, brief, validate, withEOL } from '../../helpers';
import { defaultSettings, type BindVersion, type FileAccess } from '../../../server/src/service/types';
import { findChecker } from '../../bindCheckers';
import { alpnIds, isDnsSvcbOwner } from '../../../server/src/zone/svcb';
import { isBase32HexNoPad } from '../../../server/src/zone/checkNames';
import { nameKey, parentKey, keyInZone } from '../../../server/src/zone/zoneIndex';

type V = '9.18' | '9.20';
interface Case {
  readonly name: string;
  /** The zone's records after the header (which ends on line 3). */
  readonly body: string;
  /** named-checkzone's verdict per version: 'pass', or a piece of its message. */
  readonly checkzone: Readonly<Record<V, string>>;
  /** Our findings per version, as `line:col severity rule`. */
  readonly ours: Readonly<Record<V, readonly string[]>>;
}

const HEADER = '$ORIGIN example.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n';
const NS = '@ NS ns\nns A 192.0.2.1\n';
const DIGEST = 'AB'.repeat(32);
const KEY13 = `${'A'.repeat(86)}==`;
const both = (s: string) => ({ '9.18': s, '9.20': s });
const same = (l: readonly string[]) => ({ '9.18': l, '9.20': l });
/** A TXT record of `n` octets of data (strings of up to 255, each with its length octet). */
const txt = (owner: string, n: number, fill = 'x') => {
  const parts: string[] = [];
  for (let rest = n; rest > 0;) {
    const len = rest === 257 ? 200 : Math.min(256, rest);
    parts.push(fill.repeat(len - 1));
    rest -= len;
  }
  return `${owner} TXT ( ${parts.join('\n  ')} )\n`;
};

const CASES: readonly Case[] = [
  // an owner's digit escape of fewer than three digits (a seeded mutant that once passed us)
  {
    name: 'owner with a two-digit escape',
    body: `${NS}a\\25 A 192.0.2.2\n`,
    checkzone: both('unexpected end of input'),
    ours: same(['6:1 error dns-zone-name-length']),
  },
  {
    name: 'owner with a three-digit escape',
    body: `${NS}a\\025 A 192.0.2.2\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  // the name servers of the apex, looked up in the zone
  { name: 'NS with an A record', body: NS, checkzone: both('pass'), ours: same([]) },
  { name: 'NS with only AAAA', body: '@ NS ns\nns AAAA 2001:db8::1\n', checkzone: both('pass'), ours: same([]) },
  {
    name: 'NS with no address',
    body: '@ NS ns\nns TXT "no address"\n',
    checkzone: both("NS 'ns.example' has no address records"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS that does not exist',
    body: '@ NS ns\n',
    checkzone: both("NS 'ns.example' has no address records"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS that is a CNAME',
    body: '@ NS ns\nns CNAME host\nhost A 192.0.2.1\n',
    checkzone: both("NS 'ns.example' is a CNAME"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS below a DNAME',
    body: '@ NS ns.d\nd DNAME example.net.\nns.d A 192.0.2.1\n',
    checkzone: both("NS 'ns.d.example' is below a DNAME 'd.example'"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS at a DNAME (the DNAME covers only what is below it)',
    body: '@ NS d\nd DNAME example.net.\nd A 192.0.2.1\n',
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'NS below a delegation, without glue (the child answers)',
    body: '@ NS ns.sub\nsub NS ns.example.net.\n',
    checkzone: both('pass'),
    ours: same([]),
  },
  { name: 'NS covered by a wildcard', body: '@ NS ns\n* A 192.0.2.1\n', checkzone: both('pass'), ours: same([]) },
  {
    name: 'NS covered by a wildcard without an address',
    body: '@ NS ns\n* TXT "x"\n',
    checkzone: both("NS 'ns.example' has no address records"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS whose closest encloser has no wildcard',
    body: '@ NS ns.a\n* A 192.0.2.1\nx.a TXT "x"\n',
    checkzone: both("NS 'ns.a.example' has no address records"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS that is an empty non-terminal',
    body: '@ NS a\nb.a A 192.0.2.1\n',
    checkzone: both("NS 'a.example' has no address records"),
    ours: same(['4:6 error dns-zone-ns-target']),
  },
  {
    name: 'NS outside the zone',
    body: '@ NS ns.example.net.\n',
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'NS whose address a $GENERATE makes (records out of sight: no verdict)',
    body: '@ NS ns1\n$GENERATE 1-2 ns$ A 192.0.2.$\n',
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'NS written with an escape',
    body: '@ NS n\\115\nNS A 192.0.2.1\n',
    checkzone: both('pass'),
    ours: same([]),
  },
  // DS: never at the apex; (9.20) only at a delegation
  {
    name: 'DS at the apex',
    body: `${NS}@ DS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('DS record at top of zone'),
    ours: same(['6:3 error dns-zone-ds']),
  },
  {
    name: 'DS at a name without NS',
    body: `${NS}sub DS 12345 13 2 ${DIGEST}\n`,
    checkzone: { '9.18': 'pass', '9.20': 'DS not at delegation point (sub.example)' },
    ours: { '9.18': [], '9.20': ['6:1 error dns-zone-ds'] },
  },
  {
    name: 'DS at a delegation',
    body: `${NS}sub NS ns.example.net.\nsub DS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'DS below a delegation (not the zone’s data)',
    body: `${NS}sub NS ns.example.net.\nfoo.sub DS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'DS below a DNAME',
    body: `${NS}d DNAME example.net.\nfoo.d DS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'DS at a DNAME',
    body: `${NS}d DNAME example.net.\nd DS 12345 13 2 ${DIGEST}\n`,
    checkzone: { '9.18': 'pass', '9.20': 'DS not at delegation point (d.example)' },
    ours: { '9.18': [], '9.20': ['7:1 error dns-zone-ds'] },
  },
  // CDS and CDNSKEY against the DNSKEY algorithms
  {
    name: 'CDS of the DNSKEY algorithm',
    body: `${NS}@ DNSKEY 257 3 13 ${KEY13}\n@ CDS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'CDS of another algorithm',
    body: `${NS}@ DNSKEY 257 3 13 ${KEY13}\n@ CDS 12345 8 2 ${DIGEST}\n`,
    checkzone: both('CDS/CDNSKEY consistency checks failed'),
    ours: same(['7:13 error dns-zone-cds']),
  },
  {
    name: 'CDS without any DNSKEY',
    body: `${NS}@ CDS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('CDS/CDNSKEY consistency checks failed'),
    ours: same(['6:13 error dns-zone-cds']),
  },
  {
    name: 'CDS by algorithm name',
    body: `${NS}@ DNSKEY 257 3 ECDSAP256SHA256 ${KEY13}\n@ CDS 12345 ECDSA256 2 ${DIGEST}\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  { name: 'CDS delete record alone', body: `${NS}@ CDS 0 0 0 00\n`, checkzone: both('pass'), ours: same([]) },
  {
    name: 'CDS delete record beside another',
    body: `${NS}@ DNSKEY 257 3 13 ${KEY13}\n@ CDS 0 0 0 00\n@ CDS 12345 13 2 ${DIGEST}\n`,
    checkzone: both('CDS/CDNSKEY consistency checks failed'),
    ours: same(['8:13 error dns-zone-cds']),
  },
  {
    name: 'CDS of two zero octets is no delete record',
    body: `${NS}@ CDS 0 0 0 0000\n`,
    checkzone: both('CDS/CDNSKEY consistency checks failed'),
    ours: same(['6:9 error dns-zone-cds']),
  },
  { name: 'CDNSKEY delete record', body: `${NS}@ CDNSKEY 0 3 0 AA==\n`, checkzone: both('pass'), ours: same([]) },
  {
    name: 'CDNSKEY of another algorithm',
    body: `${NS}@ DNSKEY 257 3 13 ${KEY13}\n@ CDNSKEY 257 3 8 AwEAAQ==\n`,
    checkzone: both('CDS/CDNSKEY consistency checks failed'),
    ours: same(['7:17 error dns-zone-cds']),
  },
  // NSEC3 owners: a base32hex hash without padding
  {
    name: 'NSEC3 owner with padding',
    body: `${NS}CPNMU=== NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n`,
    checkzone: both('bad owner name (check-names)'),
    ours: same(['6:1 error dns-zone-owner-name']),
  },
  {
    name: 'NSEC3 owner with bits left over',
    body: `${NS}CPNM NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n`,
    checkzone: both('bad owner name (check-names)'),
    ours: same(['6:1 error dns-zone-owner-name']),
  },
  {
    name: 'NSEC3 owner that is a hash',
    body: `${NS}2t7b4g4vsa5smi47k61mv5bv1a22bojr NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  // SVCB where its owner matters (9.20)
  { name: '_dns SVCB with alpn=dot', body: `${NS}_dns SVCB 1 ns alpn=dot\n`, checkzone: both('pass'), ours: same([]) },
  {
    name: '_dns SVCB without alpn',
    body: `${NS}_dns SVCB 1 ns port=853\n`,
    checkzone: { '9.18': 'pass', '9.20': 'SVCB record not valid: no ALPN' },
    ours: { '9.18': [], '9.20': ['6:6 error dns-zone-svcb'] },
  },
  {
    name: '_dns SVCB with alpn=h2 and no dohpath',
    body: `${NS}_dns SVCB 1 ns alpn=h2\n`,
    checkzone: { '9.18': 'pass', '9.20': 'SVCB record not valid: no DOHPATH' },
    ours: { '9.18': [], '9.20': ['6:16 error dns-zone-svcb'] },
  },
  {
    name: '_dns SVCB with alpn=h2 and a dohpath',
    body: `${NS}_dns SVCB 1 ns alpn=h2 dohpath=/dns-query{?dns}\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: '_443._dns SVCB whose one id holds a comma and h2',
    body: `${NS}_443._dns SVCB 1 ns alpn=x1\\\\,h2\n`,
    checkzone: { '9.18': 'pass', '9.20': 'SVCB record not valid: no DOHPATH' },
    ours: { '9.18': [], '9.20': ['6:21 error dns-zone-svcb'] },
  },
  {
    name: '_053._dns is no _dns name (a port has no leading zero)',
    body: `${NS}_053._dns SVCB 1 ns\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: '_dns HTTPS is not checked',
    body: `${NS}_dns HTTPS 1 ns alpn=h2\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'SVCB alias with parameters',
    body: `${NS}x SVCB 0 ns alpn=h2\n`,
    checkzone: { '9.18': 'pass', '9.20': 'unexpected service parameter keys' },
    ours: { '9.18': [], '9.20': ['6:13 error dns-zone-svcb'] },
  },
  {
    name: 'alpn: an escaped comma still splits ids',
    body: `${NS}x SVCB 1 ns alpn=\\,abc\n`,
    checkzone: both("near 'alpn=\\,abc': syntax error"),
    ours: same(['6:13 error dns-zone-invalid-rdata']),
  },
  {
    name: 'alpn: a doubly escaped comma is part of an id',
    body: `${NS}x SVCB 1 ns alpn=a\\\\,b\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  // one RRset's data
  { name: 'TXT of 65510 octets', body: NS + txt('big', 65510), checkzone: both('pass'), ours: same([]) },
  {
    name: 'TXT of 65511 octets',
    body: NS + txt('big', 65511),
    checkzone: both('ran out of space'),
    ours: same(['6:5 error dns-zone-rrset-size']),
  },
  {
    name: 'two TXT of 32754 octets',
    body: NS + txt('big', 32754) + txt('big', 32754, 'y'),
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: 'two TXT of 32755 octets',
    body: NS + txt('big', 32755) + txt('big', 32755, 'y'),
    checkzone: both('ran out of space'),
    ours: same(['134:5 error dns-zone-rrset-size']),
  },
  // what master.c refuses while reading
  {
    name: 'CNAME beside NXT',
    body: `${NS}x CNAME ns\nx NXT z A\n`,
    checkzone: both('CNAME and other data'),
    ours: same(['6:3 error dns-zone-cname-and-other']),
  },
  {
    name: 'CNAME beside KEY',
    body: `${NS}x CNAME ns\nx KEY 256 3 8 AwEAAQ==\n`,
    checkzone: both('pass'),
    ours: same([]),
  },
  {
    name: '$TTL without a value',
    body: `${NS}$TTL\n`,
    checkzone: both('unexpected end of line'),
    ours: same(['6:1 error dns-zone-syntax']),
  },
  {
    name: '$GENERATE of a meta type',
    body: `${NS}$GENERATE 1-2 x$ TKEY "x"\n`,
    checkzone: both("meta RR type 'TKEY'"),
    ours: same(['6:18 error dns-zone-generate']),
  },
];

const as = (bindVersion: BindVersion) => ({ settings: { ...defaultSettings, bindVersion } });

for (const [name, fn] of bothEOL('load checks: our findings as 9.18 and as 9.20', (eol) => {
  const problems: string[] = [];
  for (const c of CASES)
    for (const v of ['9.18', '9.20'] as const) {
      const found = validate('dns-zone', withEOL(HEADER + c.body, eol), as(v)).map(brief);
      if (found.join('\n') !== c.ours[v].join('\n'))
        problems.push(`${v} ${c.name}: ${JSON.stringify(found)}, recorded ${JSON.stringify(c.ours[v])}`);
      if (found.some((b) => b.includes(' error ')) !== (c.checkzone[v] !== 'pass'))
        problems.push(`${v} ${c.name}: named-checkzone says ${c.checkzone[v]}; our Errors disagree`);
    }
  assert.deepEqual(problems, []);
}))
  test(name, fn);

for (const v of ['9.18', '9.20'] as const)
  test(`the recorded verdicts are named-checkzone ${v}'s`, async (t) => {
    const { bin, why } = findChecker(v, 'named-checkzone');
    if (!bin) {
      if (process.env.CI === 'true') assert.fail(`named-checkzone ${v} missing under CI: ${why}`);
      t.skip(why);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-integrity-'));
    const problems: string[] = [];
    for (const c of CASES) {
      fs.writeFileSync(path.join(dir, 'x.db'), HEADER + c.body);
      const said = await new Promise<string>((resolve) =>
        execFile(bin, ['example', 'x.db'], { cwd: dir, timeout: 20000 }, (err, stdout, stderr) =>
          resolve(err ? stdout + stderr : 'pass'),
        ),
      );
      const ok = c.checkzone[v] === 'pass' ? said === 'pass' : said !== 'pass' && said.includes(c.checkzone[v]);
      if (!ok) problems.push(`${c.name}: ${said.trim().split('\n')[0]}, recorded ${c.checkzone[v]}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, []);
  });

/** Files as the server sees them: `there` exists, `gone` surely not, anything else cannot be told. */
const files: FileAccess = {
  resolve: (from, p) => new URL(p, from).toString(),
  read: (uri) => (uri.endsWith('/there.db') ? 'www A 192.0.2.9\n' : undefined),
  exists: (uri) => (uri.endsWith('/there.db') ? true : uri.endsWith('/gone.db') ? false : undefined),
};

for (const [name, fn] of bothEOL(
  '$INCLUDE: an Error where the file surely is not there or is a folder, else Information',
  (eol) => {
    const at = (inc: string) =>
      validate('dns-zone', withEOL(`${HEADER}${NS}$INCLUDE ${inc}\n`, eol), { files, uri: 'file:///w/example.db' })
        .map(brief)
        .filter((b) => b.includes('include'));
    assert.deepEqual(at('there.db'), []);
    assert.deepEqual(at('gone.db'), ['6:10 error dns-zone-include-missing']);
    assert.deepEqual(at('keys/'), ['6:10 error dns-zone-include-missing']);
    assert.deepEqual(at('.'), ['6:10 error dns-zone-include-missing']);
    assert.deepEqual(at('outside.db'), ['6:10 info dns-zone-include-unread']);
    const msg = validate('dns-zone', withEOL(`${HEADER}${NS}$INCLUDE gone.db\n`, eol), {
      files,
      uri: 'file:///w/example.db',
    }).find((d) => d.code === 'dns-zone-include-missing')?.message;
    assert.match(msg ?? '', /^'gone\.db' is not a file .*Write the path of an existing file/);
  },
))
  test(name, fn);

for (const [name, fn] of bothEOL('the messages say what is wrong and what would be right', (eol) => {
  const msgs = (body: string, v: BindVersion = '9.20') =>
    validate('dns-zone', withEOL(HEADER + body, eol), as(v))
      .filter((d) => d.severity === 1)
      .map((d) => d.message);
  assert.match(
    msgs('@ NS ns\n')[0]!,
    /'ns\.example\.' lies inside this zone but has no address record.*Add an A or AAAA record/,
  );
  assert.match(msgs('@ NS ns\nns CNAME host\nhost A 192.0.2.1\n')[0]!, /is a CNAME.*Name the host the CNAME points to/);
  assert.match(
    msgs('@ NS ns.d\nd DNAME x.\nns.d A 192.0.2.1\n')[0]!,
    /below the DNAME at 'd\.example\.'.*Name a server outside/,
  );
  assert.match(msgs(`${NS}@ DS 12345 13 2 ${DIGEST}\n`)[0]!, /DS record at the zone's apex.*Move it there/);
  assert.match(msgs(`${NS}sub DS 12345 13 2 ${DIGEST}\n`)[0]!, /no NS records.*Add the delegation's NS records/);
  assert.match(msgs(`${NS}@ CDS 12345 13 2 ${DIGEST}\n`)[0]!, /algorithm 13, but no DNSKEY.*Publish the DNSKEY first/);
  assert.match(
    msgs(`${NS}@ CDS 0 0 0 00\n@ CDS 1 13 2 ${DIGEST}\n`)[0]!,
    /"delete" record \(line 6\).*must be the only CDS/,
  );
  assert.match(msgs(`${NS}CPNMU=== NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n`)[0]!, /'CPNMU===' is not one/);
  assert.match(msgs(`${NS}_dns SVCB 1 ns\n`)[0]!, /requires its 'alpn'.*e\.g\. 'alpn=dot'/);
  assert.match(msgs(`${NS}_dns SVCB 1 ns alpn=h3\n`)[0]!, /needs a 'dohpath'.*dohpath=\/dns-query\{\?dns\}/);
  assert.match(msgs(`${NS}$TTL\n`)[0]!, /'\$TTL' needs a TTL, e\.g\. '\$TTL 3600'/);
}))
  test(name, fn);

test('alpn lists are read in two escape rounds', () => {
  assert.deepEqual(alpnIds('h2,h3'), ['h2', 'h3']);
  assert.deepEqual(alpnIds('h1\\\\,h2'), ['h1,h2']);
  assert.deepEqual(alpnIds('h1\\\\\\\\h2'), ['h1\\h2']);
  assert.deepEqual(alpnIds('\\104\\050'), ['h2']);
  for (const bad of ['\\,abc', 'a\\,\\,abc', 'abc\\,', ',abc', 'a,,b', 'abc,', 'h2\\\\', '\\044h2', 'x\\25'])
    assert.equal(typeof alpnIds(bad), 'string', bad);
  assert.equal(typeof alpnIds('x'.repeat(256)), 'string');
});

test('which owners name a DNS server (RFC 9461)', () => {
  for (const yes of ['_dns.example.', '_DNS.example.', '_53._dns.example.', '_0._dns.', '_dns.x.example.'])
    assert.ok(isDnsSvcbOwner(yes), yes);
  for (const no of ['_053._dns.example.', '_99999._dns.example.', '_5x._dns.example.', 'dns.example.', '_dnsx.'])
    assert.ok(!isDnsSvcbOwner(no), no);
});

test('base32hex without padding, as NSEC3 owners need it', () => {
  for (const yes of ['', '2T7B4G4VSA5SMI47K61MV5BV1A22BOJR', 'cpnmuog8', 'CG', 'CPN0', 'CPNMU', 'CPNMUO0'])
    assert.ok(isBase32HexNoPad(yes), yes);
  for (const no of ['CPNMU===', 'C', 'CPN', 'CPNMUO', 'CH', 'CPNM', 'CPNMV', 'CPNMUOH', 'WXYZ', 'a.b'])
    assert.ok(!isBase32HexNoPad(no), no);
});

test('name keys: escapes decoded, case folded, dots inside labels kept apart', () => {
  assert.equal(nameKey('NS.Example.'), 'ns.example.');
  assert.equal(nameKey('n\\115.example.'), 'ns.example.');
  assert.equal(nameKey('a\\.b.example.'), 'a\\.b.example.');
  assert.equal(nameKey('a\\046b.example.'), 'a\\.b.example.');
  assert.equal(parentKey('a\\.b.example.'), 'example.');
  assert.equal(parentKey('example.'), '.');
  assert.equal(parentKey('.'), undefined);
  assert.ok(keyInZone('www.example.', 'example.'));
  assert.ok(!keyInZone('a\\.example.', 'example.'));
  assert.ok(!keyInZone('badexample.', 'example.'));
});
