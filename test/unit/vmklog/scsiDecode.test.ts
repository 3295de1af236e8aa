/** Hover and inlay hints on the parts of a SCSI failure in a VMkernel log line (issue 23). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { bothEOL, doc, service, withEOL } from '../../helpers';
import { defaultSettings } from '../../../server/src/service/types';
import { scanScsi } from '../../../server/src/vmklog/scsi';
import { summary } from '../../../server/src/vmklog/scsiText';

const SCSIDEVICEIO =
  '2024-03-12T10:11:12.345Z cpu5:2099351)ScsiDeviceIO: 4325: Cmd(0x45b8c1a3e0c0) 0x28, CmdSN 0x8000002e from world 2099351 to dev "naa.600508b1001c3a5f" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x2 0x4 0x3';
const NMP =
  '2024-03-12T10:11:13.001Z cpu2:2097510)NMP: nmp_ThrottleLogForDevice:3867: Cmd 0x2a (0x45b8c1a3e0c0, 2099351) to dev "naa.600508b1001c3a5f" on path "vmhba2:C0:T1:L3" Failed: H:0x5 D:0x0 P:0x0 Invalid sense data: 0x0 0x0 0x0. Act:EVAL';

function hoverText(h: Hover | null): string {
  return h ? (h.contents as MarkupContent).value : '';
}

/** Hover at the first occurrence of `at` in `line` (offset `delta` into it), with the line preceded by another. */
function hoverOn(line: string, at: string, eol: '\n' | '\r\n' = '\n', delta = 1): { text: string; h: Hover | null } {
  const i = line.indexOf(at);
  assert.ok(i >= 0, `${at} not in line`);
  const d = doc('vmkernel-log', withEOL(`first line\n${line}\nlast line`, eol));
  const h = service.doHover(d, { line: 1, character: i + delta });
  return { text: hoverText(h), h };
}

for (const [n, fn] of bothEOL('hover on each part of the ScsiDeviceIO line explains the whole failure', (eol) => {
  for (const at of ['0x28,', 'H:0x0', 'D:0x2', 'P:0x0', 'Valid sense', '0x4 0x3']) {
    const { text } = hoverOn(SCSIDEVICEIO, at, eol);
    assert.ok(
      text.includes(
        'The device is not ready: LUN not ready, manual intervention required (2/04/03). The target answered CHECK CONDITION (D:0x2); the HBA and the path plugin saw no fault.',
      ),
      `${at}:\n${text}`,
    );
    assert.ok(text.includes('The command was READ(10) (0x28).'), text);
    assert.ok(text.includes('LOGICAL UNIT NOT READY, MANUAL INTERVENTION REQUIRED'), text);
    assert.ok(text.includes('VMK\\_SCSI\\_DEVICE\\_CHECK\\_CONDITION'), text);
  }
}))
  test(n, fn);

test('the hovered part heads the hover, and its range is the part', () => {
  const { text, h } = hoverOn(SCSIDEVICEIO, 'D:0x2');
  assert.ok(text.startsWith('**D:0x2** — device status CHECK CONDITION'), text);
  const start = SCSIDEVICEIO.indexOf('D:0x2');
  assert.deepEqual(h?.range, { start: { line: 1, character: start }, end: { line: 1, character: start + 5 } });
  assert.ok(text.includes('| **device status** | `D:0x2` |'), text);
  const op = hoverOn(SCSIDEVICEIO, '0x28,');
  assert.ok(op.text.startsWith('**0x28** — SCSI command READ(10)'), op.text);
});

test('hover on the NMP line: ABORT from the HBA, WRITE(10), the EVAL action', () => {
  for (const at of ['0x2a', 'H:0x5', 'Act:EVAL', 'Invalid sense']) {
    const { text } = hoverOn(NMP, at);
    assert.ok(text.includes('The HBA reported ABORT (H:0x5: the driver aborted the command)'), `${at}:\n${text}`);
    assert.ok(text.includes('the target and the path plugin saw no fault.'), text);
    assert.ok(text.includes('The command was WRITE(10) (0x2a).'), text);
    assert.ok(text.includes("NMP's next step (EVAL)"), text);
    assert.ok(text.includes('did not answer in time'), text);
    assert.ok(text.includes('KB 1029039'), text);
    // The all-zero sense triple says nothing, and no sense sentence is made up for it.
    assert.ok(!text.includes('The device is not ready'), text);
  }
  assert.ok(hoverOn(NMP, 'Act:EVAL').text.startsWith('**Act:EVAL** — what NMP does next'));
});

// Real-looking lines in the formats of ESX 4.x to ESXi 8.x: [line, hovered text, expected substrings].
const LINES: Array<[string, string, string[]]> = [
  [
    // ESX 4.x / 5.x: uptime stamp, NMP completion, Possible sense data
    'vmkernel: 76:23:45:36.239 cpu11:22687)NMP: nmp_CompleteCommandForPath: Command 0x28 (0x41000b10f000) to NMP device "naa.600601601f70190016361881f3b4de11" failed on physical path "vmhba3:C0:T2:L10" H:0x0 D:0x2 P:0x0 Possible sense data: 0x2 0x4 0x3.',
    'H:0x0',
    ['The device is not ready', 'READ(10)'],
  ],
  [
    // ESXi 5.0 PDL (KB 2004684)
    '2011-08-09T10:43:26.857Z cpu2:853571)VMW_SATP_ALUA: satp_alua_issueCommandOnPath:661: Path "vmhba3:C0:T0:L0" (PERM LOSS) command 0xa3 failed with status Device is permanently unavailable. H:0x0 D:0x2 P:0x0 Valid sense data: 0x5 0x25 0x0.',
    '0x25',
    ['**PDL.**', 'LOGICAL UNIT NOT SUPPORTED', 'MAINTENANCE IN', 'REPORT TARGET PORT GROUPS (SA 0xa)', 'KB 2004684'],
  ],
  [
    // ESXi 6.x: unit attention after a reset
    '2016-06-28T13:15:56.432Z cpu31:33451)ScsiDeviceIO: 2651: Cmd(0x43a617083a00) 0x2a, CmdSN 0x1a236 from world 34269 to dev "naa.6000d31000bd23000000000000000007" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x6 0x29 0x0.',
    '0x29',
    ['UNIT ATTENTION', 'POWER ON, RESET, OR BUS DEVICE RESET OCCURRED', 'transient'],
  ],
  [
    // ESXi 7: severity in the header; ATS miscompare on COMPARE AND WRITE
    '2021-05-04T09:12:44.120Z In(182) vmkernel: cpu12:2097789)ScsiDeviceIO: 4124: Cmd(0x45d8f2b1a8c8) 0x89, CmdSN 0x4f7 from world 2101334 to dev "naa.6000d31000bd23000000000000000007" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0xe 0x1d 0x0',
    '0x89',
    ['COMPARE AND WRITE', 'MISCOMPARE', 'VMFS lock changed'],
  ],
  [
    // ESXi 8: Wa(180), NO_CONNECT (APD), FAILOVER
    '2024-03-12T10:11:15.500Z Wa(180) vmkwarning: cpu3:2097510)WARNING: NMP: nmp_DeviceRequestFastDeviceProbe:237: Cmd 0x2a (0x45b8c1a3e0c0, 2099351) to dev "naa.600508b1001c3a5f" on path "vmhba2:C0:T1:L3" Failed: H:0x1 D:0x0 P:0x0 Invalid sense data: 0x0 0x0 0x0. Act:FAILOVER',
    'H:0x1',
    ['NO\\_CONNECT', 'APD', 'marks the path dead'],
  ],
  [
    // Reservation conflict, ESXi 6.5
    '2018-01-02T03:04:05.678Z cpu0:65612)ScsiDeviceIO: 3001: Cmd(0x439d00b5a2c0) 0x2a, CmdSN 0x9 from world 0 to dev "naa.60003ff44dc75adc8c0f9d8a7c0b7c1e" failed H:0x0 D:0x18 P:0x0',
    'D:0x18',
    ['RESERVATION CONFLICT', 'Another initiator'],
  ],
  [
    // Queue full, ESXi 6.7
    '2019-07-08T09:10:11.121Z cpu7:2097781)ScsiDeviceIO: 3449: Cmd(0x45a2c1b2d3c0) 0x28, CmdSN 0x2f from world 2099001 to dev "naa.60002ac0000000000000000a00019cb2" failed H:0x0 D:0x28 P:0x0',
    'D:0x28',
    ['TASK SET FULL', 'VMK\\_SCSI\\_DEVICE\\_QUEUE\\_FULL', 'throttles'],
  ],
  [
    // capacity changed: 6/2a/09, and a plugin status
    '2020-02-03T04:05:06.070Z cpu1:2097600)ScsiDeviceIO: 3435: Cmd(0x45a2c1b2d3c0) 0x25, CmdSN 0x1 from world 0 to dev "naa.600a" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x6 0x2a 0x9.',
    '0x25',
    ['CAPACITY DATA HAS CHANGED', 'READ CAPACITY(10)', 'resized'],
  ],
  [
    // ranged entry 40/NN and a vendor-specific opcode
    '2020-02-03T04:05:06.070Z cpu1:2097600)ScsiDeviceIO: 3435: Cmd(0x45a2c1b2d3c0) 0xc1, CmdSN 0x1 from world 0 to dev "naa.600a" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x4 0x40 0x91.',
    '0x91',
    ['DIAGNOSTIC FAILURE ON COMPONENT 91H', 'vendor-specific command', 'HARDWARE ERROR'],
  ],
  [
    // vendor-specific ASC, variable-length CDB family, plugin THINPROV_NOSPACE
    '2020-02-03T04:05:06.070Z cpu1:2097600)ScsiDeviceIO: 3435: Cmd(0x45a2c1b2d3c0) 0x7f, CmdSN 0x1 from world 0 to dev "naa.600a" failed H:0x0 D:0x0 P:0x8 Possible sense data: 0xb 0x84 0x1.',
    'P:0x8',
    ['THINPROV\\_NOSPACE', 'VENDOR-SPECIFIC ASC 84H', 'VARIABLE LENGTH CDB', 'READ(32)'],
  ],
  [
    // nmp_PathDetermineFailure's own form (PDL error (k/asc/ascq))
    '2017-02-02T10:25:44.733Z cpu9:33406)WARNING: NMP: nmp_PathDetermineFailure:2973: Cmd (0x2a) PDL error (0x5/0x25/0x0) - path vmhba3:C0:T2:L15 device naa.60002ac00000000000001f1300014d57 - triggering path failover',
    'PDL error',
    ['LOGICAL UNIT NOT SUPPORTED', 'WRITE(10)', '**PDL.**'],
  ],
  [
    // service action in(16): the family is named
    '2015-01-01T00:00:00.000Z cpu1:33000)ScsiDeviceIO: 2338: Cmd(0x412e80b3c000) 0x9e, CmdSN 0x3 from world 0 to dev "naa.600a" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x5 0x20 0x0.',
    '0x9e',
    ['SERVICE ACTION IN(16)', 'READ CAPACITY(16) (SA 0x10)', 'INVALID COMMAND OPERATION CODE', 'usually harmless'],
  ],
  [
    // ATA pass-through, log sense, unmap
    '2015-01-01T00:00:00.000Z cpu1:33000)ScsiDeviceIO: 2338: Cmd(0x412e80b3c000) 0x85, CmdSN 0x3 from world 0 to dev "naa.600a" failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x5 0x24 0x0.',
    '0x85',
    ['ATA PASS-THROUGH(16)', 'INVALID FIELD IN CDB'],
  ],
];

for (const [line, at, expected] of LINES) {
  for (const [n, fn] of bothEOL(`hover ${at} in ${line.slice(0, 60)}`, (eol) => {
    const { text } = hoverOn(line, at, eol);
    for (const e of expected) assert.ok(text.includes(e), `lacks ${e}:\n${text}`);
  }))
    test(n, fn);
}

test('opcode names: LOG SENSE, UNMAP, and the existing status hover still works on the same line', () => {
  const s = (op: string) => summary(scanScsi(`Cmd 0x${op} to dev "x" failed H:0x0 D:0x2 P:0x0`)!);
  assert.ok(s('4d').includes('LOG SENSE (0x4d)'));
  assert.ok(s('42').includes('UNMAP (0x42)'));
  const line = 'cpu1:4096)ScsiDeviceIO: Cmd 0x28 to dev "naa.6" failed H:0x0 D:0x2 P:0x0 status 0xbad0014';
  assert.ok(hoverOn(line, '0xbad0014').text.includes('**VMK_NO_MEMORY**'));
  assert.ok(hoverOn(line, '0x28').text.includes('READ(10)'));
});

test('no SCSI hover away from the parts, nor on lines without a failure', () => {
  assert.equal(hoverOn(SCSIDEVICEIO, 'from world').text, '');
  assert.equal(hoverOn('cpu1:4096)Cmd 0x28 went fine', '0x28').text, '');
  assert.equal(scanScsi('H:0x0 D:0x2'), null);
  assert.equal(scanScsi(''), null);
});

test('inlay hints name each code of a failure, zero statuses left out', () => {
  const d = doc('vmkernel-log', `${SCSIDEVICEIO}\n${NMP}`);
  const hints = service.getInlayHints(d, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
  const at = (l: string, s: string) => l.indexOf(s) + s.length;
  assert.deepEqual(
    hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`),
    [
      `0:${at(SCSIDEVICEIO, '0x28')} READ(10)`,
      `0:${at(SCSIDEVICEIO, 'D:0x2')} CHECK CONDITION`,
      `0:${SCSIDEVICEIO.length} NOT READY: LUN not ready, manual intervention required`,
      `1:${at(NMP, 'Cmd 0x2a')} WRITE(10)`,
      `1:${at(NMP, 'H:0x5')} ABORT`,
    ],
  );
  assert.ok(String(hints[1]!.tooltip).includes('The device is not ready'));
});

for (const [n, fn] of bothEOL('inlay hints: only requested lines and columns, \\r\\n or \\n', (eol) => {
  const d = doc('vmkernel-log', withEOL(`${SCSIDEVICEIO}\n${NMP}\n${SCSIDEVICEIO}`, eol));
  const some = service.getInlayHints(d, { start: { line: 1, character: 0 }, end: { line: 1, character: 200 } });
  assert.deepEqual(
    some.map((h) => String(h.label)),
    ['WRITE(10)', 'ABORT'],
  );
  const cut = service.getInlayHints(d, {
    start: { line: 0, character: 0 },
    end: { line: 0, character: SCSIDEVICEIO.indexOf('P:0x0') },
  });
  assert.deepEqual(
    cut.map((h) => String(h.label)),
    ['READ(10)', 'CHECK CONDITION'],
  );
}))
  test(n, fn);

test('inlay hints honour the setting for SCSI parts too', () => {
  const d = doc('vmkernel-log', NMP);
  const hints = service.getInlayHints(
    d,
    { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    { settings: { ...defaultSettings, inlayHints: false } },
  );
  assert.equal(hints.length, 0);
});

test('hover p99 stays under 5 ms on a big log', () => {
  const lines = Array.from({ length: 20000 }, (_, i) => (i % 2 ? NMP : SCSIDEVICEIO));
  const d = doc('vmkernel-log', lines.join('\n'));
  const cols = ['0x28', 'H:0x0', 'D:0x2', 'Valid sense'].map((s) => SCSIDEVICEIO.indexOf(s) + 1);
  service.doHover(d, { line: 0, character: cols[0]! }); // first use builds the tables
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const t0 = process.hrtime.bigint();
    const h = service.doHover(d, { line: ((i * 97) % 20000) & ~1, character: cols[i % cols.length]! });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    assert.ok(h);
  }
  times.sort((a, b) => a - b);
  const p99 = times[Math.floor(times.length * 0.99)]!;
  console.log(`scsi hover p99 ${p99.toFixed(3)} ms`);
  assert.ok(p99 <= 5, `p99 ${p99} ms`);
});
