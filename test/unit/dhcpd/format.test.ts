/**
 * dhcpd.conf formatting (issue 22): the style of common/format/braces.ts on dhcpd's syntax
 * (`#` comments only, blocks need no `;`, `} else {` / `} elsif`). Every case with LF and CRLF.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bothEOL, cursor, doc, service, withEOL, type EOL } from '../../helpers';
import { parseText } from '../../../server/src/dhcpd/parser';
import { tokenizeStore, Tk } from '../../../server/src/common/tokenizer';
import { DHCPD_FORMAT_SYNTAX } from '../../../server/src/dhcpd/format';

const TWO = { tabSize: 2, insertSpaces: true };

function format(text: string, options = TWO): string {
  const d = doc('dhcpd', text);
  return TextDocument.applyEdits(d, service.format(d, options));
}

function check(eol: EOL, input: string, want: string, options = TWO): void {
  const got = format(withEOL(input, eol), options);
  assert.equal(got, withEOL(want, eol));
  assert.equal(format(got, options), got, 'formatting twice changes nothing');
}

const cases: Array<[string, string, string]> = [
  [
    'subnets, pools and hosts are indented by depth',
    'subnet 10.0.0.0 netmask 255.255.255.0 {\nrange 10.0.0.10 10.0.0.20;\n    pool {\n   allow unknown-clients;\n}\n}\n',
    'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n  pool {\n    allow unknown-clients;\n  }\n}\n',
  ],
  [
    'blocks need no `;`: two hosts on one line are split, each kept on one line if it fits',
    'host a { hardware ethernet 00:11:22:33:44:55; } host b {fixed-address 10.0.0.2;}\n',
    'host a { hardware ethernet 00:11:22:33:44:55; }\nhost b { fixed-address 10.0.0.2; }\n',
  ],
  [
    '`} else {` and `} elsif` go on with their `if`',
    'if option x = "a" {\nlog (info, "a");\n} elsif option x = "b" {\nlog (info, "b");\n}\nelse {\nlog (info, "c");\n}\n',
    'if option x = "a" {\n  log (info, "a");\n} elsif option x = "b" {\n  log (info, "b");\n}\nelse {\n  log (info, "c");\n}\n',
  ],
  [
    'hand-aligned continuation lines keep their alignment, moved with their statement',
    'class "c" {\n        match if (suffix (option x,\n                          2) = "ab");\n}\n',
    'class "c" {\n  match if (suffix (option x,\n                    2) = "ab");\n}\n',
  ],
  [
    'spaces between words and around `,` `(` `)` `=` become one, where there were any',
    'option   domain-name-servers  ns1.example.org ,ns2.example.org ;\noption x=concat("a","b");\n',
    'option domain-name-servers ns1.example.org ,ns2.example.org;\noption x=concat("a","b");\n',
  ],
  [
    '`#` comments stay where they are; `//` is no comment to dhcpd',
    'group {\n# own line\n  option routers 10.0.0.1;    # trailing\n    filename "//x";\n}\n',
    'group {\n  # own line\n  option routers 10.0.0.1;    # trailing\n  filename "//x";\n}\n',
  ],
  [
    'a missing `;` in the middle: the statement keeps its lines, the rest is formatted',
    'subnet 10.0.0.0 netmask 255.0.0.0 {\n    option routers 10.0.0.1\n    default-lease-time 600;\n        max-lease-time 7200;\n}\n',
    'subnet 10.0.0.0 netmask 255.0.0.0 {\n    option routers 10.0.0.1\n    default-lease-time 600;\n  max-lease-time 7200;\n}\n',
  ],
  [
    'strings with spaces are never touched',
    'option domain-name    "a   b";\nserver-name "x\ty";\n',
    'option domain-name "a   b";\nserver-name "x\ty";\n',
  ],
];

for (const [name, input, want] of cases)
  for (const [label, fn] of bothEOL(name, (eol) => check(eol, input, want))) test(label, fn);

for (const [label, fn] of bothEOL('tabs: one tab per level', (eol) =>
  check(
    eol,
    'group {\n  host a {\n    fixed-address 10.0.0.1;\n  }\n}\n',
    'group {\n\thost a {\n\t\tfixed-address 10.0.0.1;\n\t}\n}\n',
    {
      tabSize: 4,
      insertSpaces: false,
    },
  ),
))
  test(label, fn);

test('the formatter tokenises dhcpd.conf as the parser does', () => {
  const text = 'option x = concat("a", 10.0.0.1) ; # c\nhost h { hardware ethernet 0:1:2:3:4:5; } if a=b { }\n';
  const tree = parseText(text);
  const ours = tokenizeStore(text, { ...DHCPD_FORMAT_SYNTAX.tokens, keepComments: true });
  const spans = (starts: Int32Array, ends: Int32Array, kinds: Uint8Array) =>
    Array.from(starts, (s, i) => (kinds[i] === Tk.Comment ? '' : `${s}-${ends[i]}`)).filter(Boolean);
  assert.deepEqual(
    spans(ours.starts, ours.ends, ours.kinds),
    spans(tree.blocks.tokens.starts, tree.blocks.tokens.ends, tree.blocks.tokens.kinds),
  );
});

function onType(textWithBar: string, ch: string): string {
  const { text, pos } = cursor(textWithBar);
  const d = doc('dhcpd', text);
  return TextDocument.applyEdits(d, service.formatOnType(d, pos, ch, TWO));
}

test('on type: `}`, `;` and a new line', () => {
  assert.equal(
    onType('host a {\n    fixed-address 10.0.0.1;\n    }|', '}'),
    'host a {\n    fixed-address 10.0.0.1;\n}',
  );
  assert.equal(onType('host a {\nfixed-address 10.0.0.1;|', ';'), 'host a {\n  fixed-address 10.0.0.1;');
  assert.equal(
    onType('subnet 10.0.0.0 netmask 255.0.0.0 {\n  pool {\n|', '\n'),
    'subnet 10.0.0.0 netmask 255.0.0.0 {\n  pool {\n    ',
  );
  assert.equal(onType('host a {\n}\n|', '\n'), 'host a {\n}\n');
});
