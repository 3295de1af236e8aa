import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  base64Length,
  base64WordsLength,
  checkName,
  checkUint,
  isIpv4,
  isIpv6,
  isTime14,
  nameLabelCount,
  parseUint,
  unescapedLength,
} from '../../../server/src/zone/rdataText';

const IPV4: ReadonlyArray<[string, boolean]> = [
  ['192.0.2.1', true],
  ['0.0.0.0', true],
  ['255.255.255.255', true],
  ['10.0.0.10', true],
  ['256.0.0.1', false],
  ['1.2.3.256', false],
  ['01.2.3.4', false], // no leading zeros
  ['1.2.3.00', false],
  ['1.2.3.1000', false],
  ['1.2.3', false],
  ['1.2.3.4.5', false],
  ['1..2.3', false],
  ['.1.2.3.4', false],
  ['1.2.3.4.', false],
  ['1.2.3.a', false],
  ['1.2.3.-4', false],
  ['1.2.3.4 ', false],
  ['١.2.3.4', false], // an Arabic-Indic digit is not a digit here
  ['', false],
];

test('isIpv4 reads a dotted quad the way inet_pton does', () => {
  for (const [text, want] of IPV4) assert.equal(isIpv4(text), want, text);
});

const IPV6: ReadonlyArray<[string, boolean]> = [
  ['2001:db8::1', true],
  ['::', true],
  ['::1', true],
  ['1::', true],
  ['abcd::EF01', true],
  ['1:2:3:4:5:6:7:8', true],
  ['1:2:3:4:5:6:7', false],
  ['1:2:3:4:5:6:7:8:9', false],
  ['::2:3:4:5:6:7:8', true], // `::` for one group
  ['1:2:3:4::5:6:7:8', false], // `::` with eight groups besides
  ['1::2::3', false], // `::` twice
  ['::1::', false],
  [':::', false],
  ['1:::2', false],
  [':::1.2.3.4', false],
  ['12345::', false], // five digits in a group
  ['g::1', false],
  [':1', false],
  ['1:', false],
  ['1::2:', false],
  [':', false],
  ['', false],
  // a trailing dotted quad counts two groups
  ['::ffff:192.0.2.1', true],
  ['1::2:3.4.5.6', true],
  ['::1.2.3.4', true],
  ['1::1.2.3.4', true],
  ['1:2:3:4:5:6:1.2.3.4', true],
  ['1:2:3:4:5:6:7:1.2.3.4', false],
  ['1:2:3:4:5:1.2.3.4', false],
  [':1.2.3.4', false],
  ['1.2.3.4', false],
  ['1::01.2.3.4', false],
  ['1::256.1.1.1', false],
  ['1::1.2.3', false],
  ['1::1.2.3.4.5', false],
  ['::1.2.3.4:5', false],
  ['1.2.3.4::', false],
];

test('isIpv6 reads an address the way inet_pton does', () => {
  for (const [text, want] of IPV6) assert.equal(isIpv6(text), want, text);
});

const LONE = 'ends in a lone backslash; write `\\\\` for a backslash';
const FEW = 'has a `\\` escape with fewer than three digits; write `\\DDD` with three';

test('unescapedLength counts octets after escapes, a character as its UTF-8 octets', () => {
  const cases: ReadonlyArray<[string, number | string]> = [
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4], // a surrogate pair: 4 octets in UTF-8, as BIND reads the file (each half counts 2)
    ['😀\\065😀', 9],
    ['\ud800', 2], // a lone surrogate half (no file decoded from UTF-8 holds one)
    ['\\065', 1],
    ['\\000', 1],
    ['\\255', 1],
    ['\\2555', 2],
    ['\\.', 1],
    ['\\\\', 1],
    ['\\é', 2],
    ['a\\"b', 3],
    ['a\\', LONE],
    ['\\', LONE],
    ['\\25', FEW],
    ['\\2', FEW],
    ['\\2a5', FEW],
    ['\\256', 'has the escape `\\256`, above `\\255`'],
    ['\\999x', 'has the escape `\\999`, above `\\255`'],
  ];
  for (const [text, want] of cases) assert.equal(unescapedLength(text), want, JSON.stringify(text));
});

const W = 'The target';
const ORIGIN = 'example.';
const EMPTY = 'has an empty label (two dots in a row, or a leading dot)';
const label = (n: number, c = 'x') => c.repeat(n);

test('checkName: labels, escapes and the characters it counts', () => {
  // 15 emoji are 60 octets: a label named-checkzone takes (each once counted 6 octets, a false Error)
  const emoji = label(15, '😀');
  const ok = ['www', '@', '.', 'a.', 'a.b.c', 'mail-1.example.', label(63), `${label(63)}.`, 'a\\.b', '\\065bc', '😀'];
  ok.push(emoji, `${emoji}.${emoji}`);
  for (const name of ok) assert.equal(checkName(name, ORIGIN, W), undefined, name);
  const cases: ReadonlyArray<[string, string]> = [
    ['a..b', `The target \`a..b\` ${EMPTY}.`],
    ['.a', `The target \`.a\` ${EMPTY}.`],
    ['..', `The target \`..\` ${EMPTY}.`],
    [label(64), `The target \`${label(64)}\` has a label of 64 octets (\`${label(20)}…\`); a label holds at most 63.`],
    // the first long label is reported
    [
      `${label(64)}.${label(70, 'y')}`,
      `The target \`${label(64)}.${label(70, 'y')}\` has a label of 64 octets (\`${label(20)}…\`); a label holds at most 63.`,
    ],
    // an empty label wins over a long label before it
    [`${label(64)}.a..b`, `The target \`${label(64)}.a..b\` ${EMPTY}.`],
    [`${label(64)}.\\065..b`, `The target \`${label(64)}.\\065..b\` ${EMPTY}.`],
    // non-ASCII: é counts 2, a surrogate pair (an emoji) 4
    [
      label(32, 'é'),
      `The target \`${label(32, 'é')}\` has a label of 64 octets (\`${label(20, 'é')}…\`); a label holds at most 63.`,
    ],
    [
      label(16, '😀'),
      `The target \`${label(16, '😀')}\` has a label of 64 octets (\`${label(10, '😀')}…\`); a label holds at most 63.`,
    ],
    // escapes: \DDD is one octet
    [
      label(64, '\\065'),
      `The target \`${label(64, '\\065')}\` has a label of 64 octets (\`${label(5, '\\065')}…\`); a label holds at most 63.`,
    ],
    ['a\\', `The target \`a\\\` ${LONE}.`],
    ['a\\25', `The target \`a\\25\` ${FEW}.`],
    ['a\\256', 'The target `a\\256` has the escape `\\256`, above `\\255`.'],
    // `\1` takes the next two characters, the dot included, into its label
    ['\\1.a..b', `The target \`\\1.a..b\` ${EMPTY}.`],
    ['\\1.a', `The target \`\\1.a\` ${FEW}.`],
  ];
  for (const [name, want] of cases) assert.equal(checkName(name, ORIGIN, W), want, name);
  assert.equal(label(10, '😀').length, 20);
});

test('checkName: 255 octets at most, the origin counted for a relative name', () => {
  const three = `${label(63)}.${label(63)}.${label(63)}`; // 192 octets on the wire
  // absolute: 192 + (61 + 1) + the root's 1 = 255
  assert.equal(checkName(`${three}.${label(61)}.`, ORIGIN, W), undefined);
  const abs256 = `${three}.${label(62)}.`;
  assert.equal(checkName(abs256, ORIGIN, W), `The target \`${abs256}\` is 256 octets long; a name holds at most 255.`);
  // relative under example. (8 octets): 192 + (53 + 1) + 8 + 1 = 255
  assert.equal(checkName(`${three}.${label(53)}`, ORIGIN, W), undefined);
  const rel256 = `${three}.${label(54)}`;
  assert.equal(
    checkName(rel256, ORIGIN, W),
    `The target \`${rel256}\` is 256 octets long once the origin \`example.\` is appended; a name holds at most 255.`,
  );
  // the origin changes between calls: each is counted
  assert.equal(checkName(`${three}.${label(53)}`, 'examples.', W)?.includes('is 256 octets long once'), true);
  assert.equal(checkName(`${three}.${label(53)}`, ORIGIN, W), undefined);
  // under the root origin nothing is added but the root; an origin that is not a name adds nothing
  for (const origin of ['.', 'bad..origin.']) {
    assert.equal(checkName(`${three}.${label(61)}`, origin, W), undefined);
    const name = `${three}.${label(62)}`;
    assert.equal(
      checkName(name, origin, W),
      `The target \`${name}\` is 256 octets long once the origin \`${origin}\` is appended; a name holds at most 255.`,
    );
  }
  // escapes count as their octets toward the 255
  const esc = `${three}.${label(54, '\\065')}`;
  assert.equal(
    checkName(esc, ORIGIN, W),
    `The target \`${esc}\` is 256 octets long once the origin \`example.\` is appended; a name holds at most 255.`,
  );
  // the empty name: the origin and the root only
  assert.equal(checkName('', ORIGIN, W), undefined);
});

test('parseUint and checkUint read decimal digits only, up to 2^32-1', () => {
  const cases: ReadonlyArray<[string, number | 'not-number' | 'range']> = [
    ['0', 0],
    ['007', 7],
    ['65535', 65535],
    ['4294967295', 4294967295],
    ['4294967296', 'range'],
    ['99999999999999999999999', 'range'],
    ['00000000000000000000001', 1],
    ['', 'not-number'],
    [' 1', 'not-number'],
    ['1e3', 'not-number'],
    ['0x10', 'not-number'],
    ['-1', 'not-number'],
    ['+1', 'not-number'],
    ['١', 'not-number'],
  ];
  for (const [text, want] of cases) assert.equal(parseUint(text), want, text);
  assert.equal(checkUint('65535', 65535, 'The port'), undefined);
  assert.equal(checkUint('65536', 65535, 'The port'), 'The port `65536` is out of range: it must be from 0 to 65535.');
  assert.equal(checkUint('x', 255, 'The flags'), 'The flags must be a decimal number from 0 to 255, not `x`.');
});

const BITS = 'ends with bits that should be zero; the last group is not canonical base64';
const PAD = 'has `=` padding in the wrong place';
const AFTER = 'has data after the `=` padding';
const PART = 'is not a whole number of 4-character base64 groups';

test('base64Length reads base64 the way isc_base64_decodestring does', () => {
  const cases: ReadonlyArray<[string, number | string]> = [
    ['', 0],
    ['AAAA', 3],
    ['QUJD', 3],
    ['AAAAAAAA', 6],
    ['QQ==', 1],
    ['QUI=', 2],
    ['+/+/', 3],
    ['AB==', BITS],
    ['AAB=', BITS],
    ['A===', PAD],
    ['AA=A', PAD],
    ['=AAA', PAD],
    ['AA==AAAA', AFTER],
    ['AA==!', AFTER],
    ['AAA', PART],
    ['AAAAA', PART],
    ['AA-A', 'has `-`, which is not a base64 character'],
    ['AA A', 'has ` `, which is not a base64 character'],
    ['AAé', 'has `é`, which is not a base64 character'],
    ['AA😀A', 'has `😀`, which is not a base64 character'],
    ['AA\ud83d', 'has `\ud83d`, which is not a base64 character'],
  ];
  for (const [text, want] of cases) assert.equal(base64Length(text), want, JSON.stringify(text));
});

test('base64WordsLength reads the words as one text', () => {
  const words = (...w: string[]) => w.map((text) => ({ text }));
  assert.equal(base64WordsLength(words()), 0);
  assert.equal(base64WordsLength(words('AA', 'AA')), 3);
  assert.equal(base64WordsLength(words('AAA', 'A', 'AA', '==')), 4);
  assert.equal(base64WordsLength(words('AA==', 'AA')), AFTER);
  assert.equal(base64WordsLength(words('AA', 'A')), PART);
  assert.equal(base64WordsLength(words('AA', '=A')), PAD);
  // a character split between two words is named whole, as in the joined text
  assert.equal(base64WordsLength(words('A\ud83d', '\ude00AA')), 'has `😀`, which is not a base64 character');
});

test('isTime14: YYYYMMDDHHmmSS with a real date', () => {
  const cases: ReadonlyArray<[string, boolean]> = [
    ['20240229000000', true], // a leap year
    ['20000229000000', true],
    ['20230229000000', false],
    ['19000229000000', false],
    ['20241231235960', true], // a leap second
    ['20241231235961', false],
    ['20240430000000', true],
    ['20240431000000', false],
    ['20241301000000', false],
    ['20240001000000', false],
    ['20240100000000', false],
    ['20240430240000', false],
    ['20240430236000', false],
    ['00000101000000', true],
    ['2024043023000', false],
    ['202404302300000', false],
    ['2024043023000a', false],
    ['٢٠٢٤0430230000', false],
    ['', false],
  ];
  for (const [text, want] of cases) assert.equal(isTime14(text), want, text);
});

test('nameLabelCount counts labels and the root, the origin for a relative name', () => {
  const cases: ReadonlyArray<[string, string, number | string]> = [
    ['www', 'example.', 3],
    ['www.example.', 'example.', 3],
    ['a.b', 'example.', 4],
    ['.', 'example.', 1],
    ['@', 'example.', 2],
    ['@', 'a.b.example.', 4],
    ['', 'example.', 2],
    ['a\\.b', 'example.', 3], // an escaped dot is inside the label
    ['a\\065.b.', 'example.', 3],
    ['a', '.', 2],
    ['a', 'bad..origin.', 2], // an origin that is not a name adds nothing
    ['a..b', 'example.', EMPTY],
    ['.a', 'example.', EMPTY],
  ];
  for (const [text, origin, want] of cases) assert.equal(nameLabelCount(text, origin), want, `${text} in ${origin}`);
});
