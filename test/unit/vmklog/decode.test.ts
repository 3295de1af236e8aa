import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeStatusCodeMarkdown } from '../../../server/src/vmklog/decode';
import { parseCodeToken } from '../../../server/src/vmklog/status';

// [input, expected substrings or null]
const CASES: Array<[string, string[] | null]> = [
  ['0xbad0014', ['VMK_NO_MEMORY', 'ENOMEM', '195887124', 'ESX 3.5']],
  ['0x0BAD0014', ['VMK_NO_MEMORY']],
  ['  0xbad00f0 ', ['VMK_MEMSIZE_GT_MEMSIZELIMIT']],
  ['bad0003', ['VMK_NOT_FOUND']],
  ['195887105', ['VMK_FAILURE']],
  ['0', ['VMK_OK', 'Success']],
  ['VMK_NO_MEMORY', ['0xbad0014']],
  ['vmk_timeout', ['VMK_TIMEOUT', '0xbad0020', 'In ESXi 5.0 and later, **VMK_TIMEOUT** is `0xbad0021`']],
  ['NO_LPAGE_MEMORY', ['VMK_NO_LPAGE_MEMORY', 'ESX 3.5 had no such status']],
  ['0xbad0164', ['VMK_QUOTA_LIMIT_EXCEEDED', 'EDQUOT']],
  ['0x2bad006e', ['VMK_GENERIC_LINUX_ERROR + 110', 'ETIMEDOUT']],
  ['732758016', ['VMK_GENERIC_LINUX_ERROR']],
  ['Admission check failed for memory resource', ['VMK_MEM_ADMIT_FAILED']],
  ['out of memory', ['VMK_NO_MEMORY']],
  ['VR: Corrupt response from server', ['VMK_HBR_WIRE_PROTOCOL_CORRUPTED', 'Corrupt response from replication server']],
  ['Corrupt response from replication server', ['VMK_HBR_WIRE_PROTOCOL_CORRUPTED', 'printed by ESXi 5.0 U2']],
  ['Failed to resume VM', ['VMK_RESUME_ERROR', '0xbad0043', '0xbad0044']],
  ['0xbad013b', ["VR: The set of disks on the server doesn't match up", "replication server doesn't match"]],
  ['0xbad00001', null],
  ['0xbad0165', null],
  ['12345', null],
  ['VMK_NOPE', null],
  ['', null],
  ['hello world', null],
];

for (const [input, expected] of CASES) {
  test(`decode ${JSON.stringify(input)}`, () => {
    const md = decodeStatusCodeMarkdown(input);
    if (expected === null) return assert.equal(md, null);
    assert.ok(md, 'no answer');
    for (const e of expected) assert.ok(md.includes(e), `answer lacks ${e}:\n${md}`);
  });
}

test('parseCodeToken reads hex in any case and padding, bad codes and decimals', () => {
  assert.equal(parseCodeToken('0xbad0001'), 0xbad0001);
  assert.equal(parseCodeToken('0X0BAD0001'), 0xbad0001);
  assert.equal(parseCodeToken('0x000000000bad0001'), 0xbad0001);
  assert.equal(parseCodeToken('0xbad00001'), 0xbad00001);
  assert.equal(parseCodeToken('BAD0001'), 0xbad0001);
  assert.equal(parseCodeToken('195887105'), 195887105);
  assert.equal(parseCodeToken('0xzz'), undefined);
});
