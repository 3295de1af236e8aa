/** Any text in, answers out: no feature of the .vmx mode throws (the test service rethrows mode errors). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { doc, service } from '../../helpers';

const pieces = [
  'serial0',
  'scsi0:7',
  'ethernet10',
  '.',
  ':',
  '=',
  ' ',
  '"',
  '“',
  '”',
  '|',
  '|2',
  '|22',
  '#',
  '\n',
  '\r\n',
  '\r',
  'TRUE',
  'pipe',
  'fileType',
  'present',
  'guestOS',
  'memsize',
  '1023',
  'sched.',
  'usb_xhci:',
  '\t',
  'x',
];
const vmxLike = fc
  .array(
    fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 }), fc.string({ maxLength: 3, unit: 'binary' })),
    { maxLength: 60 },
  )
  .map((a) => a.join(''));

test('every feature is total on random text', () => {
  fc.assert(
    fc.property(vmxLike, fc.nat(), (text, at) => {
      const d = doc('vmx', text);
      const ds = service.doValidation(d);
      const pos = d.positionAt(text.length ? at % (text.length + 1) : 0);
      service.doHover(d, pos);
      service.doComplete(d, pos);
      service.findDocumentSymbols(d);
      service.getFoldingRanges(d);
      for (const diag of ds) service.getCodeActions(d, diag.range, { diagnostics: [diag] });
      for (const diag of ds) {
        assert.ok(diag.range.start.line <= diag.range.end.line);
        assert.match(String(diag.code), /^vmx-/);
      }
    }),
    { numRuns: 300, seed: 42 },
  );
});
