import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, service, withEOL } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('hover on a statement shows syntax and status', (eol) => {
    const c = cursor(withEOL('options {\n\tglue-ca|che yes;\n};\n', eol));
    const h = service.doHover(doc('named', c.text), c.pos);
    assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents);
    assert.match((h!.contents as { value: string }).value, /Deprecated/);
    assert.match((h!.contents as { value: string }).value, /Default: `yes`/);
  }),
  ...bothEOL('hover on a reference shows its definition', (eol) => {
    const c = cursor(withEOL('acl trusted { 10/8; };\noptions {\n\tallow-query { trus|ted; };\n};\n', eol));
    const h = service.doHover(doc('named', c.text), c.pos);
    assert.match((h!.contents as { value: string }).value, /acl.*trusted.*line 1/s);
  }),
] as const)
  test(name, fn);
