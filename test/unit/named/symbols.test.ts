import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('outline and folding', (eol) => {
    const d = doc('named', withEOL('options {\n\trecursion no;\n};\nview inside {\n\tzone "a" {\n\t\ttype primary;\n\t\tfile "a";\n\t};\n};\n', eol));
    const syms = service.findDocumentSymbols(d);
    assert.deepEqual(syms.map((s) => s.name), ['options', 'inside']);
    assert.equal(syms[1]!.children![0]!.detail, 'zone (primary)');
    assert.ok(service.getFoldingRanges(d).length >= 3);
  }),
] as const) test(name, fn);
