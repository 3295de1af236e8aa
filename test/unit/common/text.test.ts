import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance, orList } from '../../../server/src/common/text';

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
  assert.equal(redactSecrets('key k { algorithm hmac-sha256; secret "c2VjcmV0"; };'), 'key k { algorithm hmac-sha256; secret "…"; };');
  assert.equal(redactSecrets('key k { secret c2VjcmV0==; }'), 'key k { secret "…"; }');
  assert.equal(redactSecrets('key k {\n\tSECRET\t"abc"\n};'), 'key k {\n\tSECRET\t"…"\n};');
});
