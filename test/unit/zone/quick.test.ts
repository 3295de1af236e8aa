/**
 * Quick re-checks of zone files after a keystroke (zone/quick.ts): the edited record's syntax and
 * data findings are fresh, the zone's findings carried over; an edit that could change how the
 * file splits into records is left to the full pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/modes';

const service = createLanguageService({ onError: (where, err) => assert.fail(`${where}: ${String(err)}`) });
const uri = 'file:///w/db.example.com';
const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ SOA ns1 hostmaster ( 1 3600',
  '  600 86400 300 )',
  '@ NS ns1',
  'ns1 A 192.0.2.1',
  'www A 192.0.2.2 ; the web',
  '  TXT "hello"',
  'alias CNAME www',
  'alias A 192.0.2.9',
  '',
].join('\n');

const brief = (ds: readonly Diagnostic[]) =>
  ds
    .map(
      (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`,
    )
    .sort();

/** The quick result of editing ZONE into `after`, and the full pass's. */
function both(after: string): { quick: Diagnostic[] | undefined; full: Diagnostic[] } {
  const { base } = service.validateWithBase(TextDocument.create(uri, 'dns-zone', 1, ZONE));
  assert.ok(base);
  const doc = TextDocument.create(uri, 'dns-zone', 2, after);
  const quick = service.quickValidation(doc, base);
  const full = service.doValidation(TextDocument.create(uri, 'dns-zone', 3, after));
  return { quick, full };
}

test('an edit in a record: its data checked again, the zone findings kept', () => {
  for (const after of [
    ZONE.replace('192.0.2.2', '192.0.2.256'),
    ZONE.replace('192.0.2.2 ;', '192.0.2.2 7 ;'),
    ZONE.replace('ns1 A 192.0.2.1', 'ns1 A 192.0.2.1 '),
    ZONE.replace('alias A 192.0.2.9', 'alias A 192.0.2.'),
    ZONE.replace('86400', '8640x'),
  ]) {
    const { quick, full } = both(after);
    assert.ok(quick, after);
    assert.deepEqual(brief(quick), brief(full), after);
  }
});

test('an edit that could move record bounds waits for the full pass', () => {
  for (const after of [
    ZONE.replace('www A', ' www A'),
    ZONE.replace('192.0.2.2 ;', '192.0.2.2 ( ;'),
    ZONE.replace('"hello"', '"hel"lo"'),
    ZONE.replace('ns1 A 192.0.2.1', 'ns1 A 192.0.2.1\n'),
    ZONE.replace('ns1 A 192.0.2.1', 'ns1 A 192.0.2.1;'),
    ZONE.replace('$TTL 3600', '$TTL 360'),
    ZONE.replace('ns1 A 192.0.2.1', 'ns1 A 192.0.2.1\\'),
  ])
    assert.equal(both(after).quick, undefined, after);
});
