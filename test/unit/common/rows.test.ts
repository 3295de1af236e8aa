import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupRows, IntRows } from '../../../server/src/common/rows';

test('groupRows: the rows ordered by group, each group in row order, with where each group starts', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  for (let k = 0; k < 200; k++) {
    const groups = 1 + Math.floor(rnd() * 8);
    const of = Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * groups));
    const { order, starts } = groupRows(of.length, groups, (i) => of[i]!);
    const expected = of.map((_, i) => i).sort((a, b) => of[a]! - of[b]! || a - b);
    assert.deepEqual([...order], expected);
    assert.equal(starts.length, groups + 1);
    for (let g = 0; g < groups; g++)
      assert.deepEqual(
        [...order.subarray(starts[g], starts[g + 1])],
        expected.filter((i) => of[i] === g),
      );
    assert.equal(starts[groups], of.length);
  }
});

test('IntRows: rows across chunks read back what was set, new rows are zero', () => {
  const rows = new IntRows(3);
  for (let i = 0; i < 10_000; i++) {
    const k = rows.add();
    assert.equal(rows.get(k, 2), 0);
    rows.set(k, 0, i);
    rows.set(k, 1, -i - 1);
  }
  assert.equal(rows.length, 10_000);
  for (const i of [0, 4095, 4096, 9999])
    assert.deepEqual([rows.get(i, 0), rows.get(i, 1), rows.get(i, 2)], [i, -i - 1, 0]);
});
