import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, brief, validate, withEOL, memoryFiles } from '../../helpers';

const codes = (text: string) =>
  validate('named', text)
    .map(brief)
    .sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b));

for (const [name, fn] of [
  ...bothEOL('zone without type, primary without file, secondary without primaries', (eol) => {
    const text = withEOL('zone "a" { file "a"; };\nzone "b" { type primary; };\nzone "c" { type secondary; };\n', eol);
    assert.deepEqual(codes(text), [
      '1:6 error named-zone-missing-type',
      '2:6 error named-zone-missing-file',
      '3:6 error named-zone-missing-primaries',
    ]);
  }),
  ...bothEOL('duplicate zones per view and class', (eol) => {
    const text = withEOL(
      'zone "a" { type primary; file "a"; };\nzone "a." { type primary; file "b"; };\nview v { zone "a" { type primary; file "c"; }; };\n',
      eol,
    );
    assert.deepEqual(codes(text), ['2:6 error named-duplicate-zone']);
  }),
  ...bothEOL('undefined acl, key, tls and primaries', (eol) => {
    const text = withEOL(
      'options { allow-query { trusted; }; listen-on port 853 tls t1 { any; }; };\nzone "a" { type secondary; primaries { upstream; }; allow-update { key k1; }; };\n',
      eol,
    );
    assert.deepEqual(
      codes(text).filter((c) => c.includes('undefined')),
      [
        '1:25 error named-undefined-reference',
        '1:60 error named-undefined-reference',
        '2:40 error named-undefined-reference',
        '2:72 warning named-undefined-reference-unchecked',
      ],
    );
  }),
  ...bothEOL('logging: channels, destinations, built-ins, misplaced statements', (eol) => {
    const text = withEOL(
      'logging {\n\tchannel a { severity info; };\n\tchannel b { file "x"; syslog; };\n\tcategory default { a; default_syslog; nope; };\n\tprint-time yes;\n};\n',
      eol,
    );
    assert.deepEqual(codes(text), [
      '2:10 error named-channel-destination',
      '3:10 error named-channel-destination',
      '4:40 error named-undefined-reference',
      '5:2 error named-wrong-context',
    ]);
  }),
  ...bothEOL('controls naming an unknown key', (eol) => {
    const text = withEOL('controls {\n\tinet 127.0.0.1 allow { localhost; } keys { rndc-key; };\n};\n', eol);
    assert.deepEqual(codes(text), ['2:45 error named-undefined-reference']);
  }),
  ...bothEOL('definitions in an included file count', (eol) => {
    const files = memoryFiles({
      'file:///etc/bind/keys.conf': 'key k1 { algorithm hmac-sha256; secret "c2VjcmV0"; };',
      // the zone's file (a missing one would be an Information of its own)
      'file:///etc/bind/a': '@ SOA ns hostmaster 1 1h 15m 1w 1h\n',
    });
    const text = withEOL(
      'include "keys.conf";\nzone "a" { type primary; file "a"; allow-update { key k1; }; };\n',
      eol,
    );
    assert.deepEqual(validate('named', text, { files, uri: 'file:///etc/bind/named.conf' }).map(brief), []);
  }),
  ...bothEOL(
    'dnssec-policy needs inline-signing or updates (9.18); in 9.20 the policy signs inline unless it says no',
    (eol) => {
      const text = withEOL(
        'zone "a" { type primary; file "a"; dnssec-policy default; };\nzone "b" { type primary; file "b"; dnssec-policy default; inline-signing yes; };\n',
        eol,
      );
      assert.deepEqual(codes(withEOL('// infra-lsp: bind 9.18\n', eol) + text), [
        '2:36 error named-dnssec-policy-needs-signing',
      ]);
      assert.deepEqual(codes(text), []);
      const no = withEOL(
        'dnssec-policy p { inline-signing no; };\nzone "a" { type primary; file "a"; dnssec-policy p; };\nzone "b" { type primary; file "b"; dnssec-policy p; allow-update { any; }; };\n',
        eol,
      );
      assert.deepEqual(codes(no), ['2:36 error named-dnssec-policy-needs-signing']);
    },
  ),
] as const)
  test(name, fn);

for (const [name, fn] of bothEOL('server list entries: the message points at the likely typo', (eol) => {
  const messages = (text: string) => validate('named', withEOL(text, eol)).map((d) => `${brief(d)}: ${d.message}`);
  const zone = 'zone "example.com" { type primary; file "db"; parental-agents { parents; }; };\n';
  assert.deepEqual(messages(`parental-agents parents { 10.300.1.1; };\n${zone}`), [
    "1:27 error named-undefined-reference: '10.300.1.1' is not a valid IPv4 address (four numbers from 0 to 255, separated by dots), so named reads it as the name of a parental-agents list, and there is none: correct the address.",
  ]);
  assert.deepEqual(messages(`parental-agents parents { 2001:db8::zz; };\n${zone}`), [
    "1:27 error named-undefined-reference: '2001:db8::zz' is not a valid IPv6 address, so named reads it as the name of a parental-agents list, and there is none: correct the address.",
  ]);
  assert.deepEqual(messages(`parental-agents parents { "192.0.2.1"; };\n${zone}`), [
    '1:27 error named-undefined-reference: "192.0.2.1" is in quotes, so named reads it as the name of a parental-agents list, and there is none: remove the quotes.',
  ]);
  assert.deepEqual(messages(`parental-agents parent { 192.0.2.1; };\nparental-agents parents { parnet; };\n${zone}`), [
    "2:27 error named-undefined-reference: Undefined parental-agents list 'parnet': did you mean 'parent'? Define it with parental-agents parnet { ... }; or correct the name.",
  ]);
  // BIND 9.18 keeps primaries and parental-agents apart; 9.20 has one namespace of server lists
  const mixed = `primaries upstream { 192.0.2.1; };\nparental-agents parents { upstream; };\n${zone}`;
  assert.deepEqual(messages(`// infra-lsp: bind 9.18\n${mixed}`), [
    "3:27 error named-undefined-reference: 'upstream' is a primaries list, and a parental-agents list can name only parental-agents lists (or addresses): define the servers with parental-agents upstream { ... }; or list their addresses here.",
  ]);
  assert.deepEqual(messages(mixed), []);
  // no zone uses the list: named-checkconf 9.18 does not look inside it; 9.20 checks every server list
  const brief2 = (m: string) => m.split(':')[0] + ':' + m.split(':')[1];
  assert.deepEqual(messages('// infra-lsp: bind 9.18\nparental-agents parents { 10.300.1.1; };\n').map(brief2), [
    '2:27 warning named-undefined-reference-unchecked',
  ]);
  assert.deepEqual(messages('parental-agents parents { 10.300.1.1; };\n').map(brief2), [
    '1:27 error named-undefined-reference',
  ]);
}))
  test(name, fn);
