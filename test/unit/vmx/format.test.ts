/**
 * .vmx formatting (issue 22): `key = "value"`, comments and line order kept, blank runs made one,
 * and a line that does not read cleanly left exactly as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { bothEOL, doc, service, withEOL } from '../../helpers';
import { parseText } from '../../../server/src/vmx/parser';

const OPTIONS = { tabSize: 4, insertSpaces: true };

function formatted(text: string, range?: Range): string {
  const d = doc('vmx', text);
  return TextDocument.applyEdits(d, service.format(d, OPTIONS, range));
}

/** Each case: input → output, with \n and with \r\n; formatting the output again changes nothing. */
const CASES: Array<[string, string, string]> = [
  ['spaces around = made one each', 'memsize="4096"\nnumvcpus   =    "2"\n', 'memsize = "4096"\nnumvcpus = "2"\n'],
  ['tabs and indentation before the key go', '\t  displayName\t=\t"web 01"\n', 'displayName = "web 01"\n'],
  [
    'nothing inside the quotes changes, spaces and | escapes included',
    'annotation =   "  two  spaces |22quoted|22  "\n',
    'annotation = "  two  spaces |22quoted|22  "\n',
  ],
  [
    'a comment after the value keeps its text, one space before it',
    'memsize = "4096"     #   half of it\n',
    'memsize = "4096" #   half of it\n',
  ],
  ['comment lines lose the blanks around them', '   # a comment   \n#b\n', '# a comment\n#b\n'],
  ['a run of blank lines becomes one', 'a = "1"\n\n\n  \n\nb = "2"\n', 'a = "1"\n\nb = "2"\n'],
  ['blank lines at the start and end go', '\n\n  \na = "1"\n\n\n', 'a = "1"\n'],
  ['the last line without a line break stays without one', 'a="1"', 'a = "1"'],
  ['curly quotes are left to their quick fix: the line stays', 'displayName  =  “web”\n', 'displayName  =  “web”\n'],
  ['a value in single quotes stays', "guestOS =  'other'\n", "guestOS =  'other'\n"],
  ['a bare value stays', 'memsize =   4096\n', 'memsize =   4096\n'],
  ['an unterminated quote stays', 'displayName =  "web\n', 'displayName =  "web\n'],
  ['a line without = stays', 'memsize   "4096"\n', 'memsize   "4096"\n'],
  ['text after the value stays', 'memsize =  "4096" x\n', 'memsize =  "4096" x\n'],
  ['a key with a character keys do not have stays', 'mem@size  = "1"\n', 'mem@size  = "1"\n'],
  ['a key being typed stays', 'serial0.\nmemsize="1"\n', 'serial0.\nmemsize = "1"\n'],
  ['an empty value is a value', 'annotation=""\n', 'annotation = ""\n'],
  ['a # inside the quotes is not a comment', 'annotation  =  "a # b"\n', 'annotation = "a # b"\n'],
];

for (const [name, input, output] of CASES)
  for (const [n, fn] of bothEOL(name, (eol) => {
    const once = formatted(withEOL(input, eol));
    assert.equal(once, withEOL(output, eol));
    assert.equal(formatted(once), once, 'formatting twice changes nothing more');
  }))
    test(n, fn);

test('a byte-order mark stays at the start of the file', () => {
  assert.equal(formatted('\ufeffmemsize="1"\n'), '\ufeffmemsize = "1"\n');
  assert.equal(formatted('\ufeff  # c\n'), '\ufeff# c\n');
});

test('a lone \\r is a line break, as the parser reads it', () => {
  assert.equal(formatted('a="1"\rb  =  "2"\r'), 'a = "1"\rb = "2"\r');
});

test('range formatting touches only the lines in the range', () => {
  const text = 'a="1"\nb="2"\nc="3"\n';
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
  assert.equal(formatted(text, range), 'a="1"\nb = "2"\nc="3"\n');
});

test('the settings read the same before and after (keys, values, order)', () => {
  const text = 'a="1"\n#c\nb =  "x  y"  # z\nmem@x="2"\nc = 5\n\n\nd="|22"\n';
  const before = [...parseText(text).entries].map((e) => [e.key, e.value]);
  const after = [...parseText(formatted(text)).entries].map((e) => [e.key, e.value]);
  assert.deepEqual(after, before);
});

test('mutated inputs: never a throw, stable, the settings read the same', () => {
  const settings = (t: string) => JSON.stringify([...parseText(t).entries].map((e) => [e.key, e.value, e.quote]));
  const pieces = [' ', '\t', '=', '"', '#', '\n', '\r\n', '\r', '“', "'", '|22', 'x', '\u00a0'];
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
    const once = formatted(text);
    if (formatted(once) !== once) failures.push(`unstable: ${JSON.stringify(text)}`);
    if (settings(once) !== settings(text)) failures.push(`settings differ: ${JSON.stringify(text)}`);
    if (once.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) failures.push(`text differs: ${JSON.stringify(text)}`);
  }
  assert.deepEqual(failures.slice(0, 5), []);
});
