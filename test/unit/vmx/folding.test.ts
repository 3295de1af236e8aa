import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, doc, service, withEOL } from '../../helpers';

for (const [name, fn] of bothEOL('folding: runs of one device and comment blocks', (eol) => {
  const text = withEOL(
    '# a\n# b\nmemsize = "4"\nserial0.present = "TRUE"\nserial0.fileType = "file"\nserial0.fileName = "x"\nethernet0.present = "TRUE"\ntools.syncTime = "TRUE"\ntools.remindInstall = "TRUE"\n',
    eol,
  );
  assert.deepEqual(service.getFoldingRanges(doc('vmx', text)), [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 3, endLine: 5 },
    { startLine: 7, endLine: 8 },
  ]);
}))
  test(name, fn);
