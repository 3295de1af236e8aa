/**
 * SOA serials: RFC 1982 arithmetic, the next serial (YYYYMMDDnn or + 1), the "Increment SOA
 * serial" code action, and the serial that went down against git's HEAD (a memory FileAccess
 * with committed()).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import {
  compareSerials,
  incrementSerial,
  incrementSerialOnSave,
  isDateSerial,
  localDateNumber,
  MAX_SERIAL,
  nextSerial,
  parseSerial,
} from '../../../server/src/zone/serial';
import type { FileAccess } from '../../../server/src/service/types';
import { bothEOL, cursor, memoryFiles, service, withEOL } from '../../helpers';

/** 15 June 2025, mid-morning local time. */
const JUNE_15 = new Date(2025, 5, 15, 10, 30);

test('compareSerials: RFC 1982 §3.2 with 32 bits', () => {
  assert.equal(compareSerials(1, 2), -1);
  assert.equal(compareSerials(2, 1), 1);
  assert.equal(compareSerials(7, 7), 0);
  // across the wrap: 0 and 1 come after 4294967295
  assert.equal(compareSerials(MAX_SERIAL, 0), -1);
  assert.equal(compareSerials(MAX_SERIAL, 1), -1);
  assert.equal(compareSerials(1, MAX_SERIAL), 1);
  // up to 2^31 - 1 ahead is after; exactly 2^31 is undefined; past it, before
  assert.equal(compareSerials(0, 2 ** 31 - 1), -1);
  assert.equal(compareSerials(0, 2 ** 31), undefined);
  assert.equal(compareSerials(2 ** 31, 0), undefined);
  assert.equal(compareSerials(0, 2 ** 31 + 1), 1);
  assert.equal(compareSerials(2024010100, 2025061500), -1);
});

test('compareSerials: antisymmetric, and undefined only 2^31 apart', () => {
  const serial = fc.integer({ min: 0, max: MAX_SERIAL });
  fc.assert(
    fc.property(serial, serial, (a, b) => {
      const ab = compareSerials(a, b);
      const ba = compareSerials(b, a);
      if (ab === undefined) return ba === undefined && (a - b + 2 ** 32) % 2 ** 32 === 2 ** 31;
      return ba === -ab || (ab === 0 && ba === 0);
    }),
  );
});

test('parseSerial: decimal 0–4294967295 as named reads it', () => {
  assert.equal(parseSerial('2025061500'), 2025061500);
  assert.equal(parseSerial('007'), 7);
  assert.equal(parseSerial('4294967295'), MAX_SERIAL);
  for (const bad of ['4294967296', '-1', '1e3', '0x10', '', '12a', '1h'])
    assert.equal(parseSerial(bad), undefined, bad);
});

test('isDateSerial: ten digits whose first eight are a real date from 1980 on', () => {
  for (const yes of [2025061500, 2024022999, 1980010100, 2099123199]) assert.ok(isDateSerial(yes), String(yes));
  for (const no of [
    2023022900, // 29 February of a common year
    2025023000,
    2025130100,
    2025060000,
    1979123100, // before 1980
    1718444444, // a Unix time (2024)
    999999999, // nine digits
    1,
  ])
    assert.ok(!isDateSerial(no), String(no));
});

test('nextSerial: YYYYMMDDnn takes today, or nn + 1; others + 1; 4294967295 becomes 1', () => {
  const cases: Array<[number, number, string]> = [
    [2024010307, 2025061500, 'an older date: today, nn 00'],
    [2025061400, 2025061500, 'yesterday'],
    [2025061500, 2025061501, "today's date: nn + 1"],
    [2025061541, 2025061542, "today's date: nn + 1"],
    [2025061599, 2025061600, "nn 99 on today's date: + 1, into the next day"],
    [2026010105, 2026010106, 'a date ahead of today: nn + 1'],
    [2026010199, 2026010200, 'a date ahead of today at nn 99: + 1'],
    [1718444444, 1718444445, 'a Unix time: + 1'],
    [2025023000, 2025023001, 'no real date: + 1'],
    [1, 2, 'a counter: + 1'],
    [0, 1, 'zero: + 1'],
    [4294967294, MAX_SERIAL, 'the largest serial'],
    [MAX_SERIAL, 1, '4294967295: 1, skipping 0 as BIND does'],
  ];
  for (const [old, want, why] of cases) assert.equal(nextSerial(old, JUNE_15), want, `${old}: ${why}`);
  // the 31st at nn 99: + 1 gives a day that does not exist, still after the old serial
  assert.equal(nextSerial(2025013199, new Date(2025, 0, 31, 12)), 2025013200);
});

test('nextSerial: always after the old serial in serial arithmetic', () => {
  const when = fc.date({ min: new Date(1990, 0, 1), max: new Date(2200, 0, 1), noInvalidDate: true });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: MAX_SERIAL }), when, (old, now) => {
      const next = nextSerial(old, now);
      return Number.isInteger(next) && next >= 0 && next <= MAX_SERIAL && compareSerials(old, next) === -1;
    }),
  );
  // and the date serials of the last few decades in particular
  fc.assert(
    fc.property(
      fc.date({ min: new Date(1980, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
      when,
      (d, now) => {
        const old = localDateNumber(d) * 100 + (d.getSeconds() % 100);
        return compareSerials(old, nextSerial(old, now)) === -1;
      },
    ),
  );
});

test("nextSerial: today is the local calendar's date, not UTC's", () => {
  const tz = process.env.TZ;
  try {
    // 13:00 UTC on 14 June is 01:00 on 15 June in Auckland (UTC+12 in June)
    process.env.TZ = 'Pacific/Auckland';
    const at = new Date(Date.UTC(2025, 5, 14, 13, 0));
    assert.equal(localDateNumber(at), 20250615);
    assert.equal(nextSerial(2025061000, at), 2025061500);
    process.env.TZ = 'America/New_York'; // 09:00 on 14 June
    assert.equal(nextSerial(2025061000, at), 2025061400);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

const MULTI = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster (',
  '        2025061400 ; serial',
  '        3600 600 86400 300 )',
  '@ NS ns1',
  'ns1 A 192.0.2.1',
  '',
].join('\n');

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dns-zone', 1, text), [...edits]);
}

for (const [name, run] of bothEOL('incrementSerial: the parenthesised form keeps its layout and comments', (eol) => {
  const text = withEOL(MULTI, eol);
  const e = incrementSerial(text, JUNE_15);
  assert.ok(e);
  assert.equal(text.slice(e.start, e.end), '2025061400');
  assert.deepEqual([e.old, e.serial, e.newText], [2025061400, 2025061500, '2025061500']);
  const after = text.slice(0, e.start) + e.newText + text.slice(e.end);
  assert.equal(after, withEOL(MULTI.replace('2025061400', '2025061500'), eol));
}))
  test(name, run);

test('incrementSerial: nothing without an SOA with a numeric serial', () => {
  assert.equal(incrementSerial('$TTL 3600\n@ NS ns1\n', JUNE_15), undefined);
  assert.equal(incrementSerial('@ SOA ns1 hostmaster "5" 3600 600 86400 300\n', JUNE_15), undefined);
  assert.equal(incrementSerial('@ SOA ns1 hostmaster 4294967296 3600 600 86400 300\n', JUNE_15), undefined);
  assert.equal(incrementSerial('@ CH SOA ns1 hostmaster 5 3600 600 86400 300\n', JUNE_15), undefined);
  // the first SOA of the file
  assert.equal(incrementSerial('@ IN SOA a b 7 1 1 1 1\n@ SOA a b 9 1 1 1 1\n', JUNE_15)?.serial, 8);
});

test('incrementSerialOnSave: after a change, unless the serial already went up since the last save', () => {
  const changed = MULTI.replace('192.0.2.1', '192.0.2.2');
  const bump = (saved: string | undefined, text: string) => incrementSerialOnSave(saved, text, JUNE_15)?.serial;
  assert.equal(bump(MULTI, MULTI), undefined, 'unchanged');
  assert.equal(bump(MULTI, changed), 2025061500);
  assert.equal(bump(undefined, changed), 2025061500, 'saved text not known');
  assert.equal(bump(MULTI, changed.replace('2025061400', '2025061401')), undefined, 'up by hand');
  assert.equal(bump(MULTI, changed.replace('2025061400', '2025061300')), 2025061500, 'down by hand');
  assert.equal(bump(MULTI, changed.replace('2025061400', 'x')), undefined, 'no numeric serial');
  assert.equal(bump(MULTI.replace('2025061400', 'x'), changed), 2025061500, 'none before');
});

/** The code actions at the `|` of the text, on 15 June 2025. */
function actionsAt(textWithBar: string, only?: string[]): CodeAction[] {
  const { text, pos } = cursor(textWithBar);
  const d = TextDocument.create('file:///zones/db.example', 'dns-zone', 1, text);
  return service
    .getCodeActions(d, { start: pos, end: pos }, { diagnostics: [], only }, { now: () => JUNE_15 })
    .filter((a) => a.title === 'Increment SOA serial');
}

test('code action: offered on the SOA record, its edit replaces only the serial', () => {
  for (const at of ['@ IN S|OA', 'hostmaster (|', '|        2025061400', '; ser|ial', '86400 300 )|']) {
    const text = MULTI.replace(at.replace('|', ''), at);
    const [a, ...more] = actionsAt(text);
    assert.ok(a, `offered at ${at}`);
    assert.equal(more.length, 0);
    assert.equal(a.kind, 'refactor.rewrite');
    const edits = a.edit?.changes?.['file:///zones/db.example'] ?? [];
    assert.deepEqual(edits, [
      { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } }, newText: '2025061500' },
    ]);
    assert.equal(apply(MULTI, edits), MULTI.replace('2025061400', '2025061500'));
  }
});

test('code action: not offered away from the SOA, nor when other kinds are asked for', () => {
  assert.deepEqual(actionsAt(MULTI.replace('ns1 A', 'ns1 |A')), []);
  assert.deepEqual(actionsAt(MULTI.replace('$TTL', '$T|TL')), []);
  assert.deepEqual(actionsAt(MULTI.replace('@ IN SOA', '@ IN |SOA'), ['quickfix']), []);
  assert.equal(actionsAt(MULTI.replace('@ IN SOA', '@ IN |SOA'), ['refactor']).length, 1);
  assert.equal(actionsAt(MULTI.replace('@ IN SOA', '@ IN |SOA'), ['refactor.rewrite']).length, 1);
  // a serial that is not a number: nothing to increment
  assert.deepEqual(actionsAt(MULTI.replace('2025061400', 'x2025').replace('@ IN SOA', '@ IN |SOA')), []);
});

// the serial that went down against git's HEAD

const ZONE = (serial: string) =>
  `$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster ( ${serial} 3600 600 86400 300 )\n@ NS ns1\nns1 A 192.0.2.1\n`;
const URI = 'file:///zones/db.example';

function withHead(committed: string | undefined): FileAccess {
  return { ...memoryFiles({}), committed: (uri) => (uri === URI ? committed : undefined) };
}

function decreased(text: string, files: FileAccess) {
  const d = TextDocument.create(URI, 'dns-zone', 1, text);
  return service.doValidation(d, { files, now: () => JUNE_15 }).filter((x) => x.code === 'dns-zone-serial-decreased');
}

test('serial decreased: a Warning on the serial token naming both serials and one to write', () => {
  const [w, ...more] = decreased(ZONE('2025061400'), withHead(ZONE('2025061402')));
  assert.ok(w);
  assert.equal(more.length, 0);
  assert.equal(w.severity, 2);
  const line = ZONE('2025061400').split('\n')[2]!;
  assert.deepEqual(w.range, {
    start: { line: 2, character: line.indexOf('2025061400') },
    end: { line: 2, character: line.indexOf('2025061400') + 10 },
  });
  assert.equal(
    w.message,
    "The SOA serial went down: 2025061400 here, 2025061402 in git's HEAD; secondaries keep the zone they have until the serial goes up (RFC 1982). Write a serial after 2025061402, such as 2025061500.",
  );
});

test('serial decreased: not for an equal or greater serial, a wrap, or without a committed SOA', () => {
  const none: Array<[string, string | undefined]> = [
    ['2025061402', ZONE('2025061402')], // equal
    ['2025061403', ZONE('2025061402')], // up
    ['1', ZONE('4294967295')], // up across the wrap
    ['5', undefined], // not committed (or no repository)
    ['5', '$TTL 3600\n@ NS ns1\n'], // no SOA in HEAD
    ['5', ZONE('x')], // no numeric serial in HEAD
  ];
  for (const [serial, head] of none) assert.deepEqual(decreased(ZONE(serial), withHead(head)), [], serial);
  // a FileAccess without committed() (the CLI, tests): nothing is said
  assert.deepEqual(decreased(ZONE('1'), memoryFiles({})), []);
});

test('serial decreased: down across the wrap, and 2^31 apart, are reported', () => {
  const [w] = decreased(ZONE('4294967295'), withHead(ZONE('3')));
  assert.match(w?.message ?? '', /went down: 4294967295 here, 3 in git's HEAD.*such as 4\.$/);
  const [u] = decreased(ZONE('2147483653'), withHead(ZONE('5')));
  assert.match(u?.message ?? '', /lies exactly 2\^31 from 5 in git's HEAD/);
});
