import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDirective, parseZone, type ZoneRecord } from '../../../server/src/zone/parser';
import { absoluteName, isAbsolute, isInZone, nameLengthProblem } from '../../../server/src/zone/names';
import { bothEOL, brief, doc, errorsOf, service, withEOL } from '../../helpers';

const TYPES = new Set(['A', 'AAAA', 'NS', 'SOA', 'MX', 'TXT', 'CNAME', 'SRV', 'PTR', 'DS', 'DNSKEY', 'RRSIG']);
const isType = (w: string) => TYPES.has(w.toUpperCase()) || /^TYPE\d{1,5}$/i.test(w);
const records = (text: string) => parseZone(text, isType).entries.filter((e): e is ZoneRecord => !isDirective(e));

for (const [name, fn] of [
  ...bothEOL('records: owner, TTL and class in either order, blank owners, @', (eol) => {
    const text = withEOL(
      '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hostmaster (\n  1 ; serial\n  3600 600 86400 300 )\n  IN NS ns1\nns1 300 IN A 192.0.2.1\nwww IN 300 A 192.0.2.2\n AAAA 2001:db8::1\n',
      eol,
    );
    const t = parseZone(text, isType);
    assert.deepEqual(t.problems, []);
    const dirs = t.entries.filter(isDirective).map((d) => `${d.name} ${d.args.map((a) => a.text).join(' ')}`);
    assert.deepEqual(dirs, ['$ORIGIN example.com.', '$TTL 1h']);
    const rs = records(text).map(
      (r) =>
        `${r.line}:${r.owner?.text ?? '-'}|${r.ttl?.text ?? ''}|${r.cls?.text ?? ''}|${r.type.text}|${r.rdata.map((x) => x.text).join(' ')}`,
    );
    assert.deepEqual(rs, [
      '2:@||IN|SOA|ns1 hostmaster 1 3600 600 86400 300',
      '5:-||IN|NS|ns1',
      '6:ns1|300|IN|A|192.0.2.1',
      '7:www|300|IN|A|192.0.2.2',
      '8:-|||AAAA|2001:db8::1',
    ]);
  }),
  ...bothEOL('quoted strings keep spaces and escapes; comments end at the line', (eol) => {
    const rs = records(withEOL('t TXT "a b;c" "d\\"e" ; comment\nu TXT x\\;y\n', eol));
    assert.deepEqual(
      rs.map((r) => r.rdata.map((x) => `${x.quoted ? 'q' : 'w'}:${x.text}`)),
      [['q:a b;c', 'q:d\\"e'], ['w:x\\;y']],
    );
  }),
  ...bothEOL('one problem per slip: an unknown type, an unclosed group, a stray ), an unclosed string', (eol) => {
    const msgs = (text: string) => parseZone(withEOL(text, eol), isType).problems.map((p) => p.message.split(':')[0]);
    assert.deepEqual(
      msgs('www IN BOGUS 1\n'),
      ["'BOGUS' is not a class or record type BIND knows (named-checkzone"].map((m) => m.replace(/'/g, '`')),
    );
    assert.equal(msgs('@ SOA ns1 h ( 1 2 3 4 5\nwww A 192.0.2.1\n').length, 1);
    assert.deepEqual(msgs('www A 192.0.2.1 )\n'), ['A `)` closes no `(`']);
    assert.deepEqual(msgs('t TXT "open\n'), ['A quoted string is not closed on its line']);
    assert.deepEqual(msgs('$FOO bar\n'), ['Unknown directive `$FOO`']);
  }),
] as const)
  test(name, fn);

test('tokens of 255 characters and more: their text and place read again from the text', () => {
  const word = 'w'.repeat(300);
  const str = 'a\\"'.repeat(100);
  const text = `${'x'.repeat(254)} TXT "${str}" ${word}\nlong TXT "${'u'.repeat(260)}\n`;
  const t = parseZone(text, isType);
  const [r1, r2] = records(text);
  assert.equal(r1!.owner!.text, 'x'.repeat(254));
  assert.deepEqual(
    r1!.rdata.map((x) => [x.quoted, x.text, text.slice(x.start, x.end)]),
    [
      [true, str, `"${str}"`],
      [false, word, word],
    ],
  );
  // a string never closed runs to its line's end, which the token's end is read again as
  assert.deepEqual([r2!.rdata[0]!.text, r2!.rdata[0]!.end], ['u'.repeat(260), text.length - 1]);
  assert.equal(t.problems.length, 1);
});

test('an emoji counts its 4 UTF-8 octets: a zone named-checkzone 9.18 loads gets no Error', () => {
  const e = '😀'.repeat(11);
  // named-checkzone example.com: OK (a label of 44 octets, a string of 241)
  const ok = `$TTL 1h\n@ SOA ns1 hm 1 1h 1h 1w 1h\n@ NS ns1\nns1 A 192.0.2.1\n${e} A 192.0.2.2\nt TXT "${'😀'.repeat(60)}\\065"\nx CNAME ${e}\n`;
  assert.deepEqual(errorsOf(service.doValidation(doc('dns-zone', ok, 'file:///z/db.example.com'))).map(brief), []);
  // 64 of them are 256 octets: one string too long
  const over = ok.replace(`${'😀'.repeat(60)}\\065`, '😀'.repeat(64));
  assert.deepEqual(errorsOf(service.doValidation(doc('dns-zone', over, 'file:///z/db.example.com'))).map(brief), [
    '6:7 error dns-zone-invalid-rdata',
  ]);
});

test('any bytes in: never throws, never hangs', () => {
  const junk = ['', '\0\0\0', '((((', '))))', '"', '\\', '\\\n', ';;;', '$', '@', '\r\r\r', 'a'.repeat(10000)];
  for (const j of junk) assert.doesNotThrow(() => parseZone(j, isType), JSON.stringify(j.slice(0, 20)));
});

test('names: @, relative and absolute, escapes, lengths, in zone', () => {
  assert.equal(absoluteName('@', 'example.com.'), 'example.com.');
  assert.equal(absoluteName('www', 'example.com.'), 'www.example.com.');
  assert.equal(absoluteName('www.other.', 'example.com.'), 'www.other.');
  assert.equal(absoluteName('www', '.'), 'www.');
  assert.equal(isAbsolute('a\\.'), false);
  assert.equal(isAbsolute('a\\\\.'), true);
  assert.equal(nameLengthProblem('www.example.com.'), undefined);
  assert.match(nameLengthProblem(`${'a'.repeat(64)}.example.`)!, /64 octets; a label holds at most 63/);
  assert.equal(nameLengthProblem(`${'a'.repeat(63)}.example.`), undefined);
  assert.equal(nameLengthProblem('\\097\\098.example.'), undefined);
  assert.match(nameLengthProblem(`${Array(130).fill('ab').join('.')}.`)!, /at most 255/);
  assert.match(nameLengthProblem('a..example.')!, /empty label/);
  assert.equal(isInZone('WWW.Example.COM.', 'example.com.'), true);
  assert.equal(isInZone('example.net.', 'example.com.'), false);
  assert.equal(isInZone('badexample.com.', 'example.com.'), false);
});

test('CLI: a zone file by its name, --origin, and the Errors named-checkzone also gives', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { run } = await import('../cli/runCli');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-zone-'));
  const f = path.join(dir, 'db.example.com');
  fs.writeFileSync(
    f,
    '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.300\nwww CNAME ns1\nwww TXT "x"\n',
  );
  const r = run(['check', f]);
  assert.equal(r.code, 1);
  assert.match(r.out, /db\.example\.com:4:7: error: .*192\.0\.2\.300.* \[dns-zone-invalid-rdata\]/);
  assert.match(r.out, /:5:5: error: 'www\.example\.com\.' has a CNAME and other data \(TXT on line 6\)/);
  // the origin the file name gives can be overridden, as named-checkzone takes it
  fs.writeFileSync(
    f,
    '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\nw.example.net. A 192.0.2.2\n',
  );
  assert.equal(run(['check', f]).out.match(/out-of-zone/g)?.length, 1);
  assert.equal(run(['check', '--origin', 'example.net', f]).out, '');
  assert.equal(run(['check', '--origin', 'a..b', f]).code, 2);
});

test("CLI: a folder's zone file takes its origin and named's working directory from named.conf", async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { run } = await import('../cli/runCli');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-zone-tree-'));
  const put = (p: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  };
  put(
    'etc/bind/named.conf',
    'options { directory "/var/cache/bind"; };\nzone "127.in-addr.arpa" { type primary; file "/etc/bind/zones/loopback"; };\n',
  );
  put(
    'etc/bind/zones/loopback',
    '$TTL 1w\n@ SOA localhost. root.localhost. 1 1w 1d 4w 1w\n@ NS localhost.\n1.0.0 PTR localhost.\n$INCLUDE "more.inc"\n',
  );
  // named reads more.inc in its working directory; named-checkzone run there loads the zone
  put('var/cache/bind/more.inc', '2.0.0 PTR localhost.\n');
  const r = run(['check', '--root', root, path.join(root, 'etc/bind')]);
  assert.deepEqual([r.code, r.out], [0, '']);
  // beside the zone file alone, as before, the include is not there
  assert.match(
    run(['check', '--language', 'dns-zone', path.join(root, 'etc/bind/zones/loopback')]).out,
    /more\.inc.*dns-zone-include-missing/,
  );
});

test('$INCLUDE is followed: its records count for the zone, its origin applies, an unreadable one is said and leaves the counts', async () => {
  const { memoryFiles, brief } = await import('../../helpers');
  const files = memoryFiles({
    'file:///z/ns.db': '@ NS ns1\nns1 A 192.0.2.1\n',
    'file:///z/sub.db': 'www A 192.0.2.7\nwww CNAME elsewhere.\n',
  });
  const check = (text: string) =>
    service.doValidation(doc('dns-zone', text, 'file:///z/db.example.com'), { files }).map(brief);
  const soa = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n';
  assert.deepEqual(check(`${soa}$INCLUDE ns.db\n`), []);
  // without it, no NS at the apex
  assert.deepEqual(check(soa), ['2:3 error dns-zone-ns']);
  // an included file's own slips are its own: checked when it is opened, not here
  assert.deepEqual(check(`${soa}$INCLUDE ns.db\n$INCLUDE sub.db sub\n`), []);
  // a file that cannot be read: said, and the counts that cannot see it are not made
  assert.deepEqual(check(`${soa}$INCLUDE missing.db\n`), ['3:10 info dns-zone-include-unread']);
});

test('$GENERATE: the range, the modifiers and the type, as named-checkzone reads them', () => {
  const soa = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\n';
  const check = (line: string) =>
    service
      .doValidation(doc('dns-zone', `${soa}${line}\n`, 'file:///z/example.zone'))
      .filter((d) => d.code === 'dns-zone-generate')
      .map((d) => d.message.split(':')[0]);
  // accepted by named-checkzone (BIND's own good files and these)
  for (const ok of [
    '$GENERATE 1-29 host$ A 1.2.3.$',
    '$GENERATE 19-28/2147483645 $ CNAME x',
    '$GENERATE 1024-1026 ${0,3,n} AAAA 2001:db8::${0,4,x}',
    '$GENERATE 101-200 ns$.fake IN A 10.53.1.${-100}',
    '$GENERATE 1-5 host$ 300 IN TXT "data-$"',
  ])
    assert.deepEqual(check(ok), [], ok);
  assert.deepEqual(check('$GENERATE 9--10 host$ A 192.0.2.$'), [
    "'9--10' is not a range $GENERATE takes (named-checkzone",
  ]);
  assert.deepEqual(check('$GENERATE 1-3/0 $ A 1.2.3.$').length, 1);
  assert.deepEqual(check('$GENERATE 0-7 host$ A 1.2.3.${1000').length, 1);
  assert.deepEqual(check('$GENERATE 0-7 host$ A 1.2.3.${1,0,dgarbage}').length, 1);
  assert.deepEqual(check('$GENERATE 1-1 host$ TXT foo${2147483647}').length, 1);
});
