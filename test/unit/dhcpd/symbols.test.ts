import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, doc, bothEOL, withEOL } from '../../helpers';

for (const [name, fn] of bothEOL('outline and folding', (eol) => {
  const d = doc(
    'dhcpd',
    withEOL(
      'shared-network lan {\n  subnet 10.0.0.0 netmask 255.0.0.0 {\n    pool {\n      range 10.0.0.1 10.0.0.9;\n    }\n  }\n}\nhost h { }\nkey k { }\nzone z. { }\n',
      eol,
    ),
  );
  const syms = service.findDocumentSymbols(d);
  assert.deepEqual(
    syms.map((s) => s.name),
    ['lan', 'h', 'k', 'z.'],
  );
  assert.equal(syms[0]!.children![0]!.name, '10.0.0.0/255.0.0.0');
  assert.equal(syms[0]!.children![0]!.children![0]!.name, 'pool');
  const folds = service.getFoldingRanges(d);
  assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 5));
}))
  test(name, fn);
