/**
 * Allowed values of the enumerated .vmx keys, each with a short description in our own words.
 * Sources (facts only): libvirt src/vmx/vmx.c (serial/parallel fileType, network URIs, NIC
 * models, addressType, connectionType, SCSI models, disk deviceType and mode values, 2024),
 * VMware's vSphere API reference (VirtualDiskMode, VirtualSerialPortURIBackingInfo, SharesLevel,
 * LatencySensitivity) and values seen in the .vmx test files of libvirt (tests/vmx2xmldata)
 * and libguestfs/virt-v2v (tests/test-i-vmx-*.vmx).
 */

import { dict } from '../../common/text';
export interface EnumValue {
  readonly value: string;
  readonly doc: string;
  /** First virtual hardware version that has it. */
  readonly since?: number;
}

export type EnumTable = Readonly<Record<string, readonly EnumValue[]>>;

export const ENUMS: EnumTable = {
  serialFileType: [
    {
      value: 'device',
      doc: 'Connects the virtual port to a physical serial port of the host (fileName is e.g. `/dev/ttyS0` or `COM1`). The default when fileType is absent.',
    },
    {
      value: 'file',
      doc: 'Writes everything the guest sends to a file on the datastore (fileName); nothing is ever read back.',
    },
    {
      value: 'pipe',
      doc: 'Connects the port to a named pipe (fileName), to link two VMs or a VM and an application on the same host; needs pipe.endPoint.',
    },
    {
      value: 'network',
      doc: 'Connects the port over the network (vSphere 4.1 and later): fileName is a URI such as `telnet://:23001` or `tcp://host:port`, or a vSPC with `vspc`; needs network.endPoint.',
    },
    { value: 'thinprint', doc: 'The ThinPrint virtual printer port (hosted products).' },
  ],
  parallelFileType: [
    {
      value: 'device',
      doc: 'Connects the virtual parallel port to a physical port of the host (fileName is e.g. `/dev/parport0`).',
    },
    { value: 'file', doc: 'Writes the port output to a file (fileName).' },
  ],
  floppyFileType: [
    { value: 'device', doc: 'Uses the host floppy drive named by fileName (e.g. `/dev/fd0`).' },
    { value: 'file', doc: 'Uses a floppy image file (.flp) named by fileName.' },
  ],
  endPoint: [
    {
      value: 'server',
      doc: 'This VM creates (listens on) the pipe or socket and waits for the other side. For a network port this is the default.',
    },
    { value: 'client', doc: 'This VM connects to a pipe or socket the other side created.' },
  ],
  pipeFarEnd: [
    { value: 'process', doc: 'The other end of the pipe is an application (e.g. a debugger).' },
    { value: 'vm', doc: 'The other end of the pipe is another virtual machine.' },
  ],
  nicVirtualDev: [
    { value: 'vlance', doc: 'Emulated AMD PCnet32 (Lance) 10 Mbit/s NIC: works with old guests without VMware Tools.' },
    {
      value: 'vmxnet',
      doc: 'First-generation VMware paravirtual NIC; needs the vmxnet driver from VMware Tools (with `features = "15"` it is Enhanced vmxnet / vmxnet2).',
    },
    {
      value: 'vmxnet2',
      doc: 'Enhanced vmxnet (vmxnet2): paravirtual NIC with jumbo frames and TSO; needs VMware Tools.',
    },
    {
      value: 'vmxnet3',
      doc: 'Third-generation VMware paravirtual NIC (virtual hardware 7 and later): the fastest choice for guests with the vmxnet3 driver (built into Linux, in VMware Tools for Windows).',
      since: 7,
    },
    { value: 'e1000', doc: 'Emulated Intel 82545EM Gigabit NIC: drivers ship with most guests.' },
    {
      value: 'e1000e',
      doc: 'Emulated Intel 82574 Gigabit PCIe NIC (virtual hardware 8 and later): the default for recent Windows guests.',
      since: 8,
    },
    { value: 'vrdma', doc: 'Paravirtual RDMA (PVRDMA) adapter (virtual hardware 13 and later).', since: 13 },
  ],
  connectionType: [
    {
      value: 'bridged',
      doc: 'Attaches the NIC to the network named by networkName (on ESX a port group). The default.',
    },
    { value: 'hostonly', doc: 'Attaches the NIC to the host-only network (hosted products).' },
    { value: 'nat', doc: 'Puts the NIC behind the host NAT (hosted products).' },
    { value: 'custom', doc: 'Attaches the NIC to the virtual switch named by `vnet` (hosted products).' },
    { value: 'pvn', doc: 'Attaches the NIC to a LAN segment (private virtual network, hosted products).' },
  ],
  addressType: [
    {
      value: 'generated',
      doc: 'The host generates the MAC (stored in generatedAddress, prefix 00:0c:29). The default.',
    },
    {
      value: 'static',
      doc: 'The administrator sets the MAC in `address`; VMware accepts 00:50:56:00:00:00 to 00:50:56:3f:ff:ff unless checkMACAddress is false.',
    },
    {
      value: 'vpx',
      doc: 'vCenter assigns the MAC (stored in generatedAddress, usually 00:50:56:80:00:00 to 00:50:56:bf:ff:ff).',
    },
  ],
  scsiVirtualDev: [
    { value: 'buslogic', doc: 'Emulated BusLogic parallel SCSI adapter, for old 32-bit guests.' },
    { value: 'lsilogic', doc: 'Emulated LSI Logic parallel SCSI adapter: widely supported default for older guests.' },
    {
      value: 'lsisas1068',
      doc: 'Emulated LSI Logic SAS adapter (virtual hardware 7 and later): the usual choice for Windows Server 2008 and later.',
      since: 7,
    },
    {
      value: 'pvscsi',
      doc: 'VMware Paravirtual SCSI (PVSCSI, virtual hardware 7 and later): highest throughput, lowest CPU; up to 64 targets per adapter on recent hardware versions.',
      since: 7,
    },
  ],
  pciBridgeVirtualDev: [
    { value: 'pciRootBridge', doc: 'A PCI root bridge.' },
    { value: 'pcieRootPort', doc: 'A PCI Express root port; devices are placed behind it by pciSlotNumber.' },
  ],
  diskDeviceType: [
    { value: 'scsi-hardDisk', doc: 'A virtual disk (.vmdk) on a SCSI adapter.' },
    { value: 'ata-hardDisk', doc: 'A virtual disk (.vmdk) on an IDE or SATA adapter.' },
    { value: 'disk', doc: 'A virtual disk (.vmdk); generic form accepted on any adapter.' },
    { value: 'plainDisk', doc: 'A disk stored as a flat image described by a .pln file (legacy).' },
    { value: 'rawDisk', doc: 'A raw host disk or partition (hosted products).' },
    { value: 'cdrom-image', doc: 'A CD/DVD drive backed by an ISO image (fileName), or empty (`emptyBackingString`).' },
    {
      value: 'cdrom-raw',
      doc: 'A CD/DVD drive passed through from the host (raw access); fileName is the host device or `auto detect`.',
    },
    {
      value: 'atapi-cdrom',
      doc: 'A CD/DVD drive that emulates an ATAPI drive on top of a host drive; fileName is the host device or `auto detect`.',
    },
    {
      value: 'scsi-passthru',
      doc: 'A host SCSI device (tape, changer, CD under /vmfs/devices/cdrom/) passed through to the guest.',
    },
    { value: 'floppy-image', doc: 'A floppy backed by an image file.' },
  ],
  diskMode: [
    { value: 'persistent', doc: 'Writes go to the disk at once and snapshots include the disk. The default.' },
    { value: 'nonpersistent', doc: 'Changes are discarded at power-off (legacy mode).' },
    { value: 'undoable', doc: 'At power-off you choose to keep or discard the changes (legacy mode).' },
    { value: 'independent-persistent', doc: 'Writes go to the disk at once and the disk is left out of snapshots.' },
    {
      value: 'independent-nonpersistent',
      doc: 'The disk is left out of snapshots and every change is discarded at power-off or revert.',
    },
    { value: 'append', doc: 'Changes are kept in a redo log until you commit them (legacy ESX 2 mode).' },
  ],
  sharedBus: [
    { value: 'none', doc: 'Disks on this adapter are not shared with other VMs. The default.' },
    { value: 'virtual', doc: 'Disks can be shared by VMs on the same host (cluster in a box).' },
    { value: 'physical', doc: 'Disks can be shared by VMs on different hosts (cluster across boxes, with RDMs).' },
  ],
  firmware: [
    { value: 'bios', doc: 'Legacy PC BIOS boot. The default on older virtual hardware.' },
    {
      value: 'efi',
      doc: 'UEFI firmware: needed for Secure Boot and disks larger than 2 TB for booting; set uefi.secureBoot.enabled to enable Secure Boot.',
    },
  ],
  shares: [
    { value: 'low', doc: 'Half the share count of normal.' },
    { value: 'normal', doc: 'The default share count (e.g. 1000 CPU shares per vCPU, 10 memory shares per MB).' },
    { value: 'high', doc: 'Twice the share count of normal.' },
  ],
  throughputCap: [{ value: 'off', doc: 'No I/O limit (the default); a number sets the limit in IOPS.' }],
  cpuUnits: [
    { value: 'mhz', doc: 'sched.cpu.min and sched.cpu.max are in MHz.' },
    { value: 'percent', doc: 'sched.cpu.min and sched.cpu.max are in percent of one physical CPU.' },
  ],
  latencySensitivity: [
    { value: 'low', doc: 'Lower than normal priority for latency.' },
    { value: 'normal', doc: 'Default scheduling.' },
    { value: 'medium', doc: 'Somewhat reduced latency.' },
    {
      value: 'high',
      doc: 'The scheduler gives the VM exclusive physical CPUs to cut latency; needs a full CPU and memory reservation.',
    },
  ],
  powerType: [
    { value: 'default', doc: "Use the host's default for this power operation." },
    { value: 'soft', doc: 'Ask the guest through VMware Tools (clean shutdown, guest restart, standby).' },
    { value: 'hard', doc: 'Act on the virtual hardware at once (power off, reset) without asking the guest.' },
    { value: 'trySoft', doc: 'Try the soft way through VMware Tools and fall back to the hard way.' },
  ],
  toolsUpgradePolicy: [
    { value: 'manual', doc: 'VMware Tools are upgraded only when someone asks.' },
    { value: 'upgradeAtPowerCycle', doc: 'VMware Tools are checked and upgraded each time the VM powers on.' },
    { value: 'useGlobal', doc: "Follow the host's policy (hosted products)." },
  ],
  uuidAction: [
    { value: 'create', doc: 'When the VM was moved, give it a new uuid.bios without asking.' },
    { value: 'keep', doc: 'When the VM was moved, keep uuid.bios without asking.' },
  ],
  snapshotAction: [
    { value: 'keep', doc: 'Keep the current state at power-off.' },
    { value: 'autoRevert', doc: 'Revert to the snapshot at power-off.' },
    { value: 'autoCommit', doc: 'Commit changes into the snapshot at power-off.' },
    { value: 'prompt', doc: 'Ask at power-off.' },
  ],
  encryptionMode: [
    { value: 'disabled', doc: 'Never encrypt vMotion traffic of this VM.' },
    { value: 'opportunistic', doc: 'Encrypt vMotion traffic when both hosts support it (the default).' },
    { value: 'required', doc: 'Allow only encrypted vMotion; migration fails otherwise.' },
  ],
  ftEncryptionMode: [
    { value: 'ftEncryptionDisabled', doc: 'Never encrypt Fault Tolerance logging traffic.' },
    { value: 'ftEncryptionOpportunistic', doc: 'Encrypt Fault Tolerance logging traffic when both hosts support it.' },
    { value: 'ftEncryptionRequired', doc: 'Require encrypted Fault Tolerance logging traffic.' },
  ],
  usbDeviceType: [
    { value: 'hid', doc: 'A virtual human-interface device (keyboard or mouse).' },
    { value: 'hub', doc: 'A virtual USB hub.' },
    { value: 'video', doc: 'A virtual webcam.' },
  ],
  motherboardLayout: [
    { value: 'acpi', doc: 'PCI slots are described to the guest through ACPI (virtual hardware 20 and later).' },
    { value: 'i440bx', doc: 'The classic Intel 440BX chipset layout.' },
  ],
  viewModeAtPowerOn: [
    { value: 'windowed', doc: 'Open the console in a window.' },
    { value: 'fullscreen', doc: 'Open the console full screen.' },
    { value: 'unity', doc: 'Open the console in Unity mode.' },
  ],
  cpuAffinityAll: [{ value: 'all', doc: 'The VM may run on every physical CPU (no affinity).' }],
  memUnlimited: [{ value: 'unlimited', doc: 'No limit.' }],
  vncKeymap: [
    { value: 'us', doc: 'US English keyboard.' },
    { value: 'de', doc: 'German keyboard.' },
    { value: 'fr', doc: 'French keyboard.' },
    { value: 'uk', doc: 'UK English keyboard.' },
    { value: 'jp', doc: 'Japanese keyboard.' },
  ],
  encoding: [
    { value: 'UTF-8', doc: 'Unicode, UTF-8 (what VMware writes today).' },
    { value: 'windows-1252', doc: 'Western European (Windows code page 1252), written by older Windows hosts.' },
    { value: 'windows-1251', doc: 'Cyrillic (Windows code page 1251).' },
    { value: 'ISO-8859-1', doc: 'Western European (Latin-1).' },
    { value: 'ISO-8859-15', doc: 'Western European with euro sign (Latin-9).' },
    { value: 'GBK', doc: 'Simplified Chinese (GBK).' },
    { value: 'GB2312', doc: 'Simplified Chinese (GB 2312).' },
    { value: 'Big5', doc: 'Traditional Chinese (Big5).' },
    { value: 'Shift_JIS', doc: 'Japanese (Shift JIS).' },
    { value: 'EUC-JP', doc: 'Japanese (EUC-JP).' },
    { value: 'EUC-KR', doc: 'Korean (EUC-KR).' },
    {
      value: 'windows-949-2000',
      doc: 'Korean (Windows code page 949, a superset of EUC-KR), written by Korean Windows hosts.',
    },
    {
      value: 'windows-936-2000',
      doc: 'Simplified Chinese (Windows code page 936, GBK), as a Chinese Windows host names it.',
    },
    {
      value: 'windows-950-2000',
      doc: 'Traditional Chinese (Windows code page 950, Big5), as a Taiwanese Windows host names it.',
    },
    { value: 'windows-1250', doc: 'Central European (Windows code page 1250).' },
    { value: 'windows-1253', doc: 'Greek (Windows code page 1253).' },
    { value: 'windows-1254', doc: 'Turkish (Windows code page 1254).' },
    { value: 'windows-1255', doc: 'Hebrew (Windows code page 1255).' },
    { value: 'windows-1256', doc: 'Arabic (Windows code page 1256).' },
    { value: 'windows-1257', doc: 'Baltic (Windows code page 1257).' },
    { value: 'windows-1258', doc: 'Vietnamese (Windows code page 1258).' },
    { value: 'TIS-620', doc: 'Thai (TIS-620, Windows code page 874).' },
    { value: 'ISO-8859-2', doc: 'Central European (Latin-2).' },
    { value: 'ISO-8859-5', doc: 'Cyrillic (ISO 8859-5).' },
    { value: 'KOI8-R', doc: 'Russian (KOI8-R).' },
    { value: 'GB18030', doc: 'Chinese (GB 18030, the full Unicode mapping of GBK).' },
    { value: 'US-ASCII', doc: '7-bit ASCII.' },
  ],
};

/** Words a boolean takes. VMware writes TRUE/FALSE; libvirt accepts only true/false (any case). */
export const BOOLEAN_VALUES: readonly EnumValue[] = [
  { value: 'TRUE', doc: 'Enabled.' },
  { value: 'FALSE', doc: 'Disabled.' },
];
/** Spellings VMware's own reader is reported to take but other tools (libvirt) reject. */
export const LOOSE_BOOLEANS: Readonly<Record<string, 'TRUE' | 'FALSE'>> = dict({
  yes: 'TRUE',
  no: 'FALSE',
  on: 'TRUE',
  off: 'FALSE',
  '1': 'TRUE',
  '0': 'FALSE',
  y: 'TRUE',
  n: 'FALSE',
});
