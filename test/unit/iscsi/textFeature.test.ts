import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, service, withEOL, fixesOnly } from '../../helpers';
import { findNames } from '../../../server/src/iscsi/scan';

function iscsiDiags(languageId: string, text: string): Diagnostic[] {
  return service.doValidation(doc(languageId, text)).filter((d) => String(d.code).startsWith('iscsi-'));
}

function brief(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${String(d.code)}: ${d.message}`;
}

// [language, text, expected diagnostics (line:col-endcol code: message)]
const CASES: Array<[string, string, string[]]> = [
  [
    'vmx',
    'scsi0.present = "TRUE"\niscsi.initiator = "iqn.2001-13.com.example:vm1"\n',
    ['2:29-31 iscsi-iqn-date: The month 13 is not a month (01–12).'],
  ],
  ['vmx', 'guestinfo.target = "iqn.2001-04.com.example:vm1"\n', []],
  [
    'dhcpd',
    'host diskless {\n  option root-path "iscsi:192.168.1.10::::iqn.2001-04.com.example:disk_1";\n}\n',
    [
      "2:71-72 iscsi-name-character: '_' is not allowed in an 'iqn.' name: use lower-case letters, digits, '-', '.' or ':'; use '-' instead.",
    ],
  ],
  ['dhcpd', 'host ok {\n  option root-path "iscsi:192.168.1.10::::iqn.2001-04.com.example:disk1";\n}\n', []],
  [
    'named',
    '// target for the backup LUN: eui.02004567A425678\noptions { directory "/var/named"; };\n',
    ["1:31-50 iscsi-eui-format: An 'eui.' name needs exactly 16 hex digits; this one has 15."],
  ],
  [
    'vmkernel-log',
    '2011-09-13T08:21:52.195Z cpu3:4099)iscsi_vmk: iscsivmk_ConnNetRegister: socket 0x4100 network resource pool netsched.pools.persist.iscsi associated\n2011-09-13T08:21:52.195Z cpu3:4099)iscsi_vmk: Sess [ISID: 00023d000001 TARGET: iqn.1992-08.com.netapp:sn.4082367740 TPGT: 1000 TSIH: 0]\n',
    [],
  ],
  [
    'vmkernel-log',
    'cpu1:4096)ScsiDeviceIO: Cmd to dev "naa.600508b1001c3ea2c9c8ee9bc2d9a1b5" failed\ncpu1:4096)Partition: naa.600508b1001c3ea2c9c8ee9bc2d9a1b5:1 ok\ncpu1:4096)NVMe: eui.6479a74b80d0037a002538e000000001 online\n',
    [],
  ],
  [
    'vmkernel-log',
    'cpu1:4096)ScsiDeviceIO: dev "naa.600508b1001c3ea2c9c8ee9bc2d9a1b" failed\n',
    ["1:30-65 iscsi-naa-format: An 'naa.' name needs 16 or 32 hex digits; this one has 31."],
  ],
  [
    'log',
    'login to target iqn.2001-04.Com.Example:x.\n',
    [
      "1:17-42 iscsi-name-case: iSCSI names are case-insensitive: stringprep (RFC 3722) folds 'C' to 'c'; write the name in lower case so every initiator and target stores the same string.",
    ],
  ],
  ['plaintext', 'placeholders: iqn.yyyy-mm.naming-authority:unique, naa.<id>, eui.\n', []],
  ['plaintext', 'path /dev/disk/by-path/ip-10.0.0.1:3260-iscsi-iqn.2001-13.com.example:x-lun-0\n', []],
];

for (const [lang, text, expected] of CASES) {
  for (const [n, fn] of bothEOL(`names in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, (eol) => {
    assert.deepEqual(iscsiDiags(lang, withEOL(text, eol)).map(brief), expected);
  }))
    test(n, fn);
}

function hoverValue(h: Hover | null): string | undefined {
  return h ? (h.contents as MarkupContent).value : undefined;
}

// [language, text with |, expected substrings (empty = no hover)]
const HOVERS: Array<[string, string, string[]]> = [
  [
    'vmx',
    'iscsi.name = "iqn.2001-04.com.exa|mple:diskarrays-sn-a8675309"',
    [
      '`iqn.` — iSCSI Qualified Name',
      'April 2001',
      '`com.example` — the domain `example.com`, reversed',
      '`diskarrays-sn-a8675309`',
    ],
  ],
  [
    'dhcpd',
    'option root-path "iscsi:10.0.0.1::::i|qn.1995-11.com.example.ssp:customers.4567.disks.107";',
    ['November 1995', 'com.example.ssp'],
  ],
  [
    'vmkernel-log',
    'dev "naa.6|00508b1001c3ea2c9c8ee9bc2d9a1b5" failed',
    ['T10 Network Address Authority', 'IEEE Registered Extended (128-bit)', '`00508B`'],
  ],
  ['named', '# eui.0200456|7A425678D', ['IEEE EUI-64', '`020045`']],
  ['vmkernel-log', 'NVMe: eui.6479a74b80d0037a0025|38e000000001 online', ['NVMe namespace ID']],
  ['vmx', 'x = "iqn.2001-13.com.exa|mple"', []],
  ['vmx', 'x = "no names |here"', []],
];

for (const [lang, text, expected] of HOVERS) {
  for (const [n, fn] of bothEOL(`hover in ${lang}: ${text.slice(0, 40)}`, (eol) => {
    const c = cursor(withEOL(`first line\n${text}\nlast line`, eol));
    const v = hoverValue(service.doHover(doc(lang, c.text), c.pos));
    if (!expected.length) return assert.equal(v, undefined);
    assert.ok(v, 'no hover');
    for (const e of expected) assert.ok(v.includes(e), `hover lacks ${e}:\n${v}`);
  }))
    test(n, fn);
}

for (const [n, fn] of bothEOL('quick fix lowercases a name in any language', (eol) => {
  const d = doc('vmx', withEOL('x = "1"\niscsi.name = "iqn.2001-04.com.Example:Disk1"\n', eol));
  const diags = service.doValidation(d).filter((x) => x.code === 'iscsi-name-case');
  assert.equal(diags.length, 1);
  const actions = fixesOnly(service.getCodeActions(d, diags[0]!.range, { diagnostics: diags }));
  const fix = actions.find((a) => a.title === 'Write the iSCSI name in lower case');
  assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
  const edit = fix.edit!.changes![d.uri]![0]!;
  assert.equal(edit.newText, 'iqn.2001-04.com.example:disk1');
  assert.deepEqual(edit.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 43 } });
}))
  test(n, fn);

test('scanning a 50 MB log for names is linear and capped', () => {
  const line =
    '2011-09-13T08:21:52.195Z cpu1:4096)ScsiDeviceIO: Cmd(0x41248) 0x28 to dev "naa.600508b1001c3ea2c9c8ee9bc2d9a1b5" failed H:0x0 D:0x2 P:0x0\n';
  const text = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
  const names = findNames(text, 10);
  assert.equal(names.length, 10);
  // every name valid: validation over the whole log finds nothing
  const diags = service.doValidation(doc('vmkernel-log', text));
  assert.equal(diags.filter((d) => String(d.code).startsWith('iscsi-')).length, 0);
  // a log full of bad names reports at most 1000
  const bad = 'dev "naa.600508b1001c3ea" failed\n'.repeat(5000);
  assert.equal(service.doValidation(doc('vmkernel-log', bad)).length, 1000);
});

test('a future iqn. date is a Warning, compared with the clock of the call', () => {
  const now = () => new Date('2025-06-15T12:00:00Z');
  const d = doc('vmx', 'x = "1"\niscsi.name = "iqn.2099-01.com.example:disk1"\nb = "iqn.2025-07.com.example:b"\n');
  const diags = service.doValidation(d, { now }).filter((x) => String(x.code).startsWith('iscsi-'));
  assert.deepEqual(
    diags.map((x) => [x.code, x.severity, x.range.start.line, x.range.start.character, x.range.end.character]),
    [
      ['iscsi-iqn-future-date', DiagnosticSeverity.Warning, 1, 18, 25],
      ['iscsi-iqn-future-date', DiagnosticSeverity.Warning, 2, 9, 16],
    ],
  );
  assert.match(diags[0]!.message, /^The date 2099-01 is in the future \(this month is 2025-06\)/);
  const later = service.doValidation(doc('vmx', 'iscsi.name = "iqn.2099-01.com.example:disk1"\n'), {
    now: () => new Date('2099-01-01T00:00:00Z'),
  });
  assert.equal(later.filter((x) => x.code === 'iscsi-iqn-future-date').length, 0);
});

for (const [n, fn] of bothEOL('upper case outside ASCII: the same case Warning and fix', (eol) => {
  const d = doc('vmx', withEOL('x = "1"\niscsi.name = "iqn.2001-04.com.example:ДИСК"\n', eol));
  const diags = service.doValidation(d).filter((x) => x.code === 'iscsi-name-case');
  assert.equal(diags.length, 1);
  assert.equal(diags[0]!.severity, DiagnosticSeverity.Warning);
  const actions = service.getCodeActions(d, diags[0]!.range, { diagnostics: diags });
  const fix = actions.find((a) => a.title === 'Write the iSCSI name in lower case');
  assert.equal(fix?.edit?.changes?.[d.uri]?.[0]?.newText, 'iqn.2001-04.com.example:диск');
}))
  test(n, fn);
