/**
 * The SCSI knowledge tables against the sources their headers name: sg3_utils 3.19 (20260717)
 * lib/sg_lib_data.c (after T10's asc-num.txt of 2024-11-28 and op-num.txt), and vmkapi_scsi_ext.h
 * of ESXi 5.0 U2 and 6.0 to 6.7 U3. The figures and pairs below were read off those sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { T10_ASC_ASCQ, T10_ASC_RANGES } from '../../../server/src/vmklog/data/t10Asc';
import {
  SERVICE_ACTION_FAMILIES,
  T10_OPCODES,
  UNASSIGNED_OPCODES,
  VENDOR_OPCODES_FROM,
} from '../../../server/src/vmklog/data/t10Opcodes';
import { SAM_STATUS, SENSE_KEYS } from '../../../server/src/vmklog/data/scsiStatus';
import {
  HOST_STATUS,
  HOST_STATUS_END,
  NMP_ACTIONS,
  PLUGIN_STATUS,
  SENSE_NOTES,
} from '../../../server/src/vmklog/data/vmkScsiHost';
import { ascName, opcodeName } from '../../../server/src/vmklog/scsi';

test('ASC/ASCQ: the 764 pairs and 6 ranges of sg_lib_asc_ascq / sg_lib_asc_ascq_range, no pair twice', () => {
  assert.equal(T10_ASC_ASCQ.length, 764);
  assert.equal(new Set(T10_ASC_ASCQ.map(([a, q]) => (a << 8) | q)).size, 764);
  assert.equal(T10_ASC_RANGES.length, 6);
  for (const [a, q, n] of T10_ASC_ASCQ) {
    assert.ok(a >= 0 && a < 0x80 && q >= 0 && q <= 0xff && n.trim() === n && n.length > 2, `${a}/${q} ${n}`);
  }
});

test('ASC/ASCQ: a sample of exact pairs from the source', () => {
  const sample: Array<[number, number, string]> = [
    [0x00, 0x00, 'No additional sense information'],
    [0x04, 0x03, 'Logical unit not ready, manual intervention required'],
    [0x04, 0x0a, 'Logical unit not accessible, asymmetric access state transition'],
    [0x1d, 0x00, 'Miscompare during verify operation'],
    [0x20, 0x00, 'Invalid command operation code'],
    [0x24, 0x00, 'Invalid field in cdb'],
    [0x25, 0x00, 'Logical unit not supported'],
    [0x27, 0x07, 'Space allocation failed write protect'],
    [0x29, 0x00, 'Power on, reset, or bus device reset occurred'],
    [0x2a, 0x09, 'Capacity data has changed'],
    [0x38, 0x07, 'Thin provisioning soft threshold reached'],
    [0x3f, 0x0e, 'Reported luns data has changed'],
    [0x44, 0x00, 'Internal target failure'],
    [0x74, 0x79, 'Security conflict in translated device'],
  ];
  const map = new Map(T10_ASC_ASCQ.map(([a, q, n]) => [(a << 8) | q, n]));
  for (const [a, q, n] of sample) assert.equal(map.get((a << 8) | q), n, `${a.toString(16)}/${q.toString(16)}`);
});

test('ASC/ASCQ: ranged entries and vendor-specific codes (SPC: ASC or ASCQ 80h-FFh)', () => {
  assert.deepEqual(
    T10_ASC_RANGES.find(([a, f]) => a === 0x40 && f === 0x80),
    [0x40, 0x80, 0xff, 'Diagnostic failure on component NN'],
  );
  assert.ok(T10_ASC_RANGES.some(([a, f, t]) => a === 0x70 && f === 0 && t === 0xff));
  assert.deepEqual(ascName(0x40, 0x91), { name: 'Diagnostic failure on component 91h', kind: 'range' });
  assert.equal(ascName(0x70, 0x03).kind, 'range');
  assert.equal(ascName(0x84, 0x01).kind, 'vendor');
  assert.match(ascName(0x04, 0x85).name, /^Vendor-specific qualifier 85h under ASC 04h \(Logical unit not ready/);
  assert.equal(ascName(0x7a, 0x00).kind, 'unknown');
});

test('opcodes: every 0x00-0xff named, unassigned, or vendor specific, and only one of them', () => {
  const named = new Set(T10_OPCODES.map((o) => o.op));
  assert.equal(named.size, T10_OPCODES.length);
  assert.equal(named.size, 144); // 143 in sg_lib_normal_opcodes, and 0x7f
  assert.equal(UNASSIGNED_OPCODES.length, 48);
  assert.equal(VENDOR_OPCODES_FROM, 0xc0);
  for (let op = 0; op <= 0xff; op++) {
    const where = [named.has(op), UNASSIGNED_OPCODES.includes(op), op >= VENDOR_OPCODES_FROM].filter(Boolean);
    assert.equal(where.length, 1, `opcode 0x${op.toString(16)}`);
  }
  for (const o of T10_OPCODES) assert.ok(o.name ?? o.others?.length, `0x${o.op.toString(16)} has a name`);
});

test('opcodes: a sample of exact names, and the service-action families', () => {
  const sample: Array<[number, string]> = [
    [0x00, 'TEST UNIT READY'],
    [0x12, 'INQUIRY'],
    [0x25, 'READ CAPACITY(10)'],
    [0x28, 'READ(10)'],
    [0x2a, 'WRITE(10)'],
    [0x35, 'SYNCHRONIZE CACHE(10)'],
    [0x42, 'UNMAP'],
    [0x4d, 'LOG SENSE'],
    [0x7f, 'VARIABLE LENGTH CDB'],
    [0x83, 'THIRD PARTY COPY OUT'],
    [0x85, 'ATA PASS-THROUGH(16)'],
    [0x88, 'READ(16)'],
    [0x89, 'COMPARE AND WRITE'],
    [0x8a, 'WRITE(16)'],
    [0x93, 'WRITE SAME(16)'],
    [0x9e, 'SERVICE ACTION IN(16)'],
    [0xa0, 'REPORT LUNS'],
    [0xa1, 'ATA PASS-THROUGH(12)'],
    [0xa3, 'MAINTENANCE IN'],
  ];
  for (const [op, name] of sample) assert.equal(opcodeName(op).name, name, `0x${op.toString(16)}`);
  assert.equal(opcodeName(0x01).name, 'REZERO UNIT');
  assert.equal(opcodeName(0xc1).name, 'vendor-specific command');
  assert.equal(opcodeName(0x02).name, 'reserved or obsolete opcode');
  const fam = new Map(SERVICE_ACTION_FAMILIES);
  assert.deepEqual(
    fam.get(0x9e)?.find(([sa]) => sa === 0x10),
    [0x10, 'Read capacity(16)'],
  );
  assert.deepEqual(
    fam.get(0xa3)?.find(([sa]) => sa === 0x0a),
    [0x0a, 'Report target port groups'],
  );
  assert.deepEqual(
    fam.get(0x7f)?.find(([sa]) => sa === 0x09),
    [0x09, 'Read(32)'],
  );
  assert.ok(!fam.get(0x7f)?.some(([, n]) => /osd/i.test(n)), 'no OSD members');
});

test('host status: 0x00 to VMK_SCSI_HOST_MAX_ERRORS - 1 complete, as vmkapi_scsi_ext.h numbers them', () => {
  assert.equal(HOST_STATUS_END, 0x10);
  assert.deepEqual(
    HOST_STATUS.map((h) => h.code),
    Array.from({ length: HOST_STATUS_END }, (_, i) => i),
  );
  const named = Object.fromEntries(HOST_STATUS.filter((h) => h.name).map((h) => [h.code, h.name]));
  assert.deepEqual(named, {
    0: 'OK',
    1: 'NO_CONNECT',
    2: 'BUS_BUSY',
    3: 'TIMEOUT',
    5: 'ABORT',
    6: 'PARITY',
    7: 'ERROR',
    8: 'RESET',
    11: 'SOFT_ERROR',
    12: 'RETRY',
    13: 'PI_GUARD_ERROR',
    14: 'PI_REF_ERROR',
    15: 'PI_GENERIC_ERROR',
  });
  // 0x0d-0x0f first appear in the ESXi 6.0 header; the rest are in 5.0 U2's.
  for (const h of HOST_STATUS.filter((x) => x.name)) assert.equal(h.since, h.code >= 0x0d ? 'ESXi 6.0' : 'ESXi 5.0');
});

test('plugin status: the nine values of vmk_ScsiPluginStatus in order', () => {
  assert.deepEqual(
    PLUGIN_STATUS.map((p) => `${p.code} ${p.name}`),
    [
      '0 GOOD',
      '1 TRANSIENT',
      '2 SNAPSHOT',
      '3 RESERVATION_LOST',
      '4 REQUEUE',
      '5 ATS_MISCOMPARE',
      '6 THINPROV_BUSY_GROWING',
      '7 THINPROV_ATQUOTA',
      '8 THINPROV_NOSPACE',
    ],
  );
});

test('SAM status: the eleven codes of sg_lib_sstatus_str_arr with the VMkernel enumerators', () => {
  assert.deepEqual(
    SAM_STATUS.map((s) => `${s.code.toString(16)} ${s.name} ${s.vmk}`),
    [
      '0 GOOD VMK_SCSI_DEVICE_GOOD',
      '2 CHECK CONDITION VMK_SCSI_DEVICE_CHECK_CONDITION',
      '4 CONDITION MET VMK_SCSI_DEVICE_CONDITION_MET',
      '8 BUSY VMK_SCSI_DEVICE_BUSY',
      '10 INTERMEDIATE VMK_SCSI_DEVICE_INTERMEDIATE',
      '14 INTERMEDIATE-CONDITION MET VMK_SCSI_DEVICE_INTERMEDIATE_CONDITION_MET',
      '18 RESERVATION CONFLICT VMK_SCSI_DEVICE_RESERVATION_CONFLICT',
      '22 COMMAND TERMINATED VMK_SCSI_DEVICE_COMMAND_TERMINATED',
      '28 TASK SET FULL VMK_SCSI_DEVICE_QUEUE_FULL',
      '30 ACA ACTIVE VMK_SCSI_DEVICE_ACA_ACTIVE',
      '40 TASK ABORTED VMK_SCSI_DEVICE_TASK_ABORTED',
    ],
  );
});

test('sense keys: the sixteen of SPC, in order', () => {
  assert.deepEqual(
    SENSE_KEYS.map((k) => k.code),
    Array.from({ length: 16 }, (_, i) => i),
  );
  assert.deepEqual(
    [2, 5, 6, 0xb, 0xe].map((i) => SENSE_KEYS[i]!.name),
    ['NOT READY', 'ILLEGAL REQUEST', 'UNIT ATTENTION', 'ABORTED COMMAND', 'MISCOMPARE'],
  );
});

test('notes: every admin note names its source, and every noted sense code is in the T10 list', () => {
  for (const e of [...HOST_STATUS, ...PLUGIN_STATUS, ...SAM_STATUS]) {
    if (e.note) assert.ok(e.source && e.source.length > 3, `${e.name} has a source`);
  }
  for (const a of NMP_ACTIONS) assert.ok(a.source.length > 3);
  for (const n of SENSE_NOTES) {
    assert.ok(n.source.length > 3);
    assert.equal(ascName(n.asc, n.ascq ?? 0).kind, 'assigned', `${n.asc.toString(16)}/${n.ascq ?? 0}`);
  }
  // VMware documents 5/25/00 as the PDL sense code (KB 2004684, vSphere Storage).
  assert.deepEqual(
    SENSE_NOTES.filter((n) => n.pdl).map((n) => [n.key, n.asc, n.ascq]),
    [[5, 0x25, 0]],
  );
});

test('each table opens with a comment naming its public source and version', () => {
  const dir = path.resolve('server/src/vmklog/data');
  const expect: Record<string, RegExp[]> = {
    't10Asc.ts': [/sg3_utils/, /3\.19 20260717/, /asc-num\.txt/, /2024-11-28/],
    't10Opcodes.ts': [/sg3_utils/, /3\.19 20260717/, /op-num\.txt/],
    'scsiStatus.ts': [/sg3_utils/, /3\.19 20260717/, /vmkapi_scsi_ext\.h/, /ESXi 5\.0 U2 to 6\.7 U3/],
    'vmkScsiHost.ts': [/vmkapi_scsi_ext\.h/, /ESXi 5\.0 U2/, /6\.7 U3/, /KB 1029039/],
  };
  for (const [file, res] of Object.entries(expect)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    assert.ok(text.startsWith('/**'), `${file} opens with a comment`);
    const head = text.slice(0, text.indexOf('*/'));
    for (const re of res) assert.match(head, re, `${file} names ${String(re)}`);
  }
});
