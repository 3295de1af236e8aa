import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, bothEOL, withEOL, brief, errorsOf, service, doc } from '../../helpers';

const v = (t: string) => validate('dhcpd', t).map(brief);

for (const [name, fn] of bothEOL('a valid config has no diagnostics', (eol) => {
  const t = withEOL(
    'authoritative;\ndefault-lease-time 600;\nmax-lease-time 7200;\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n  option routers 10.0.0.1;\n  option domain-search "a.com", "b.com";\n}\n',
    eol,
  );
  assert.deepEqual(v(t), []);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('missing semicolon is one error on the right line', (eol) => {
  const t = withEOL('default-lease-time 600\nmax-lease-time 7200;\n', eol);
  assert.deepEqual(v(t), ['1:23 error dhcpd-missing-semicolon']);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('unbalanced braces and unterminated string', (eol) => {
  // dhcpd reports the end of the file (its last token); we do too, pointing back at the `{`
  const ds = validate('dhcpd', withEOL('subnet 10.0.0.0 netmask 255.0.0.0 {\n  range 10.0.0.1 10.0.0.9;\n', eol));
  assert.deepEqual(ds.map(brief), ['2:26 error dhcpd-unbalanced-braces']);
  assert.match(ds[0]!.message, /line 1/);
  assert.deepEqual(ds[0]!.relatedInformation![0]!.location.range.start, { line: 0, character: 34 });
  assert.deepEqual(v(withEOL('}\n', eol)), ['1:1 error dhcpd-unbalanced-braces']);
  assert.ok(v(withEOL('option domain-name "abc;\n', eol)).some((d) => d.endsWith('dhcpd-unterminated-string')));
}))
  test(name, fn);

for (const [name, fn] of bothEOL('curly quotes are reported', (eol) => {
  assert.deepEqual(v(withEOL('option domain-name “example.com”;\n', eol)), ['1:20 error dhcpd-curly-quotes']);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('unknown statement and option with did-you-mean', (eol) => {
  const ds = validate('dhcpd', withEOL('defualt-lease-time 600;\noption domain-nme "x";\n', eol));
  assert.deepEqual(ds.map(brief), ['1:1 error dhcpd-unknown-statement', '2:8 error dhcpd-unknown-option']);
  assert.match(ds[0]!.message, /default-lease-time/);
  assert.match(ds[1]!.message, /domain-name/);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('wrong value types', (eol) => {
  assert.deepEqual(
    v(
      withEOL(
        'option routers 10.0.0.256;\nmin-secs 300;\nping-check yes;\nddns-update-style foo;\noption domain-name foo.com;\n',
        eol,
      ),
    ),
    [
      '1:16 error dhcpd-invalid-value',
      '2:10 error dhcpd-invalid-value',
      '3:12 error dhcpd-invalid-value',
      '4:19 error dhcpd-invalid-value',
      '5:20 error dhcpd-invalid-value',
    ],
  );
  assert.deepEqual(v(withEOL('host a { hardware ether 00:11:22:33:44:55; }\n', eol)), [
    '1:19 error dhcpd-invalid-value',
  ]);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('declarations where dhcpd does not allow them', (eol) => {
  assert.deepEqual(
    v(withEOL('range 10.0.0.1 10.0.0.2;\nhardware ethernet 00:11:22:33:44:55;\nhost a { host b { } }\n', eol)),
    ['1:1 error dhcpd-not-allowed-here', '2:1 error dhcpd-not-allowed-here', '3:10 error dhcpd-not-allowed-here'],
  );
}))
  test(name, fn);

for (const [name, fn] of bothEOL('zone and key checks', (eol) => {
  const t = withEOL(
    'zone a.com. {\n  primary 10.0.0.1;\n  primary 10.0.0.2;\n  key k1;\n  bogus 1;\n}\nkey k2 { algorithm hmac-md5; }\n',
    eol,
  );
  assert.deepEqual(v(t), [
    '3:3 error dhcpd-zone-duplicate',
    '4:7 error dhcpd-undefined-key',
    '5:3 error dhcpd-zone-statement',
    '7:5 warning dhcpd-key-incomplete',
  ]);
  const ok = withEOL(
    'key k { algorithm hmac-md5; secret "c2VjcmV0"; }\nzone a.com. { primary 10.0.0.1; key k; }\n',
    eol,
  );
  assert.deepEqual(v(ok), []);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('parameters: repeats and lease time order', (eol) => {
  assert.deepEqual(v(withEOL('default-lease-time 9000;\nmax-lease-time 600;\nmax-lease-time 700;\n', eol)), [
    '1:20 warning dhcpd-lease-time-order',
    '3:1 warning dhcpd-duplicate-parameter',
  ]);
}))
  test(name, fn);

test('expressions, switch, on and classes give no false errors', () => {
  const t = [
    'option arch code 93 = unsigned integer 16;',
    'class "pxe" { match if substring (option vendor-class-identifier, 0, 9) = "PXEClient"; }',
    'subclass "pxe" "abc";',
    'if exists user-class and',
    '   option user-class = "iPXE" {',
    '  filename "boot.ipxe";',
    '} elsif option arch = 00:07 {',
    '  filename "x.efi";',
    '} else { filename "pxelinux.0"; }',
    'switch (option host-name) {',
    'case "a":',
    '  default-lease-time 60;',
    '  break;',
    'default:',
    '  log (info, "other");',
    '}',
    'on commit { set x = "1"; }',
    'option space foo;',
    'option foo.bar code 1 = text;',
    'option foo.bar "x";',
  ].join('\n');
  assert.deepEqual(errorsOf(validate('dhcpd', t)).map(brief), []);
});

test('any bytes in, no throw', () => {
  for (const t of [
    '{{{{',
    '}}}}',
    '"',
    'option',
    'subnet',
    'zone {',
    '\u0000\uffff',
    'a'.repeat(100000),
    '{'.repeat(5000),
  ])
    validate('dhcpd', t);
});

for (const [name, fn] of bothEOL('interfaces, classes, server-duid and expressions dhcpd rejects', (eol) => {
  assert.deepEqual(
    v(
      withEOL(
        'shared-network x {\n interface "a";\n subnet 10.5.5.0 netmask 255.255.255.224 {\n  interface "b";\n }\n}\n',
        eol,
      ),
    ),
    ['4:3 error dhcpd-syntax'],
  );
  assert.deepEqual(v(withEOL('group g {\n interface "a";\n}\n', eol)), ['1:1 error dhcpd-not-allowed-here']);
  assert.deepEqual(v(withEOL('class "c" {\n match if known;\n match if static;\n}\nsubclass "nope" "x";\n', eol)), [
    '3:2 error dhcpd-syntax',
    '5:10 error dhcpd-undefined-class',
  ]);
  assert.deepEqual(
    v(withEOL('server-duid en 2495;\nserver-duid llt foo 1 00:11:22:33:44:55;\nserver-duid llt;\n', eol)),
    ['1:16 error dhcpd-invalid-value', '2:17 error dhcpd-invalid-value'],
  );
  assert.deepEqual(v(withEOL('if option host-name { }\nclass "c" { match option host-name = "x"; }\n', eol)), [
    '1:4 error dhcpd-syntax',
    '2:36 error dhcpd-syntax',
  ]);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('user-defined options: definitions and their values', (eol) => {
  const t = withEOL(
    'option space foo;\noption foo.d code 1 = domain-name;\noption foo.d "www.example.com";\noption foo.n code 2 = unsigned integer 8;\noption foo.n 300;\noption foo.r code 3 = { boolean, text }\noption foo.a code 4 = array of array of text;\noption space bar code width 3;\n',
    eol,
  );
  assert.deepEqual(v(t), [
    '3:14 error dhcpd-invalid-value',
    '5:14 error dhcpd-invalid-value',
    '6:40 error dhcpd-missing-semicolon',
    '7:32 error dhcpd-invalid-value',
    '8:29 error dhcpd-invalid-value',
  ]);
}))
  test(name, fn);

for (const [name, fn] of bothEOL("'};' and empty statements are rejected (but '};' after key is fine)", (eol) => {
  assert.deepEqual(
    v(
      withEOL(
        'subnet 10.0.0.0 netmask 255.0.0.0 {\n};\noption host-name "a";;\nkey k { algorithm hmac-md5; secret "eHh4"; };\n',
        eol,
      ),
    ),
    ['2:2 error dhcpd-stray-semicolon', '3:22 error dhcpd-stray-semicolon'],
  );
}))
  test(name, fn);

for (const [name, fn] of bothEOL('allow/deny permits, failover references, ad-hoc, list commas', (eol) => {
  assert.deepEqual(
    v(
      withEOL(
        'allow unknown clients;\ndeny known-clients;\ndeny bootp;\nsubnet 10.0.0.0 netmask 255.0.0.0 {\n pool {\n  allow members of "x";\n  deny bootp;\n  range 10.0.0.1 10.0.0.2;\n }\n}\n',
        eol,
      ),
    ),
    ['1:7 error dhcpd-not-allowed-here', '2:6 error dhcpd-not-allowed-here', '7:8 error dhcpd-invalid-value'],
  );
  assert.deepEqual(
    v(
      withEOL(
        'failover peer "a" { primary; address 10.0.0.1; peer address 10.0.0.2; mclt 60; split 128; }\nsubnet 10.0.0.0 netmask 255.0.0.0 {\n pool { failover peer "b"; range 10.0.0.1 10.0.0.2; }\n}\n',
        eol,
      ),
    ),
    ['1:15 error dhcpd-unused-failover-peer', '3:23 error dhcpd-undefined-failover-peer'],
  );
  assert.deepEqual(v(withEOL('ddns-update-style ad-hoc;\n', eol)), ['1:19 error dhcpd-invalid-value']);
  assert.deepEqual(
    v(
      withEOL(
        'option domain-name-servers 8.8.8.8 8.8.4.4;\noption policy-filter 10.0.0.0, 255.0.0.0;\noption policy-filter 10.0.0.0 255.0.0.0, 11.0.0.0 255.0.0.0;\n',
        eol,
      ),
    ),
    ['1:35 error dhcpd-missing-semicolon', '2:30 error dhcpd-invalid-value', '3:1 warning dhcpd-duplicate-parameter'],
  );
  assert.deepEqual(
    v(
      withEOL(
        'class foo { }\nzone "a.com" { primary 10.0.0.1; }\nkey k { algorithm "hmac-md5"; secret "eHh4"; }\nsubnet 10.0.0.0 netmask 24 { }\n',
        eol,
      ),
    ),
    [
      '1:7 error dhcpd-syntax',
      '2:6 error dhcpd-syntax',
      '3:19 error dhcpd-invalid-value',
      '4:25 error dhcpd-invalid-value',
    ],
  );
}))
  test(name, fn);

for (const [name, fn] of bothEOL('options named in expressions must exist before use; omapi-key needs a key', (eol) => {
  assert.deepEqual(
    v(
      withEOL(
        'if option dhcp-user-class = "x" { }\nif exists agent.nosuch { }\noption x code 200 = text;\nif option x = "a" { }\nomapi-key k;\n',
        eol,
      ),
    ),
    ['1:11 error dhcpd-unknown-option', '2:11 error dhcpd-unknown-option', '5:11 error dhcpd-undefined-key'],
  );
}))
  test(name, fn);

test('keys from an included file count; a missing include is an error and silences undefined-key', async () => {
  const { memoryFiles } = await import('../../helpers');
  const files = memoryFiles({
    'file:///etc/dhcp/rndc.key': 'key "rndc-key" {\n algorithm hmac-md5;\n secret "eHh4";\n};\n',
  });
  const text = 'include "/etc/dhcp/rndc.key";\nzone a.com. { primary 127.0.0.1; key rndc-key; }\n';
  assert.deepEqual(validate('dhcpd', text, { files, uri: 'file:///etc/dhcp/dhcpd.conf' }).map(brief), []);
  const missing = 'include "/etc/dhcp/other.key";\nzone a.com. { primary 127.0.0.1; key rndc-key; }\n';
  // dhcpd -t fails on the include (`Can't open`); the key may be in it, so no undefined-key
  assert.deepEqual(validate('dhcpd', missing, { files, uri: 'file:///etc/dhcp/dhcpd.conf' }).map(brief), [
    '1:9 error dhcpd-include-missing',
  ]);
  assert.deepEqual(validate('dhcpd', 'zone a.com. { primary 127.0.0.1; key rndc-key; }\n').map(brief), [
    '1:38 error dhcpd-undefined-key',
  ]);
});

for (const [name, fn] of bothEOL(
  "recovery inside zone blocks and switch bodies; a stray '}' covers the gap dhcpd names",
  (eol) => {
    assert.deepEqual(
      v(
        withEOL('zone a.com. {\n  primary 127.0.0.1\n  key k;\n}\nkey k { algorithm hmac-md5; secret "eHh4"; }\n', eol),
      ),
      ['2:20 error dhcpd-missing-semicolon', '3:7 error dhcpd-undefined-key'],
    );
    assert.deepEqual(
      v(withEOL('switch (option host-name) {\n default domain-name "x";\n case "a":\n  break;\n}\n', eol)),
      [],
    );
    const ds = validate('dhcpd', withEOL('filename "a";\n}\n', eol));
    assert.deepEqual(ds.map(brief), ['1:14 error dhcpd-unbalanced-braces']);
    assert.equal(ds[0]!.range.end.line, 1);
  },
))
  test(name, fn);

for (const [name, fn] of bothEOL("a missing '{' is one error at the declaration, not a missing ';'", (eol) => {
  const ds = validate('dhcpd', withEOL('host h\n  hardware ethernet 00:11:22:33:44:55;\n', eol));
  assert.equal(ds[0]!.code, 'dhcpd-syntax');
  assert.match(ds[0]!.message, /Missing '\{' after 'host h'/);
  assert.ok(!ds.some((d) => d.code === 'dhcpd-missing-semicolon'));
}))
  test(name, fn);

test("an unquoted base64 key secret with '=' padding is accepted, as dhcpd -t does", () => {
  for (const eol of ['\n', '\r\n']) {
    const text = [
      'key ddns { algorithm hmac-sha256; secret c2VjcmV0LXRzaWcta2V5==; }',
      'key b { algorithm hmac-md5; secret abc= =; }',
      'omapi-key ddns;',
      '',
    ].join(eol);
    const errors = validate('dhcpd', text).filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
    );
  }
});

test('statements named like Object.prototype members are unknown, and hover shows no function source', () => {
  const text = 'zone x. { constructor 1; }\nkey k { toString x; algorithm hmac-md5; secret "YWJj"; }\n';
  const codes = validate('dhcpd', text)
    .filter((d) => d.severity === 1)
    .map((d) => d.code);
  assert.deepEqual(codes, ['dhcpd-zone-statement', 'dhcpd-syntax']);
  const h = service.doHover(doc('dhcpd', text), { line: 0, character: 12 });
  assert.ok(!h || !JSON.stringify(h.contents).includes('[native code]'));
});
