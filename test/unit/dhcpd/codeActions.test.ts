import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, doc, bothEOL, withEOL } from '../../helpers';

for (const [name, fn] of bothEOL('quick fixes: curly quotes, did-you-mean, semicolon', (eol) => {
  const d = doc(
    'dhcpd',
    withEOL('option domain-name “a.com”;\ndefualt-lease-time 600;\nmax-lease-time 7200\nping-check true;\n', eol),
  );
  const diags = service.doValidation(d);
  const titles = service.getCodeActions(d, diags[0]!.range, { diagnostics: diags }).map((a) => a.title);
  assert.ok(titles.includes('Replace curly quotes with straight quotes'));
  assert.ok(titles.includes('Change to `default-lease-time`'));
  assert.ok(titles.includes('Insert `;`'));
}))
  test(name, fn);
