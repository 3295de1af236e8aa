import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, doc, cursor, bothEOL, withEOL } from '../../helpers';

const at = (t: string, eol: '\n' | '\r\n') => {
  const c = cursor(withEOL(t, eol));
  return { d: doc('dhcpd', c.text), pos: c.pos };
};

for (const [name, fn] of bothEOL('definition and references for keys', (eol) => {
  const { d, pos } = at(
    'key k1 { algorithm hmac-md5; secret "abc"; }\nzone a. { key k|1; }\nzone b. { key k1; }\n',
    eol,
  );
  const def = service.findDefinition(d, pos) as Array<{ range: { start: { line: number; character: number } } }>;
  assert.deepEqual(def[0]!.range.start, { line: 0, character: 4 });
  assert.equal(service.findReferences(d, pos).length, 3);
}))
  test(name, fn);
