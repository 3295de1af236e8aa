import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, service, withEOL, fixesOnly } from '../../helpers';

function diags(text: string): Diagnostic[] {
  return service.doValidation(doc('iscsi-initiatorname', text, 'file:///etc/iscsi/initiatorname.iscsi'));
}

function brief(d: Diagnostic): string {
  const sev = ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1];
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${sev} ${String(d.code)}: ${d.message}`;
}

const CASES: Array<[string, string, string[]]> = [
  [
    'a good file',
    '## DO NOT EDIT OR REMOVE THIS FILE!\n## If you remove this file, the iSCSI daemon will not start.\nInitiatorName=iqn.1993-08.org.debian:01:5a2b3c4d5e6f\nInitiatorAlias=web01\n',
    [],
  ],
  ['eui. initiator', 'InitiatorName=eui.02004567A425678D\n', []],
  [
    'month 13',
    'InitiatorName=iqn.2005-13.org.open-iscsi:host1\n',
    ['1:24 error iscsi-iqn-date: The month 13 is not a month (01–12).'],
  ],
  [
    'NVMe-style eui. is wrong here',
    'InitiatorName=eui.6479a74b80d0037a002538e000000001\n',
    ["1:15 error iscsi-eui-format: An 'eui.' name needs exactly 16 hex digits; this one has 32."],
  ],
  [
    'no equals sign',
    'InitiatorName iqn.2005-03.org.open-iscsi:host1\n',
    [
      "1:1 error iscsi-initiatorname-syntax: This line has no '=': open-iscsi expects 'InitiatorName=<iSCSI name>' or a '#' comment.",
      "1:1 warning iscsi-initiatorname-missing: There is no 'InitiatorName=' line: open-iscsi needs this host's iSCSI name here.",
    ],
  ],
  [
    'wrong key case',
    'initiatorname=iqn.2005-03.org.open-iscsi:host1\n',
    [
      "1:1 warning iscsi-initiatorname-unknown-key: open-iscsi matches keys case-sensitively: write 'InitiatorName', not 'initiatorname'.",
    ],
  ],
  [
    'unknown key.',
    'InitiatorName=iqn.2005-03.org.open-iscsi:host1\nTargetName=iqn.2001-04.com.example:t\n',
    [
      "2:1 warning iscsi-initiatorname-unknown-key: Unknown key 'TargetName': open-iscsi reads only 'InitiatorName' and 'InitiatorAlias'.",
    ],
  ],
  [
    'empty name',
    'InitiatorName=\n',
    [
      "1:1 error iscsi-initiatorname-not-a-name: InitiatorName is empty: give this host an iSCSI name, e.g. 'iqn.2005-03.org.open-iscsi:' followed by a unique string.",
    ],
  ],
  [
    'not a name',
    'InitiatorName=host1.example.com\n',
    [
      "1:15 error iscsi-initiatorname-not-a-name: 'host1.example.com' is not an iSCSI name: it must start with 'iqn.', 'eui.' or 'naa.'.",
    ],
  ],
  [
    'duplicate',
    'InitiatorName=iqn.2005-03.org.open-iscsi:a\nInitiatorName=iqn.2005-03.org.open-iscsi:b\n',
    [
      "2:1 warning iscsi-initiatorname-duplicate: 'InitiatorName' is already set on line 1; only one value is used, so keep one line.",
    ],
  ],
  [
    'alias too long',
    `InitiatorName=iqn.2005-03.org.open-iscsi:a\nInitiatorAlias=${'x'.repeat(256)}\n`,
    ['2:16 error iscsi-alias-too-long: The alias is 256 characters long; the limit is 255.'],
  ],
  ['spaces around the value are not part of the name', 'InitiatorName= iqn.2005-03.org.open-iscsi:a  \n', []],
  [
    'upper case',
    'InitiatorName=iqn.2005-03.org.open-iscsi:HOST1\n',
    [
      "1:15 warning iscsi-name-case: iSCSI names are case-insensitive: stringprep (RFC 3722) folds 'H' to 'h'; write the name in lower case so every initiator and target stores the same string.",
    ],
  ],
  [
    'comment after the name',
    'InitiatorName=iqn.2005-03.org.open-iscsi:a # mine\n',
    [
      "1:43 error iscsi-name-character: A space is not allowed in an 'iqn.' name: use lower-case letters, digits, '-', '.' or ':'.",
    ],
  ],
  [
    'only comments',
    '# nothing here yet\n',
    [
      "1:1 warning iscsi-initiatorname-missing: There is no 'InitiatorName=' line: open-iscsi needs this host's iSCSI name here.",
    ],
  ],
  ['empty file', '', []],
];

for (const [name, text, expected] of CASES) {
  for (const [n, fn] of bothEOL(`initiatorname.iscsi: ${name}`, (eol) => {
    assert.deepEqual(diags(withEOL(text, eol)).map(brief), expected);
  }))
    test(n, fn);
}

for (const [n, fn] of bothEOL('hover on the key and on the name', (eol) => {
  const c1 = cursor(withEOL('# x\nInitiator|Name=iqn.2005-03.org.open-iscsi:a\n', eol));
  const h1 = service.doHover(doc('iscsi-initiatorname', c1.text), c1.pos);
  assert.ok((h1?.contents as MarkupContent).value.startsWith('**InitiatorName**'));
  const c2 = cursor(withEOL('# x\nInitiatorName=iqn.2005-03.org.open-|iscsi:a\n', eol));
  const h2 = service.doHover(doc('iscsi-initiatorname', c2.text), c2.pos);
  assert.ok((h2?.contents as MarkupContent).value.includes('March 2005'));
}))
  test(n, fn);

for (const [n, fn] of bothEOL('quick fixes in initiatorname.iscsi, once each', (eol) => {
  const d = doc('iscsi-initiatorname', withEOL('initiatorname=iqn.2005-3.org.open-iscsi:a\n', eol));
  const ds = service.doValidation(d);
  const actions = fixesOnly(
    service.getCodeActions(
      d,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } },
      { diagnostics: ds },
    ),
  );
  assert.deepEqual(actions.map((a) => a.title).sort(), ['Write InitiatorName', 'Write the month as 03']);
  const month = actions.find((a) => a.title === 'Write the month as 03')!.edit!.changes![d.uri]![0]!;
  assert.deepEqual(month, {
    range: { start: { line: 0, character: 23 }, end: { line: 0, character: 24 } },
    newText: '03',
  });
}))
  test(n, fn);

test('document symbols list the keys', () => {
  const syms = service.findDocumentSymbols(
    doc('iscsi-initiatorname', 'InitiatorName=iqn.2005-03.org.open-iscsi:a\nInitiatorAlias=web\n'),
  );
  assert.deepEqual(
    syms.map((s) => `${s.name}=${s.detail}`),
    ['InitiatorName=iqn.2005-03.org.open-iscsi:a', 'InitiatorAlias=web'],
  );
});

test('lines ended by a lone CR count as the editor counts them (hover range stays in the document)', () => {
  const text = '# c\rInitiatorName=iqn.2005-03.org.open-iscsi:abc\r\r\nInitiatorAlias=x';
  const d = doc('iscsi-initiatorname', text);
  const h = service.doHover(d, { line: 1, character: 3 });
  assert.ok(h?.range);
  assert.equal(h.range.start.line, 1);
  assert.ok(h.range.end.line < d.lineCount);
  const alias = service.doHover(d, { line: 3, character: 2 });
  assert.equal(alias?.range?.start.line, 3);
});

test('object-prototype names are unknown keys, not InitiatorName look-alikes.', () => {
  const ds = service.doValidation(doc('iscsi-initiatorname', 'toString=iqn.2001-04.com.example:x\n'));
  assert.ok(ds.some((d) => d.code === 'iscsi-initiatorname-unknown-key'));
});

test('initiatorname.iscsi: a future date is a warning, by the clock of the call', () => {
  const now = () => new Date('2025-06-15T12:00:00Z');
  const diags = (text: string) => service.doValidation(doc('iscsi-initiatorname', text), { now });
  assert.deepEqual(diags('InitiatorName=iqn.2099-01.org.open-iscsi:web01\n').map(brief), [
    '1:19 warning iscsi-iqn-future-date: The date 2099-01 is in the future (this month is 2025-06): it must be a month in which the naming authority already owned its domain, such as the month it registered it.',
  ]);
  assert.deepEqual(diags('InitiatorName=iqn.2025-06.org.open-iscsi:web01\n').map(brief), []);
});
