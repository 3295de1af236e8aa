/** The outline of an ESX log: a summary, then each device with its incidents, within MAX_OUTLINE_SYMBOLS. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { bothEOL, doc, service, withEOL, type EOL } from '../../helpers';
import { MAX_OUTLINE_SYMBOLS } from '../../../server/src/service/types';
import { MAX_INCIDENT_CHILDREN } from '../../../server/src/vmklog/symbols';

const FIX = 'test/unit/vmklog/fixtures';
const read = (name: string, eol: EOL) => withEOL(fs.readFileSync(`${FIX}/${name}`, 'utf8'), eol);

/** `name | detail @line` for each symbol, children indented. */
function outline(ss: readonly DocumentSymbol[], indent = ''): string[] {
  return ss.flatMap((s) => [
    `${indent}${s.name} | ${s.detail ?? ''} @${s.selectionRange.start.line + 1}`,
    ...outline(s.children ?? [], indent + '  '),
  ]);
}

function count(ss: readonly DocumentSymbol[]): number {
  return ss.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
}

for (const [name, run] of bothEOL('outline: one LUN from failed commands to PDL, and the volume it held', (eol) => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', eol);
  assert.deepEqual(outline(service.findDocumentSymbols(doc('vmkernel-log', text))), [
    'log 2024-03-12T10:11:10.002Z – 2024-03-12T10:15:02.500Z | 3 WARNING lines · 1 ALERT line · 2 failed commands @1',
    '  first 2024-03-12T10:11:10.002Z |  @1',
    '  last 2024-03-12T10:15:02.500Z |  @12',
    'naa.600508b1001c3a5f | 2 failed commands · 1 path state change · 1 APD start · 1 APD timeout · 1 PDL (permanently inaccessible) · 8 lines · 1 path @1',
    '  2024-03-12T10:11:12.345Z | failed H:0x0 D:0x2 P:0x0 @2',
    '  2024-03-12T10:11:13.001Z | failed H:0x5 D:0x0 P:0x0 on vmhba2:C0:T1:L3 @3',
    '  2024-03-12T10:11:20.410Z | vmhba2:C0:T1:L3 on → dead @4',
    '  2024-03-12T10:12:01.120Z | APD start: all paths down @7',
    '  2024-03-12T10:14:21.120Z | APD timer expired: I/O now fails fast @8',
    '  2024-03-12T10:14:30.875Z | permanently inaccessible (PDL) @9',
    'datastore1 (5e1f0c3a-8a2b4c6d-1e2f-0050569a1b2c) | 1 lost access to the volume · 1 line @10',
    '  2024-03-12T10:14:31.002Z | lost access to the volume @10',
  ]);
}))
  test(name, run);

test('outline: ESX 4 syslog times; devices without incidents are listed too; an NFS APD under its ident', () => {
  const esx4 = outline(
    service.findDocumentSymbols(doc('vmkernel-log', read('esx4-failed-on-physical-path-two-devices.log', '\n'))),
  );
  assert.equal(
    esx4[0],
    'log Sep 13 08:21:52 – Sep 13 08:22:10 | 1 WARNING line · 0 ALERT lines · 3 failed commands @1',
  );
  assert.ok(
    esx4.includes('naa.600601601f70190016361881f3b4de11 | 2 failed commands · 4 lines · 2 paths @1'),
    esx4.join('\n'),
  );
  const esxi6 = outline(
    service.findDocumentSymbols(doc('vmkernel-log', read('esxi6-t10-mpx-eui-and-nfs-apd.log', '\n'))),
  );
  assert.ok(esxi6.includes('mpx.vmhba32:C0:T0:L0 | no incidents · 1 line @2'), esxi6.join('\n'));
  assert.ok(esxi6.includes('volume 8a5a1336-3d574c6d | 1 APD start · 1 APD exit · 2 lines @6'), esxi6.join('\n'));
});

test('outline: every range holds its selection and its children', () => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', '\r\n');
  const inside = (a: DocumentSymbol['range'], b: DocumentSymbol['range']) =>
    (a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character <= b.start.character)) &&
    (a.end.line > b.end.line || (a.end.line === b.end.line && a.end.character >= b.end.character));
  const walk = (ss: readonly DocumentSymbol[]) => {
    for (const s of ss) {
      assert.ok(inside(s.range, s.selectionRange), s.name);
      for (const c of s.children ?? []) assert.ok(inside(s.range, c.range), `${c.name} in ${s.name}`);
      walk(s.children ?? []);
    }
  };
  walk(service.findDocumentSymbols(doc('vmkernel-log', text)));
});

test('outline: a log with nothing to show has no outline', () => {
  assert.deepEqual(service.findDocumentSymbols(doc('vmkernel-log', 'plain text\nwithout anything\n')), []);
  assert.deepEqual(service.findDocumentSymbols(doc('vmkernel-log', '')), []);
});

test(`outline: a device with thousands of failed commands lists ${MAX_INCIDENT_CHILDREN}, its rare incidents first`, () => {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const t = new Date(Date.UTC(2024, 2, 12, 10, 0, 0) + i * 1000).toISOString();
    lines.push(`${t} cpu1:2097151)ScsiDeviceIO: to dev "naa.600508b1001c3a5f" failed H:0x0 D:0x8 P:0x0`);
    if (i === 1500) lines.push(`${t} cpu1:2097151)StorageApdHandler: APD Start for ident [naa.600508b1001c3a5f]!`);
  }
  const syms = service.findDocumentSymbols(doc('vmkernel-log', lines.join('\n')));
  const dev = syms[1]!;
  assert.equal(dev.children!.length, MAX_INCIDENT_CHILDREN);
  assert.match(
    dev.detail!,
    /3,000 failed commands · 1 APD start · 3,001 lines · outline shows 100 of 3,001 incidents$/,
  );
  assert.ok(dev.children!.some((c) => c.detail!.startsWith('APD start')));
  // the last failed command is listed as well as the first ones
  assert.equal(dev.children![dev.children!.length - 1]!.selectionRange.start.line, 3000);
});

test(`outline: 12,000 devices stop at MAX_OUTLINE_SYMBOLS (${MAX_OUTLINE_SYMBOLS}) with a note`, () => {
  const lines: string[] = [];
  for (let i = 0; i < 12_000; i++)
    lines.push(
      `2024-03-12T10:00:00.000Z cpu1:2097151)ScsiDevice: Device naa.6005${i.toString(16).padStart(12, '0')} is now available.`,
    );
  const syms = service.findDocumentSymbols(doc('vmkernel-log', lines.join('\n')));
  assert.ok(count(syms) <= MAX_OUTLINE_SYMBOLS, `${count(syms)} symbols`);
  assert.match(syms[syms.length - 1]!.detail!, /outline stops here: 2,003 more devices are not listed$/);
});
