/**
 * Files that repeat one statement (or one mistake) on every line: the findings past the per-rule
 * cut are rows without messages (findings.ts), hosts and parameters are tables; none of it may
 * change what is listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../../server/src/dhcpd/parser';
import { doValidation as validateTree } from '../../../server/src/dhcpd/validation';
import {
  MAX_FINDINGS_PER_RULE,
  MAX_OUTLINE_SYMBOLS,
  defaultSettings,
  noFileAccess,
} from '../../../server/src/service/types';
import { validate, bothEOL, withEOL, brief, service, doc } from '../../helpers';

const N = MAX_FINDINGS_PER_RULE;
const ctx = { settings: defaultSettings, files: noFileAccess };

/** Texts past the cut, with several rules and the block layer's own findings mixed in. */
const DENSE: Record<string, string> = {
  'unknown words': 'a;\nb c;\nfoo = 1;\n'.repeat(700),
  'a misspelt statement': 'defualt-lease-time 600;\n'.repeat(1200),
  "missing ';' from the walk and from the block layer": 'authoritative x\n'.repeat(1500),
  "declarations without '{' (their missing ';' taken back)":
    'host a\n'.repeat(1100) + 'authoritative x\n'.repeat(1100) + 'host b\n'.repeat(300),
  "stray ';' and braces": 'a;\n}\n;\nhost h {\nb c d\nauthoritative x\n'.repeat(1100) + '"open\n',
  'an unclosed block at the end': 'a;\n'.repeat(1500) + 'group {\n' + 'b;\n'.repeat(1200),
  'parameters set again': 'option routers 10.0.0.1;\n'.repeat(1500),
  'hosts sharing addresses':
    'subnet 192.168.0.0 netmask 255.255.255.0 { }\n' +
    'host h { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.1; }\n'.repeat(1200),
  'global parameters in subnets':
    'subnet 10.0.0.0 netmask 255.255.255.0 { default-lease-time 100; max-lease-time 10; ddns-update-style none; }\n'.repeat(
      1100,
    ),
};

for (const [what, text] of Object.entries(DENSE)) {
  for (const [name, fn] of bothEOL(
    `past the cut, the findings are those of a parse that makes every message: ${what}`,
    (eol) => {
      const t = withEOL(text, eol);
      const d = doc('dhcpd', t, 'file:///test/dense/dhcpd.conf');
      const cut = validateTree(d, parseText(t, d.uri), ctx);
      const every = validateTree(d, parseText(t, d.uri, undefined, false), ctx);
      assert.deepEqual(cut, every);
      assert.ok(
        cut.some((f) => cut.filter((g) => g.rule === f.rule).length === N + 1),
        'some rule reaches the cut',
      );
    },
  ))
    test(name, fn);
}

for (const [name, fn] of bothEOL(
  'a file of one unknown word on every line lists 1,000 findings and a note at the next one',
  (eol) => {
    const ds = validate('dhcpd', withEOL('a;\n'.repeat(3000), eol));
    assert.equal(ds.length, N + 1);
    assert.deepEqual(ds.slice(0, 2).map(brief), [
      '1:1 warning dhcpd-unknown-identifier',
      '2:1 warning dhcpd-unknown-identifier',
    ]);
    assert.equal(ds[N]!.range.start.line, N);
    assert.match(
      ds[N]!.message,
      /^More than 1,000 findings of this kind \(dhcpd-unknown-identifier\) in this file: .* This one: Unknown statement 'a'/,
    );
  },
))
  test(name, fn);

test("a declaration without '{': one error, no missing ';', on every line", () => {
  const ds = validate('dhcpd', 'host a\n'.repeat(1200));
  assert.deepEqual([...new Set(ds.map((d) => d.code))], ['dhcpd-syntax']);
  assert.equal(ds.length, N + 1);
  assert.match(ds[0]!.message, /^Missing '\{' after 'host a'/);
});

test('findings the checks are wrong to be sure of are still listed, with their messages', () => {
  // each of the first ranges is reversed (a finding at its first address) and overlaps the one
  // before (a second finding there, hidden): the overlaps listed are those of the last ranges
  const t =
    'subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.9 10.0.0.5; }\n'.repeat(1500) +
    'subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.5 10.0.0.9; }\n'.repeat(10);
  const overlaps = validate('dhcpd', t).filter((d) => d.code === 'dhcpd-range-overlap');
  assert.deepEqual(
    overlaps.map((d) => d.range.start.line),
    Array.from({ length: 10 }, (_, i) => 1500 + i),
  );
  assert.match(overlaps[0]!.message, /^This range shares addresses with the range on line 1500 /);
});

test('hosts and parameters are tables: names, MAC and fixed addresses read back', () => {
  const t = parseText(
    'host "h 1" { hardware ethernet 0:11:22:33:44:5; fixed-address 10.0.0.1, 10.0.0.2; }\nhost { fixed-address 10.0.0.3; }\n',
  );
  assert.equal(t.hosts.length, 2);
  const h = t.hosts.at(0)!;
  assert.equal(h.name, 'h 1');
  assert.equal(h.nameTok.text, '"h 1"');
  assert.deepEqual(h.mac && { value: h.mac.value, text: h.mac.tok.text }, {
    value: '00:11:22:33:44:05',
    text: '0:11:22:33:44:5',
  });
  assert.deepEqual(
    h.fixed.map((f) => [f.value, f.tok.text]),
    [
      [0x0a000001, '10.0.0.1'],
      [0x0a000002, '10.0.0.2'],
    ],
  );
  assert.deepEqual(
    [...t.hosts].map((x) => [x.name, x.nameTok.text, x.fixed.length]),
    [
      ['h 1', '"h 1"', 2],
      ['', 'host', 1],
    ],
  );
  assert.equal(t.hosts.at(2), undefined);
});

test('parameters of a block are told apart from those of the blocks inside it', () => {
  const ds = validate(
    'dhcpd',
    'subnet 10.0.0.0 netmask 255.255.255.0 {\n  default-lease-time 10;\n  pool { default-lease-time 20; range 10.0.0.5 10.0.0.9; }\n  foo { default-lease-time 30; }\n  default-lease-time 40;\n}\n',
  );
  // `foo { }` is no block of its own to dhcpd: its parameter is the subnet's, set again
  assert.deepEqual(
    ds
      .filter((d) => d.code === 'dhcpd-duplicate-parameter')
      .map((d) => [d.range.start.line, d.message.match(/line \d+/)![0]]),
    [
      [3, 'line 2'],
      [4, 'line 4'],
    ],
  );
});

test('200,000 outline entries inside another block: the first MAX_OUTLINE_SYMBOLS are listed, and the rest counted (no argument list of them all)', () => {
  const d = doc('dhcpd', 'foo {\n' + 'host h { }\n'.repeat(200_000) + '}\n');
  const syms = service.findDocumentSymbols(d);
  assert.equal(syms.length, MAX_OUTLINE_SYMBOLS);
  assert.deepEqual(syms[MAX_OUTLINE_SYMBOLS - 1]!.range.start, { line: MAX_OUTLINE_SYMBOLS, character: 0 });
  assert.equal(
    syms[MAX_OUTLINE_SYMBOLS - 1]!.detail,
    'host · outline stops here: 190,000 more top-level declarations are not listed',
  );
});

test('a declaration whose children pass the outline limit says how many it has', () => {
  const d = doc(
    'dhcpd',
    'shared-network big {\n' +
      'host h { }\n'.repeat(MAX_OUTLINE_SYMBOLS + 10) +
      '}\nsubnet 10.0.0.0 netmask 255.0.0.0 { }\n',
  );
  const syms = service.findDocumentSymbols(d);
  assert.equal(syms.length, 1);
  assert.equal(syms[0]!.children!.length, MAX_OUTLINE_SYMBOLS - 1);
  assert.equal(
    syms[0]!.detail,
    `shared-network · outline shows 9,999 of ${(MAX_OUTLINE_SYMBOLS + 10).toLocaleString('en-US')} declarations · outline stops here: 1 more top-level declaration is not listed`,
  );
  // under the limit nothing is said
  assert.deepEqual(
    service.findDocumentSymbols(doc('dhcpd', 'host a { }\nhost b { }\n')).map((s) => s.detail),
    ['host', 'host'],
  );
});

/** The comment runs as folding used to find them: every line, split from the text, tested with a regular expression. */
function commentRuns(text: string): Array<[number, number]> {
  const lines: number[] = [];
  text.split(/\r?\n|\r/).forEach((l, i) => {
    if (/^\s*#/.test(l)) lines.push(i);
  });
  const out: Array<[number, number]> = [];
  let a = -1,
    b = -1;
  for (const line of lines) {
    if (a >= 0 && line === b + 1) b = line;
    else {
      if (a >= 0 && b > a) out.push([a, b]);
      a = b = line;
    }
  }
  if (a >= 0 && b > a) out.push([a, b]);
  return out;
}

test("comment folding: lines whose first character but white space (any of '\\s') is '#', whatever the line breaks", () => {
  const parts = [
    '#',
    '# c',
    ' ',
    '\t',
    '\u00a0',
    '\u2028',
    '\u3000',
    '\ufeff',
    '\v',
    'a',
    'a #',
    '"#"',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    ';',
    '{',
    '}',
  ];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  for (let k = 0; k < 300; k++) {
    let t = '';
    for (let i = Math.floor(rnd() * 60); i > 0; i--) t += parts[Math.floor(rnd() * parts.length)];
    const folds = service.getFoldingRanges(doc('dhcpd', t)).filter((f) => f.kind === 'comment');
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      commentRuns(t),
      JSON.stringify(t),
    );
  }
});
