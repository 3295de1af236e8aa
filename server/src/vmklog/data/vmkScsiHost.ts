/**
 * The VMkernel's SCSI host status (`H:0x..`), plugin status (`P:0x..`), NMP's next action
 * (`Act:...`) and notes on sense codes that mean something particular on ESXi.
 *
 * Sources:
 *   - Host and plugin statuses: `vmk_ScsiHostStatus` and `vmk_ScsiPluginStatus` in
 *     vmkapi_scsi_ext.h, VMware's vmkdrivers-gpl source release as imported in
 *     github.com/ryoon/vmkdrivers-gpl: ESXi 5.0 U2 (commit ba19195,
 *     BLD/build/HEADERS/vmkapi-current-all-public/vmkernel64/release/scsi/vmkapi_scsi_ext.h) has
 *     host statuses 0x00-0x0c; ESXi 6.0 (3bc34e4) to 6.7 U3 (cf5c53c,
 *     BLD/build/HEADERS/vmkapi-v2_3_0_0-all-public/generic/release/scsi/vmkapi_scsi_ext.h) add
 *     0x0d-0x0f (T10 PI errors), ending at VMK_SCSI_HOST_MAX_ERRORS = 0x10. The plugin enum has
 *     no explicit values: 0-8 in its order, the same in every one of those releases.
 *     0x04, 0x09 and 0x0a have no name in the header: vmklinux (vmklinux_92/vmware/linux_scsi.c
 *     in the same 6.7 U3 import) turns Linux's DID_BAD_TARGET (0x04) into NO_CONNECT,
 *     DID_BAD_INTR (0x09) into an immediate retry and DID_PASSTHROUGH (0x0a) into ERROR before a
 *     command goes back to the VMkernel.
 *   - NMP actions: VMware's multipathing plugin sample mp-plugin-example.c (Copyright 2004-2012
 *     VMware; its ExamplePathFailureAction: no action, failover, path evaluation, and which host
 *     statuses lead to which); what NMP prints is `Act:NONE`, `Act:EVAL`, `Act:FAILOVER`.
 *   - Admin notes: VMware KB 1029039 (SCSI host-side NMP errors/conditions), KB 2004086 (SCSI
 *     plug-in NMP errors/conditions), KB 2004684 (PDL and APD in vSphere 5.x), the vSphere
 *     Storage guide ("Detecting PDL Conditions", "Handling Transient APD Conditions") and the
 *     vmkapi header's own notes; each entry names the one it rests on.
 * Every description and note is written in our own words.
 */

export interface CodeInfo {
  readonly code: number;
  /** The name after the enum prefix (`ABORT` for VMK_SCSI_HOST_ABORT); empty where unassigned. */
  readonly name: string;
  readonly description: string;
  /** What it usually means for an administrator. */
  readonly note?: string;
  readonly source: string;
  /** The first release whose header we have that lists it. */
  readonly since?: string;
}

export const HOST_STATUS_PREFIX = 'VMK_SCSI_HOST_';
export const PLUGIN_STATUS_PREFIX = 'VMK_SCSI_PLUGIN_';

/** Every host status value 0x00 to VMK_SCSI_HOST_MAX_ERRORS - 1, assigned or not. */
export const HOST_STATUS_END = 0x10;

const HDR = 'vmkapi_scsi_ext.h';
const UNNAMED =
  'no VMkernel name; vmklinux maps the Linux code with this number to another status, so a driver should not return it';

export const HOST_STATUS: readonly CodeInfo[] = [
  {
    code: 0x00,
    name: 'OK',
    description: 'the HBA and its driver saw no fault',
    source: `${HDR}; KB 1029039`,
    since: 'ESXi 5.0',
  },
  {
    code: 0x01,
    name: 'NO_CONNECT',
    description: 'the HBA could not reach the target on this path',
    note: 'The path lost its connection to the LUN (link down, target gone, LUN unpresented); ESXi tries another path. When every path to the device answers this, the device is in APD (all paths down).',
    source: `${HDR}; KB 1029039; vSphere Storage, Handling Transient APD Conditions`,
    since: 'ESXi 5.0',
  },
  {
    code: 0x02,
    name: 'BUS_BUSY',
    description: 'the HBA could not issue the command',
    note: 'Often dropped frames in the fabric or a connection lost for a moment; ESXi retries it.',
    source: `${HDR}; KB 1029039`,
    since: 'ESXi 5.0',
  },
  {
    code: 0x03,
    name: 'TIMEOUT',
    description: 'the command timed out in the driver or was aborted there',
    note: 'ESXi does not retry it; look for latency or path trouble around the same time.',
    source: `${HDR}; KB 1029039`,
    since: 'ESXi 5.0',
  },
  { code: 0x04, name: '', description: UNNAMED, source: `${HDR}; vmklinux linux_scsi.c (DID_BAD_TARGET)` },
  {
    code: 0x05,
    name: 'ABORT',
    description: 'the driver aborted the command',
    note: 'Usually a command that took too long: the array did not answer in time (or a frame was lost) and ESXi aborted it. Many of them point at a slow or overloaded array or SAN.',
    source: `${HDR}; KB 1029039`,
    since: 'ESXi 5.0',
  },
  {
    code: 0x06,
    name: 'PARITY',
    description: 'a parity error was detected on the bus',
    note: 'Mostly seen on parallel SCSI; ESXi does not retry it.',
    source: HDR,
    since: 'ESXi 5.0',
  },
  {
    code: 0x07,
    name: 'ERROR',
    description: 'a generic driver error, such as a data overrun or underrun',
    note: 'Retried a few times, then failed up to the guest.',
    source: `${HDR}; KB 1029039`,
    since: 'ESXi 5.0',
  },
  {
    code: 0x08,
    name: 'RESET',
    description: 'the command was cleared from the HBA by a bus, target or LUN reset',
    note: 'Something reset the bus, target or LUN (often ESXi itself, recovering from timeouts); not retried by ESXi. Look for the reason for the reset just before.',
    source: `${HDR}; KB 1029039`,
    since: 'ESXi 5.0',
  },
  { code: 0x09, name: '', description: UNNAMED, source: `${HDR}; vmklinux linux_scsi.c (DID_BAD_INTR)` },
  { code: 0x0a, name: '', description: UNNAMED, source: `${HDR}; vmklinux linux_scsi.c (DID_PASSTHROUGH)` },
  {
    code: 0x0b,
    name: 'SOFT_ERROR',
    description: 'a temporary driver condition (legacy; drivers should use RETRY)',
    source: HDR,
    since: 'ESXi 5.0',
  },
  {
    code: 0x0c,
    name: 'RETRY',
    description: 'the driver asks for the command to be queued again or retried',
    note: 'A transient inside the driver; usually harmless unless it repeats.',
    source: HDR,
    since: 'ESXi 5.0',
  },
  {
    code: 0x0d,
    name: 'PI_GUARD_ERROR',
    description: 'the T10 protection information guard tag (CRC) check failed',
    note: 'Data integrity error between host and array; a real fault to report to the storage vendor.',
    source: HDR,
    since: 'ESXi 6.0',
  },
  {
    code: 0x0e,
    name: 'PI_REF_ERROR',
    description: 'the T10 protection information reference tag (block address) check failed',
    note: 'Data integrity error between host and array; a real fault to report to the storage vendor.',
    source: HDR,
    since: 'ESXi 6.0',
  },
  {
    code: 0x0f,
    name: 'PI_GENERIC_ERROR',
    description: 'another T10 protection information error',
    source: HDR,
    since: 'ESXi 6.0',
  },
];

export const PLUGIN_STATUS: readonly CodeInfo[] = [
  { code: 0, name: 'GOOD', description: 'the path plugin saw no fault', source: `${HDR}; KB 2004086` },
  {
    code: 1,
    name: 'TRANSIENT',
    description: 'an unspecified error the plugin expects to pass; the command should be retried',
    note: 'A transient in the multipathing layer, often while paths change state.',
    source: `${HDR}; KB 2004086`,
  },
  {
    code: 2,
    name: 'SNAPSHOT',
    description: 'the device is a deactivated snapshot and is read-only',
    source: `${HDR}; KB 2004086`,
  },
  {
    code: 3,
    name: 'RESERVATION_LOST',
    description: 'a SCSI-2 reservation held through this path was lost',
    note: 'The plugin could not keep the reservation (e.g. across a failover); VMFS or the cluster software has to take it again.',
    source: `${HDR}; KB 2004086`,
  },
  {
    code: 4,
    name: 'REQUEUE',
    description: 'the plugin wants the command queued again; it will be retried',
    source: `${HDR}; KB 2004086`,
  },
  {
    code: 5,
    name: 'ATS_MISCOMPARE',
    description: 'an ATS (atomic test and set) compared unequal: the on-disk data was not what the host expected',
    note: 'Another host changed the VMFS lock first; VMFS retries. Frequent ones under load are worth raising with VMware or the array vendor.',
    source: HDR,
  },
  {
    code: 6,
    name: 'THINPROV_BUSY_GROWING',
    description: 'the array is still allocating space for a thin-provisioned LUN',
    source: HDR,
  },
  {
    code: 7,
    name: 'THINPROV_ATQUOTA',
    description: 'a thin-provisioned LUN passed its soft space limit',
    note: 'Warning from the array: the pool behind the LUN is running out of space.',
    source: HDR,
  },
  {
    code: 8,
    name: 'THINPROV_NOSPACE',
    description: 'the pool behind a thin-provisioned LUN is out of space',
    note: 'Writes that need new space fail until space is added to the pool.',
    source: HDR,
  },
];

export interface NmpAction {
  readonly name: string;
  readonly description: string;
  readonly source: string;
}

export const NMP_ACTIONS: readonly NmpAction[] = [
  {
    name: 'NONE',
    description: 'NMP takes no path action; the error goes back to the caller (which may retry)',
    source: 'mp-plugin-example.c (no action)',
  },
  {
    name: 'EVAL',
    description:
      'NMP suspects the path and asks for the paths of the device to be probed again soon (a path evaluation); no failover yet',
    source: 'mp-plugin-example.c (path evaluation on BUS_BUSY, TIMEOUT, ABORT, ERROR, RESET)',
  },
  {
    name: 'FAILOVER',
    description: 'NMP marks the path dead and sends the command again down another path',
    source: 'mp-plugin-example.c (failover on NO_CONNECT)',
  },
  {
    name: 'RETRY',
    description: 'NMP sends the command again (the name says so; no public VMware text describes it further)',
    source: 'the action name only',
  },
];

/** What a sense triple (or a whole ASC) usually means on ESXi. `ascq` undefined: any qualifier. */
export interface SenseNote {
  readonly key?: number;
  readonly asc: number;
  readonly ascq?: number;
  readonly note: string;
  /** Permanent device loss: ESXi takes the device as gone when all its paths answer this. */
  readonly pdl?: boolean;
  readonly source: string;
}

export const SENSE_NOTES: readonly SenseNote[] = [
  {
    key: 0x5,
    asc: 0x25,
    ascq: 0x00,
    pdl: true,
    note: 'The array says the LUN is no longer there (unpresented or deleted). Received on every path, ESXi declares PDL (permanent device loss) and stops sending I/O.',
    source: 'KB 2004684; vSphere Storage, Detecting PDL Conditions',
  },
  {
    key: 0x2,
    asc: 0x04,
    ascq: 0x03,
    note: 'The LUN needs someone to act on the array (e.g. it was taken offline there) before it can be used again; it will not recover by waiting.',
    source: 'T10 SPC (NOT READY, manual intervention required); KB 1030381',
  },
  {
    key: 0x2,
    asc: 0x04,
    ascq: 0x0a,
    note: 'An ALUA state change on the array, e.g. during a controller failover; usually a transient.',
    source: 'T10 SPC (asymmetric access state transition)',
  },
  {
    key: 0x2,
    asc: 0x04,
    ascq: 0x0b,
    note: 'The target port is in standby: an ALUA path that ESXi should not use for I/O now.',
    source: 'T10 SPC (target port in standby state)',
  },
  {
    key: 0x6,
    asc: 0x29,
    note: 'A unit attention after a power-on, reset or bus reset: the target reports it once to each initiator, then carries on. A transient you can usually ignore unless resets repeat.',
    source: 'T10 SPC (POWER ON, RESET, OR BUS DEVICE RESET OCCURRED)',
  },
  {
    key: 0x6,
    asc: 0x2a,
    ascq: 0x09,
    note: 'The LUN was resized on the array; rescan the adapter and grow the datastore if intended.',
    source: 'T10 SBC (CAPACITY DATA HAS CHANGED)',
  },
  {
    key: 0x6,
    asc: 0x3f,
    ascq: 0x0e,
    note: 'The array changed the LUNs it presents to this host; a rescan picks up the change.',
    source: 'T10 SPC (REPORTED LUNS DATA HAS CHANGED); mp-plugin-example.c (path evaluation)',
  },
  {
    key: 0x5,
    asc: 0x20,
    ascq: 0x00,
    note: 'The device does not support this command. ESXi probes optional commands (VAAI, UNMAP, inquiry pages) this way: usually harmless.',
    source: 'T10 SPC (INVALID COMMAND OPERATION CODE); mp-plugin-example.c (probe errors not logged)',
  },
  {
    key: 0x5,
    asc: 0x24,
    ascq: 0x00,
    note: 'The device rejected a field of the command; often ESXi probing an optional feature, usually harmless.',
    source: 'T10 SPC (INVALID FIELD IN CDB); mp-plugin-example.c (probe errors not logged)',
  },
  {
    key: 0xe,
    asc: 0x1d,
    ascq: 0x00,
    note: 'With an ATS (COMPARE AND WRITE, 0x89) this is the array saying the VMFS lock changed: another host won; VMFS retries.',
    source: 'T10 SBC (MISCOMPARE DURING VERIFY OPERATION)',
  },
  {
    key: 0x4,
    asc: 0x44,
    ascq: 0x00,
    note: 'The array reports an internal fault: a real hardware or firmware problem for the storage vendor.',
    source: 'T10 SPC (INTERNAL TARGET FAILURE)',
  },
  {
    key: 0x3,
    asc: 0x11,
    note: 'A read failed on the medium: a real fault on the disk or array.',
    source: 'T10 SBC (UNRECOVERED READ ERROR)',
  },
  {
    key: 0x7,
    asc: 0x27,
    ascq: 0x07,
    note: 'The thin pool behind the LUN is out of space; writes fail until space is added.',
    source: 'T10 SBC (SPACE ALLOCATION FAILED WRITE PROTECT)',
  },
  {
    key: 0x6,
    asc: 0x38,
    ascq: 0x07,
    note: 'The thin pool behind the LUN crossed its soft threshold: add space before it fills.',
    source: 'T10 SBC (THIN PROVISIONING SOFT THRESHOLD REACHED)',
  },
];
