import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL } from '../../helpers';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};

run('outline: one entry per device with its keys', (eol) => {
  const text = withEOL(
    'memsize = "4096"\nserial0.present = "TRUE"\nserial0.fileType = "pipe"\nserial0.fileName = "/p"\nserial0.pipe.endPoint = "server"\nethernet0.present = "TRUE"\nethernet0.virtualDev = "vmxnet3"\nscsi0.present = "TRUE"\nscsi0.virtualDev = "pvscsi"\nscsi0:0.fileName = "a.vmdk"\nsched.scsi0:0.shares = "normal"\ntools.syncTime = "TRUE"\ntools.remindInstall = "FALSE"\n',
    eol,
  );
  const syms = service.findDocumentSymbols(doc('vmx', text));
  assert.deepEqual(syms.map((s) => s.name), ['memsize', 'serial0', 'ethernet0', 'scsi0', 'scsi0:0', 'tools']);
  const serial = syms[1]!;
  assert.equal(serial.children!.length, 4);
  assert.equal(serial.detail, 'pipe · /p · (server)');
  assert.deepEqual(serial.range.start, { line: 1, character: 0 });
  assert.equal(serial.range.end.line, 4);
  assert.equal(syms[2]!.detail, 'vmxnet3');
  assert.equal(syms[3]!.detail, 'pvscsi');
  assert.deepEqual(syms[4]!.children!.map((c) => c.name), ['scsi0:0.fileName', 'sched.scsi0:0.shares']);
  assert.deepEqual(syms[4]!.selectionRange, { start: { line: 9, character: 0 }, end: { line: 9, character: 7 } });
});

run('outline of an empty or broken file', (eol) => {
  assert.deepEqual(service.findDocumentSymbols(doc('vmx', '')), []);
  assert.deepEqual(service.findDocumentSymbols(doc('vmx', withEOL('junk line\n# c\n', eol))), []);
});
