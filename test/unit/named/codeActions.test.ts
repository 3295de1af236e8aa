import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL, fixesOnly } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('quick fixes: curly quotes, missing semicolon, did-you-mean', (eol) => {
    const d = doc('named', withEOL('options {\n\tdirectory “/x”;\n\trecursoin no;\n\tnotify yes\n};\n', eol));
    const diags = service.doValidation(d);
    const actions = fixesOnly(service.getCodeActions(d, diags[0]!.range, { diagnostics: diags }));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace curly quotes with straight quotes'));
    assert.ok(titles.includes("Insert ';'"));
    assert.ok(titles.includes("Change to 'recursion'"));
  }),
] as const)
  test(name, fn);
