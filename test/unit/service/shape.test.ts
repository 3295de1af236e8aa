/** The shape of our own code (test/shape/shape.ts): short files and functions, no import cycles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, measure } from '../../shape/shape';

const shape = measure(process.cwd());

test(`no file under server/src outside data/ is over ${MAX_FILE_LINES} lines`, () => {
  assert.deepEqual(shape.longFiles, []);
});

test(`no function under server/src is over ${MAX_FUNCTION_LINES} lines`, () => {
  assert.deepEqual(shape.longFunctions, []);
});

test('no import cycles under server/src (type-only imports count)', () => {
  assert.deepEqual(shape.cycles, []);
});
