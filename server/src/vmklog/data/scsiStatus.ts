/**
 * SCSI sense keys and SAM status codes (the `D:0x..` of a VMkernel log line).
 *
 * Sources:
 *   - Codes and standard names: sg3_utils (github.com/doug-gilbert/sg3_utils) lib/sg_lib_data.c,
 *     library version "3.19 20260717" (commit fb3d289c1164), `sg_lib_sense_key_desc` (the 16
 *     sense keys of SPC) and `sg_lib_sstatus_str_arr` (the SAM status codes; T10's list is
 *     www.t10.org/lists/2status.htm). Names are given in T10's capitals.
 *   - The VMkernel's names for the status codes: `vmk_ScsiDeviceStatus` in vmkapi_scsi_ext.h
 *     (VMware's vmkdrivers-gpl source release, as imported in github.com/ryoon/vmkdrivers-gpl,
 *     ESXi 5.0 U2 to 6.7 U3; the same eleven values in each).
 *   - `note`: what the code usually means for an ESXi administrator, in our own words, with the
 *     public source it rests on in `source` (VMware KB articles by number: KB 1030381 "SCSI
 *     device/target NMP errors/conditions", KB 1029039 "SCSI host-side NMP errors/conditions").
 * Descriptions are ours.
 */

export interface SenseKey {
  readonly code: number;
  readonly name: string;
  /** How a sentence about a failure with this key starts. */
  readonly phrase: string;
  readonly description: string;
}

export const SENSE_KEYS: readonly SenseKey[] = [
  {
    code: 0x0,
    name: 'NO SENSE',
    phrase: 'The device reported no specific error',
    description: 'nothing to report for the command itself (a flag or progress report may follow)',
  },
  {
    code: 0x1,
    name: 'RECOVERED ERROR',
    phrase: 'The device recovered from an error',
    description: 'the command worked, but the device had to recover from an error to do it',
  },
  {
    code: 0x2,
    name: 'NOT READY',
    phrase: 'The device is not ready',
    description: 'the logical unit cannot be accessed now',
  },
  {
    code: 0x3,
    name: 'MEDIUM ERROR',
    phrase: 'The device hit a medium error',
    description: 'a flaw in the medium or in the recorded data stopped the command',
  },
  {
    code: 0x4,
    name: 'HARDWARE ERROR',
    phrase: 'The device reports a hardware error',
    description: 'the device or controller hit a hardware fault it could not recover from',
  },
  {
    code: 0x5,
    name: 'ILLEGAL REQUEST',
    phrase: 'The device refused the request',
    description: 'the command, a field in it or its parameters are not valid for this device',
  },
  {
    code: 0x6,
    name: 'UNIT ATTENTION',
    phrase: 'The device reports a unit attention (a change it tells each host about once)',
    description:
      'something changed on the device (reset, new capacity, new LUN map) and the initiator is being told once',
  },
  {
    code: 0x7,
    name: 'DATA PROTECT',
    phrase: 'The device refused access to protected data',
    description: 'the blocks are protected against this operation (write-protected or access refused)',
  },
  {
    code: 0x8,
    name: 'BLANK CHECK',
    phrase: 'The device met blank or unexpected medium',
    description: 'the device met blank medium (or written medium) where it did not expect it',
  },
  {
    code: 0x9,
    name: 'VENDOR SPECIFIC',
    phrase: 'The device reports a vendor-specific condition',
    description: 'a condition the vendor defines',
  },
  {
    code: 0xa,
    name: 'COPY ABORTED',
    phrase: 'A copy command was aborted',
    description: 'a copy or compare command was aborted because of an error at the source or destination',
  },
  {
    code: 0xb,
    name: 'ABORTED COMMAND',
    phrase: 'The device aborted the command',
    description: 'the device server aborted the command; the initiator may be able to retry it',
  },
  {
    code: 0xc,
    name: 'EQUAL',
    phrase: 'A search found equal data',
    description: 'a search found equal data (obsolete)',
  },
  {
    code: 0xd,
    name: 'VOLUME OVERFLOW',
    phrase: 'The medium is full',
    description: 'the medium is full and data remains to be written',
  },
  {
    code: 0xe,
    name: 'MISCOMPARE',
    phrase: 'The data did not match',
    description: 'the data given does not match the data on the medium',
  },
  {
    code: 0xf,
    name: 'COMPLETED',
    phrase: 'The command completed with information to report',
    description: 'the command completed; the sense data carries information about it',
  },
];

export interface DeviceStatus {
  readonly code: number;
  /** The T10 name, in capitals. */
  readonly name: string;
  /** The VMkernel's enumerator. */
  readonly vmk: string;
  readonly description: string;
  readonly note?: string;
  readonly source?: string;
}

export const SAM_STATUS: readonly DeviceStatus[] = [
  {
    code: 0x00,
    name: 'GOOD',
    vmk: 'VMK_SCSI_DEVICE_GOOD',
    description: 'the target reports no fault',
    note: 'The failure came from the HBA side or the path plugin, not from the array.',
    source: 'KB 1030381',
  },
  {
    code: 0x02,
    name: 'CHECK CONDITION',
    vmk: 'VMK_SCSI_DEVICE_CHECK_CONDITION',
    description: 'the target failed the command and holds sense data saying why',
    note: 'Read the sense key and ASC/ASCQ on the same line: they carry the reason.',
    source: 'KB 1030381',
  },
  {
    code: 0x04,
    name: 'CONDITION MET',
    vmk: 'VMK_SCSI_DEVICE_CONDITION_MET',
    description: 'a conditional command (such as PRE-FETCH) met its condition',
  },
  {
    code: 0x08,
    name: 'BUSY',
    vmk: 'VMK_SCSI_DEVICE_BUSY',
    description: 'the logical unit cannot take the command now',
    note: 'The LUN cannot accept commands at the moment; a few are a transient, many point at an overloaded LUN or array.',
    source: 'KB 1030381',
  },
  {
    code: 0x10,
    name: 'INTERMEDIATE',
    vmk: 'VMK_SCSI_DEVICE_INTERMEDIATE',
    description: 'a linked command completed (obsolete)',
  },
  {
    code: 0x14,
    name: 'INTERMEDIATE-CONDITION MET',
    vmk: 'VMK_SCSI_DEVICE_INTERMEDIATE_CONDITION_MET',
    description: 'a linked conditional command met its condition (obsolete)',
  },
  {
    code: 0x18,
    name: 'RESERVATION CONFLICT',
    vmk: 'VMK_SCSI_DEVICE_RESERVATION_CONFLICT',
    description: 'another initiator holds a reservation on the logical unit',
    note: 'Another initiator (another host) holds a SCSI reservation on the LUN, so this host is refused until it is released.',
    source: 'KB 1030381',
  },
  {
    code: 0x22,
    name: 'COMMAND TERMINATED',
    vmk: 'VMK_SCSI_DEVICE_COMMAND_TERMINATED',
    description: 'the command was ended by a task management request (obsolete)',
  },
  {
    code: 0x28,
    name: 'TASK SET FULL',
    vmk: 'VMK_SCSI_DEVICE_QUEUE_FULL',
    description: "the logical unit's command queue is full",
    note: 'Queue full: the array has no room for more commands and throttles this host; look at queue depths and the load on the array.',
    source: 'KB 1030381',
  },
  {
    code: 0x30,
    name: 'ACA ACTIVE',
    vmk: 'VMK_SCSI_DEVICE_ACA_ACTIVE',
    description: 'an auto contingent allegiance condition is in effect for the logical unit',
  },
  {
    code: 0x40,
    name: 'TASK ABORTED',
    vmk: 'VMK_SCSI_DEVICE_TASK_ABORTED',
    description: 'the command was aborted by another initiator or by the device server',
  },
];
