import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneMode } from '../../../server/src/zone/index';
import { getLintCodeActions } from '../../../server/src/zone/lint';
import { defaultSettings, noFileAccess, type ModeContext } from '../../../server/src/service/types';
import { bothEOL, doc, service, withEOL } from '../../helpers';

const HEAD = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\n';

/** `line rule` of each finding (1-based lines), straight from the mode, with an optional zone lookup. */
function findings(text: string, zones?: ModeContext['zones'], uri = 'file:///z/example.com.zone'): string[] {
  const d = doc('dns-zone', text, uri);
  return zoneMode
    .doValidation(d, zoneMode.parse(d), { settings: defaultSettings, files: noFileAccess, ...(zones ? { zones } : {}) })
    .map((f) => `${f.range.start.line + 1} ${f.rule}`);
}

const only = (rule: string) => (text: string, zones?: ModeContext['zones']) =>
  findings(text, zones).filter((f) => f.endsWith(` ${rule}`));
const missingDot = only('dns-zone-missing-dot');
const apexCname = only('dns-zone-apex-cname');
const noAddress = only('dns-zone-target-no-address');

test('missing dot: a relative name that ends with the origin (owner, MX, CNAME, SOA names)', () => {
  const text = `${HEAD}mail.example.com A 192.0.2.2\n@ MX 10 mail.example.com\nwww CNAME example.com\n`;
  assert.deepEqual(missingDot(text), ['6 dns-zone-missing-dot', '7 dns-zone-missing-dot', '8 dns-zone-missing-dot']);
  const soa = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1.example.com hostmaster.example.com 1 3600 600 86400 300\n';
  assert.deepEqual(missingDot(soa), ['3 dns-zone-missing-dot', '3 dns-zone-missing-dot']);
});

test('missing dot: the origin in force and the zone origin, after $ORIGIN', () => {
  const text = `${HEAD}$ORIGIN sub.example.com.\nhost.sub.example.com A 192.0.2.3\nother.example.com A 192.0.2.4\nfine A 192.0.2.5\n`;
  assert.deepEqual(missingDot(text), ['7 dns-zone-missing-dot', '8 dns-zone-missing-dot']);
});

test('missing dot: a generic TLD, or the zone TLD with three labels', () => {
  const text = `${HEAD}@ NS ns1.example.net\nwww CNAME example.org\n@ MX 5 mx.other.com\nptr PTR 1.2.0.192.in-addr.arpa\n`;
  assert.deepEqual(missingDot(text), [
    '6 dns-zone-missing-dot',
    '7 dns-zone-missing-dot',
    '8 dns-zone-missing-dot',
    '9 dns-zone-missing-dot',
  ]);
  const de = '$ORIGIN example.de.\n$TTL 3600\n@ SOA ns1 hm 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n';
  assert.deepEqual(missingDot(`${de}@ MX 10 mx.other.de\napi.de A 192.0.2.9\n`), ['6 dns-zone-missing-dot']);
});

test('missing dot: none on ordinary relative names, absolute names, quoted data, addresses', () => {
  const text =
    `${HEAD}www A 192.0.2.2\nmail.internal A 192.0.2.3\n_sip._tcp SRV 0 5 5060 sip\n` +
    `api.int CNAME www\ncdn.eu CNAME www\ndb.prod CNAME www\nx.dev CNAME www\n` +
    `abs CNAME host.example.net.\n@ MX 10 mail.example.com.\nt TXT "mail.example.com"\n` +
    `*.wild A 192.0.2.4\nsrv SRV 0 0 0 .\n@ MX 0 .\na.b.c A 192.0.2.5\n`;
  assert.deepEqual(missingDot(text), []);
});

test("missing dot: not in a response policy zone, whose owners are other zones' names", () => {
  const rpz = '$ORIGIN rpz.local.\n$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n';
  assert.deepEqual(missingDot(`${rpz}bad.example.com CNAME .\n*.bad.example.com CNAME .\n`), []);
  assert.deepEqual(missingDot(`${rpz}ok.example.com CNAME rpz-passthru.\n`), []);
  assert.deepEqual(missingDot(`${rpz}32.1.2.0.192.rpz-ip A 192.0.2.2\nx.example.com A 192.0.2.3\n`), []);
  // the same names in an ordinary zone are slips
  assert.deepEqual(missingDot(`${rpz}bad.example.com A 192.0.2.4\n`), ['6 dns-zone-missing-dot']);
});

test('missing dot: not in the root zone, and not when the origin is unknown', () => {
  const root =
    '$ORIGIN .\n$TTL 3600\n@ SOA a.root-servers.net. nstld.verisign-grs.com. 1 2 3 4 5\nx NS a.example.com\n';
  assert.deepEqual(missingDot(root), []);
  assert.deepEqual(findings('x CNAME host.example.net\n', undefined, 'file:///z/noname.txt'), []);
});

for (const [name, fn] of bothEOL('missing dot: the quick fix adds the dot, or makes the name relative', (eol) => {
  const text = withEOL(`${HEAD}@ MX 10 mail.example.com\nwww CNAME host.example.net\n`, eol);
  const d = doc('dns-zone', text, 'file:///z/example.com.zone');
  const diags = service.doValidation(d, {}).filter((x) => x.code === 'dns-zone-missing-dot');
  assert.equal(diags.length, 2);
  const fixed = (diag: Diagnostic) =>
    getLintCodeActions(
      d,
      zoneMode.parse(d),
      diag.range,
      { diagnostics: [diag] },
      { settings: defaultSettings, files: noFileAccess },
    ).map((a) => [a.title, a.isPreferred ?? false, apply(d, a.edit!.changes![d.uri]!)] as const);
  const mx = fixed(diags[0]!);
  assert.deepEqual(
    mx.map(([t, p]) => [t, p]),
    [
      ['Add the final dot: `mail.example.com.`', true],
      ['Write the name relative to the origin: `mail`', false],
    ],
  );
  assert.ok(mx[0]![2].includes(`@ MX 10 mail.example.com.${eol}`));
  assert.ok(mx[1]![2].includes(`@ MX 10 mail${eol}`));
  const cname = fixed(diags[1]!);
  assert.equal(cname.length, 1);
  assert.ok(cname[0]![2].includes(`www CNAME host.example.net.${eol}`));
  // the fixed text has no such finding left
  assert.deepEqual(
    service.doValidation(doc('dns-zone', cname[0]![2], d.uri), {}).filter((x) => x.code === 'dns-zone-missing-dot')
      .length,
    1,
  );
}))
  test(name, fn);

function apply(d: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(d, [...edits]);
}

test('apex CNAME: the Error cname-and-other alone when the SOA is there; the Warning when nothing else is at the apex', () => {
  const withSoa = findings(`${HEAD}@ CNAME www.example.net.\n`);
  assert.ok(withSoa.includes('6 dns-zone-cname-and-other'));
  assert.deepEqual(
    withSoa.filter((f) => f.endsWith('apex-cname')),
    [],
  );
  const alone = '$ORIGIN example.com.\n$TTL 3600\n$INCLUDE "head.db"\n@ CNAME www.example.net.\n';
  assert.deepEqual(apexCname(alone), ['4 dns-zone-apex-cname']);
  // without the SOA and nothing hidden: the SOA Error, and the Warning that says why adding it will not do
  const bare = '$ORIGIN example.com.\n$TTL 3600\n@ CNAME www.example.net.\n';
  assert.deepEqual(findings(bare), ['1 dns-zone-soa', '3 dns-zone-apex-cname']);
  // a CNAME below the apex, and the apex's own signatures beside it, change nothing
  assert.deepEqual(apexCname(`${HEAD}www CNAME @\n`), []);
  assert.deepEqual(apexCname(`${alone}@ RRSIG CNAME 8 2 3600 20300101000000 20200101000000 1 example.com. AAAA\n`), [
    '4 dns-zone-apex-cname',
  ]);
});

test('no address: an in-zone MX target without A/AAAA, as named-checkzone warns', () => {
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\n`), ['6 dns-zone-target-no-address']);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\nmail TXT "x"\n`), ['6 dns-zone-target-no-address']);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n`), []);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\nmail AAAA 2001:db8::25\n`), []);
  // a wildcard with an address gives it one (one with an MX only does not); a CNAME is
  // dns-zone-mx-target's; a DNAME above it, or a delegation, make it no longer this zone's
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\n* A 192.0.2.9\n`), []);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 a.mail\n*.mail AAAA 2001:db8::9\n`), []);
  assert.deepEqual(noAddress(`${HEAD}* MX 10 mail\n`), ['6 dns-zone-target-no-address']);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 x.mail\n*.mail MX 10 ns1\n`), ['6 dns-zone-target-no-address']);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\nmail CNAME ns1\n`), []);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 x.d\nd DNAME ns1\n`), []);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mx.sub\nsub NS ns1\n`), []);
  // the null MX, an address, records that may be generated
  assert.deepEqual(noAddress(`${HEAD}@ MX 0 .\n@ MX 10 192.0.2.25\n`), []);
  assert.deepEqual(noAddress(`${HEAD}@ MX 10 mail\n$GENERATE 1-2 mail$ A 192.0.2.$\n`), []);
  // an in-zone NS target is the integrity checks' business
  assert.deepEqual(noAddress(`${HEAD}@ NS ns2\n`), []);
  // the root zone too
  const root = '$ORIGIN .\n$TTL 3600\n@ SOA a.root. hm.root. 1 2 3 4 5\n@ NS a.root.\na.root. A 192.0.2.1\n';
  assert.deepEqual(noAddress(`${root}example. MX 10 mail.example.\nok. MX 10 a.root.\n`), [
    '6 dns-zone-target-no-address',
  ]);
});

test('no address: targets in other zones of the workspace, through the lookup', () => {
  const asked: string[] = [];
  const known: Record<string, boolean> = {
    'mail.example.net.': false,
    'ns.example.net.': false,
    'ok.example.net.': true,
  };
  const zones = {
    hasAddress(name: string) {
      asked.push(name);
      return known[name];
    },
  };
  const text =
    `${HEAD}@ MX 10 mail.example.net.\nwww MX 10 mail.example.net.\n@ NS ns.example.net.\n@ MX 20 ok.example.net.\n` +
    `@ MX 30 elsewhere.example.org.\nsub NS ns1\n@ MX 40 mx.sub\n`;
  assert.deepEqual(noAddress(text, zones), [
    '6 dns-zone-target-no-address',
    '7 dns-zone-target-no-address',
    '8 dns-zone-target-no-address',
  ]);
  // each name asked once; the delegated sub-zone's name asked of the workspace too
  assert.deepEqual(asked, [
    'mail.example.net.',
    'ns.example.net.',
    'ok.example.net.',
    'elsewhere.example.org.',
    'mx.sub.example.com.',
  ]);
  // without a lookup, or a lookup that throws: nothing
  assert.deepEqual(noAddress(text), []);
  const throwing = {
    hasAddress(): boolean {
      throw new Error('boom');
    },
  };
  assert.deepEqual(noAddress(text, throwing), []);
});

test('lint warnings are never Errors, and a large zone is linted in linear time', () => {
  const n = 200_000;
  const parts = [HEAD];
  for (let i = 0; i < n; i++) parts.push(`h${i} A 192.0.2.1\nm${i} MX 10 h${i}\nc${i} CNAME h${i}.example.net\n`);
  const text = parts.join('');
  const d = doc('dns-zone', text, 'file:///z/example.com.zone');
  const t0 = performance.now();
  const out = zoneMode.doValidation(d, zoneMode.parse(d), { settings: defaultSettings, files: noFileAccess });
  const ms = performance.now() - t0;
  assert.ok(out.every((f) => f.rule === 'dns-zone-missing-dot'));
  // no more findings of a rule than the facade lists
  assert.ok(out.length <= 1001, String(out.length));
  assert.ok(ms < 15000, `${ms} ms`);
});

test('TTLs named-checkzone refuses: a bad $TTL, one above 2^32-1, a record TTL above it (Errors)', () => {
  const ttl = only('dns-zone-ttl');
  for (const bad of ['1h30', '1y', '-1', 'h1', '1h30x', '4294967296', '7102w'])
    assert.deepEqual(ttl(`$TTL ${bad}\n${HEAD}`), ['1 dns-zone-ttl'], bad);
  // accepted: units in any case and order, repeated; above 2^31-1 BIND sets 0 and loads the zone
  for (const good of ['0', '1H', '1h1h', '1s1m', '01h', '1w2d3h4m5s', '2147483648', '4294967295', '7101w'])
    assert.deepEqual(ttl(`$TTL ${good}\n${HEAD}`), [], good);
  assert.deepEqual(ttl(`${HEAD}www 4294967296 A 192.0.2.2\nwww 4294967295 A 192.0.2.3\n`), ['6 dns-zone-ttl']);
  // without an origin too; a $TTL without a value is the parser's business
  assert.deepEqual(findings('$TTL 1y\n', undefined, 'file:///z/noname.txt'), ['1 dns-zone-ttl']);
  assert.deepEqual(ttl(`$TTL\n${HEAD}`), []);
  const d = doc('dns-zone', `$TTL 1y\n${HEAD}`, 'file:///z/example.com.zone');
  assert.equal(service.doValidation(d, {}).find((x) => x.code === 'dns-zone-ttl')?.severity, 1);
});
