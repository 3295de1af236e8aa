/**
 * Zone-file formatting (issue 22): columns, SOA and DNSSEC records one field per line with field
 * comments, and everything BIND reads kept: tokens, their order, blank owners, comments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { bothEOL, doc, service, withEOL } from '../../helpers';
import { parseZone } from '../../../server/src/zone/parser';
import { isZoneTypeWord } from '../../../server/src/zone/types';

const SPACES = { tabSize: 8, insertSpaces: true };
const TABS = { tabSize: 8, insertSpaces: false };

function formatted(text: string, options = SPACES, range?: Range): string {
  const d = doc('dns-zone', text);
  return TextDocument.applyEdits(d, service.format(d, options, range));
}

/** Each case: input → output, with \n and \r\n; formatting the output again changes nothing. */
const CASES: Array<[string, string, string]> = [
  [
    'owner, TTL, class, type and data in columns sized for the file',
    '$ORIGIN example.com.\n@ IN SOA ns1 hostmaster ( 1 2 3 4 5 )\n@   IN NS ns1\nns1 300 IN A 192.0.2.1\nwww A 192.0.2.2\nmail.example.com. 60 MX 10 mail\n',
    '$ORIGIN example.com.\n@                     IN SOA ns1 hostmaster (\n                             1 ; serial\n                             2 ; refresh\n                             3 ; retry\n                             4 ; expire\n                             5 ; minimum\n                             )\n@                     IN NS  ns1\nns1               300 IN A   192.0.2.1\nwww                      A   192.0.2.2\nmail.example.com. 60     MX  10 mail\n',
  ],
  [
    'a blank owner stays blank: the record still starts with blank space',
    'www A 192.0.2.2\n\tAAAA 2001:db8::1\n  300 TXT "x"\n',
    'www     A    192.0.2.2\n        AAAA 2001:db8::1\n    300 TXT  "x"\n',
  ],
  [
    'an owner longer than the cap takes one space and moves no other line',
    'a A 192.0.2.1\nthis-is-a-very-long-owner-name.sub A 192.0.2.2\nb 3600 IN A 192.0.2.3\n',
    'a                                A 192.0.2.1\nthis-is-a-very-long-owner-name.sub A 192.0.2.2\nb                        3600 IN A 192.0.2.3\n',
  ],
  [
    'class written before the TTL stays before it',
    'a IN 300 A 192.0.2.1\nb 300 IN A 192.0.2.2\n',
    'a IN  300 A 192.0.2.1\nb 300 IN  A 192.0.2.2\n',
  ],
  [
    'quoted strings and \\DDD escapes are copied as written, a ; inside quotes is no comment',
    'txt   TXT   "two  spaces"   "\\065\\\\ ;not a comment"   ; real comment  \n',
    'txt TXT "two  spaces" "\\065\\\\ ;not a comment" ; real comment\n',
  ],
  [
    'a one-line SOA is written over lines with a comment naming each timer',
    '@ IN SOA ns root 1 2 3 4 5\n',
    '@ IN SOA ns root (\n         1 ; serial\n         2 ; refresh\n         3 ; retry\n         4 ; expire\n         5 ; minimum\n         )\n',
  ],
  [
    'a comment at the end of a one-line SOA goes after its closing parenthesis',
    '@ IN SOA ns root 1 2 3 4 5 ; the SOA\n',
    '@ IN SOA ns root (\n         1 ; serial\n         2 ; refresh\n         3 ; retry\n         4 ; expire\n         5 ; minimum\n         ) ; the SOA\n',
  ],
  [
    'a field that has a comment keeps it and gets no name',
    '@ IN SOA ns root (\n  1 ; serial number\n  2 3\n  4 5 )\n',
    '@ IN SOA ns root (\n         1 ; serial number\n         2 ; refresh\n         3 ; retry\n         4 ; expire\n         5 ; minimum\n         )\n',
  ],
  [
    'an SOA whose comment follows two timers keeps its lines (the comment would move)',
    '@ IN SOA ns root (\n 1 2 ; a\n 3 4 5 )\n',
    '@ IN SOA ns root (\n         1 2 ; a\n         3 4 5 )\n',
  ],
  [
    'comment lines inside an SOA stay after the token they follow',
    '@ SOA ns root (\n ; before serial\n 1\n 2 3 4 5\n ; at the end\n )\n',
    '@ SOA ns root (\n      ; before serial\n      1 ; serial\n      2 ; refresh\n      3 ; retry\n      4 ; expire\n      5 ; minimum\n      ; at the end\n      )\n',
  ],
  [
    'a one-line DNSKEY stays on one line',
    '@ 3600 DNSKEY 257 3 13 AwEAAb+x ABCD\n',
    '@ 3600 DNSKEY 257 3 13 AwEAAb+x ABCD\n',
  ],
  [
    'a multi-line RRSIG gets its fields one per line, the signature in its own lines',
    'www RRSIG A 13 2 3600 (\n\t20240101000000 20231201000000 1234 example.\n\tAbCd\n\tEfGh== ) ; sig\n',
    'www RRSIG (\n          A              ; type covered\n          13             ; algorithm\n          2              ; labels\n          3600           ; original TTL\n          20240101000000 ; expiration\n          20231201000000 ; inception\n          1234           ; key tag\n          example.       ; signer\n          AbCd\n          EfGh==\n          ) ; sig\n',
  ],
  [
    'a DNSKEY with a comment after its fields keeps its lines',
    '@ DNSKEY 257 3 13 ( ; KSK\n  AwEAAb+x\n  ABCD== )\n',
    '@ DNSKEY 257 3 13 ( ; KSK\n         AwEAAb+x\n         ABCD== )\n',
  ],
  [
    'a record with a syntax problem stays as written, the others are formatted',
    'www   IN   FOO 1.2.3.4\nok  A 192.0.2.1\n',
    'www   IN   FOO 1.2.3.4\nok A 192.0.2.1\n',
  ],
  ['an unclosed parenthesis: the record stays as written', 'a  A  (  192.0.2.1\n', 'a  A  (  192.0.2.1\n'],
  ['a parenthesis before the type: the record stays as written', 'x  (\n  A 1.2.3.4 )\n', 'x  (\n  A 1.2.3.4 )\n'],
  [
    'tokens with no blank between them stay as written',
    'a   TXT "x""y"\nb  A  192.0.2.1\n',
    'a   TXT "x""y"\nb A 192.0.2.1\n',
  ],
  [
    'directives take one space between words and keep their comments',
    '$TTL   1h  ; default\n$GENERATE   1-10   host$   A   10.0.0.$   ; gen\n$INCLUDE  "sub.db"  sub\n',
    '$TTL 1h ; default\n$GENERATE 1-10 host$ A 10.0.0.$ ; gen\n$INCLUDE "sub.db" sub\n',
  ],
  [
    'runs of blank lines become one, none at the start or end',
    '\n\n; head  \n\n\n\na A 192.0.2.1\n\n\n',
    '; head\n\na A 192.0.2.1\n',
  ],
  ['a comment line keeps its indentation', 'a A 192.0.2.1\n    ; indented  \n', 'a A 192.0.2.1\n    ; indented\n'],
  ['the last line without a line break stays without one', 'a  A  192.0.2.1', 'a A 192.0.2.1'],
];

for (const [name, input, output] of CASES)
  for (const [n, fn] of bothEOL(name, (eol) => {
    const once = formatted(withEOL(input, eol));
    assert.equal(once, withEOL(output, eol));
    assert.equal(formatted(once), once, 'formatting twice changes nothing more');
  }))
    test(n, fn);

test('with tabs, the columns are tab stops', () => {
  const once = formatted('ns1 300 IN A 192.0.2.1\nmail.example.com. MX 10 mail\n  AAAA ::1\n', TABS);
  assert.equal(once, 'ns1\t\t\t300\tIN\tA\t192.0.2.1\nmail.example.com.\t\t\tMX\t10 mail\n\t\t\t\t\tAAAA\t::1\n');
  assert.equal(formatted(once, TABS), once);
});

test('range formatting changes only the records in the range, in the columns of the whole file', () => {
  const text = 'a A 192.0.2.1\nbb  A  192.0.2.2\nlonger-name A 192.0.2.3\n';
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } };
  const whole = formatted(text).split('\n');
  assert.deepEqual(formatted(text, SPACES, range).split('\n'), [
    'a A 192.0.2.1',
    whole[1],
    'longer-name A 192.0.2.3',
    '',
  ]);
});

test('the records read the same before and after, blank owners included', () => {
  const text = '$ORIGIN example.\n@ 300 IN SOA ns root 1 2 3 4 5\n NS ns\nwww A 192.0.2.1\n\t TXT "a  b"\n';
  const records = (t: string) =>
    parseZone(t, isZoneTypeWord).entries.map((e) =>
      'type' in e
        ? [e.owner?.text ?? '(blank)', e.ttl?.text, e.cls?.text, e.type.text, e.rdata.map((r) => r.text)]
        : [e.name, e.args.map((a) => a.text)],
    );
  assert.deepEqual(records(formatted(text)), records(text));
});

test('mutated inputs: never a throw, stable, the records read the same', () => {
  const records = (t: string) =>
    JSON.stringify(
      parseZone(t, isZoneTypeWord).entries.map((e) =>
        'type' in e
          ? [e.owner?.text ?? '', e.ttl?.text, e.cls?.text, e.type.text, e.rdata.map((r) => r.text)]
          : [e.name, e.args.map((a) => a.text)],
      ),
    );
  const pieces = [' ', '\t', '(', ')', ';', '"', '\n', '\r\n', '\\', 'x', '1', ' SOA ', ' RRSIG ', ' IN '];
  let seed = 22;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const failures: string[] = [];
  for (let round = 0; round < 1500; round++) {
    let text = CASES[rnd(CASES.length)]![1];
    for (let k = 1 + rnd(6); k > 0; k--) {
      const at = rnd(text.length + 1);
      text = rnd(2)
        ? text.slice(0, at) + pieces[rnd(pieces.length)] + text.slice(at)
        : text.slice(0, at) + text.slice(at + 1);
    }
    const options = rnd(2) ? SPACES : TABS;
    const once = formatted(text, options);
    if (formatted(once, options) !== once) failures.push(`unstable: ${JSON.stringify(text)}`);
    if (records(once) !== records(text)) failures.push(`records differ: ${JSON.stringify(text)}`);
  }
  assert.deepEqual(failures.slice(0, 5), []);
});
