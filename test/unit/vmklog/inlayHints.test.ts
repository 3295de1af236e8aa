import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL } from '../../helpers';
import { defaultSettings } from '../../../server/src/service/types';

const LOG = [
  '2011-09-13T08:21:52.195Z cpu3:4099)WARNING: Heap: 2218: Heap vmklnx failed: 0xbad0014',
  '2011-09-13T08:21:53.001Z cpu1:4096)ScsiDeviceIO: Cmd 0x28 to dev "naa.600508b1001c3ea2c9c8ee9bc2d9a1b5" failed H:0x0 D:0x2 P:0x0',
  '2011-09-13T08:21:54.002Z cpu0:4100)FS3: status 195887105 then 0x0BAD0001 and 0x2bad0002',
  '2011-09-13T08:21:55.003Z cpu0:4100)NVRM: Xid 0xbad00001, status 0xbad0014 (VMK_NO_MEMORY)',
].join('\n');

const endOf = (line: number, code: string): number => LOG.split('\n')[line]!.indexOf(code) + code.length;

for (const [n, fn] of bothEOL('inlay hints name raw codes inside the range only', (eol) => {
  const d = doc('vmkernel-log', withEOL(LOG, eol));
  const all = service.getInlayHints(d, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } });
  assert.deepEqual(
    all.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`),
    [
      `0:${endOf(0, '0xbad0014')} VMK_NO_MEMORY`,
      // a SCSI failure: its opcode and device status (scsiDecode.test.ts)
      `1:${endOf(1, '0x28')} READ(10)`,
      `1:${endOf(1, 'D:0x2')} CHECK CONDITION`,
      `2:${endOf(2, '195887105')} VMK_FAILURE`,
      `2:${endOf(2, '0x0BAD0001')} VMK_FAILURE`,
      `2:${endOf(2, '0x2bad0002')} Linux ENOENT`,
    ],
  );
  const some = service.getInlayHints(d, { start: { line: 1, character: 0 }, end: { line: 2, character: 60 } });
  assert.deepEqual(
    some.map((h) => String(h.label)),
    ['READ(10)', 'CHECK CONDITION', 'VMK_FAILURE'],
  );
}))
  test(n, fn);

test('inlay hints show the ESXi 5 meaning of renumbered codes', () => {
  const d = doc('vmkernel-log', 'status 0xbad0016');
  const [h] = service.getInlayHints(d, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  assert.equal(h?.label, 'VMK_NO_RESOURCES (ESXi 5+: VMK_NO_LPAGE_MEMORY)');
});

test('inlay hints honour the setting', () => {
  const d = doc('vmkernel-log', 'status 0xbad0014');
  const hints = service.getInlayHints(
    d,
    { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    { settings: { ...defaultSettings, inlayHints: false } },
  );
  assert.equal(hints.length, 0);
});

test('inlay hints on a big log cost only the requested lines', () => {
  const d = doc('vmkernel-log', 'cpu1:4096)status 0xbad0014\n'.repeat(200000));
  const hints = service.getInlayHints(d, { start: { line: 1000, character: 0 }, end: { line: 1050, character: 0 } });
  assert.equal(hints.length, 50);
});

test('inlay hint tooltips give each text with the releases that print it', () => {
  const d = doc('vmkernel-log', 'status 0xbad0140\nstatus 0xbad00b5');
  const [hbr, shared] = service.getInlayHints(d, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
  assert.equal(hbr?.label, 'VMK_HBR_WIRE_PROTOCOL_CORRUPTED');
  assert.equal(
    hbr?.tooltip,
    'VMK_HBR_WIRE_PROTOCOL_CORRUPTED: VR: Corrupt response from server (ESXi 5.0 U2); ' +
      'Corrupt response from replication server (ESXi 6.0 to 6.7 U3 and the 2024 copy of the table)',
  );
  assert.equal(shared?.label, 'VMK_EXEC_FAILURE (ESXi 5+: VMK_SHAREDAREA_MISMATCH)');
  assert.ok(
    String(shared?.tooltip).endsWith(
      'ESXi 5.0 and later: VMK_SHAREDAREA_MISMATCH: VMM<->VMK shared are mismatch (ESXi 5.0 U2); ' +
        'VMM<->VMK shared area mismatch (ESXi 6.0 to 6.7 U3 and the 2024 copy of the table)',
    ),
  );
});
