import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, brief, errorsOf, validate, withEOL } from '../../helpers';

const codes = (text: string) => validate('named', text).map(brief);

for (const [name, fn] of [
  ...bothEOL('a clean file has no diagnostics', (eol) => {
    const text = withEOL(
      'options {\n\tdirectory "/var/cache/bind";\n\trecursion no;\n\tallow-query { any; };\n};\nzone "example.com" {\n\ttype primary;\n\tfile "db.example";\n};\n',
      eol,
    );
    assert.deepEqual(codes(text), []);
  }),
  ...bothEOL('missing semicolon: one error, at the end of the statement', (eol) => {
    const text = withEOL('options {\n\tdirectory "/var/cache/bind"\n\trecursion no;\n};\n', eol);
    assert.deepEqual(codes(text), ['2:29 error named-missing-semicolon']);
  }),
  ...bothEOL('missing }; and unclosed brace', (eol) => {
    const text = withEOL('options {\n\trecursion no;\n', eol);
    assert.deepEqual(codes(text), ['1:9 error named-unbalanced-braces']);
  }),
  ...bothEOL('unknown statement with did-you-mean', (eol) => {
    const ds = validate('named', withEOL('options {\n\trecursoin no;\n};\n', eol));
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, 'named-unknown-statement');
    assert.match(ds[0]!.message, /recursion/);
  }),
  ...bothEOL('wrong context and removed statements', (eol) => {
    const text = withEOL('options {\n\tinline-signing yes;\n\tdnssec-enable yes;\n};\n', eol);
    assert.deepEqual(codes(text), ['2:2 error named-wrong-context', '3:2 error named-removed-statement']);
  }),
  ...bothEOL('wrong value type', (eol) => {
    const text = withEOL('options {\n\trecursion maybe;\n\tmax-cache-ttl 1x;\n};\n', eol);
    assert.deepEqual(codes(text), ['2:12 error named-invalid-value', '3:16 error named-invalid-value']);
  }),
  ...bothEOL('statement not allowed for the zone type', (eol) => {
    const text = withEOL('zone "." {\n\ttype hint;\n\tfile "root.hints";\n\tallow-update { any; };\n};\n', eol);
    assert.deepEqual(codes(text), ['4:2 error named-zone-option-not-allowed']);
  }),
  ...bothEOL('a statement deprecated in 9.18 is a Warning there and an Error in 9.20, which removed it', (eol) => {
    const text = withEOL('options {\n\tglue-cache yes;\n};\n', eol);
    assert.deepEqual(codes(text), ['2:2 error named-removed-statement']);
    assert.deepEqual(codes(withEOL('// infra-lsp: bind 9.18\n', eol) + text), [
      '3:2 warning named-deprecated-statement',
    ]);
  }),
  ...bothEOL('statements after a block: controls with keys', (eol) => {
    const text = withEOL(
      'key "rndc-key" { algorithm hmac-sha256; secret "c2VjcmV0"; };\ncontrols {\n\tinet 127.0.0.1 allow { localhost; } keys { "rndc-key"; };\n};\n',
      eol,
    );
    assert.deepEqual(codes(text), []);
  }),
  ...bothEOL('curly quotes', (eol) => {
    const text = withEOL('options {\n\tdirectory “/var/cache/bind”;\n};\n', eol);
    assert.deepEqual(codes(text), ['2:12 error named-curly-quotes']);
  }),
  ...bothEOL('curly quotes: an Error where BIND needs a quoted string, a Warning around a name', (eol) => {
    const text = withEOL('view “internal” {\n\tzone "example.com" { type primary; file “db”; };\n};\n', eol);
    assert.deepEqual(
      validate('named', text).map((d) => `${brief(d)}: ${d.message}`),
      [
        '2:42 error named-curly-quotes: Curly quotes are not quotes to BIND: it reads “db” as a bare word, and file takes a quoted string here: use straight double quotes (").',
        '1:6 warning named-curly-quotes-in-name: Curly quotes are not quotes to BIND: it reads “internal” as a name with the quote characters in it, so the name is “internal”, not internal: use straight double quotes ("), unless the quote characters are meant to be part of the name.',
      ],
    );
  }),
  ...bothEOL('unterminated string and comment', (eol) => {
    assert.ok(errorsOf(validate('named', withEOL('options {\n\tdirectory "/x;\n};\n', eol))).length >= 1);
    assert.deepEqual(codes(withEOL('/* open\noptions { };\n', eol)), ['1:1 error named-unterminated-comment']);
  }),
  ...bothEOL('bad prefixes in address match lists', (eol) => {
    const text = withEOL('acl a {\n\t127.1;\n\t10.1.0.0/8;\n\t10/8;\n\t2001:db8::/32;\n};\n', eol);
    assert.deepEqual(codes(text), ['2:2 error named-invalid-value', '3:2 error named-invalid-value']);
  }),
] as const)
  test(name, fn);

test('never throws on hostile input', () => {
  const inputs = [
    '{'.repeat(5000),
    '}'.repeat(500),
    '"'.repeat(301),
    'zone "x" { type primary; file',
    '\u0000\u201c\u201d;;;{',
    'options { listen-on port 99999 tls { 1.2.3.4; }; };',
  ];
  for (const i of inputs) validate('named', i);
});

test('a clause named like an Object.prototype member is unknown, not a reference list', () => {
  const ds = validate('named', 'options { constructor yes; };\nzone "a" { type primary; file "a"; toString 1; };\n');
  assert.deepEqual(
    ds.filter((d) => d.severity === 1).map((d) => d.code),
    ['named-unknown-statement', 'named-unknown-statement'],
  );
});
