import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, service, withEOL, type EOL } from '../../helpers';

const HEAD = [
  '$ORIGIN example.com.',
  '@ IN SOA ns1 hostmaster 1 3600 600 86400 300',
  '  IN NS ns1',
  'ns1 IN A 192.0.2.1',
  'mail IN A 192.0.2.2',
  'WWW IN A 192.0.2.3',
  'other.example.net. IN A 192.0.2.4',
].join('\n');

/** The labels offered at the `|` of `tail`, written after HEAD. */
function labels(eol: EOL, tail: string, head = HEAD): string[] | undefined {
  const c = cursor(withEOL(`${head}\n${tail}`, eol));
  const list = service.doComplete(doc('dns-zone', c.text), c.pos);
  return list.items.length ? list.items.map((i) => i.label) : undefined;
}

for (const [name, fn] of [
  ...bothEOL('directives at the start of a line', (eol) => {
    assert.deepEqual(labels(eol, '$|'), ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
    assert.deepEqual(labels(eol, '|\n'), ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
  }),
  ...bothEOL('types where a type is expected: after the owner, TTL and class', (eol) => {
    for (const tail of ['www |', 'www IN |', 'www 3600 IN M|', 'www IN 1h |', '  |', '  IN |']) {
      const l = labels(eol, tail) ?? [];
      assert.ok(l.includes('MX') && l.includes('AAAA') && l.includes('SRV'), tail);
      // meta types and those BIND refuses are not offered
      assert.ok(!l.includes('OPT') && !l.includes('TKEY') && !l.includes('MD'), tail);
      assert.equal(l.includes('IN'), !/IN/.test(tail), tail);
    }
    // a type already written: its data follows, which for A is no name
    assert.equal(labels(eol, 'www IN A |'), undefined);
  }),
  ...bothEOL('zone names where the data expects a name, relative to the origin', (eol) => {
    const mx = labels(eol, '@ IN MX 10 |');
    assert.deepEqual(mx, ['@', 'ns1', 'mail', 'WWW', 'other.example.net.']);
    assert.deepEqual(labels(eol, 'x IN CNAME m|'), ['mail']);
    assert.deepEqual(labels(eol, '_sip._tcp IN SRV 10 5 5060 n|'), ['ns1']);
    assert.deepEqual(labels(eol, 'x IN NS w|'), ['WWW']);
    // the preference of MX, SRV's numbers: no names
    assert.equal(labels(eol, '@ IN MX |'), undefined);
    assert.equal(labels(eol, '_sip._tcp IN SRV 10 |'), undefined);
    // below another $ORIGIN the names are relative to it
    assert.deepEqual(labels(eol, '$ORIGIN mail.example.com.\nx IN PTR |'), [
      'example.com.',
      'ns1.example.com.',
      '@',
      'WWW.example.com.',
      'other.example.net.',
    ]);
  }),
  ...bothEOL('names inside a record that runs over lines', (eol) => {
    const l = labels(eol, 'sub IN SOA (\n    n|\n    hostmaster 1 3600 600 86400 300 )');
    assert.deepEqual(l, ['ns1']);
    // the serial on the third line is no name
    assert.equal(labels(eol, 'sub IN SOA (\n    ns1 hostmaster\n    1| 3600 600 86400 300 )'), undefined);
  }),
  ...bothEOL('nothing in comments and strings', (eol) => {
    assert.equal(labels(eol, '@ IN MX 10 mail ; see |'), undefined);
    assert.equal(labels(eol, 'x IN TXT "a |'), undefined);
  }),
] as const)
  test(name, fn);

test('names are replaced whole, the list is cut on a large zone', () => {
  const lines = ['$ORIGIN example.com.'];
  for (let i = 0; i < 3000; i++) lines.push(`h${i} IN A 192.0.2.1`);
  const c = cursor(`${lines.join('\n')}\nx IN CNAME h1|`);
  const list = service.doComplete(doc('dns-zone', c.text), c.pos);
  // h1, h10..h19, h100..h199, h1000..h1999: 1,111 names, 200 of them listed
  assert.equal(list.items.length, 200);
  assert.equal(list.isIncomplete, true);
  const edit = list.items[0]!.textEdit as { range: { start: { character: number } }; newText: string };
  assert.equal(edit.range.start.character, 11);
  assert.equal(edit.newText, 'h1');
});
