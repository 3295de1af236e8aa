import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, memoryFiles, service, withEOL } from '../../helpers';
import { MAX_OUTLINE_SYMBOLS } from '../../../server/src/service/types';
import { parseZone } from '../../../server/src/zone/parser';
import { isZoneTypeWord } from '../../../server/src/zone/types';
import { zoneIndex } from '../../../server/src/zone/navigation';

const ZONE = [
  '$ORIGIN example.com.', // 0
  '; the apex', // 1
  '; and its servers', // 2
  '@ IN SOA ns1 hostmaster (', // 3
  '    1 3600 600 86400 300 )', // 4
  '  IN NS ns1.example.com.', // 5
  '  IN MX 10 mail', // 6
  'ns1 IN A 192.0.2.1', // 7
  'mail IN A 192.0.2.2', // 8
  '$TTL 1h', // 9
  '  IN AAAA 2001:db8::2', // 10
  'www IN CNAME MAIL', // 11
  '_smtp._tcp IN SRV 0 0 25 mail.example.com.', // 12
  '$INCLUDE hosts.inc sub', // 13
  'x IN CNAME lab.sub', // 14
  '',
].join('\n');

const INCLUDED = 'lab IN A 192.0.2.9\n  IN TXT "lab"\nother IN A 192.0.2.10\n';
const files = memoryFiles({ 'file:///zones/hosts.inc': INCLUDED });

/** Line:character of each location (the included file's prefixed with its name). */
const at = (ls: readonly Location[] | null) =>
  (ls ?? []).map((l) => `${l.uri.endsWith('.inc') ? 'inc ' : ''}${l.range.start.line}:${l.range.start.character}`);

for (const [name, fn] of [
  ...bothEOL('definition: from a name in data to the records it owns', (eol) => {
    const text = withEOL(ZONE, eol);
    const c = cursor(text.replace('MX 10 mail', 'MX 10 ma|il'));
    const d = doc('dns-zone', c.text, 'file:///zones/db.example.com');
    const defs = service.findDefinition(d, c.pos, { files }) as Location[];
    // `mail`'s A, and the AAAA after it (a blank owner, past a $TTL)
    assert.deepEqual(at(defs), ['8:0', '10:2']);
    assert.equal(defs[0]!.range.end.line, 8);
    // case and absolute spelling do not matter
    const c2 = cursor(text.replace('CNAME MAIL', 'CNAME MA|IL'));
    assert.deepEqual(at(service.findDefinition(doc('dns-zone', c2.text), c2.pos, { files }) as Location[]), [
      '8:0',
      '10:2',
    ]);
    // a name with no records: none
    const c3 = cursor(text.replace('hostmaster', 'host|master'));
    assert.equal(service.findDefinition(doc('dns-zone', c3.text), c3.pos, { files }), null);
  }),
  ...bothEOL('definition into an $INCLUDEd file, with the origin it is given', (eol) => {
    const c = cursor(withEOL(ZONE, eol).replace('lab.sub', 'l|ab.sub'));
    const defs = service.findDefinition(doc('dns-zone', c.text, 'file:///zones/db.example.com'), c.pos, {
      files,
    }) as Location[];
    assert.deepEqual(at(defs), ['inc 0:0', 'inc 1:2']);
    assert.equal(defs[0]!.uri, 'file:///zones/hosts.inc');
  }),
  ...bothEOL('references: owners and names in data, as absolute names without case', (eol) => {
    const c = cursor(withEOL(ZONE, eol).replace('mail IN A', 'm|ail IN A'));
    const refs = service.findReferences(doc('dns-zone', c.text), c.pos);
    // MX target, owner, CNAME target (MAIL), SRV target (absolute)
    assert.deepEqual(at(refs), ['6:11', '8:0', '11:13', '12:25']);
    const c2 = cursor(withEOL(ZONE, eol).replace('ns1 IN A', 'n|s1 IN A'));
    assert.deepEqual(at(service.findReferences(doc('dns-zone', c2.text), c2.pos)), ['3:9', '5:8', '7:0']);
    // not on a number
    const c3 = cursor(withEOL(ZONE, eol).replace('SRV 0 0 25', 'SRV 0 0 2|5'));
    assert.deepEqual(service.findReferences(doc('dns-zone', c3.text), c3.pos), []);
  }),
  ...bothEOL('references into an $INCLUDEd file: the owner there, under the origin it is given', (eol) => {
    const c = cursor(withEOL(ZONE, eol).replace('CNAME lab.sub', 'CNAME la|b.sub'));
    const refs = service.findReferences(doc('dns-zone', c.text, 'file:///zones/db.example.com'), c.pos, { files });
    assert.deepEqual(at(refs), ['14:11', 'inc 0:0']);
    // without the included file, this file's use alone
    assert.deepEqual(at(service.findReferences(doc('dns-zone', c.text, 'file:///zones/db.example.com'), c.pos)), [
      '14:11',
    ]);
  }),
  ...bothEOL('outline: an owner with an empty first label is shown whole, never as an empty name', (eol) => {
    const text = withEOL('$ORIGIN example.com.\n.example.com. IN A 192.0.2.1\nwww IN A 192.0.2.2\n', eol);
    const names = service.findDocumentSymbols(doc('dns-zone', text)).map((s) => s.name);
    assert.deepEqual(names.slice(1), ['.example.com.', 'www']);
  }),
  ...bothEOL('outline: one symbol per owner name, a child per record', (eol) => {
    const syms = service.findDocumentSymbols(doc('dns-zone', withEOL(ZONE, eol)));
    const shape = syms.map((s) => `${s.name}|${s.detail ?? ''}|${(s.children ?? []).map((k) => k.name).join(', ')}`);
    assert.deepEqual(shape, [
      '$ORIGIN example.com.||',
      '@|example.com.|SOA ns1 hostmaster 1 3600 600 86400 300, NS ns1.example.com., MX 10 mail',
      'ns1|ns1.example.com.|A 192.0.2.1',
      'mail|mail.example.com.|A 192.0.2.2, AAAA 2001:db8::2',
      'www|www.example.com.|CNAME MAIL',
      '_smtp._tcp|_smtp._tcp.example.com.|SRV 0 0 25 mail.example.com.',
      '$INCLUDE hosts.inc sub||',
      'x|x.example.com.|CNAME lab.sub',
    ]);
    // the owner's range covers its records, across the $TTL line
    const mail = syms[3]!;
    assert.deepEqual([mail.range.start.line, mail.range.end.line], [8, 10]);
    assert.deepEqual([syms[1]!.range.start.line, syms[1]!.range.end.line], [3, 6]);
  }),
  ...bothEOL('folding: records over several lines, runs of comments', (eol) => {
    const ranges = service.getFoldingRanges(doc('dns-zone', withEOL(ZONE, eol)));
    const shape = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`).sort();
    assert.deepEqual(shape, ['1-2 comment', '3-4']);
  }),
] as const)
  test(name, fn);

test('the outline stops at MAX_OUTLINE_SYMBOLS and says how many records it left out', () => {
  const lines = ['$ORIGIN example.com.'];
  const n = MAX_OUTLINE_SYMBOLS; // n owners with one record each: 2n symbols wanted
  for (let i = 0; i < n; i++) lines.push(`h${i} IN A 192.0.2.1`);
  const syms = service.findDocumentSymbols(doc('dns-zone', lines.join('\n')));
  const count = syms.reduce((k, s) => k + 1 + (s.children?.length ?? 0), 0);
  // $ORIGIN, then 4,999 owners with their record; an owner is never shown without one
  assert.equal(count, MAX_OUTLINE_SYMBOLS - 1);
  assert.equal(syms[syms.length - 1]!.children?.length, 1);
  assert.match(syms[syms.length - 1]!.detail!, /outline stops here: 5,001 more records are not listed/);
});

test('the index is kept per tree for two origins (prepare has none from named.conf, hover may)', () => {
  const tree = parseZone('www IN A 192.0.2.1\n', isZoneTypeWord);
  const a = zoneIndex(tree, 'example.com.');
  const b = zoneIndex(tree, 'example.org.');
  assert.equal(a.owners[0], 'www.example.com.');
  assert.equal(b.owners[0], 'www.example.org.');
  assert.equal(zoneIndex(tree, 'example.com.'), a);
  assert.equal(zoneIndex(tree, 'example.org.'), b);
});
