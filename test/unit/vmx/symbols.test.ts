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
  assert.deepEqual(
    syms.map((s) => s.name),
    ['memsize', 'serial0', 'ethernet0', 'scsi0', 'scsi0:0', 'tools'],
  );
  const serial = syms[1]!;
  assert.equal(serial.children!.length, 4);
  assert.equal(serial.detail, 'pipe · /p · (server)');
  assert.deepEqual(serial.range.start, { line: 1, character: 0 });
  assert.equal(serial.range.end.line, 4);
  assert.equal(syms[2]!.detail, 'vmxnet3');
  assert.equal(syms[3]!.detail, 'pvscsi');
  assert.deepEqual(
    syms[4]!.children!.map((c) => c.name),
    ['scsi0:0.fileName', 'sched.scsi0:0.shares'],
  );
  assert.deepEqual(syms[4]!.selectionRange, { start: { line: 9, character: 0 }, end: { line: 9, character: 7 } });
});

run('outline of an empty or broken file', (eol) => {
  assert.deepEqual(service.findDocumentSymbols(doc('vmx', '')), []);
  assert.deepEqual(service.findDocumentSymbols(doc('vmx', withEOL('junk line\n# c\n', eol))), []);
});

run('outline of a huge file lists the first 10,000 settings and says what it left out', (eol) => {
  // 12,000 settings of one device, then 500 top-level keys: the device group is cut, the rest dropped
  const lines = [
    ...Array.from({ length: 12_000 }, (_, i) => `serial0.x${i} = "v"`),
    ...Array.from({ length: 500 }, (_, i) => `key${i} = "v"`),
  ];
  const syms = service.findDocumentSymbols(doc('vmx', withEOL(lines.join('\n') + '\n', eol)));
  assert.equal(syms.length, 1);
  assert.equal(syms[0]!.children!.length, 10_000);
  assert.equal(syms[0]!.children!.at(-1)!.name, 'serial0.x9999');
  assert.match(
    syms[0]!.detail!,
    /outline shows 10,000 of 12,000 settings · outline stops here: 500 more settings are not listed$/,
  );
  // the group still spans all its lines
  assert.equal(syms[0]!.range.end.line, 11_999);
  // many top-level keys: each is one setting
  const flat = Array.from({ length: 10_005 }, (_, i) => `key${i} = "v"`).join('\n');
  const top = service.findDocumentSymbols(doc('vmx', withEOL(flat, eol)));
  assert.equal(top.length, 10_000);
  assert.match(top.at(-1)!.detail!, /^v · outline stops here: 5 more settings are not listed$/);
});
