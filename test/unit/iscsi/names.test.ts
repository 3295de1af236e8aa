import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIscsiName, checkAlias, utf8Length } from '../../../server/src/iscsi/names';
import { NAME_RULES, INITIATOR_RULES } from '../../../server/src/iscsi/rules';
import { KNOWN_TLDS, PSEUDO_TLDS } from '../../../server/src/iscsi/data/tlds';
import { monthAt } from '../../../server/src/iscsi/clock';

/** A fixed "now" for the date checks, so that the tests do not depend on the day they run. */
const JUNE_2025 = { year: 2025, month: 6 };

// RFC 3720 §3.2.6.3, RFC 3721 §1 and RFC 3980 §3 examples: all valid, no problem at all.
const VALID = [
  'iqn.2001-04.com.example:diskarrays-sn-a8675309', // RFC 3720 / 3721
  'iqn.1995-11.com.example.ssp:customers.4567.disks.107', // RFC 3720 / 3721
  'iqn.2001-04.com.example', // RFC 3721: naming authority alone
  'iqn.2001-04.com.example:storage:diskarrays-sn-a8675309', // RFC 3721
  'iqn.2001-04.com.example:storage.tape1.sys1.xyz', // RFC 3721
  'iqn.2001-04.com.example:storage.disk2.sys1.xyz', // RFC 3721
  'eui.02004567A425678D', // RFC 3720 / 3721
  'naa.52004567BA64678D', // RFC 3980 (64-bit)
  'naa.62004567BA64678D0123456789ABCDEF', // RFC 3980 (128-bit)
  // real-world defaults
  'iqn.1998-01.com.vmware:esx01-4b2c3d1e',
  'iqn.1991-05.com.microsoft:host01.corp.example.com',
  'iqn.2005-03.org.open-iscsi:6b7f1c2d3e4f',
  'iqn.1994-05.com.redhat:a1b2c3d4e5f6',
  'iqn.1992-08.com.netapp:sn.4082367740',
  'iqn.2004-10.de.example:target.lun0',
  'iqn.2010-10.org.openstack:volume-00000001',
  'iqn.2020-01.xn--p1ai.example:disk',
  'iqn.2001-04.com.example:ünïcode-target',
  'iqn.2001-04.com.example:диск-1', // lower case in another script
  'iqn.2025-06.com.example:new', // this month (JUNE_2025) is not the future
  'iqn.1986-03.com.sun:02:4a3b2c1d', // the oldest vendor dates in use
  'iqn.1985-03.com.example',
];

// [name, expected error (or warning) message, rule]
const INVALID: Array<[string, string, string]> = [
  ['iqn.2001-13.com.example:x', 'The month 13 is not a month (01–12).', 'iscsi-iqn-date'],
  ['iqn.2001-00.com.example:x', 'The month 00 is not a month (01–12).', 'iscsi-iqn-date'],
  ['iqn.2001-99.com.example', 'The month 99 is not a month (01–12).', 'iscsi-iqn-date'],
  ['iqn.2001-4.com.example', 'The month `4` must have 2 digits: `2001-04`.', 'iscsi-iqn-date'],
  ['iqn.2001-004.com.example', 'The month `004` must have 2 digits (01–12).', 'iscsi-iqn-date'],
  ['iqn.01-04.com.example', 'The year `01` must have 4 digits (yyyy-mm, e.g. `2001-04`).', 'iscsi-iqn-date'],
  ['iqn.20001-04.com.example', 'The year `20001` must have 4 digits (yyyy-mm, e.g. `2001-04`).', 'iscsi-iqn-date'],
  [
    'iqn.1970-01.com.example:x',
    'The year 1970 is before domain names were registered (1985): use the year-month the naming authority held its domain.',
    'iscsi-iqn-date',
  ],
  [
    'iqn.0000-01.com.example',
    'The year 0000 is before domain names were registered (1985): use the year-month the naming authority held its domain.',
    'iscsi-iqn-date',
  ],
  ['iqn.2001.com.example', 'The date needs a month: yyyy-mm, e.g. `2001-01`; found `2001` alone.', 'iscsi-iqn-date'],
  ['iqn.2001-.com.example', 'The month is missing after `2001-`: write two digits, 01 to 12.', 'iscsi-iqn-date'],
  [
    'iqn.com.example:disk1',
    '`iqn.` must be followed by a date, yyyy-mm (when the naming authority got its domain), then the reversed domain; found `com`, e.g. `iqn.2001-04.com.example`.',
    'iscsi-iqn-date',
  ],
  [
    'iqn.',
    '`iqn.` must be followed by a date, yyyy-mm, then the reversed domain, e.g. `iqn.2001-04.com.example`.',
    'iscsi-iqn-date',
  ],
  [
    'iqn.2001-04-15.com.example',
    'The date is yyyy-mm only; expected `.` after `2001-04`, found `-15`.',
    'iscsi-iqn-date',
  ],
  [
    'iqn.2001-04',
    "The date `2001-04` must be followed by `.` and the naming authority's reversed domain name, e.g. `iqn.2001-04.com.example`.",
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04:disk',
    "The date `2001-04` must be followed by `.` and the naming authority's reversed domain name, e.g. `iqn.2001-04.com.example`.",
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04.:disk',
    'The naming authority is missing after `2001-04.`: write the reversed domain name, e.g. `com.example`.',
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04.com..example',
    'The naming authority `com..example` has an empty label: labels are separated by a single `.`.',
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04.com.example.:disk',
    'The naming authority `com.example.` has an empty label: labels are separated by a single `.`.',
    'iscsi-iqn-authority',
  ],
  ['iqn.2001-04.com.-example', 'The domain label `-example` may not start or end with `-`.', 'iscsi-iqn-authority'],
  ['iqn.2001-04.com.example-:x', 'The domain label `example-` may not start or end with `-`.', 'iscsi-iqn-authority'],
  [
    `iqn.2001-04.com.${'a'.repeat(64)}`,
    'A domain label is 64 characters long; a label holds at most 63.',
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04.2001.example',
    'The naming authority must start with a top-level domain (`com`, `org`, `net`, a country code, ...); `2001` is not one.',
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04.c0m.example',
    'The naming authority must start with a top-level domain (`com`, `org`, `net`, a country code, ...); `c0m` is not one.',
    'iscsi-iqn-authority',
  ],
  [
    'iqn.2001-04.example.com:disk',
    '`example.com` looks written forward: an `iqn.` name reverses the domain, `com.example`, so that it starts with the top-level domain.',
    'iscsi-iqn-tld',
  ],
  [
    'iqn.2001-04.disks.example.org',
    '`disks.example.org` looks written forward: an `iqn.` name reverses the domain, `org.example.disks`, so that it starts with the top-level domain.',
    'iscsi-iqn-tld',
  ],
  [
    'iqn.2020-01.local.lab:nas',
    '`local` is not a top-level domain (reserved for multicast DNS (RFC 6762)); the naming authority must be a domain the organisation owns, reversed.',
    'iscsi-iqn-tld',
  ],
  [
    'iqn.2020-01.lan.home:nas',
    '`lan` is not a top-level domain (a private name, not delegated); the naming authority must be a domain the organisation owns, reversed.',
    'iscsi-iqn-tld',
  ],
  [
    'iqn.2001-04.com.example:',
    'Nothing follows `:`: add the unique string or remove the colon.',
    'iscsi-iqn-empty-unique',
  ],
  [
    'iqn.2001-04.com.example:disk_1',
    '`_` is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`; use `-` instead.',
    'iscsi-name-character',
  ],
  [
    'iqn.2001-04.com.example:my disk',
    'A space is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`.',
    'iscsi-name-character',
  ],
  [
    'iqn.2001-04.com.example:disk/1',
    '`/` is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`.',
    'iscsi-name-character',
  ],
  [
    'iqn.2001-04.com.example:disk#1',
    '`#` is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`; comments go on a line of their own.',
    'iscsi-name-character',
  ],
  [
    'iqn.2001-04.com.example:disk@host',
    '`@` is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`.',
    'iscsi-name-character',
  ],
  [
    'iqn.2001-04.com.example:a\tb',
    'A tab is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`.',
    'iscsi-name-character',
  ],
  [
    'iqn.2001_04.com.example',
    '`_` is not allowed in an `iqn.` name: use lower-case letters, digits, `-`, `.` or `:`; use `-` instead.',
    'iscsi-name-character',
  ],
  [
    `iqn.2001-04.com.example:${'x'.repeat(200)}`,
    'The name is 224 bytes long; an iSCSI name holds at most 223.',
    'iscsi-name-too-long',
  ],
  [
    `iqn.2001-04.com.example:${'x'.repeat(207)}`,
    'The name is 231 bytes long; an iSCSI name holds at most 223.',
    'iscsi-name-too-long',
  ],
  [
    `iqn.2001-04.com.example:${'é'.repeat(100)}`,
    'The name is 224 bytes long; an iSCSI name holds at most 223.',
    'iscsi-name-too-long',
  ],
  [
    'iqn.2001-04.com.Example:disk',
    'iSCSI names are case-insensitive: stringprep (RFC 3722) folds `E` to `e`; write the name in lower case so every initiator and target stores the same string.',
    'iscsi-name-case',
  ],
  [
    'IQN.2001-04.com.example:disk',
    'iSCSI names are case-insensitive: stringprep (RFC 3722) folds `I` to `i`; write the name in lower case so every initiator and target stores the same string.',
    'iscsi-name-case',
  ],
  [
    'iqn.2001-04.com.example:ДИСК',
    'iSCSI names are case-insensitive: stringprep (RFC 3722) folds `Д` to `д`; write the name in lower case so every initiator and target stores the same string.',
    'iscsi-name-case',
  ],
  [
    'iqn.2001-04.com.example:disk-Ǆ',
    'iSCSI names are case-insensitive: stringprep (RFC 3722) folds `Ǆ` to `ǆ`; write the name in lower case so every initiator and target stores the same string.',
    'iscsi-name-case',
  ],
  [
    'iqn.2001-04.com.example:\u{10400}',
    'iSCSI names are case-insensitive: stringprep (RFC 3722) folds `\u{10400}` to `\u{10428}`; write the name in lower case so every initiator and target stores the same string.',
    'iscsi-name-case',
  ],
  [
    'iqn.2099-01.com.example:disk1',
    'The date 2099-01 is in the future (this month is 2025-06): it must be a month in which the naming authority already owned its domain, such as the month it registered it.',
    'iscsi-iqn-future-date',
  ],
  [
    'iqn.2025-07.com.example:disk1',
    'The date 2025-07 is in the future (this month is 2025-06): it must be a month in which the naming authority already owned its domain, such as the month it registered it.',
    'iscsi-iqn-future-date',
  ],
  ['eui.02004567A425678', 'An `eui.` name needs exactly 16 hex digits; this one has 15.', 'iscsi-eui-format'],
  ['eui.02004567A425678D0', 'An `eui.` name needs exactly 16 hex digits; this one has 17.', 'iscsi-eui-format'],
  ['eui.', 'An `eui.` name needs exactly 16 hex digits; this one has 0.', 'iscsi-eui-format'],
  [
    'eui.02004567A425678G',
    '`G` is not a hex digit: an `eui.` name takes exactly 16 hex digits (0-9, A-F).',
    'iscsi-eui-format',
  ],
  [
    'eui.0200-4567-A425-678D',
    '`-` is not a hex digit: an `eui.` name takes exactly 16 hex digits (0-9, A-F).',
    'iscsi-eui-format',
  ],
  [
    'eui.6479a74b80d0037a002538e000000001',
    'An `eui.` name needs exactly 16 hex digits; this one has 32.',
    'iscsi-eui-format',
  ],
  [
    'EUI.02004567A425678D',
    'The type `EUI` is folded to lower case by stringprep (RFC 3722); write `eui.` (the hex digits may stay upper case).',
    'iscsi-name-case',
  ],
  ['naa.52004567BA64678', 'An `naa.` name needs 16 or 32 hex digits; this one has 15.', 'iscsi-naa-format'],
  ['naa.52004567BA64678D01234', 'An `naa.` name needs 16 or 32 hex digits; this one has 21.', 'iscsi-naa-format'],
  [
    'naa.62004567BA64678D0123456789ABCDEF0',
    'An `naa.` name needs 16 or 32 hex digits; this one has 33.',
    'iscsi-naa-format',
  ],
  [
    'naa.5200456ZBA64678D',
    '`Z` is not a hex digit: an `naa.` name takes 16 or 32 hex digits (0-9, A-F).',
    'iscsi-naa-format',
  ],
  ['naa.', 'An `naa.` name needs 16 or 32 hex digits; this one has 0.', 'iscsi-naa-format'],
];

test('RFC examples and real-world names are valid', () => {
  for (const name of VALID) {
    const r = checkIscsiName(name, { now: JUNE_2025 });
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [],
      name,
    );
    assert.ok(r.parts, `${name} has no parts`);
  }
});

test(`${INVALID.length} invalid names, each with its own message`, () => {
  assert.ok(INVALID.length >= 40);
  const messages = new Set<string>();
  for (const [name, message, rule] of INVALID) {
    const r = checkIscsiName(name, { now: JUNE_2025 });
    assert.ok(r.problems.length > 0, `${name}: no problem found`);
    const first = r.problems[0]!;
    assert.equal(first.message, message, name);
    assert.equal(first.rule, rule, name);
    assert.ok(
      first.start >= 0 && first.end <= name.length && first.start <= first.end,
      `${name}: range out of the name`,
    );
    messages.add(first.message);
  }
});

test('one error per name, not a cascade', () => {
  const r = checkIscsiName('iqn.01-13.Com..x_y:');
  assert.equal(r.problems.filter((p) => p.rule !== 'iscsi-name-case').length, 1);
});

test('problem ranges point at the fault', () => {
  const name = 'iqn.2001-13.com.example:x';
  const p = checkIscsiName(name).problems[0]!;
  assert.equal(name.slice(p.start, p.end), '13');
  const q = checkIscsiName('iqn.2001-04.com.example:disk_1').problems[0]!;
  assert.deepEqual([q.start, q.end], [28, 29]);
});

test('quick fixes where the fix is unambiguous', () => {
  const c = checkIscsiName('iqn.2001-04.com.Example:Disk').problems.find((p) => p.rule === 'iscsi-name-case');
  assert.equal(c?.fix?.newText, 'iqn.2001-04.com.example:disk');
  const m = checkIscsiName('iqn.2001-4.com.example').problems[0];
  assert.equal(m?.fix?.newText, '04');
  const t = checkIscsiName('iqn.2001-04.example.com').problems[0];
  assert.equal(t?.fix?.newText, 'com.example');
  assert.equal(checkIscsiName('iqn.2001-13.com.example').problems[0]?.fix, undefined);
});

test('a date after this month is a warning on the date, and the name still has its parts', () => {
  const name = 'iqn.2099-01.com.example:disk1';
  const r = checkIscsiName(name, { now: JUNE_2025 });
  assert.deepEqual(
    r.problems.map((p) => [p.rule, name.slice(p.start, p.end)]),
    [['iscsi-iqn-future-date', '2099-01']],
  );
  assert.equal(r.parts?.type === 'iqn' && r.parts.date, '2099-01');
  assert.ok(!r.problems[0]!.message.includes('`'), 'plain text');
  // compared with the month passed in, not with the clock: pure
  assert.deepEqual(checkIscsiName(name, { now: { year: 2099, month: 1 } }).problems, []);
  assert.equal(checkIscsiName(name, { now: { year: 2098, month: 12 } }).problems.length, 1);
  assert.deepEqual(checkIscsiName(name).problems, [], 'no month given: dates are not compared');
  assert.equal(checkIscsiName('iqn.2024-12.com.example', { now: JUNE_2025 }).problems.length, 0);
  assert.equal(checkIscsiName('iqn.2026-01.com.example', { now: JUNE_2025 }).problems.length, 1);
});

test('the future date warning comes with the other warnings, and an error still stops it', () => {
  const both = checkIscsiName('iqn.2099-01.example.com:Disk', { now: JUNE_2025 }).problems.map((p) => p.rule);
  assert.deepEqual(both, ['iscsi-iqn-future-date', 'iscsi-iqn-tld', 'iscsi-name-case']);
  const broken = checkIscsiName('iqn.2099-01.com..example', { now: JUNE_2025 }).problems.map((p) => p.rule);
  assert.deepEqual(broken, ['iscsi-iqn-authority']);
});

test('this month is the latest month anywhere on Earth (UTC+14)', () => {
  assert.deepEqual(monthAt(new Date('2025-06-30T09:59:59Z')), { year: 2025, month: 6 });
  assert.deepEqual(monthAt(new Date('2025-06-30T10:00:00Z')), { year: 2025, month: 7 });
  assert.deepEqual(monthAt(new Date('2025-12-31T12:00:00Z')), { year: 2026, month: 1 });
  assert.deepEqual(monthAt(new Date('2025-01-01T00:00:00Z')), { year: 2025, month: 1 });
});

test('upper case in any script gets the case warning and a lower-case fix', () => {
  const c = checkIscsiName('iqn.2001-04.com.example:ДИСК').problems;
  assert.deepEqual(
    c.map((p) => [p.rule, p.fix?.newText]),
    [['iscsi-name-case', 'iqn.2001-04.com.example:диск']],
  );
  assert.deepEqual(
    checkIscsiName('iqn.2001-04.com.example:Ωmega').problems[0]?.fix?.newText,
    'iqn.2001-04.com.example:ωmega',
  );
  assert.deepEqual(checkIscsiName('iqn.2001-04.com.example:ωmega-ß').problems, []);
});

test('NVMe eui. with 32 hex digits is accepted outside iSCSI contexts only.', () => {
  assert.equal(checkIscsiName('eui.6479a74b80d0037a002538e000000001', { allowNvmeEui: true }).problems.length, 0);
  assert.equal(checkIscsiName('eui.6479a74b80d0037a002538e000000001').problems.length, 1);
});

test('aliases: up to 255 bytes', () => {
  assert.equal(checkAlias('x'.repeat(255)), undefined);
  assert.equal(checkAlias('x'.repeat(256)), 'The alias is 256 characters long; the limit is 255.');
  assert.equal(
    checkAlias('é'.repeat(128)),
    'The alias is 256 bytes in UTF-8 (128 characters); the limit is 255 bytes.',
  );
  assert.equal(utf8Length('a😀'), 5);
});

test('never throws and stays linear on hostile input', () => {
  const inputs = [
    'iqn.' + '9'.repeat(100000),
    'iqn.2001-04.' + '.'.repeat(100000),
    'naa.' + 'f'.repeat(100000),
    'iqn.\u0000\uffff\ud800',
    'eui.\ud83d',
  ];
  for (const i of inputs) assert.ok(Array.isArray(checkIscsiName(i).problems));
});

test('rule tables: unique ids, prefixed, documented', () => {
  const ids = new Set<string>();
  for (const r of [...NAME_RULES, ...INITIATOR_RULES]) {
    assert.ok(!ids.has(r.id), `duplicate ${r.id}`);
    ids.add(r.id);
    assert.match(r.id, /^iscsi-[a-z0-9-]+$/);
    assert.ok(r.description.endsWith('.') && r.description.length > 20, r.id);
  }
});

test('TLD tables: lower case, no overlap, pseudo TLDs documented', () => {
  for (const t of KNOWN_TLDS) assert.match(t, /^[a-z]+$/);
  for (const [t, why] of PSEUDO_TLDS) {
    assert.ok(!KNOWN_TLDS.has(t), t);
    assert.ok(why.length > 5, t);
  }
});
