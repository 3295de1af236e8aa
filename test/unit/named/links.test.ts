import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL, memoryFiles } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('include links', (eol) => {
    const d = doc('named', withEOL('include "/etc/bind/named.conf.local";\n', eol), 'file:///etc/bind/named.conf');
    const links = service.findDocumentLinks(d, { files: memoryFiles({}) });
    assert.equal(links.length, 1);
    assert.equal(links[0]!.target, 'file:///etc/bind/named.conf.local');
  }),
] as const)
  test(name, fn);
