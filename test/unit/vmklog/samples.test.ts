import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { MarkupContent } from 'vscode-languageserver-types';
import { doc, service } from '../../helpers';

const LOG = 'samples/vmkernel-log/vmkernel.log';

test('the sample log: every status code decodes, one iSCSI name warning', () => {
  const text = fs.readFileSync(LOG, 'utf8');
  const d = doc('vmkernel-log', text, 'file:///samples/vmkernel.log');
  const diags = service.doValidation(d);
  assert.deepEqual(
    diags.map((x) => `${x.range.start.line + 1} ${String(x.code)}`),
    ['8 iscsi-name-case'],
  );
  const hints = service.getInlayHints(d, {
    start: { line: 0, character: 0 },
    end: { line: d.lineCount, character: 0 },
  });
  assert.deepEqual(
    hints.map((h) => String(h.label)),
    [
      'VMK_NO_MEMORY',
      'VMK_FAILURE',
      // line 18, a SCSI failure: its opcode and device status
      'WRITE(10)',
      'RESERVATION CONFLICT',
      'VMK_NUM_FILES_EXCEEDED (ESXi 5+: VMK_LOCK_NOT_FREE)',
      'Linux ENOENT',
      'VMK_PERM_DEV_LOSS',
    ],
  );
  const lines = text.split('\n');
  const at = (needle: string) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return service.doHover(d, { line, character: lines[line]!.indexOf(needle) + 2 });
  };
  assert.match((at('0xbad0014')?.contents as MarkupContent).value, /VMK_NO_MEMORY/);
  assert.match((at('Admission check failed')?.contents as MarkupContent).value, /VMK_MEM_ADMIT_FAILED/);
  assert.match((at('Busy')?.contents as MarkupContent).value, /VMK_BUSY/);
  assert.match((at('Permission denied')?.contents as MarkupContent).value, /VMK_NO_ACCESS/);
  assert.match((at('Unable to connect to NFS')?.contents as MarkupContent).value, /VMK_NFS_CONNECT_FAILURE/);
  assert.match((at('Reservation Lost')?.contents as MarkupContent).value, /VMK_RESERVATION_LOST/);
});

test('the sample initiatorname.iscsi: month 13', () => {
  const text = fs.readFileSync('samples/iscsi/initiatorname.iscsi', 'utf8');
  const diags = service.doValidation(doc('iscsi-initiatorname', text));
  assert.deepEqual(
    diags.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${String(x.code)} ${x.message}`),
    ['9:24 iscsi-iqn-date The month 13 is not a month (01–12).'],
  );
});
