/**
 * T10 SCSI operation codes (the first CDB byte, what a VMkernel log prints as `Cmd 0x2a`).
 *
 * Source: sg3_utils (github.com/doug-gilbert/sg3_utils) lib/sg_lib_data.c, library version
 * "3.19 20260717" (commit fb3d289c1164; it follows spc7r05, sbc6r02 and zbc3r06), table
 * `sg_lib_normal_opcodes`, names as sg3_utils spells them, which carry the facts of T10's
 * www.t10.org/lists/op-num.txt. Where an opcode means one command for block devices (sg3_utils'
 * PDT_ALL, PDT_DISK or PDT_DISK_ZBC) that is `name`; what the same byte means to other device
 * types is `others`. 0x7f is not in `sg_lib_normal_opcodes` (sg3_utils decodes it through its
 * service actions): its name is SPC's, VARIABLE LENGTH CDB.
 *
 * Every opcode 0x00-0xff is accounted for: named in `T10_OPCODES`, listed in
 * `UNASSIGNED_OPCODES` (reserved or obsolete, with no name in the source), or in the
 * vendor-specific range C0h-FFh (SPC: operation code groups 6 and 7 are vendor specific).
 *
 * `SERVICE_ACTION_FAMILIES`: opcodes that name a family of commands told apart by a service
 * action field the log does not print; for each, the block-device members from sg3_utils'
 * service-action tables (`sg_lib_variable_length_arr` without its OSD entries,
 * `sg_lib_serv_in16_arr`, `sg_lib_maint_in_arr`, ...).
 */

export interface OpcodeEntry {
  readonly op: number;
  /** The command for block devices; undefined where only other device types use the byte. */
  readonly name?: string;
  /** [device type, name] for other device types. */
  readonly others?: ReadonlyArray<readonly [string, string]>;
}

export const OPCODE_SOURCE = 'sg3_utils 3.19 (20260717) lib/sg_lib_data.c, after T10 op-num.txt and SPC';

/** Vendor-specific operation codes: C0h-FFh. */
export const VENDOR_OPCODES_FROM = 0xc0;

export const T10_OPCODES: readonly OpcodeEntry[] = [
  { op: 0x00, name: 'Test Unit Ready' },
  { op: 0x01, name: 'Rezero Unit', others: [['tape', 'Rewind']] },
  { op: 0x03, name: 'Request Sense' },
  {
    op: 0x04,
    name: 'Format Unit',
    others: [
      ['tape', 'Format medium'],
      ['printer', 'Format'],
    ],
  },
  { op: 0x05, others: [['tape', 'Read Block Limits']] },
  { op: 0x07, name: 'Reassign Blocks', others: [['media changer', 'Initialize element status']] },
  { op: 0x08, name: 'Read(6)', others: [['processor', 'Receive']] },
  {
    op: 0x0a,
    name: 'Write(6)',
    others: [
      ['printer', 'Print'],
      ['processor', 'Send'],
    ],
  },
  {
    op: 0x0b,
    name: 'Seek(6)',
    others: [
      ['tape', 'Set capacity'],
      ['printer', 'Slew and print'],
    ],
  },
  { op: 0x0f, others: [['tape', 'Read reverse(6)']] },
  {
    op: 0x10,
    others: [
      ['tape', 'Write filemarks(6)'],
      ['printer', 'Synchronize buffer'],
    ],
  },
  { op: 0x11, others: [['tape', 'Space(6)']] },
  { op: 0x12, name: 'Inquiry' },
  { op: 0x13, others: [['tape', 'Verify(6)']] },
  { op: 0x14, name: 'Recover buffered data' },
  { op: 0x15, name: 'Mode select(6)' },
  { op: 0x16, name: 'Reserve(6)', others: [['media changer', 'Reserve element(6)']] },
  { op: 0x17, name: 'Release(6)', others: [['media changer', 'Release element(6)']] },
  { op: 0x18, name: 'Copy' },
  { op: 0x19, name: 'Erase(6)' },
  { op: 0x1a, name: 'Mode sense(6)' },
  {
    op: 0x1b,
    name: 'Start stop unit',
    others: [
      ['tape', 'Load unload'],
      ['automation/drive', 'Load unload'],
      ['printer', 'Stop print'],
    ],
  },
  { op: 0x1c, name: 'Receive diagnostic results' },
  { op: 0x1d, name: 'Send diagnostic' },
  { op: 0x1e, name: 'Prevent allow medium removal' },
  { op: 0x23, others: [['CD/DVD', 'Read Format capacities']] },
  { op: 0x24, name: 'Set window' },
  { op: 0x25, name: 'Read capacity(10)', others: [['optical card', 'Read card capacity']] },
  { op: 0x28, name: 'Read(10)' },
  { op: 0x29, name: 'Read generation' },
  { op: 0x2a, name: 'Write(10)' },
  {
    op: 0x2b,
    name: 'Seek(10)',
    others: [
      ['tape', 'Locate(10)'],
      ['media changer', 'Position to element'],
    ],
  },
  { op: 0x2c, name: 'Erase(10)' },
  { op: 0x2d, others: [['optical memory', 'Read updated block']] },
  { op: 0x2e, name: 'Write and verify(10)' },
  { op: 0x2f, name: 'Verify(10)' },
  { op: 0x30, name: 'Search data high(10)' },
  { op: 0x31, name: 'Search data equal(10)' },
  { op: 0x32, name: 'Search data low(10)' },
  { op: 0x33, name: 'Set limits(10)' },
  { op: 0x34, name: 'Pre-fetch(10)', others: [['tape', 'Read position']] },
  { op: 0x35, name: 'Synchronize cache(10)' },
  { op: 0x36, name: 'Lock unlock cache(10)' },
  { op: 0x37, name: 'Read defect data(10)', others: [['media changer', 'Initialize element status with range']] },
  { op: 0x38, name: 'Format with preset', others: [['optical card', 'Medium scan']] },
  { op: 0x39, name: 'Compare' },
  { op: 0x3a, name: 'Copy and verify' },
  { op: 0x3b, name: 'Write buffer(10)' },
  { op: 0x3c, name: 'Read buffer(10)' },
  { op: 0x3d, others: [['optical memory', 'Update block']] },
  { op: 0x3e, name: 'Read long(10)' },
  { op: 0x3f, name: 'Write long(10)' },
  { op: 0x40, name: 'Change definition' },
  { op: 0x41, name: 'Write same(10)' },
  { op: 0x42, name: 'Unmap', others: [['CD/DVD', 'Read sub-channel']] },
  { op: 0x43, others: [['CD/DVD', 'Read TOC/PMA/ATIP']] },
  { op: 0x44, name: 'Report density support' },
  { op: 0x45, others: [['CD/DVD', 'Play audio(10)']] },
  { op: 0x46, others: [['CD/DVD', 'Get configuration']] },
  { op: 0x47, others: [['CD/DVD', 'Play audio msf']] },
  { op: 0x48, name: 'Sanitize' },
  { op: 0x4a, others: [['CD/DVD', 'Get event status notification']] },
  { op: 0x4b, others: [['CD/DVD', 'Pause/resume']] },
  { op: 0x4c, name: 'Log select' },
  { op: 0x4d, name: 'Log sense' },
  { op: 0x4e, others: [['CD/DVD', 'Stop play/scan']] },
  { op: 0x50, name: 'Xdwrite(10)' },
  { op: 0x51, name: 'Xpwrite(10)', others: [['CD/DVD', 'Read disk information']] },
  { op: 0x52, name: 'Xdread(10)', others: [['CD/DVD', 'Read track information']] },
  { op: 0x53, name: 'Xdwriteread(10)' },
  { op: 0x54, others: [['CD/DVD', 'Send OPC information']] },
  { op: 0x55, name: 'Mode select(10)' },
  { op: 0x56, name: 'Reserve(10)', others: [['media changer', 'Reserve element(10)']] },
  { op: 0x57, name: 'Release(10)', others: [['media changer', 'Release element(10)']] },
  { op: 0x58, others: [['CD/DVD', 'Repair track']] },
  { op: 0x5a, name: 'Mode sense(10)' },
  { op: 0x5b, others: [['CD/DVD', 'Close track/session']] },
  { op: 0x5c, others: [['CD/DVD', 'Read buffer capacity']] },
  { op: 0x5d, others: [['CD/DVD', 'Send cue sheet']] },
  { op: 0x5e, name: 'Persistent reserve in' },
  { op: 0x5f, name: 'Persistent reserve out' },
  { op: 0x7e, name: 'Extended cdb (XCBD)' },
  { op: 0x7f, name: 'Variable length CDB' },
  { op: 0x80, name: 'Xdwrite extended(16)', others: [['tape', 'Write filemarks(16)']] },
  { op: 0x81, name: 'Rebuild(16)', others: [['tape', 'Read reverse(16)']] },
  { op: 0x82, name: 'Regenerate(16)' },
  { op: 0x83, name: 'Third party copy out' },
  { op: 0x84, name: 'Third party copy in' },
  { op: 0x85, name: 'ATA pass-through(16)' },
  { op: 0x86, name: 'Access control in' },
  { op: 0x87, name: 'Access control out' },
  { op: 0x88, name: 'Read(16)' },
  { op: 0x89, name: 'Compare and write' },
  { op: 0x8a, name: 'Write(16)' },
  { op: 0x8b, name: 'Orwrite(16)' },
  { op: 0x8c, name: 'Read attribute' },
  { op: 0x8d, name: 'Write attribute' },
  { op: 0x8e, name: 'Write and verify(16)' },
  { op: 0x8f, name: 'Verify(16)' },
  { op: 0x90, name: 'Pre-fetch(16)' },
  { op: 0x91, name: 'Synchronize cache(16)', others: [['tape', 'Space(16)']] },
  { op: 0x92, name: 'Lock unlock cache(16)', others: [['tape', 'Locate(16)']] },
  { op: 0x93, name: 'Write same(16)', others: [['tape', 'Erase(16)']] },
  { op: 0x94, name: 'ZBC out' },
  { op: 0x95, name: 'ZBC in' },
  { op: 0x96, name: 'Write buffer(16)' },
  { op: 0x9a, name: 'Write stream(16)' },
  { op: 0x9b, name: 'Read buffer(16)' },
  { op: 0x9c, name: 'Write atomic(16)' },
  { op: 0x9d, name: 'Service action bidirectional' },
  { op: 0x9e, name: 'Service action in(16)' },
  { op: 0x9f, name: 'Service action out(16)' },
  { op: 0xa0, name: 'Report luns' },
  { op: 0xa1, name: 'ATA pass-through(12)', others: [['CD/DVD', 'Blank']] },
  { op: 0xa2, name: 'Security protocol in' },
  { op: 0xa3, name: 'Maintenance in', others: [['CD/DVD', 'Send key']] },
  { op: 0xa4, name: 'Maintenance out', others: [['CD/DVD', 'Report key']] },
  { op: 0xa5, name: 'Move medium', others: [['CD/DVD', 'Play audio(12)']] },
  {
    op: 0xa6,
    others: [
      ['media changer', 'Exchange medium'],
      ['CD/DVD', 'Load/unload medium'],
    ],
  },
  {
    op: 0xa7,
    others: [
      ['optical memory', 'Move medium attached'],
      ['CD/DVD', 'Set read ahead'],
    ],
  },
  { op: 0xa8, name: 'Read(12)' },
  { op: 0xa9, name: 'Service action out(12)' },
  { op: 0xaa, name: 'Write(12)' },
  { op: 0xab, name: 'Service action in(12)' },
  {
    op: 0xac,
    others: [
      ['optical memory', 'erase(12)'],
      ['CD/DVD', 'Get performance'],
    ],
  },
  { op: 0xad, others: [['CD/DVD', 'Read DVD/BD structure']] },
  { op: 0xae, name: 'Write and verify(12)' },
  { op: 0xaf, name: 'Verify(12)' },
  { op: 0xb0, name: 'Search data high(12)' },
  { op: 0xb1, name: 'Search data equal(12)', others: [['media changer', 'Open/close import/export element']] },
  { op: 0xb2, name: 'Search data low(12)' },
  { op: 0xb3, name: 'Set limits(12)' },
  { op: 0xb4, name: 'Read element status attached' },
  { op: 0xb5, name: 'Security protocol out', others: [['media changer', 'Request volume element address']] },
  {
    op: 0xb6,
    others: [
      ['media changer', 'Send volume tag'],
      ['CD/DVD', 'Set streaming'],
    ],
  },
  { op: 0xb7, name: 'Read defect data(12)' },
  { op: 0xb8, name: 'Read element status' },
  { op: 0xb9, others: [['CD/DVD', 'Read CD msf']] },
  { op: 0xba, name: 'Redundancy group in', others: [['CD/DVD', 'Scan']] },
  { op: 0xbb, name: 'Redundancy group out', others: [['CD/DVD', 'Set CD speed']] },
  { op: 0xbc, name: 'Spare in' },
  { op: 0xbd, name: 'Spare out', others: [['CD/DVD', 'Mechanism status']] },
  { op: 0xbe, name: 'Volume set in', others: [['CD/DVD', 'Read CD']] },
  { op: 0xbf, name: 'Volume set out', others: [['CD/DVD', 'Send DVD/BD structure']] },
];

/** Opcodes below C0h with no name in the source: reserved, or obsolete and dropped from the list. */
export const UNASSIGNED_OPCODES: readonly number[] = [
  0x02, 0x06, 0x09, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x21, 0x22, 0x26, 0x27, 0x49, 0x4f, 0x59, 0x60, 0x61, 0x62, 0x63,
  0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76,
  0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x97, 0x98, 0x99,
];

/** [opcode, family members for block devices as [service action, name]]. */
export const SERVICE_ACTION_FAMILIES: ReadonlyArray<readonly [number, ReadonlyArray<readonly [number, string]>]> = [
  [
    0x48,
    [
      [0x01, 'overwrite'],
      [0x02, 'block erase'],
      [0x03, 'cryptographic erase'],
      [0x1f, 'exit failure mode'],
    ],
  ],
  [
    0x5e,
    [
      [0x00, 'read keys'],
      [0x01, 'read reservation'],
      [0x02, 'report capabilities'],
      [0x03, 'read full status'],
    ],
  ],
  [
    0x5f,
    [
      [0x00, 'register'],
      [0x01, 'reserve'],
      [0x02, 'release'],
      [0x03, 'clear'],
      [0x04, 'preempt'],
      [0x05, 'preempt and abort'],
      [0x06, 'register and ignore existing key'],
      [0x07, 'register and move'],
      [0x08, 'replace lost reservation'],
    ],
  ],
  [
    0x7f,
    [
      [0x01, 'Rebuild(32)'],
      [0x02, 'Regenerate(32)'],
      [0x03, 'Xdread(32)'],
      [0x04, 'Xdwrite(32)'],
      [0x05, 'Xdwrite extended(32)'],
      [0x06, 'Xpwrite(32)'],
      [0x07, 'Xdwriteread(32)'],
      [0x08, 'Xdwrite extended(64)'],
      [0x09, 'Read(32)'],
      [0x0a, 'Verify(32)'],
      [0x0b, 'Write(32)'],
      [0x0c, 'Write and verify(32)'],
      [0x0d, 'Write same(32)'],
      [0x0e, 'Orwrite(32)'],
      [0x0f, 'Atomic write(32)'],
      [0x10, 'Write stream(32)'],
      [0x11, 'Write scattered(32)'],
      [0x12, 'Get LBA status(32)'],
      [0x1800, 'Receive credential'],
      [0x1ff0, 'ATA pass-through(32)'],
    ],
  ],
  [
    0x83,
    [
      [0x00, 'Extended copy(LID1)'],
      [0x01, 'Extended copy'],
      [0x10, 'Populate token'],
      [0x11, 'Write using token'],
      [0x1c, 'Copy operation abort'],
    ],
  ],
  [
    0x84,
    [
      [0x00, 'Receive copy status(LID1)'],
      [0x01, 'Receive copy data(LID1)'],
      [0x03, 'Receive copy operating parameters'],
      [0x04, 'Receive copy failure details(LID1)'],
      [0x05, 'Receive copy status'],
      [0x06, 'Receive copy data'],
      [0x07, 'Receive ROD token information'],
      [0x08, 'Report all ROD tokens'],
    ],
  ],
  [
    0x94,
    [
      [0x01, 'Close zone'],
      [0x02, 'Finish zone'],
      [0x03, 'Open zone'],
      [0x04, 'Reset write pointer'],
      [0x0a, 'Reset all write pointers prepare'],
      [0x10, 'Sequentialize zone'],
    ],
  ],
  [
    0x95,
    [
      [0x00, 'Report zones'],
      [0x06, 'Report realms'],
      [0x07, 'Report zone domains'],
      [0x08, 'Zone activate'],
      [0x09, 'Zone query'],
    ],
  ],
  [
    0x9e,
    [
      [0x0f, 'Receive binding report'],
      [0x10, 'Read capacity(16)'],
      [0x11, 'Read long(16)'],
      [0x12, 'Get LBA status(16)'],
      [0x13, 'Report referrals'],
      [0x14, 'Stream control'],
      [0x15, 'Background control'],
      [0x16, 'Get stream status'],
      [0x17, 'Get physical element status'],
      [0x18, 'Remove element and truncate'],
      [0x19, 'Restore elements and rebuild'],
      [0x1a, 'Remove element and modify zones'],
    ],
  ],
  [
    0x9f,
    [
      [0x0b, 'Test bind'],
      [0x0c, 'Prepare bind report'],
      [0x0d, 'Set affiliation'],
      [0x0e, 'Bind'],
      [0x0f, 'Unbind'],
      [0x11, 'Write long(16)'],
      [0x12, 'Write scattered(16)'],
      [0x13, 'Coalescing copy'],
      [0x14, 'Reset write pointer'],
    ],
  ],
  [
    0xa3,
    [
      [0x05, 'Report identifying information'],
      [0x0a, 'Report target port groups'],
      [0x0b, 'Report aliases'],
      [0x0c, 'Report supported operation codes'],
      [0x0d, 'Report supported task management functions'],
      [0x0e, 'Report priority'],
      [0x0f, 'Report timestamp'],
      [0x10, 'Management protocol in'],
      [0x1d, 'Report provisioning initialization pattern'],
      [0x1f, 'Maintenance in vendor specific'],
    ],
  ],
  [
    0xa4,
    [
      [0x06, 'Set identifying information'],
      [0x0a, 'Set target port groups'],
      [0x0b, 'Change aliases'],
      [0x0c, 'Remove I_T nexus'],
      [0x0e, 'Set priority'],
      [0x0f, 'Set timestamp'],
      [0x10, 'Management protocol out'],
      [0x1f, 'Maintenance out vendor specific'],
    ],
  ],
  [0xa9, [[0xff, 'Impossible command name']]],
  [0xab, [[0x01, 'Read media serial number']]],
];
