import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import {
  didYouMean,
  editDistance,
  lineCountOf,
  lineIndex,
  MAPS_POSITIONS,
  offsetAt,
  orList,
  positionAt,
} from '../../../server/src/common/text';

test('editDistance counts transpositions as one edit', () => {
  assert.equal(editDistance('fileType', 'fileTpye'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('a', 'abcdef', 2), 3);
});

test('didYouMean finds near names and ignores far ones', () => {
  assert.deepEqual(didYouMean('filetpye', ['fileType', 'fileName', 'present']), ['fileType']);
  assert.deepEqual(didYouMean('zzzzzz', ['fileType']), []);
});

test('orList', () => {
  assert.equal(orList(['a']), '`a`');
  assert.equal(orList(['a', 'b', 'c']), '`a`, `b` or `c`');
});

test('redactSecrets hides quoted and unquoted key secrets', async () => {
  const { redactSecrets } = await import('../../../server/src/common/text');
  assert.equal(
    redactSecrets('key k { algorithm hmac-sha256; secret "c2VjcmV0"; };'),
    'key k { algorithm hmac-sha256; secret "…"; };',
  );
  assert.equal(redactSecrets('key k { secret c2VjcmV0==; }'), 'key k { secret "…"; }');
  assert.equal(redactSecrets('key k {\n\tSECRET\t"abc"\n};'), 'key k {\n\tSECRET\t"…"\n};');
});

test('positionAt, offsetAt and lineCountOf answer as TextDocument does, for every offset and line break', () => {
  const texts = [
    '',
    '\n',
    '\r',
    '\r\n',
    'a\r\nb\rc\nd',
    'abc',
    'a\n\n\r\r\n\n\rb',
    '\r\n\r\n',
    'x\r',
    'ab\r\ncd\r\n',
    'a\r\n\r\nb',
  ];
  // and random mixes of letters and \r, \n, \r\n
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let k = 0; k < 300; k++) {
    let t = '';
    for (let i = Math.floor(rnd() * 30); i > 0; i--) t += ['a', '\r', '\n', 'b', '\r\n'][Math.floor(rnd() * 5)];
    texts.push(t);
  }
  for (const t of texts) {
    const d = TextDocument.create('file:///a', 'x', 1, t);
    for (let o = -2; o <= t.length + 2; o++)
      assert.deepEqual(positionAt(d, o), d.positionAt(o), JSON.stringify([t, o]));
    assert.equal(lineCountOf(d), d.lineCount);
    for (let line = -1; line <= d.lineCount + 1; line++)
      for (let character = -1; character <= 6; character++)
        assert.equal(
          offsetAt(d, { line, character }),
          d.offsetAt({ line, character }),
          JSON.stringify([t, line, character]),
        );
    // a new version gets a new table
    TextDocument.update(
      d,
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\n' }],
      2,
    );
    for (let o = 0; o <= d.getText().length; o++) assert.deepEqual(positionAt(d, o), d.positionAt(o));
    assert.equal(lineCountOf(d), d.lineCount);
  }
});

test('lineIndex gives the 1-based line of an offset (lines end at \\n)', () => {
  const text = 'ab\ncd\n\nef\r\ng';
  const lineOf = lineIndex(text);
  const expected = [...text].map((_, i) => text.slice(0, i).split('\n').length);
  assert.deepEqual(
    [...text].map((_, i) => lineOf(i)),
    expected,
  );
  assert.equal(lineOf(text.length), 5);
  assert.equal(lineOf(-1), 1);
  assert.equal(lineIndex('')(0), 1);
  // more lines than the first table holds
  const many = 'x\n'.repeat(5000);
  assert.equal(lineIndex(many)(many.length - 1), 5000);
});

test('a document that maps its own positions is asked for them', () => {
  const real = TextDocument.create('file:///a', 'x', 1, 'a\nb\nc');
  const fragment = {
    ...real,
    getText: () => 'c',
    lineCount: 3,
    positionAt: (o: number) => real.positionAt(o + 4),
    offsetAt: (p: Position) => real.offsetAt(p) - 4,
    [MAPS_POSITIONS]: true,
  } as TextDocument;
  assert.deepEqual(positionAt(fragment, 0), { line: 2, character: 0 });
  assert.equal(lineCountOf(fragment), 3);
});
