/**
 * .vmx snippets, offered by completion only (in every editor, VS Code too: package.json
 * contributes no vmx snippets file, so they are not listed twice). Source: our own, following libvirt src/vmx/vmx.c's serial port forms
 * and the named-pipe pairing in the post "Using virtual serial ports via named pipes in ESX 3.5"
 * on shocknetwork.com (with straight quotes).
 * `${1:0}` is the device index; completion fills in the next free one.
 */

export interface VmxSnippet {
  /** The name completion shows beside the prefix (the item's detail). */
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  /** Device family whose next free index completion puts into `${1:0}`. */
  readonly family?: string;
  readonly body: readonly string[];
}

/** The two ends of a serial port over a named pipe differ only in pipe.endPoint. */
function pipeEnd(end: 'server' | 'client', which: string): VmxSnippet {
  return {
    name: `Serial port: named pipe, ${end} end`,
    prefix: `serial-pipe-${end}`,
    description: `Serial port over a named pipe, ${which}`,
    family: 'serial',
    body: [
      'serial${1:0}.present = "TRUE"',
      'serial${1:0}.yieldOnMsrRead = "TRUE"',
      'serial${1:0}.fileType = "pipe"',
      'serial${1:0}.fileName = "${2:/vmfs/volumes/datastore1/shared/com1.pipe}"',
      `serial\${1:0}.pipe.endPoint = "${end}"`,
      'serial${1:0}.tryNoRxLoss = "TRUE"',
      '$0',
    ],
  };
}

export const SNIPPETS: readonly VmxSnippet[] = [
  pipeEnd('server', 'the end that creates the pipe. Give the other VM the same fileName with the client end.'),
  pipeEnd('client', 'the end that connects to a pipe the server VM created (same fileName on both VMs).'),
  {
    name: 'Serial port: network (telnet URI)',
    prefix: 'serial-network',
    description:
      'Serial port over the network: the VM listens on a telnet port (vSphere 4.1 and later; open the firewall rule for VM serial ports).',
    family: 'serial',
    body: [
      'serial${1:0}.present = "TRUE"',
      'serial${1:0}.yieldOnMsrRead = "TRUE"',
      'serial${1:0}.fileType = "network"',
      'serial${1:0}.fileName = "${2:telnet://:23001}"',
      'serial${1:0}.network.endPoint = "${3|server,client|}"',
      '$0',
    ],
  },
  {
    name: 'Serial port: network via vSPC',
    prefix: 'serial-vspc',
    description:
      'Serial port through a virtual serial port concentrator (vSPC): the VM connects to the concentrator, which follows it across vMotion.',
    family: 'serial',
    body: [
      'serial${1:0}.present = "TRUE"',
      'serial${1:0}.yieldOnMsrRead = "TRUE"',
      'serial${1:0}.fileType = "network"',
      'serial${1:0}.fileName = "${2:vSPC.py}"',
      'serial${1:0}.vspc = "${3:telnet://vspc.example.com:13370}"',
      'serial${1:0}.network.endPoint = "client"',
      '$0',
    ],
  },
  {
    name: 'Serial port: output to a file',
    prefix: 'serial-file',
    description: 'Serial port whose output goes to a file beside the VM (a console log).',
    family: 'serial',
    body: [
      'serial${1:0}.present = "TRUE"',
      'serial${1:0}.fileType = "file"',
      'serial${1:0}.fileName = "${2:serial-console.log}"',
      '$0',
    ],
  },
  {
    name: 'Network adapter: vmxnet3',
    prefix: 'nic-vmxnet3',
    description: 'A vmxnet3 network adapter on a port group, with a generated MAC.',
    family: 'ethernet',
    body: [
      'ethernet${1:0}.present = "TRUE"',
      'ethernet${1:0}.virtualDev = "vmxnet3"',
      'ethernet${1:0}.networkName = "${2:VM Network}"',
      'ethernet${1:0}.addressType = "generated"',
      'ethernet${1:0}.startConnected = "TRUE"',
      '$0',
    ],
  },
  {
    name: 'SCSI disk',
    prefix: 'scsi-disk',
    description: 'A SCSI adapter and a virtual disk on it.',
    family: 'scsi',
    body: [
      'scsi${1:0}.present = "TRUE"',
      'scsi${1:0}.virtualDev = "${2|pvscsi,lsisas1068,lsilogic,buslogic|}"',
      'scsi${1:0}:${3:0}.present = "TRUE"',
      'scsi${1:0}:${3:0}.deviceType = "scsi-hardDisk"',
      'scsi${1:0}:${3:0}.fileName = "${4:disk.vmdk}"',
      'scsi${1:0}:${3:0}.mode = "${5|persistent,independent-persistent,independent-nonpersistent|}"',
      '$0',
    ],
  },
  {
    name: 'CD-ROM with an ISO image',
    prefix: 'cdrom-iso',
    description: 'A CD/DVD drive on the second IDE channel with an ISO image, connected at power-on.',
    body: [
      'ide${1:1}:${2:0}.present = "TRUE"',
      'ide${1:1}:${2:0}.deviceType = "cdrom-image"',
      'ide${1:1}:${2:0}.fileName = "${3:/vmfs/volumes/datastore1/iso/install.iso}"',
      'ide${1:1}:${2:0}.startConnected = "TRUE"',
      '$0',
    ],
  },
];
