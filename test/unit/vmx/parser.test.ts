import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, brief, validate, withEOL } from '../../helpers';
import { decodeValue, encodeValue } from '../../../server/src/vmx/entries';
import { parseText } from '../../../server/src/vmx/parser';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};

run('parses key = "value" lines, comments and blank lines', (eol) => {
  const t = parseText(
    withEOL('#!/usr/bin/vmware\n.encoding = "UTF-8"\n\nmemsize = "4096"   # 4 GB\n  displayName="web 01"\n', eol),
  );
  assert.deepEqual(t.problems, []);
  assert.deepEqual(
    [...t.entries].map((e) => [e.line, e.key, e.value]),
    [
      [1, '.encoding', 'UTF-8'],
      [3, 'memsize', '4096'],
      [4, 'displayName', 'web 01'],
    ],
  );
  assert.deepEqual(t.commentLines, [0]);
  const text = withEOL('memsize = "4096"\n', eol);
  const e = parseText(text).entries.at(0);
  assert.equal(text.slice(e.keyStart, e.keyEnd), 'memsize');
  assert.equal(text.slice(e.valueStart, e.valueEnd), '4096');
  assert.equal(text.slice(e.tokenStart, e.tokenEnd), '"4096"');
});

run('keys are case-insensitive and the last value wins', (eol) => {
  const t = parseText(withEOL('MemSize = "1024"\nmemsize = "2048"\n', eol));
  assert.equal(t.byKey.get('memsize')!.count, 2);
  assert.equal(t.entries.at(t.byKey.get('memsize')!.last).value, '2048');
});

run('curly quotes, unterminated values, bare values and junk lines are problems, one per line', (eol) => {
  const t = parseText(
    withEOL(
      'serial0.present = “true”\nserial0.fileType = "pipe\nserial0.fileName = bare\nthis is not a setting\nkey only\n= "x"\nmemsize = "4" junk\nnovalue =\n',
      eol,
    ),
  );
  assert.deepEqual(
    t.problems.map((p) => [p.line, p.kind]),
    [
      [0, 'curly-quotes'],
      [1, 'unterminated'],
      [2, 'unquoted'],
      [3, 'missing-equals'],
      [4, 'missing-equals'],
      [5, 'missing-equals'],
      [6, 'trailing-text'],
      [7, 'missing-value'],
    ],
  );
  assert.equal([...t.entries].find((e) => e.key === 'serial0.present')!.raw, 'true');
  assert.equal([...t.entries].find((e) => e.key === 'serial0.fileType')!.value, 'pipe');
});

run('a line of only a key is incomplete, not a missing =', (eol) => {
  const text = withEOL('serial1.\n  memsize \t\nkey only\n', eol);
  const t = parseText(text);
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length];
  assert.deepEqual(
    t.problems.map((p) => [p.line, p.kind, p.start, p.end]),
    [
      [0, 'incomplete', ...at('serial1.')],
      [1, 'incomplete', ...at('memsize')],
      [2, 'missing-equals', ...at('key')],
    ],
  );
  assert.equal(t.entries.length, 0);
});

run('a bad character in a key is reported once', (eol) => {
  const t = parseText(withEOL('serial0/fileType = "pipe"\n', eol));
  assert.deepEqual(
    t.problems.map((p) => [p.kind, p.detail]),
    [['bad-key', '/']],
  );
  assert.equal(t.entries.at(0).key, 'serial0/fileType');
});

test('|XX hex escapes decode; a lone | is flagged', () => {
  assert.deepEqual(decodeValue('a|22b|0Ac'), { value: 'a"b\nc', bad: [] });
  assert.deepEqual(decodeValue('a|b'), { value: 'a|b', bad: [1] });
  assert.deepEqual(decodeValue('end|'), { value: 'end|', bad: [3] });
  assert.equal(encodeValue('say "hi" | bye'), 'say |22hi|22 |7C bye');
  // the tree keeps the value as written; validation reports the escape
  assert.deepEqual(parseText('annotation = "a|zz"').problems, []);
  assert.deepEqual(validate('vmx', 'annotation = "a|zz"').map(brief), ['1:16 warning vmx-bad-escape']);
});

test('never throws and never hangs on odd input', () => {
  const inputs = [
    '',
    '\r',
    '\n\n\r\n',
    '=',
    '"',
    '“',
    'a = "',
    'a = “x',
    '\u0000 = "\u0000"',
    'x'.repeat(200000) + ' = "y"',
    'k = "' + '|'.repeat(100000) + '"',
    '#'.repeat(10000),
    'a.b:c-d_e = ""  #',
  ];
  for (const s of inputs) assert.ok(parseText(s));
});

run('entries read back every offset, for each kind of value', (eol) => {
  const text = withEOL('  a = "x"  # c\nb=“y”\nc = "z”\nd = bare\ne = "open   \nf =\ng = \'s\'\nh = "p|22q"\n', eol);
  const t = parseText(text);
  const slice = (s: number, e: number) => text.slice(s, e);
  const rows = [...t.entries].map((e) => [
    e.line,
    e.key,
    slice(e.lineStart, e.lineEnd),
    slice(e.eq, e.eq + 1),
    e.raw,
    e.value,
    slice(e.tokenStart, e.tokenEnd),
    e.quote,
    e.unterminated,
  ]);
  assert.deepEqual(rows, [
    [0, 'a', '  a = "x"  # c', '=', 'x', 'x', '"x"', 'straight', false],
    [1, 'b', 'b=“y”', '=', 'y', 'y', '“y”', 'curly', false],
    [2, 'c', 'c = "z”', '=', 'z', 'z', '"z”', 'curly', true],
    [3, 'd', 'd = bare', '=', 'bare', 'bare', 'bare', 'none', false],
    [4, 'e', 'e = "open   ', '=', 'open', 'open', '"open   ', 'straight', true],
    [5, 'f', 'f =', '=', '', '', '', 'none', false],
    [6, 'g', "g = 's'", '=', 's', 's', "'s'", 'straight', false],
    [7, 'h', 'h = "p|22q"', '=', 'p|22q', 'p"q', '"p|22q"', 'straight', false],
  ]);
  // the column readers agree with the entries
  for (let i = 0; i < t.entries.length; i++) {
    const e = t.entries.at(i);
    assert.deepEqual(
      [
        t.entries.line(i),
        t.entries.lineStart(i),
        t.entries.lineEnd(i),
        t.entries.key(i),
        t.entries.keyLower(i),
        t.entries.keyStart(i),
        t.entries.keyEnd(i),
        t.entries.quote(i),
        t.entries.unterminated(i),
      ],
      [e.line, e.lineStart, e.lineEnd, e.key, e.keyLower, e.keyStart, e.keyEnd, e.quote, e.unterminated],
    );
  }
});

run('one string per distinct key, and byKey counts case-insensitively', (eol) => {
  const t = parseText(withEOL('A.b = "1"\na.B = "2"\nA.b = "3"\nc = "4"\n', eol));
  assert.deepEqual(t.entries.keyTexts, ['A.b', 'a.B', 'c']);
  assert.deepEqual(t.entries.keyLowers, ['a.b', 'a.b', 'c']);
  assert.deepEqual(t.byKey.get('a.b'), { count: 3, last: 2 });
  assert.deepEqual(t.byKey.get('c'), { count: 1, last: 3 });
});

test('syntax problems stop at 1,001 of a kind (the facade lists no more), entries do not', () => {
  const t = parseText('k = "open\n'.repeat(1500) + 'x = bare\n');
  assert.equal(t.entries.length, 1501);
  assert.equal(t.problems.filter((p) => p.kind === 'unterminated').length, 1001);
  assert.deepEqual(t.problems.at(-1)!.kind, 'unquoted');
});
