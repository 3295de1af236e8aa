/**
 * The .vmx keys we know: device families with their index ranges, and every key pattern with
 * its value type, allowed values, default and first virtual hardware version where known.
 * Sources (facts only, descriptions in our own words): libvirt src/vmx/vmx.c (2024: index
 * ranges, defaults, value forms), VMware's vSphere Security Configuration Guide / hardening
 * guide (isolation.*, tools.*, RemoteDisplay.*, log.*, mks.* settings), VMware KB articles on
 * serial ports, PVSCSI and NVMe limits, and the keys seen in the .vmx test files of libvirt
 * (tests/vmx2xmldata) and libguestfs/virt-v2v (tests/test-i-vmx-*.vmx).
 *
 * Patterns: `{n}` is a device index, `{u}` a unit on that device (`scsi{n}:{u}.fileName`),
 * `*` one free-form segment (`isolation.tools.*.disable`), a trailing `.**` any rest
 * (`guestinfo.**`: machine- or user-written data we do not check).
 */

export type VmxType =
  'boolean' | 'integer' | 'enum' | 'string' | 'path' | 'mac' | 'uuid' | 'guestos' | 'encoding' | 'uri' | 'cpulist';

export interface KeyDef {
  readonly key: string;
  readonly type: VmxType;
  readonly doc: string;
  /** For enums (and integers with word values): the ENUMS table name. */
  readonly values?: string;
  /** Enum values outside the list are errors (true) or only warnings (false, open lists). */
  readonly strict?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** The integer must be a multiple of this. */
  readonly multipleOf?: number;
  readonly default?: string;
  /** First virtual hardware version that has it. */
  readonly since?: number;
  readonly example?: string;
  /** Where the description comes from (a document, or the VMware-written files it was seen in). */
  readonly source?: string;
}

export interface DeviceFamily {
  /** The prefix as VMware spells it: `serial`, `pciBridge`, `usb_xhci`. */
  readonly name: string;
  readonly label: string;
  /** Highest index (inclusive); undefined for families written without an index (`usb_xhci:4`). */
  readonly maxIndex?: number;
  /** Highest unit (inclusive) for `name{n}:{u}` keys. */
  readonly maxUnit?: number;
  /** A unit that is not a device (SCSI unit 7 is the adapter itself). */
  readonly reservedUnit?: number;
  /** The controller family a unit hangs on (`scsi0:1` needs `scsi0`). */
  readonly isController?: boolean;
}

export const FAMILIES: readonly DeviceFamily[] = [
  { name: 'serial', label: 'serial port', maxIndex: 3 },
  { name: 'parallel', label: 'parallel port', maxIndex: 2 },
  { name: 'ethernet', label: 'network adapter', maxIndex: 9 },
  { name: 'scsi', label: 'SCSI adapter', maxIndex: 3, maxUnit: 63, reservedUnit: 7, isController: true },
  { name: 'sata', label: 'SATA adapter', maxIndex: 3, maxUnit: 29, isController: true },
  { name: 'ide', label: 'IDE channel', maxIndex: 1, maxUnit: 1, isController: true },
  { name: 'nvme', label: 'NVMe adapter', maxIndex: 3, maxUnit: 63, isController: true },
  { name: 'floppy', label: 'floppy drive', maxIndex: 1 },
  { name: 'pciBridge', label: 'PCI bridge', maxIndex: 31, maxUnit: 31 },
  { name: 'pciPassthru', label: 'PCI passthrough device', maxIndex: 31 },
  { name: 'sharedFolder', label: 'shared folder', maxIndex: 1023 },
  { name: 'vmci', label: 'VMCI device', maxIndex: 0 },
  { name: 'hpet', label: 'HPET timer', maxIndex: 0 },
  { name: 'usb', label: 'USB device', maxUnit: 127 },
  { name: 'usb_xhci', label: 'USB 3 device', maxUnit: 127 },
  { name: 'ehci', label: 'USB 2 device', maxUnit: 127 },
  { name: 'vvtd', label: 'virtual IOMMU', maxIndex: 0 },
  { name: 'sgx', label: 'SGX enclave', maxIndex: 0 },
  { name: 'nvdimm', label: 'NVDIMM controller', maxIndex: 0, maxUnit: 63 },
];

type Opt = Partial<Omit<KeyDef, 'key' | 'type' | 'doc'>>;
const b = (key: string, doc: string, o: Opt = {}): KeyDef => ({ key, type: 'boolean', doc, ...o });
const i = (key: string, doc: string, o: Opt = {}): KeyDef => ({ key, type: 'integer', doc, ...o });
const e = (key: string, values: string, doc: string, o: Opt = {}): KeyDef => ({ key, type: 'enum', values, doc, ...o });
const s = (key: string, doc: string, o: Opt = {}): KeyDef => ({ key, type: 'string', doc, ...o });
const p = (key: string, doc: string, o: Opt = {}): KeyDef => ({ key, type: 'path', doc, ...o });

/** Keys of every disk unit on SCSI, SATA, IDE and NVMe: expanded per bus below. */
function diskUnitKeys(bus: string, label: string): KeyDef[] {
  const k = `${bus}{n}:{u}`;
  return [
    b(`${k}.present`, `Whether this ${label} unit exists; VMware ignores the unit's other keys when false.`, {
      default: 'FALSE',
      example: 'TRUE',
    }),
    p(
      `${k}.fileName`,
      `What backs the unit: a .vmdk descriptor for a disk, an ISO image or host device for a CD-ROM, \`emptyBackingString\` for an empty drive. Relative paths are relative to the .vmx file.`,
      { example: 'disk.vmdk' },
    ),
    e(`${k}.deviceType`, 'diskDeviceType', `What the unit is: a hard disk or a kind of CD/DVD drive.`, {
      example: bus === 'scsi' ? 'scsi-hardDisk' : 'cdrom-image',
    }),
    e(`${k}.mode`, 'diskMode', `Disk mode: how writes and snapshots treat this disk.`, {
      default: 'persistent',
      strict: false,
    }),
    p(`${k}.redo`, `Redo log of this disk (legacy undoable/append modes); usually empty.`),
    b(`${k}.startConnected`, `Connect the device when the VM powers on.`, { default: 'TRUE' }),
    b(
      `${k}.clientDevice`,
      `The CD/DVD drive is the drive of the client machine running the console, not of the host.`,
      { default: 'FALSE' },
    ),
    b(`${k}.allowGuestConnectionControl`, `Let the guest (through VMware Tools) connect and disconnect this device.`),
    b(
      `${k}.writeThrough`,
      `Write through the host cache (hosted products); libvirt maps it to cache mode writethrough.`,
      { default: 'FALSE' },
    ),
    b(`${k}.autodetect`, `Pick the host CD/DVD drive automatically.`),
    e(`${k}.fileType`, 'floppyFileType', `Backing kind for removable media (legacy).`, { strict: false }),
    b(
      `${k}.ctkEnabled`,
      `Changed Block Tracking for this disk (used by backup software); needs ctkEnabled = TRUE too.`,
    ),
    b(`${k}.exclusive`, `Open the host device exclusively.`),
    s(`${k}.virtualSSD`, `1 tells the guest this disk is a solid-state drive.`),
    s(`${k}.sharing`, '`multi-writer` lets several VMs open this disk at once (clusters with a shared file system).'),
    b(`${k}.deviceType.passthru`, `Pass the host device through.`),
    s(`${k}.ioLimit`, 'Legacy I/O limit.'),
    p(`${k}.filter.**`, 'I/O filter settings of this disk (written by vSphere).'),
    i(`sched.${k}.shares`, `Disk I/O shares of this disk against others on the host: low, normal, high or a number.`, {
      values: 'shares',
      default: 'normal',
    }),
    i(`sched.${k}.throughputCap`, `I/O limit of this disk in IOPS, or \`off\` for none.`, {
      values: 'throughputCap',
      default: 'off',
    }),
    i(`sched.${k}.reservation`, `Reserved IOPS for this disk (storage I/O control).`),
  ];
}

export const KEYS: readonly KeyDef[] = [
  // ---- file, identity, hardware version --------------------------------------------------
  {
    key: '.encoding',
    type: 'encoding',
    doc: 'Character set of the values in this file. VMware writes `UTF-8`; older hosts wrote `windows-1252` and other code pages.',
    values: 'encoding',
    default: 'UTF-8',
    example: 'UTF-8',
  },
  i('config.version', 'Version of the .vmx file format; always 8 for every product since ESX 3.', {
    min: 8,
    max: 8,
    example: '8',
  }),
  i(
    'virtualHW.version',
    'Virtual hardware version (4 = ESX 3.x, 7 = ESX 4.x, 8 = 5.0, 9 = 5.1, 10 = 5.5, 11 = 6.0, 13 = 6.5, 14 = 6.7, 15 = 6.7 U2, 17 = 7.0, 18 = 7.0 U1, 19 = 7.0 U2, 20 = 8.0, 21 = 8.0 U2, 22 = 9.0). It decides which devices and limits the VM gets.',
    { min: 3, max: 23, example: '19' },
  ),
  s('virtualHW.productCompatibility', 'Product family the hardware version targets: `esx` or `hosted`.', {
    example: 'esx',
  }),
  s('displayName', 'The name of the VM in the inventory. Special characters may be escaped as `|22`-style hex.', {
    example: 'web01',
  }),
  s('annotation', 'Free-text notes about the VM; line breaks are written as `|0A`.'),
  {
    key: 'guestOS',
    type: 'guestos',
    doc: 'The guest operating system type: it sets defaults (NIC, SCSI adapter) and which VMware Tools to offer. Ids ending in `-64` are 64-bit guests.',
    example: 'rhel9-64',
  },
  s('guestOSAltName', 'A free-text name of the guest OS (shown when guestOS is `other`).'),
  s('guestOS.detailed.data', 'Details about the guest OS reported by VMware Tools (written by the host).'),
  p('nvram', 'File holding the BIOS/EFI settings (NVRAM) of the VM.', { example: 'vm.nvram' }),
  p('extendedConfigFile', 'File holding extra configuration the host writes (.vmxf).'),
  p('vmxstats.filename', 'File for VMX statistics (scoreboard).'),
  {
    key: 'uuid.bios',
    type: 'uuid',
    doc: 'The SMBIOS UUID the guest sees: 16 hex bytes, written `42 20 fc a7 11 dd d6 7e-19 cc fc ad 0a 37 c3 42`.',
    example: '56 4d 00 00 00 00 00 00-00 00 00 00 00 00 00 00',
  },
  {
    key: 'uuid.location',
    type: 'uuid',
    doc: 'Hash of the path of the VM: when it changes, the VM was moved or copied (see uuid.action).',
  },
  { key: 'vc.uuid', type: 'uuid', doc: 'Instance UUID vCenter gives the VM.' },
  e('uuid.action', 'uuidAction', 'What to do with uuid.bios when the VM was moved or copied, instead of asking.', {
    strict: false,
  }),
  b('uuid.bios.reflecthost', 'Reuse the host UUID in the guest.'),
  b('smbios.reflectHost', 'Show the host SMBIOS data to the guest.', { default: 'FALSE' }),
  s('smbios.assetTag', 'Asset tag string in SMBIOS.'),
  s('vm.createDate', 'When the VM was created (microseconds since the Unix epoch).'),
  s('vm.genid', 'Windows VM-Generation ID (low half).'),
  s('vm.genidX', 'Windows VM-Generation ID (high half).'),
  s('deploymentPlatform', 'Platform that deployed the VM (written by the host).'),
  s('viv.moid', 'vCenter inventory reference (written by vCenter).'),
  p('migrate.hostLog', 'Log written during vMotion.'),
  p('migrate.hostlogState', 'State of the vMotion host log.'),
  e('migrate.encryptionMode', 'encryptionMode', 'Encrypted vMotion for this VM.', {
    default: 'opportunistic',
    strict: false,
  }),
  // ---- CPU and memory ----------------------------------------------------------------------
  i('memsize', 'Memory of the VM in MB; must be a multiple of 4.', {
    min: 4,
    max: 25165824,
    unit: 'MB',
    multipleOf: 4,
    default: '32',
    example: '4096',
  }),
  b('MemAllowAutoScaleDown', 'Let the host lower memsize when it lacks memory at power-on (hosted products).'),
  b('mem.hotadd', 'Allow adding memory while the VM runs.', { default: 'FALSE' }),
  i('MemTrimRate', 'Rate at which unused guest memory is trimmed (0 turns it off).'),
  i('numvcpus', 'Number of virtual CPUs.', { min: 1, max: 960, default: '1', example: '2' }),
  i('cpuid.coresPerSocket', 'Cores per virtual CPU socket; numvcpus must be a multiple of it.', {
    min: 1,
    max: 960,
    default: '1',
  }),
  s('cpuid.coresPerSocket.cookie', 'Marker the host writes when it set coresPerSocket itself.'),
  b('vcpu.hotadd', 'Allow adding vCPUs while the VM runs.', { default: 'FALSE' }),
  b('vcpu.hotremove', 'Allow removing vCPUs while the VM runs.'),
  b('vhv.enable', 'Expose hardware virtualization (VT-x/AMD-V) to the guest, for nested hypervisors.', {
    default: 'FALSE',
  }),
  b('vpmc.enable', 'Expose virtual CPU performance counters to the guest.'),
  b('vvtd.enable', 'Give the guest a virtual Intel IOMMU (VT-d), needed for virtualization-based security.'),
  b('hypervisor.cpuid.v0', 'Whether the guest is told it runs on a hypervisor; FALSE hides it.', { default: 'TRUE' }),
  i('monitor.phys_bits_used', 'Number of physical address bits the VM uses (written by the host).'),
  s('monitor.virtual_mmu', 'Memory virtualization: automatic, software or hardware.'),
  s('monitor.virtual_exec', 'CPU virtualization: automatic, software or hardware.'),
  b('monitor_control.restrict_backdoor', 'Refuse backdoor calls from unprivileged guest code.'),
  s('evcCompatibilityMode', 'Per-VM EVC mode (written by vCenter).'),
  b('chipset.onlineStandby', 'Allow the guest to enter online standby (S0ix).'),
  e('chipset.motherboardLayout', 'motherboardLayout', 'Layout of the virtual motherboard PCI topology.', {
    strict: false,
    since: 20,
  }),
  i('sched.cpu.min', 'CPU reservation, in sched.cpu.units (MHz by default).', { min: 0 }),
  i('sched.cpu.max', 'CPU limit, in sched.cpu.units, or `unlimited`.', { min: 0, values: 'memUnlimited' }),
  e('sched.cpu.units', 'cpuUnits', 'Unit of sched.cpu.min and sched.cpu.max.', { default: 'mhz', strict: false }),
  i('sched.cpu.shares', 'CPU shares against other VMs: low, normal, high or a number.', {
    values: 'shares',
    default: 'normal',
    min: 1,
  }),
  {
    key: 'sched.cpu.affinity',
    type: 'cpulist',
    doc: 'Physical CPUs the VM may run on: `all` or a comma-separated list of CPU numbers.',
    values: 'cpuAffinityAll',
    default: 'all',
  },
  e('sched.cpu.latencySensitivity', 'latencySensitivity', 'Latency sensitivity of the VM.', {
    default: 'normal',
    strict: false,
  }),
  s('sched.cpu.htsharing', 'Hyper-threading sharing: any, none or internal.'),
  i('sched.mem.min', 'Memory reservation in MB.', { min: 0, unit: 'MB' }),
  i('sched.mem.minSize', 'Memory reservation in MB (written together with sched.mem.min).', { min: 0, unit: 'MB' }),
  i('sched.mem.max', 'Memory limit in MB, or `unlimited`.', {
    min: 0,
    unit: 'MB',
    values: 'memUnlimited',
    default: 'unlimited',
  }),
  i('sched.mem.shares', 'Memory shares against other VMs: low, normal, high or a number.', {
    values: 'shares',
    default: 'normal',
    min: 0,
  }),
  b('sched.mem.pin', 'Pin all guest memory in host memory.'),
  b('sched.mem.prealloc', 'Allocate all guest memory at power-on.'),
  b('sched.mem.pshare.enable', 'Allow transparent page sharing for this VM.'),
  s('sched.mem.pshare.salt', 'Salt for transparent page sharing between VMs.'),
  p('sched.swap.derivedName', 'Path of the swap file the host created for the VM.'),
  p('sched.swap.dir', 'Folder for the VM swap file.'),
  b('sched.swap.vmxSwapEnabled', 'Allow the VMX process memory to be swapped.'),
  i('sched.mem.maxmemctl', 'Most memory (MB) the balloon driver may reclaim.', { min: 0, unit: 'MB' }),
  s('numa.nodeAffinity', 'NUMA nodes the VM may use.'),
  i('numa.vcpu.maxPerVirtualNode', 'vCPUs per virtual NUMA node.', { min: 1 }),
  i('numa.vcpu.min', 'vCPUs needed before virtual NUMA is exposed.', { min: 1 }),
  p('numa.autosize.**', 'Virtual NUMA sizing the host computed (written by the host).'),
  // ---- firmware, boot ------------------------------------------------------------------------
  e('firmware', 'firmware', 'Firmware the VM boots with.', { default: 'bios', strict: false, example: 'efi' }),
  b('uefi.secureBoot.enabled', 'UEFI Secure Boot (needs firmware = "efi").', { default: 'FALSE', since: 13 }),
  s('bios.bootOrder', 'Boot order, a comma list of hdd, cdrom, floppy, ethernet (e.g. `hdd,cdrom`).', {
    example: 'hdd,cdrom',
  }),
  s('bios.hddOrder', 'Which disk boots first (e.g. `scsi0:0`).'),
  i('bios.bootDelay', 'Pause in milliseconds on the BIOS screen at power-on.', { min: 0, max: 10000, unit: 'ms' }),
  b('bios.forceSetupOnce', 'Enter the BIOS/EFI setup at the next power-on, then reset to FALSE.'),
  b('bios.bootRetry.enabled', 'Retry booting when no boot device was found.'),
  i('bios.bootRetry.delay', 'Seconds to wait before retrying boot.', { min: 0, unit: 's' }),
  b('efi.legacyBoot.enabled', 'Allow legacy boot under EFI.'),
  p('efi.**', 'EFI settings written by the host.'),
  p('uefi.**', 'UEFI settings written by the host.'),
  // ---- power and tools -------------------------------------------------------------------------
  e('powerType.powerOff', 'powerType', 'What Power Off does: ask the guest (soft) or cut power (hard).', {
    strict: false,
  }),
  e('powerType.powerOn', 'powerType', 'What Power On does after a suspend.', { strict: false }),
  e('powerType.reset', 'powerType', 'What Reset does: restart the guest (soft) or reset the hardware (hard).', {
    strict: false,
  }),
  e('powerType.suspend', 'powerType', 'What Suspend does: standby in the guest (soft) or suspend the VM (hard).', {
    strict: false,
  }),
  b('cleanShutdown', 'Whether the VM was shut down cleanly last time (written by the host).'),
  b('softPowerOff', 'Whether the last power-off was a guest shutdown (written by the host).'),
  b('tools.syncTime', 'Let VMware Tools sync the guest clock with the host periodically.', { default: 'FALSE' }),
  b('tools.remindInstall', 'Remind the user to install VMware Tools.'),
  e('tools.upgrade.policy', 'toolsUpgradePolicy', 'When VMware Tools get upgraded.', { strict: false }),
  b('tools.guest.desktop.autolock', 'Lock the guest desktop when the last remote console disconnects.'),
  i(
    'tools.setInfo.sizeLimit',
    'Largest VMX file (bytes) VMware Tools may grow through setinfo messages; the hardening guide suggests 1048576.',
    { min: 0, unit: 'bytes', example: '1048576' },
  ),
  b(
    'tools.guestlib.enableHostInfo',
    'Let the guest read host performance data through guestlib; the hardening guide says FALSE.',
    { default: 'FALSE' },
  ),
  b('tools.synchronize.restore', 'Sync the guest clock after a snapshot restore.'),
  b('tools.capability.verifiedSamlToken', 'Accept SAML tokens for guest operations.'),
  s('toolsInstallManager.**', 'Progress of VMware Tools installs (written by the host).'),
  b('toolScripts.afterPowerOn', 'Run the VMware Tools script after power-on.', { default: 'TRUE' }),
  b('toolScripts.afterResume', 'Run the VMware Tools script after resume.', { default: 'TRUE' }),
  b('toolScripts.beforeSuspend', 'Run the VMware Tools script before suspend.', { default: 'TRUE' }),
  b('toolScripts.beforePowerOff', 'Run the VMware Tools script before power-off.', { default: 'TRUE' }),
  b('disk.EnableUUID', 'Give disks a stable UUID the guest can see (needed by many clusters and Kubernetes).', {
    default: 'FALSE',
  }),
  b('ctkEnabled', 'Changed Block Tracking for the VM (used by backups).'),
  b('msg.autoAnswer', 'Answer questions the VM asks with the default answer.'),
  s('answer.**', 'A stored answer to a question the VM asked.'),
  s('guestinfo.**', 'Data the guest and the host exchange (read and written through VMware Tools); any name.'),
  s('guestInfo.detailed.data', 'Details about the guest OS reported by VMware Tools (written by the host).'),
  s('guest.commands.**', 'Guest operations settings (written by the host).'),
  i('vmware.tools.internalversion', 'Version of VMware Tools last seen (written by the host).'),
  s('tools.**', 'Other VMware Tools settings.'),
  // ---- isolation (hardening guide) -----------------------------------------------------------
  b(
    'isolation.tools.copy.disable',
    'Block copying from the guest to the console clipboard; the hardening guide says TRUE.',
    { default: 'TRUE' },
  ),
  b(
    'isolation.tools.paste.disable',
    'Block pasting from the console clipboard into the guest; the hardening guide says TRUE.',
    { default: 'TRUE' },
  ),
  b('isolation.tools.dnd.disable', 'Block drag and drop between console and guest; the hardening guide says TRUE.', {
    default: 'TRUE',
  }),
  b(
    'isolation.tools.setGUIOptions.enable',
    'Allow the guest to change console GUI options such as copy and paste; the hardening guide says FALSE.',
    { default: 'FALSE' },
  ),
  b('isolation.tools.diskShrink.disable', 'Block disk shrinking from the guest; the hardening guide says TRUE.', {
    default: 'TRUE',
  }),
  b('isolation.tools.diskWiper.disable', 'Block disk wiping from the guest; the hardening guide says TRUE.', {
    default: 'TRUE',
  }),
  b('isolation.tools.hgfs.disable', 'Turn off shared folders (HGFS) for this VM.', { default: 'TRUE' }),
  b('isolation.tools.hgfsServerSet.disable', 'Block the guest from registering an HGFS server.'),
  b('isolation.tools.memSchedFakeSampleStats.disable', 'Block fake memory statistics from the guest.'),
  b('isolation.tools.getCreds.disable', 'Block the guest from requesting credentials.'),
  b('isolation.tools.ghi.autologon.disable', 'Turn off Unity auto-logon.'),
  b('isolation.tools.ghi.launchmenu.change', 'Block changes to the Unity launch menu.'),
  b('isolation.tools.ghi.protocolhandler.info.disable', 'Block Unity protocol handler queries.'),
  b('isolation.tools.ghi.trayicon.disable', 'Turn off Unity tray icons.'),
  b('isolation.tools.guestDnDVersionSet.disable', 'Block the guest from setting the drag-and-drop version.'),
  b('isolation.tools.unity.disable', 'Turn off Unity mode.'),
  b('isolation.tools.unityInterlockOperation.disable', 'Block Unity interlock operations.'),
  b('isolation.tools.unity.push.update.disable', 'Block Unity push updates.'),
  b('isolation.tools.unity.taskbar.disable', 'Turn off the Unity taskbar.'),
  b('isolation.tools.unityActive.disable', 'Block Unity activation.'),
  b('isolation.tools.unity.windowContents.disable', 'Block Unity window contents.'),
  b('isolation.tools.vmxDnDVersionGet.disable', 'Block the guest from reading the drag-and-drop version.'),
  b('isolation.tools.vixMessage.disable', 'Block VIX messages from the guest.'),
  b('isolation.tools.autoInstall.disable', 'Block automatic VMware Tools installs.'),
  b('isolation.tools.trashFolderState.disable', 'Block trash folder state messages.'),
  b('isolation.tools.guestInitiatedUpgrade.disable', 'Block VMware Tools upgrades started in the guest.'),
  b('isolation.tools.*.disable', 'Turns one VMware Tools feature off for this VM (isolation setting).'),
  b('isolation.tools.*.enable', 'Turns one VMware Tools feature on for this VM (isolation setting).'),
  b(
    'isolation.device.connectable.disable',
    'Stop users and processes in the guest from connecting or disconnecting devices; the hardening guide says TRUE.',
  ),
  b('isolation.device.edit.disable', 'Stop the guest from changing device settings; the hardening guide says TRUE.'),
  b(
    'isolation.tools.dispTopoRequest.disable',
    'Block display topology requests from the guest; the hardening guide says TRUE.',
  ),
  b(
    'isolation.ghi.host.shellAction.disable',
    'Block the guest from running host shell actions through Unity; the hardening guide says TRUE.',
  ),
  s('isolation.**', 'Other isolation settings (each usually TRUE or FALSE).'),
  b(
    'vmsafe.enable',
    'Let a VMsafe CPU/memory introspection appliance watch this VM (legacy; the hardening guide says leave it off).',
  ),
  s('vmsafe.agentAddress', 'Address of the VMsafe agent (legacy).'),
  i('vmsafe.agentPort', 'Port of the VMsafe agent (legacy).', { min: -1, max: 65535 }),
  s('RemoteDisplay.**', 'Other remote console settings.'),
  b('isolation.bios.bbs.disable', 'Hide the BIOS Boot Specification menu.'),
  b('isolation.monitor.control.disable', 'Block monitor control calls from the guest.'),
  // ---- console, remote display ----------------------------------------------------------------
  i(
    'RemoteDisplay.maxConnections',
    'Most console connections at once (-1 for no limit); the hardening guide suggests 1.',
    { min: -1, example: '1' },
  ),
  b('RemoteDisplay.vnc.enabled', 'Serve the console over VNC.', { default: 'FALSE' }),
  i('RemoteDisplay.vnc.port', 'TCP port of the VNC server.', { min: 1, max: 65535, example: '5900' }),
  s('RemoteDisplay.vnc.ip', 'Address the VNC server listens on.'),
  s('RemoteDisplay.vnc.password', 'VNC password (stored in clear text: avoid).'),
  e('RemoteDisplay.vnc.keymap', 'vncKeymap', 'Keyboard map of the VNC server.', { strict: false }),
  s('RemoteDisplay.vnc.key', 'Encoded VNC password.'),
  i('RemoteDisplay.depth', 'Colour depth of the remote console.'),
  b('mks.enable3d', 'Hardware 3D acceleration.', { default: 'FALSE' }),
  b('mks.enableVulkanRenderer', 'Use the Vulkan renderer for 3D (hosted products).'),
  s('mks.**', 'Console (mouse, keyboard, screen) settings.'),
  b('svga.present', 'Whether the VM has a video card.', { default: 'TRUE' }),
  i('svga.vramSize', 'Video memory in bytes.', { min: 0, unit: 'bytes', example: '8388608' }),
  i('svga.numDisplays', 'Number of displays.', { min: 1, max: 10 }),
  i('svga.maxWidth', 'Largest screen width in pixels.', { min: 1, unit: 'px' }),
  i('svga.maxHeight', 'Largest screen height in pixels.', { min: 1, unit: 'px' }),
  b('svga.autodetect', 'Size video memory automatically.'),
  b('svga.guestBackedPrimaryAware', 'The guest driver supports guest-backed primary surfaces (written by the host).'),
  i('svga.graphicsMemoryKB', '3D graphics memory in KB.', { min: 0, unit: 'KB' }),
  b('svga.vgaOnly', 'Offer only a plain VGA adapter.'),
  s('svga.**', 'Other video card settings.'),
  b('gui.fullScreenAtPowerOn', 'Open the console full screen at power-on (hosted products).'),
  e('gui.viewModeAtPowerOn', 'viewModeAtPowerOn', 'View mode at power-on (hosted products).', { strict: false }),
  s('gui.**', 'Console window settings (hosted products).'),
  b('hgfs.mapRootShare', 'Map the shared folders root in the guest (hosted products).'),
  b('hgfs.linkRootShare', 'Create a link to the shared folders root in the guest (hosted products).'),
  b('proxyApps.publishToHost', 'Publish guest applications to the host menu (hosted products).'),
  b('messageBus.tunnelEnabled', 'Tunnel the message bus (hosted products).'),
  // ---- logging ---------------------------------------------------------------------------------
  p('log.fileName', 'Name of the VM log file.', { example: 'vmware.log' }),
  i('log.keepOld', 'Number of old vmware.log files to keep; the hardening guide suggests 10.', {
    min: 0,
    example: '10',
  }),
  i('log.rotateSize', 'Rotate vmware.log when it reaches this size in bytes; the hardening guide suggests 2048000.', {
    min: 0,
    unit: 'bytes',
    example: '2048000',
  }),
  b('logging', 'Turn VM logging on or off.', { default: 'TRUE' }),
  s('vmx.log.**', 'VMX log settings.'),
  // ---- snapshots, checkpoints, misc ----------------------------------------------------------
  e('snapshot.action', 'snapshotAction', 'What happens to the snapshot at power-off (hosted products).', {
    strict: false,
  }),
  b('snapshot.redoNotWithParent', 'Store redo logs in the working directory, not beside the parent disk.'),
  p('snapshot.**', 'Snapshot settings.'),
  p('checkpoint.vmState', 'Suspend state file (.vmss) to resume from; empty when not suspended.'),
  p('checkpoint.**', 'Suspend and checkpoint settings.'),
  p('workingDir', 'Folder for snapshots and the suspend file.'),
  b('replay.supported', 'Record/replay support (old Workstation feature).'),
  p('replay.filename', 'Record/replay log file.'),
  b('disable_acceleration', 'Turn off binary translation acceleration (troubleshooting).'),
  b('vmci.filter.enable', 'Filter VMCI traffic with the host firewall.'),
  s('vmotion.**', 'vMotion sizing data (written by the host).'),
  s('ftcpt.ftEncryptionMode', 'Fault Tolerance logging encryption.', {}),
  s('ftcpt.**', 'Fault Tolerance settings.'),
  s('hostCPUID.**', 'CPUID values of the host the VM last ran on (written by the host).'),
  s('guestCPUID.**', 'CPUID values the guest last saw (written by the host).'),
  s('userCPUID.**', 'CPUID values for user mode (written by the host).'),
  s('cpuid.**', 'CPUID mask for one leaf and register (e.g. `cpuid.1.ecx`), bit strings of 0, 1, -, H, R, T, F.'),
  s('featMask.**', 'Feature mask (EVC) settings.'),
  s('featureCompat.**', 'Feature compatibility data (written by the host).'),
  i('pciHole.start', 'Start of the PCI hole in guest memory (MB).'),
  i('keyboard.typematicMinDelay', 'Minimum keyboard repeat delay.'),
  s('keyboardAndMouseProfile', 'Keyboard and mouse profile id.'),
  b('usb.present', 'USB 1.1 (UHCI) controller present.', { default: 'FALSE' }),
  i('usb.pciSlotNumber', 'PCI slot of the USB controller.', { min: -1 }),
  b('usb.generic.autoconnect', 'Connect new host USB devices to the VM automatically.'),
  b('usb.generic.allowHID', 'Allow passing USB keyboards and mice through.'),
  s('usb.**', 'USB controller settings.'),
  b('usb_xhci.present', 'USB 3 (xHCI) controller present.', { since: 8 }),
  i('usb_xhci.pciSlotNumber', 'PCI slot of the USB 3 controller.', { min: -1 }),
  s('usb_xhci.**', 'USB 3 controller settings.'),
  b('ehci.present', 'USB 2 (EHCI) controller present.'),
  i('ehci.pciSlotNumber', 'PCI slot of the USB 2 controller.', { min: -1 }),
  s('ehci.**', 'USB 2 controller settings.'),
  b('sound.present', 'Sound card present.', { default: 'FALSE' }),
  b('sound.startConnected', 'Connect the sound card at power-on.'),
  b('sound.autodetect', 'Use the host default audio device.'),
  s('sound.virtualDev', 'Sound card model: es1371, sb16 or hdaudio.'),
  p('sound.fileName', 'Host audio device (`-1` for the default).'),
  i('sound.pciSlotNumber', 'PCI slot of the sound card.', { min: -1 }),
  s('sound.**', 'Sound card settings.'),
  i('sharedFolder.maxNum', 'Number of sharedFolderN entries.'),
  b('tpm.present', 'Virtual TPM 2.0 present (needs firmware = "efi" and encryption).'),
  s('vmxnet3.**', 'Settings of the vmxnet3 driver.'),
  s('acpi.**', 'ACPI settings.'),
  s('cpuid.coresPerSocket.**', 'Host-written core layout data.'),
  s('sched.**', 'Other scheduler settings.'),
  s('numa.**', 'Other NUMA settings.'),
  s('sata.**', 'SATA settings.'),
  s('nvme.**', 'NVMe settings.'),
  s('pciPassthru.**', 'PCI passthrough settings.'),
  s('vmci.**', 'VMCI settings.'),
  s('vmx.**', 'VMX process settings.'),
  s('vmxnet.**', 'vmxnet settings.'),
  s('sgx.**', 'Intel SGX settings.'),
  b('vtpm.present', 'Virtual TPM 2.0 present (hosted products; needs firmware = "efi" and encryption).'),
  s('vtpm.**', 'Virtual TPM settings.'),
  s('managedVM.**', 'Settings of managed (policy-controlled) VMs in the hosted products.'),
  s('encryption.**', 'VM encryption data (written by the host).'),
  s('dataFileKey', 'Encrypted key of the VM files (written by the host).'),
  s('keySafe', 'Key safe of an encrypted VM (written by the host).'),
  s('ulm.**', 'Side-channel mitigation settings.'),
  b(
    'mainMem.useNamedFile',
    'Back guest memory with a named file in the VM folder (hosted products); FALSE keeps it in anonymous memory.',
  ),
  s('mainMem.**', 'Guest memory backing settings (hosted products).'),
  s('priority.**', 'Host process priority when the console has or lacks focus (hosted products).'),
  s('prefvmx.**', 'Host-wide preferences (hosted products).'),
  b('keyboard.vusb.enable', 'Give the guest a virtual USB keyboard.'),
  s('keyboard.**', 'Keyboard settings.'),
  b('mouse.vusb.enable', 'Give the guest a virtual USB mouse.'),
  s('mouse.**', 'Mouse settings.'),
  s(
    'time.synchronize.**',
    'When VMware Tools step the guest clock (resume, restore, shrink, startup); the hardening guide lists them.',
  ),
  s('timeTracker.**', 'Guest time keeping settings.'),
  s('disk.**', 'Disk-wide settings.'),
  b('devices.hotplug', 'Allow hot-plugging and hot-removing devices; FALSE hides the eject icon in Windows guests.', {
    default: 'TRUE',
  }),
  s('vmware.tools.**', 'VMware Tools version data (written by the host).'),
  s('virtualHW.scheduledUpgrade.**', 'Scheduled virtual hardware upgrade (written by vCenter).'),
  s('migrate.**', 'vMotion settings.'),
  s('hgfs.**', 'Shared folder (HGFS) settings.'),
  s('unity.**', 'Unity mode state (hosted products).'),
  s('config.**', 'Configuration file settings.'),
  s('msg.**', 'Message settings.'),
  b('isolation.tools.hgfs.notify.enable', 'HGFS change notifications.'),

  // ---- serial ports ----------------------------------------------------------------------------
  b('serial{n}.present', 'Whether this serial port exists.', { default: 'FALSE', example: 'TRUE' }),
  e('serial{n}.fileType', 'serialFileType', 'What the serial port connects to.', {
    strict: true,
    default: 'device',
    example: 'pipe',
  }),
  p(
    'serial{n}.fileName',
    'The backing of the port: host device, output file, named pipe path, or for `network` a URI such as `telnet://:23001`.',
    { example: '/vmfs/volumes/datastore1/vm/serial0.pipe' },
  ),
  e(
    'serial{n}.pipe.endPoint',
    'endPoint',
    'Which side of the named pipe this VM is. Pair two VMs with the same fileName, one `server` and one `client`.',
    { strict: true, example: 'server' },
  ),
  e(
    'serial{n}.network.endPoint',
    'endPoint',
    'Whether this VM listens for (server) or makes (client) the network connection.',
    { strict: true, default: 'server', example: 'server' },
  ),
  s(
    'serial{n}.vspc',
    'URI of a virtual serial port concentrator (vSPC) that proxies the port, e.g. `telnet://vspc.example.com:13370`.',
  ),
  b(
    'serial{n}.tryNoRxLoss',
    'Try not to drop received bytes when the guest reads slowly (useful for pipes between VMs and for debuggers).',
    { default: 'FALSE' },
  ),
  b(
    'serial{n}.yieldOnMsrRead',
    'Give up the CPU when the guest polls the modem status register, so a polling guest does not burn a whole host CPU.',
    { default: 'FALSE' },
  ),
  b('serial{n}.startConnected', 'Connect the port when the VM powers on.', { default: 'TRUE' }),
  b('serial{n}.autodetect', 'Pick the host serial port automatically.'),
  b('serial{n}.hardwareFlowControl', 'Use RTS/CTS hardware flow control.'),
  e(
    'serial{n}.pipe.farEnd',
    'pipeFarEnd',
    'What is at the other end of the pipe: another VM or an application (hosted products).',
    { strict: false },
  ),
  b('serial{n}.allowGuestConnectionControl', 'Let the guest connect and disconnect this port.'),
  b('serial{n}.clientDevice', 'Use a serial port of the client machine.'),
  // ---- parallel ports --------------------------------------------------------------------------
  b('parallel{n}.present', 'Whether this parallel port exists.', { default: 'FALSE' }),
  e('parallel{n}.fileType', 'parallelFileType', 'What the parallel port connects to.', { strict: true }),
  p('parallel{n}.fileName', 'Host device or output file of the port.'),
  b('parallel{n}.bidirectional', 'Bidirectional (PS/2) mode; must be FALSE for a file.'),
  b('parallel{n}.startConnected', 'Connect the port when the VM powers on.', { default: 'TRUE' }),
  b('parallel{n}.autodetect', 'Pick the host parallel port automatically.'),
  // ---- NICs ------------------------------------------------------------------------------------
  b('ethernet{n}.present', 'Whether this network adapter exists.', { default: 'FALSE', example: 'TRUE' }),
  e('ethernet{n}.virtualDev', 'nicVirtualDev', 'Adapter model the guest sees. Default depends on guestOS.', {
    strict: false,
    example: 'vmxnet3',
  }),
  s('ethernet{n}.networkName', 'Network (port group) the adapter is connected to.', { example: 'VM Network' }),
  e('ethernet{n}.connectionType', 'connectionType', 'How the adapter is attached.', {
    default: 'bridged',
    strict: false,
  }),
  e('ethernet{n}.addressType', 'addressType', 'Where the MAC address comes from.', {
    default: 'generated',
    strict: true,
    example: 'generated',
  }),
  {
    key: 'ethernet{n}.address',
    type: 'mac',
    doc: 'MAC address when addressType is `static` (VMware range 00:50:56:00:00:00 to 00:50:56:3f:ff:ff).',
    example: '00:50:56:00:00:01',
  },
  {
    key: 'ethernet{n}.generatedAddress',
    type: 'mac',
    doc: 'MAC address the host (00:0c:29:…) or vCenter (00:50:56:80:… to 00:50:56:bf:…) generated.',
  },
  i('ethernet{n}.generatedAddressOffset', 'Offset the host adds when it generates the MAC.', {}),
  b('ethernet{n}.checkMACAddress', 'Check that a static MAC is in the VMware range; FALSE allows any MAC.', {
    default: 'TRUE',
  }),
  b('ethernet{n}.startConnected', 'Connect the adapter when the VM powers on.', { default: 'TRUE' }),
  b('ethernet{n}.allowGuestConnectionControl', 'Let the guest connect and disconnect the adapter.'),
  b('ethernet{n}.wakeOnPcktRcv', 'Wake the VM when a packet arrives.'),
  b('ethernet{n}.uptCompatibility', 'Allow VMDirectPath (UPT) for vmxnet3.'),
  i('ethernet{n}.pciSlotNumber', 'PCI slot of the adapter (written by the host).', { min: -1 }),
  i('ethernet{n}.features', 'Feature bits; `15` on vmxnet means Enhanced vmxnet (vmxnet2).'),
  s('ethernet{n}.vnet', 'Virtual switch (e.g. `vmnet1`) when connectionType is `custom`.'),
  s('ethernet{n}.pvnID', 'LAN segment id when connectionType is `pvn`.'),
  b('ethernet{n}.linkStatePropagation.enable', 'Mirror the host link state in the guest (hosted products).'),
  s('ethernet{n}.bsdName', 'Host interface the adapter is bridged to (Fusion).'),
  s('ethernet{n}.displayName', 'Display name of the bridged host interface (Fusion).'),
  { key: 'ethernet{n}.dvs.switchId', type: 'uuid', doc: 'UUID of the distributed switch the adapter is connected to.' },
  s('ethernet{n}.dvs.portgroupId', 'Distributed port group key.'),
  i('ethernet{n}.dvs.portId', 'Distributed switch port number.'),
  i('ethernet{n}.dvs.connectionId', 'Distributed switch connection id.'),
  s('ethernet{n}.opaqueNetwork.id', 'NSX opaque network id.'),
  s('ethernet{n}.opaqueNetwork.type', 'NSX opaque network type.'),
  s('ethernet{n}.externalId', 'NSX logical port id.'),
  i('ethernet{n}.rxbw.limit', 'Receive bandwidth limit.'),
  i('ethernet{n}.txbw.limit', 'Transmit bandwidth limit.'),
  b('ethernet{n}.noPromisc', 'Refuse promiscuous mode.'),
  b('ethernet{n}.downWhenAddrMismatch', 'Bring the link down when the guest changes the MAC.'),
  s('ethernet{n}.**', 'Other network adapter settings.'),
  // ---- storage controllers -----------------------------------------------------------------------
  b('scsi{n}.present', 'Whether this SCSI adapter exists; the disks scsiN:M need it.', {
    default: 'FALSE',
    example: 'TRUE',
  }),
  e('scsi{n}.virtualDev', 'scsiVirtualDev', 'Adapter model. Default depends on guestOS.', {
    strict: false,
    example: 'pvscsi',
  }),
  e('scsi{n}.sharedBus', 'sharedBus', 'SCSI bus sharing for clustering.', { default: 'none', strict: false }),
  i('scsi{n}.pciSlotNumber', 'PCI slot of the adapter (written by the host).', { min: -1 }),
  s('scsi{n}.sasWWID', 'SAS world-wide id of an LSI Logic SAS adapter (8 hex bytes).'),
  b('scsi{n}.hotAddRemove', 'Allow hot add and remove of disks.'),
  s('scsi{n}.**', 'Other SCSI adapter settings.'),
  ...diskUnitKeys('scsi', 'SCSI'),
  b('sata{n}.present', 'Whether this SATA (AHCI) adapter exists (virtual hardware 10 and later).', {
    default: 'FALSE',
    since: 10,
  }),
  i('sata{n}.pciSlotNumber', 'PCI slot of the adapter (written by the host).', { min: -1 }),
  ...diskUnitKeys('sata', 'SATA'),
  ...diskUnitKeys('ide', 'IDE'),
  b('ide{n}.present', 'Whether this IDE channel exists.'),
  b('nvme{n}.present', 'Whether this NVMe adapter exists (virtual hardware 13 and later).', {
    default: 'FALSE',
    since: 13,
  }),
  i('nvme{n}.pciSlotNumber', 'PCI slot of the adapter (written by the host).', { min: -1 }),
  s('nvme{n}.**', 'Other NVMe adapter settings.'),
  ...diskUnitKeys('nvme', 'NVMe'),
  // ---- floppy ---------------------------------------------------------------------------------------
  b('floppy{n}.present', 'Whether this floppy drive exists; VMware adds floppy0 unless it is FALSE.', {
    default: 'TRUE',
  }),
  e('floppy{n}.fileType', 'floppyFileType', 'Image file or host drive.', { strict: true }),
  p('floppy{n}.fileName', 'Image file or host device of the drive.'),
  b('floppy{n}.startConnected', 'Connect the drive when the VM powers on.', { default: 'TRUE' }),
  b('floppy{n}.clientDevice', 'Use the floppy drive of the client machine.', { default: 'FALSE' }),
  b('floppy{n}.autodetect', 'Pick the host floppy drive automatically.'),
  b('floppy{n}.readonly', 'Open the image read-only.'),
  b('floppy{n}.allowGuestConnectionControl', 'Let the guest connect and disconnect the drive.'),
  // ---- PCI, other devices --------------------------------------------------------------------------
  b('pciBridge{n}.present', 'Whether this PCI bridge exists.'),
  e('pciBridge{n}.virtualDev', 'pciBridgeVirtualDev', 'Kind of PCI bridge.', { strict: false }),
  i('pciBridge{n}.functions', 'Number of functions (slots) the bridge offers.', { min: 1, max: 8 }),
  i('pciBridge{n}.pciSlotNumber', 'PCI slot of the bridge.', { min: -1 }),
  i('pciBridge{n}.pxm', 'NUMA proximity domain of the bridge (-1 for none).', { min: -1 }),
  i('pciBridge{n}:{u}.pxm', 'NUMA proximity domain of one bridge function.', { min: -1 }),
  b('pciPassthru{n}.present', 'Whether this PCI passthrough device exists.'),
  s('pciPassthru{n}.id', 'Host PCI address of the device.'),
  s('pciPassthru{n}.deviceId', 'PCI device id (hex).'),
  s('pciPassthru{n}.vendorId', 'PCI vendor id (hex).'),
  s('pciPassthru{n}.systemId', 'Host system id the device belongs to.'),
  i('pciPassthru{n}.pciSlotNumber', 'PCI slot of the device.', { min: -1 }),
  s('pciPassthru{n}.**', 'Other passthrough settings.'),
  b('vmci{n}.present', 'VMCI device present (fast host-guest communication).'),
  i('vmci{n}.id', 'VMCI context id (written by the host).'),
  i('vmci{n}.pciSlotNumber', 'PCI slot of the VMCI device.', { min: -1 }),
  b(
    'vmci{n}.unrestricted',
    'Let the VM talk to every VM over VMCI (removed in ESXi 5.1; the hardening guide says FALSE).',
  ),
  b('hpet{n}.present', 'High Precision Event Timer present.'),
  b('vvtd{n}.present', 'Virtual IOMMU present.'),
  b('sharedFolder{n}.present', 'Whether this shared folder exists.'),
  b('sharedFolder{n}.enabled', 'Whether this shared folder is on.'),
  b('sharedFolder{n}.readAccess', 'The guest may read the folder.'),
  b('sharedFolder{n}.writeAccess', 'The guest may write the folder.'),
  p('sharedFolder{n}.hostPath', 'Host folder that is shared.'),
  s('sharedFolder{n}.guestName', 'Name of the share in the guest.'),
  s('sharedFolder{n}.expiration', '`never` or `session`.'),
  b('usb:{u}.present', 'Whether this USB 1.1 port device exists.'),
  i('usb:{u}.speed', 'USB speed of the device (1 = full, 2 = high, 4 = super speed).', { min: 1, max: 8 }),
  s('usb:{u}.**', 'Other settings of a USB device.'),
  s('usb_xhci:{u}.**', 'Other settings of a USB 3 device.'),
  s('ehci:{u}.**', 'Other settings of a USB 2 device.'),
  e('usb:{u}.deviceType', 'usbDeviceType', 'Kind of virtual USB device.', { strict: false }),
  i('usb:{u}.port', 'USB port number.', { min: 0 }),
  i('usb:{u}.parent', 'Parent hub (-1 for the root).', { min: -1 }),
  b('usb_xhci:{u}.present', 'Whether this USB 3 port device exists.'),
  e('usb_xhci:{u}.deviceType', 'usbDeviceType', 'Kind of virtual USB device.', { strict: false }),
  i('usb_xhci:{u}.port', 'USB port number.', { min: 0 }),
  i('usb_xhci:{u}.parent', 'Parent hub (-1 for the root).', { min: -1 }),
  b('ehci:{u}.present', 'Whether this USB 2 port device exists.'),
  e('ehci:{u}.deviceType', 'usbDeviceType', 'Kind of virtual USB device.', { strict: false }),
  i('ehci:{u}.port', 'USB port number.', { min: 0 }),
  i('ehci:{u}.parent', 'Parent hub (-1 for the root).', { min: -1 }),
  b('sgx{n}.present', 'Virtual SGX present.'),
  b('nvdimm{n}.present', 'Virtual NVDIMM controller present.'),
  p('nvdimm{n}:{u}.fileName', 'Backing file of an NVDIMM.'),
  b('nvdimm{n}:{u}.present', 'Whether this NVDIMM exists.'),
  i('nvdimm{n}:{u}.size', 'Size of the NVDIMM in MB.', { min: 0, unit: 'MB' }),
];
