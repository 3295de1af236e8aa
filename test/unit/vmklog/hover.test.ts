import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, service, withEOL } from '../../helpers';

function hoverText(h: Hover | null): string | undefined {
  return h ? (h.contents as MarkupContent).value : undefined;
}

function hoverAt(languageId: string, textWithBar: string, eol: '\n' | '\r\n') {
  const c = cursor(withEOL(textWithBar, eol));
  return service.doHover(doc(languageId, c.text, `file:///logs/vmkernel.log`), c.pos);
}

const LINE = '2011-09-13T08:21:52.195Z cpu3:4099)WARNING: ';

// [case name, text with |, expected substrings (empty = no hover)]
const CASES: Array<[string, string, string[]]> = [
  [
    'hex lower',
    `${LINE}Heap: vmk heap failed: status 0xbad0|014`,
    ['**VMK_NO_MEMORY**', '`0xbad0014`', '`195887124`', '`ENOMEM`', 'ESX 3.5'],
  ],
  ['hex upper padded', `${LINE}status 0x0BAD00|01`, ['**VMK_FAILURE**', '`EINVAL`', '195887105']],
  ['hex at start of token', `${LINE}status |0xbad0001.`, ['**VMK_FAILURE**']],
  [
    'last ESX 3.5 code',
    `${LINE}returned 0xbad00f|0`,
    ['**VMK_MEMSIZE_GT_MEMSIZELIMIT**', 'Memory size exceeds memSizeLimit'],
  ],
  ['decimal', `${LINE}Open failed: 1958871|05`, ['**VMK_FAILURE**', '`0xbad0001`']],
  ['name', `${LINE}returned VMK_FAIL|URE`, ['**VMK_FAILURE**', 'Failure']],
  ['later code with release', `${LINE}status 0xbad0|132`, ['**VMK_PERM_DEV_LOSS**', 'ESXi 5.0 U2']],
  ['6.0 code', `${LINE}status 0xbad01|47`, ['**VMK_STALE_FILEHANDLE**', 'ESXi 6.0']],
  ['2024 code', `${LINE}status 0xbad016|4`, ['**VMK_QUOTA_LIMIT_EXCEEDED**', 'opensea']],
  [
    'description text',
    `${LINE}Admission check failed for mem|ory resource`,
    ['**VMK_MEM_ADMIT_FAILED**', '`0xbad0080`'],
  ],
  [
    'short text after colon',
    `${LINE}FSS: 6253: Failed to open file 'hpilo'; (Existing flags 0x5): Bu|sy`,
    ['**VMK_BUSY**'],
  ],
  ['curly apostrophe text', `${LINE}Host doesn\u2019t have a jour|nal`, ['**VMK_NO_JOURNAL**']],
  ['shared text lists both', `${LINE}connect: Already conn|ected`, ['VMK_IS_CONNECTED', 'VMK_ALREADY_CONNECTED']],
  ['renumbered code notes ESXi 5', `${LINE}status 0xbad00|21`, ['**VMK_READ_ONLY**', 'VMK_TIMEOUT']],
  // Issue 19: ESXi 5.0 U2 prints other words than 6.x for these; both are recognised.
  [
    'ESXi 5.0 U2 replication text',
    `${LINE}Hbr: 512: Disk sync failed: VR: Instance was abo|rted`,
    [
      '**VMK_HBR_WIRE_INSTANCE_ABORTED**',
      '| printed by ESXi 5.0 U2 | VR: Instance was aborted |',
      '| printed by ESXi 6.0 to 6.7 U3 and the 2024 copy of the table | Replication instance was aborted |',
    ],
  ],
  [
    'ESXi 6 replication text',
    `${LINE}Hbr: 512: Disk sync failed: Replication instance was abo|rted`,
    ['**VMK_HBR_WIRE_INSTANCE_ABORTED**', 'VR: Instance was aborted'],
  ],
  ['ESXi 5.0 U2 HBR text, short', `${LINE}Hbr: VR: Disk needs full sy|nc`, ['**VMK_HBR_WIRE_NEED_FULL_SYNC**']],
  [
    'ESXi 5.0 U2 resume text',
    `${LINE}Migrate: Failed to resume V|M`,
    ['VMK_RESUME_ERROR', '`0xbad0044`', 'Failed to resume VM (ESXi 5.0 U2)', 'Failed to resume virtual machine'],
  ],
  ['ESXi 6 resume text', `${LINE}Migrate: Failed to resume virtual mach|ine`, ['VMK_RESUME_ERROR', '`0xbad0044`']],
  [
    'ESXi 5.0 U2 vMotion text',
    `${LINE}Migrate: VMotion failed to start due to lack of cpu or memory reso|urces`,
    ['VMK_MIGRATE_PREEMPTIVE_FAIL', '`0xbad00a4`', 'Migration failed to start'],
  ],
  [
    'ESXi 5.0 U2 shared area text',
    `${LINE}VMM<->VMK shared are mism|atch`,
    ['VMK_SHAREDAREA_MISMATCH', '`0xbad00b5`', 'VMM\\<-\\>VMK shared area mismatch (ESXi 6.0'],
  ],
  [
    'ESXi 6 NFS text',
    `${LINE}NFS: The NFS server does not support NFS version 3 over T|CP`,
    ['VMK_NFS_NFS_NOT_SUPPORTED', '`0xbad009e`', 'requested NFS version over TCP (the 2024 copy of the table)'],
  ],
  [
    '2024 NFS text',
    `${LINE}NFS: The NFS server does not support requested NFS version over T|CP`,
    ['VMK_NFS_NFS_NOT_SUPPORTED', '`0xbad009e`'],
  ],
  [
    'ESXi 5+ unaligned text',
    `${LINE}Address is not aligned on required boun|dary`,
    ['**VMK_UNALIGNED_ADDRESS**', '| printed by ESX 3.5 | Address is not aligned on page boundary |'],
  ],
  [
    'HBR code shows both texts',
    `${LINE}status 0xbad01|3f`,
    ['**VMK_HBR_WIRE_GROUP_SESSION_REVOKED**', 'VR: A newer client for this group is connected to the server'],
  ],
  ['linux errno wrap', `${LINE}status 0x2bad000|2`, ['VMK_GENERIC_LINUX_ERROR + 2', '`ENOENT`']],
  ['generic linux error itself', `${LINE}status 0x2bad00|00`, ['**VMK_GENERIC_LINUX_ERROR**']],
  ['look-alike 0xbad00001 is not ours', `${LINE}NVRM: Xid 0xbad0000|1`, []],
  ['beyond the table', `${LINE}status 0xbad01|66`, []],
  // `0x0` is not VMK_OK here: it is the host status of a SCSI failure (scsiDecode.test.ts)
  ['0x0 is not decoded', `${LINE}H:0x|0 D:0x2 P:0x0`, ['host status VMK_SCSI_HOST_OK']],
  ['short text without context', `${LINE}the system is not bu|sy today`, []],
  ['plain word', `${LINE}Heap: vm|k heap`, []],
];

for (const [name, text, expected] of CASES) {
  for (const [n, fn] of bothEOL(`hover: ${name}`, (eol) => {
    // also with a line before and after, so line handling is exercised
    const h = hoverAt('vmkernel-log', `first line 0xbad0002\n${text}\nlast line 0xbad0003`, eol);
    const v = hoverText(h);
    if (!expected.length) return assert.equal(v, undefined, `unexpected hover: ${v}`);
    assert.ok(v, 'no hover');
    for (const e of expected) assert.ok(v.includes(e), `hover lacks ${e}:\n${v}`);
  }))
    test(n, fn);
}

for (const [n, fn] of bothEOL("hover works in VS Code's log language too", (eol) => {
  const v = hoverText(hoverAt('log', 'x\nstatus 0xbad00|14\n', eol));
  assert.ok(v?.includes('VMK_NO_MEMORY'));
}))
  test(n, fn);

test('hover range covers the code', () => {
  const c = cursor('status 0xbad00|14 here');
  const h = service.doHover(doc('vmkernel-log', c.text), c.pos);
  assert.deepEqual(h?.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 16 } });
});

test('hover on a huge document only reads the hovered line', () => {
  const filler =
    'cpu1:4096)ScsiDeviceIO: 2311: Cmd(0x41248) 0x28, CmdSN 0x1 to dev "naa.600508b1001c3ea2c9c8ee9bc2d9a1b5" failed H:0x0 D:0x2 P:0x0\n';
  const big = filler.repeat(60000) + 'status 0xbad0014\n' + filler.repeat(10);
  const d = doc('vmkernel-log', big);
  const h = service.doHover(d, { line: 60000, character: 10 });
  assert.ok(hoverText(h)?.includes('VMK_NO_MEMORY'));
  // a very long single line is looked at in a window around the cursor
  const long = 'x'.repeat(200000) + ' 0xbad0014 ' + 'y'.repeat(200000);
  const h2 = service.doHover(doc('vmkernel-log', long), { line: 0, character: 200003 });
  assert.ok(hoverText(h2)?.includes('VMK_NO_MEMORY'));
});
