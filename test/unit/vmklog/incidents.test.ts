/**
 * The log's index (one pass: devices, paths, incidents, WARNING/ALERT lines) and the opt-in rules
 * that put APD, PDL and dead paths in the Problems panel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { bothEOL, doc, service, withEOL, type EOL } from '../../helpers';
import { vmkLogMode } from '../../../server/src/vmklog';
import { buildIndex, isIndexed, timeSpan } from '../../../server/src/vmklog/logIndex';
import { groupOf } from '../../../server/src/vmklog/incidents';
import { defaultSettings, type ServiceSettings } from '../../../server/src/service/types';

const FIX = 'test/unit/vmklog/fixtures';
const read = (name: string, eol: EOL) => withEOL(fs.readFileSync(`${FIX}/${name}`, 'utf8'), eol);
const allOn: ServiceSettings = {
  ...defaultSettings,
  rules: { 'vmkernel-log-apd': 'warning', 'vmkernel-log-pdl': 'error', 'vmkernel-log-path-dead': 'info' },
};

for (const [name, run] of bothEOL('index: one LUN through failed commands, a dead path, APD and PDL', (eol) => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', eol);
  const ix = buildIndex(text);
  const dev = ix.subjects.get('naa.600508b1001c3a5f')!;
  assert.equal(dev.kind, 'device');
  assert.equal(dev.lines, 8);
  assert.equal(dev.failures, 2);
  assert.deepEqual(dev.paths, ['vmhba2:C0:T1:L3']);
  const path = ix.subjects.get('vmhba2:C0:T1:L3')!;
  assert.equal(path.device, 'naa.600508b1001c3a5f');
  assert.equal(path.lastState, 'dead');
  const g = groupOf(ix, dev);
  assert.deepEqual(
    g.events.map((e) => e.kind),
    ['failed', 'failed', 'state', 'apd-start', 'apd-timeout', 'pdl'],
  );
  // every incident's words are where the line says them
  for (const e of g.events)
    assert.match(
      text.slice(e.start, e.end),
      /^(?:failed|Failed|changed state from on to dead|APD start|APD Timer expired|permanently inaccessible)$/,
    );
  // WARNING lines: three with WARNING (one also Wa(180)); ALERT: the Al(177) line (with ALERT)
  assert.equal(ix.warnings, 3);
  assert.equal(ix.alerts, 1);
  const vol = ix.subjects.get('volume:5e1f0c3a-8a2b4c6d-1e2f-0050569a1b2c')!;
  assert.equal(vol.label, 'datastore1');
  assert.equal(vol.counts['lost-access'], 1);
  const span = timeSpan(text);
  assert.equal(span.first?.ts, '2024-03-12T10:11:10.002Z');
  assert.equal(span.last?.ts, '2024-03-12T10:15:02.500Z');
}))
  test(name, run);

test('index: ESXi 7/8 headers count as WARNING and ALERT lines by their severity alone', () => {
  const text = [
    '2024-03-12T10:00:00.000Z Wa(180) vmkwarning: cpu1:2097151)vmw_psp_rr: Could not select path',
    '2024-03-12T10:00:01.000Z Al(177) vmkernel: cpu1:2097151)Heap: out of memory',
    '2024-03-12T10:00:02.000Z In(182) vmkernel: cpu1:2097151)Log says Wa(180) in its message',
    '2024-03-12T10:00:03.000Z In(182)+ vmkernel: cpu1:2097151)WARNING: continued line',
  ].join('\n');
  const ix = buildIndex(text);
  assert.equal(ix.warnings, 2);
  assert.equal(ix.alerts, 1);
});

test('index: an NFS APD is about its ident; an APD Timer started is no APD start', () => {
  const ix = buildIndex(read('esxi6-t10-mpx-eui-and-nfs-apd.log', '\n'));
  const v = ix.subjects.get('volume:8a5a1336-3d574c6d')!;
  assert.equal(v.counts['apd-start'], 1);
  assert.equal(v.counts['apd-exit'], 1);
  assert.equal(v.counts['apd-timeout'], 0);
  assert.equal(
    ix.subjects.get('t10.ATA_____Samsung_SSD_860_EVO_500GB_______________S3Z2NB0K123456A_____')!.failures,
    1,
  );
});

test('index: a failed line without an H:/D: status is no failed command; lone CR line breaks count', () => {
  const text = [
    '2024-03-12T10:00:00.000Z cpu1:2097151)FSS: Failed to open device naa.600508b1001c3a5f: Busy',
    '2024-03-12T10:00:01.000Z cpu1:2097151)ScsiDeviceIO: to dev "naa.600508b1001c3a5f" failed H:0x0 D:0x8 P:0x0',
  ].join('\r');
  const ix = buildIndex(text);
  const dev = ix.subjects.get('naa.600508b1001c3a5f')!;
  assert.equal(dev.failures, 1);
  assert.equal(dev.lines, 2);
  assert.equal(dev.events[0]!.line, text.indexOf('\r') + 1);
});

test('rules are off by default: no finding, and the log is not even indexed', () => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', '\n');
  const d = doc('vmkernel-log', text);
  assert.deepEqual(
    service.doValidation(d).filter((x) => String(x.code).startsWith('vmkernel-log')),
    [],
  );
  const tree = vmkLogMode.parse(d);
  assert.deepEqual(
    vmkLogMode.doValidation(d, tree, {
      settings: defaultSettings,
      files: { resolve: () => undefined, read: () => undefined },
    }),
    [],
  );
  assert.equal(isIndexed(tree), false);
  // one rule on: the index is made
  const one: ServiceSettings = { ...defaultSettings, rules: { 'vmkernel-log-pdl': 'warning' } };
  const found = vmkLogMode.doValidation(d, tree, {
    settings: one,
    files: { resolve: () => undefined, read: () => undefined },
  });
  assert.deepEqual(
    found.map((f) => f.rule),
    ['vmkernel-log-pdl'],
  );
  assert.equal(isIndexed(tree), true);
});

for (const [name, run] of bothEOL(
  'rules on: a dead path, an APD start and timeout, a PDL, each on its words',
  (eol) => {
    const text = read('esxi8-apd-then-pdl-on-one-lun.log', eol);
    const ds = service.doValidation(doc('vmkernel-log', text), { settings: allOn });
    const lines = text.split(/\r?\n/);
    assert.deepEqual(
      ds.map((x) => [
        x.range.start.line + 1,
        x.code,
        x.severity,
        lines[x.range.start.line]!.slice(x.range.start.character, x.range.end.character),
      ]),
      [
        [4, 'vmkernel-log-path-dead', 3, 'changed state from on to dead'],
        [7, 'vmkernel-log-apd', 2, 'APD start'],
        [8, 'vmkernel-log-apd', 2, 'APD Timer expired'],
        [9, 'vmkernel-log-pdl', 1, 'permanently inaccessible'],
      ],
    );
    assert.match(
      ds[0]!.message,
      /^Path vmhba2:C0:T1:L3 \(to naa\.600508b1001c3a5f\) went dead at 2024-03-12T10:11:20\.410Z/,
    );
    assert.match(
      ds[3]!.message,
      /^naa\.600508b1001c3a5f is permanently inaccessible \(PDL\) at 2024-03-12T10:14:30\.875Z/,
    );
  },
))
  test(name, run);

test('rules on: a path coming back and an APD exit are no findings', () => {
  const text = [
    '2024-03-12T10:00:00.000Z cpu9:2097176)vmw_psp_rr: Path "vmhba2:C0:T1:L3" changed state from dead to on',
    '2024-03-12T10:00:01.000Z cpu3:2097600)StorageApdHandler: 902: APD Exit for ident [naa.600508b1001c3a5f]!',
  ].join('\n');
  assert.deepEqual(service.doValidation(doc('vmkernel-log', text), { settings: allOn }), []);
});

test('rules on: an edit re-checks its line only (quick re-check) and keeps the other findings', () => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', '\n');
  const d = doc('vmkernel-log', text, 'file:///logs/quick.log');
  const { diagnostics, base } = service.validateWithBase(d, { settings: allOn });
  assert.equal(diagnostics.length, 4);
  assert.ok(base);
  // the dead path comes back: its finding goes, the others stay
  const at = text.indexOf('on to dead');
  const after = text.slice(0, at) + 'on to off ' + text.slice(at + 'on to dead'.length);
  const d2 = doc('vmkernel-log', after, 'file:///logs/quick.log');
  const quick = service.quickValidation(d2, base!, { settings: allOn });
  assert.ok(quick);
  assert.deepEqual(quick!.map((x) => x.code).sort(), ['vmkernel-log-apd', 'vmkernel-log-apd', 'vmkernel-log-pdl']);
});
