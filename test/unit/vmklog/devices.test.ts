/** Devices and paths as symbols in ESX logs: hover, Find All References, document highlights. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, service, withEOL, type EOL } from '../../helpers';
import { MAX_HIGHLIGHTS } from '../../../server/src/vmklog/devices';

const FIX = 'test/unit/vmklog/fixtures';
const read = (name: string, eol: EOL) => withEOL(fs.readFileSync(`${FIX}/${name}`, 'utf8'), eol);
const value = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

/** The position of the `n`th (0-based) occurrence of `needle` in `text`, `into` characters in. */
function at(text: string, needle: string, n = 0, into = 2) {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${n} in the text`);
  return cursor(text.slice(0, i + into) + '|' + text.slice(i + into)).pos;
}

for (const [name, run] of bothEOL('hover on a device: first and last mention, failed commands, paths', (eol) => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', eol);
  const d = doc('vmkernel-log', text);
  const h = service.doHover(d, at(text, 'naa.600508b1001c3a5f', 3));
  const v = value(h);
  assert.match(v, /\*\*naa\.600508b1001c3a5f\*\* · storage device, NAA id/);
  assert.match(v, /\| first mention \| 2024-03-12T10:11:10\.002Z \| 1 \|/);
  assert.match(v, /\| last mention \| 2024-03-12T10:14:30\.875Z \| 9 \|/);
  assert.match(v, /failed commands in this log: 2 /);
  assert.match(v, /Paths: `vmhba2:C0:T1:L3` \(last state: dead\)/);
  assert.match(v, /1 APD start · 1 APD timeout · 1 PDL/);
  // and what the iSCSI name hover says of an NAA id's parts, after it
  assert.match(v, /---\n\n[^]*Network Address Authority/);
  // the hover covers the id exactly, on the hovered line
  const line = text.split(/\r?\n/)[4]!;
  assert.deepEqual(h!.range, {
    start: { line: 4, character: line.indexOf('naa.') },
    end: { line: 4, character: line.indexOf('naa.') + 'naa.600508b1001c3a5f'.length },
  });
}))
  test(name, run);

for (const [name, run] of bothEOL('hover on a path: its parts, its device, its last state', (eol) => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', eol);
  const v = value(service.doHover(doc('vmkernel-log', text), at(text, 'vmhba2:C0:T1:L3', 1, 6)));
  assert.match(v, /\*\*vmhba2:C0:T1:L3\*\* · path: adapter vmhba2, channel 0, target 1, LUN 3/);
  assert.match(v, /Leads to `naa\.600508b1001c3a5f`/);
  assert.match(v, /\| first mention \| 2024-03-12T10:11:13\.001Z \| 3 \|/);
  assert.match(v, /Last state: dead\./);
}))
  test(name, run);

test('hover: ESX 4 syslog lines, two devices counted apart; the second device has its own first and last', () => {
  const text = read('esx4-failed-on-physical-path-two-devices.log', '\n');
  const d = doc('vmkernel-log', text);
  const a = value(service.doHover(d, at(text, 'naa.600601601f70190016361881f3b4de11')));
  assert.match(a, /\| first mention \| Sep 13 08:21:52 \| 1 \|/);
  assert.match(a, /\| last mention \| Sep 13 08:22:10 \| 5 \|/);
  assert.match(a, /failed commands in this log: 2 /);
  assert.match(a, /Paths: `vmhba3:C0:T2:L10`, `vmhba4:C0:T2:L10`\./);
  const b = value(service.doHover(d, at(text, 'naa.600601600f6021002cfb75ea2bc6de11')));
  assert.match(b, /failed commands in this log: 1 /);
  assert.match(b, /\| first mention \| Sep 13 08:21:53 \| 2 \|.*\n\| last mention \| Sep 13 08:21:53 \| 2 \|/);
});

test('hover: t10, eui and mpx ids; a t10 id ends before the sentence does', () => {
  const text = read('esxi6-t10-mpx-eui-and-nfs-apd.log', '\n');
  const d = doc('vmkernel-log', text);
  const t10 = 't10.ATA_____Samsung_SSD_860_EVO_500GB_______________S3Z2NB0K123456A_____';
  const h = service.doHover(d, at(text, t10, 0, 30));
  assert.match(value(h), /T10 id/);
  assert.equal(h!.range!.end.character - h!.range!.start.character, t10.length);
  assert.match(value(service.doHover(d, at(text, 'mpx.vmhba32'))), /without a unique id/);
  // inside an mpx id, the path part is the mpx id, not a path
  assert.match(value(service.doHover(d, at(text, 'vmhba32:C0', 0, 3))), /\*\*mpx\.vmhba32:C0:T0:L0\*\*/);
  assert.match(value(service.doHover(d, at(text, 'eui.0025'))), /EUI-64 id/);
});

test('no device hover on a word that only looks like one; the status hover still answers elsewhere', () => {
  const lines = [
    '2024-03-12T10:00:00.000Z cpu1:2097151)Test: xnaa.600508b1001c3a5f and naa.600508b1001c3a5fzz',
    '2024-03-12T10:00:01.000Z cpu1:2097151)WARNING: Heap: vmk heap failed: status 0xbad0014',
  ];
  const text = lines.join('\n');
  const d = doc('vmkernel-log', text);
  assert.equal(service.doHover(d, at(text, 'xnaa.', 0, 4)), null);
  assert.equal(service.doHover(d, at(text, 'naa.600508b1001c3a5fzz', 0, 4)), null);
  assert.match(value(service.doHover(d, at(text, '0xbad0014'))), /VMK_NO_MEMORY/);
});

for (const [name, run] of bothEOL('references: every mention of a device, and the lines about only its path', (eol) => {
  const text = read('esxi8-apd-then-pdl-on-one-lun.log', eol);
  const d = doc('vmkernel-log', text);
  const refs = service.findReferences(d, at(text, 'naa.600508b1001c3a5f', 2));
  // lines 1-3 and 5-9 name the device; line 4 names only its path going dead
  assert.deepEqual(
    refs.map((r) => r.range.start.line + 1),
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  const lines = text.split(/\r?\n/);
  for (const r of refs) {
    const word = lines[r.range.start.line]!.slice(r.range.start.character, r.range.end.character);
    assert.ok(word === 'naa.600508b1001c3a5f' || word === 'vmhba2:C0:T1:L3', word);
  }
  const paths = service.findReferences(d, at(text, 'vmhba2:C0:T1:L3'));
  assert.deepEqual(
    paths.map((r) => r.range.start.line + 1),
    [3, 4],
  );
}))
  test(name, run);

test('references: NAA ids match whatever their case', () => {
  const text = [
    '2024-03-12T10:00:00.000Z cpu1:2097151)ScsiDevice: Device naa.600508B1001C3A5F is now available.',
    '2024-03-12T10:00:01.000Z cpu1:2097151)ScsiDevice: Device naa.600508b1001c3a5f is now available.',
  ].join('\n');
  const d = doc('vmkernel-log', text);
  assert.equal(service.findReferences(d, at(text, 'naa.')).length, 2);
});

test('highlights: every mention of the id under the cursor; none off an id', () => {
  const text = read('esx4-failed-on-physical-path-two-devices.log', '\r\n');
  const d = doc('vmkernel-log', text);
  const hs = service.findDocumentHighlights(d, at(text, 'vmhba3:C0:T2:L10'));
  assert.deepEqual(
    hs.map((h) => h.range.start.line + 1),
    [1, 4],
  );
  assert.deepEqual(service.findDocumentHighlights(d, { line: 0, character: 3 }), []);
});

test(`highlights: a device on 10,000 lines gets the ${MAX_HIGHLIGHTS} mentions around the cursor`, () => {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++)
    lines.push(
      `2024-03-12T10:00:00.000Z cpu1:2097151)ScsiDeviceIO: to dev "naa.600508b1001c3a5f" failed H:0x0 D:0x8 P:0x0`,
    );
  const text = lines.join('\n');
  const d = doc('vmkernel-log', text);
  const hs = service.findDocumentHighlights(d, { line: 5000, character: 60 });
  assert.equal(hs.length, MAX_HIGHLIGHTS);
  assert.equal(hs[0]!.range.start.line, 5000 - MAX_HIGHLIGHTS / 2);
  const top = service.findDocumentHighlights(d, { line: 3, character: 60 });
  assert.equal(top[0]!.range.start.line, 0);
  assert.equal(service.findReferences(d, { line: 3, character: 60 }).length, 10_000);
  assert.match(value(service.doHover(d, { line: 3, character: 60 })), /failed commands in this log: 10,000 /);
});

test("a language without highlights of its own gets the editor's usual ones: the word under the cursor, whole words", () => {
  // the server answers documentHighlight for every language it serves, so VS Code no longer marks words itself
  const text = 'ethernet0.present = "TRUE"\nethernet0.virtualDev = "vmxnet3"\nethernet01.present = "TRUE"\n';
  const hs = service.findDocumentHighlights(doc('vmx', text), { line: 0, character: 3 });
  assert.deepEqual(
    hs.map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character}`),
    ['0:0-9', '1:0-9'],
  );
  assert.deepEqual(service.findDocumentHighlights(doc('vmx', text), { line: 0, character: 18 }), []);
});
