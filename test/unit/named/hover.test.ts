import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, service, withEOL } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('hover on a statement shows syntax and status', (eol) => {
    const c = cursor(withEOL('options {\n\tglue-ca|che yes;\n};\n', eol));
    const h = service.doHover(doc('named', c.text), c.pos);
    assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents);
    const md = (h!.contents as { value: string }).value;
    assert.match(md, /Default: `yes`/);
    // the version in force (9.20 by default), and the statement's history
    assert.match(md, /In BIND 9\.20, the version this file is checked as: \*\*removed\*\*/);
    assert.match(md, /History: deprecated in 9\.18, removed in 9\.20\./);
    // as 9.18 (the file's first line says so)
    const c18 = cursor(withEOL('# infra-lsp: bind 9.18\noptions {\n\tglue-ca|che yes;\n};\n', eol));
    const md18 = (service.doHover(doc('named', c18.text), c18.pos)!.contents as { value: string }).value;
    assert.match(md18, /In BIND 9\.18, the version this file is checked as: \*\*deprecated\*\*/);
  }),
  ...bothEOL('hover on a statement with a successor names it', (eol) => {
    const c = cursor(withEOL('zone "example" {\n\ttype primary;\n\tfile "x";\n\tauto-dnss|ec maintain;\n};\n', eol));
    const md = (service.doHover(doc('named', c.text), c.pos)!.contents as { value: string }).value;
    assert.match(
      md,
      /\*\*removed\*\*.*History: deprecated in 9\.16, removed in 9\.20\. Use `dnssec-policy` instead\./s,
    );
  }),
  ...bothEOL('hover on a reference shows its definition', (eol) => {
    const c = cursor(withEOL('acl trusted { 10/8; };\noptions {\n\tallow-query { trus|ted; };\n};\n', eol));
    const h = service.doHover(doc('named', c.text), c.pos);
    assert.match((h!.contents as { value: string }).value, /acl.*trusted.*line 1/s);
  }),
] as const)
  test(name, fn);
