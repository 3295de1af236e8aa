import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validate, errorsOf, withEOL, bothEOL } from '../../helpers';

// samples/dhcpd/dhcpd.conf is the DHCP+DDNS config of the reference document, curly quotes and all.
// dhcpd -t names lines 2, 4, 11, 15, 23, 30 and 34; we report an Error on each of them.
const text = fs.readFileSync(path.join(process.cwd(), 'samples', 'dhcpd', 'dhcpd.conf'), 'utf8');

for (const [name, fn] of bothEOL('the reference sample gets errors on the lines dhcpd names', (eol) => {
  const errs = errorsOf(validate('dhcpd', withEOL(text, eol)));
  const lines = [...new Set(errs.map((d) => d.range.start.line + 1))];
  assert.deepEqual(lines, [2, 4, 5, 11, 15, 23, 30, 34]);
  assert.ok(errs.some((d) => d.code === 'dhcpd-curly-quotes'));
  assert.ok(errs.some((d) => d.code === 'dhcpd-undefined-key'));
}))
  test(name, fn);
