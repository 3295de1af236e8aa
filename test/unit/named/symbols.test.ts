import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL } from '../../helpers';
import { MAX_OUTLINE_SYMBOLS } from '../../../server/src/service/types';

for (const [name, fn] of [
  ...bothEOL('outline and folding', (eol) => {
    const d = doc(
      'named',
      withEOL(
        'options {\n\trecursion no;\n};\nview inside {\n\tzone "a" {\n\t\ttype primary;\n\t\tfile "a";\n\t};\n};\n',
        eol,
      ),
    );
    const syms = service.findDocumentSymbols(d);
    assert.deepEqual(
      syms.map((s) => s.name),
      ['options', 'inside'],
    );
    assert.equal(syms[1]!.children![0]!.detail, 'zone (primary)');
    assert.ok(service.getFoldingRanges(d).length >= 3);
  }),
] as const)
  test(name, fn);

test('the outline stops at MAX_OUTLINE_SYMBOLS and says how many it left out', () => {
  const zones = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `zone "z${from + i}.example" { type primary; file "z${from + i}"; };\n`).join(
      '',
    );
  // a view holding more zones than the outline lists, then more top-level statements
  const text = `view inside {\n${zones(MAX_OUTLINE_SYMBOLS + 5)}};\n${zones(7, MAX_OUTLINE_SYMBOLS + 5)}`;
  const syms = service.findDocumentSymbols(doc('named', text));
  assert.equal(syms.length, 1);
  const view = syms[0]!;
  assert.equal(view.children!.length, MAX_OUTLINE_SYMBOLS - 1);
  assert.equal(view.children![0]!.name, 'z0.example');
  assert.match(
    view.detail!,
    new RegExp(`outline shows 9,999 of ${(MAX_OUTLINE_SYMBOLS + 5).toLocaleString('en-US')} statements`),
  );
  assert.match(view.detail!, /outline stops here: 7 more top-level statements are not listed/);
  // under the limit nothing is said
  const small = service.findDocumentSymbols(doc('named', zones(3)));
  assert.deepEqual(
    small.map((s) => s.detail),
    ['zone (primary)', 'zone (primary)', 'zone (primary)'],
  );
});
