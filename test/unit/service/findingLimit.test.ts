import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, validate, withEOL } from '../../helpers';
import { MAX_FINDINGS_PER_RULE } from '../../../server/src/service/types';
import { limitFindings } from '../../../server/src/service/findingList';

const N = MAX_FINDINGS_PER_RULE;

for (const [name, fn] of [
  ...bothEOL('a rule that fires on every line lists the first 1,000 findings and a note at the next one', (eol) => {
    // line 0 sets the key, lines 1 .. N+499 set it again: N + 499 duplicates
    const text = withEOL('displayName = "a"\n'.repeat(N + 500), eol);
    const ds = validate('vmx', text).filter((d) => d.code === 'vmx-duplicate-key');
    assert.equal(ds.length, N + 1);
    const lines = ds.map((d) => d.range.start.line);
    assert.deepEqual(lines.slice(0, 3), [1, 2, 3]);
    assert.equal(lines[N - 1], N);
    const note = ds[N]!;
    assert.equal(note.range.start.line, N + 1);
    assert.match(
      note.message,
      /^More than 1,000 findings of this kind \(vmx-duplicate-key\) in this file: only the first 1,000 are listed/,
    );
    assert.match(note.message, /is set again: line \d+ already set it/);
    assert.equal(ds.filter((d) => d.message.startsWith('More than')).length, 1);
  }),
  ...bothEOL('other rules keep all their findings (named: many missing semicolons, few of anything else)', (eol) => {
    const zones = Array.from({ length: 1200 }, (_, i) => `zone "z${i}.example" { type primary; file "z${i}" };`).join(
      '\n',
    );
    const ds = validate(
      'named',
      withEOL(
        `${zones}\nzone "dup.example" { type primary; file "a"; };\nzone "dup.example" { type primary; file "b"; };\n`,
        eol,
      ),
    );
    const semis = ds.filter((d) => d.code === 'named-missing-semicolon');
    assert.equal(semis.length, N + 1);
    assert.equal(ds.filter((d) => d.code === 'named-duplicate-zone').length, 1);
  }),
] as const)
  test(name, fn);

test('limitFindings keeps the first ones by position, whatever order they came in', () => {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
  const many = Array.from({ length: N + 10 }, (_, i) => ({
    rule: 'x-rule',
    range: at(N + 10 - i),
    message: `m${N + 10 - i}`,
  }));
  const few = [{ rule: 'y-rule', range: at(5), message: 'y' }];
  const out = limitFindings([...many, ...few]);
  assert.equal(out.length, N + 2);
  assert.deepEqual(
    out.filter((f) => f.rule === 'y-rule').map((f) => f.message),
    ['y'],
  );
  const xs = out.filter((f) => f.rule === 'x-rule');
  assert.deepEqual(
    xs.slice(0, 2).map((f) => f.range.start.line),
    [1, 2],
  );
  assert.equal(xs[N]!.range.start.line, N + 1);
  assert.match(xs[N]!.message, /This one: m1001$/);
  // under the limit: the same array back
  const small = many.slice(0, N);
  assert.equal(limitFindings(small), small);
});
