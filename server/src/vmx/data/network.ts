/**
 * MAC addresses VMware assigns, and the URI schemes of a serial port over the network.
 *
 * Sources (facts only): VMware KB 219 "Setting a static MAC address for a virtual NIC" and the
 * vSphere Networking guide, "MAC Address Assignment" (static range 00:50:56:00:00:00 to
 * 00:50:56:3F:FF:FF; generated prefixes 00:0C:29 for hosts, 00:50:56 for vCenter Server,
 * 00:05:69 for older products); the vSphere API reference, VirtualSerialPortURIBackingInfo
 * (the schemes of a network serial port's serviceURI).
 */

/** The first three bytes of a static MAC VMware accepts, and the highest fourth byte. */
export const STATIC_MAC_PREFIX: readonly number[] = [0x00, 0x50, 0x56];
export const STATIC_MAC_MAX_FOURTH = 0x3f;

/** The prefixes (lower-case, colon-separated) of MACs VMware generates. */
export const GENERATED_MAC_PREFIXES: ReadonlySet<string> = new Set(['00:0c:29', '00:50:56', '00:05:69']);

/** URI schemes of a serial port over the network; the first four are the usual ones. */
export const SERIAL_URI_SCHEMES: readonly string[] = [
  'tcp',
  'tcp4',
  'tcp6',
  'telnet',
  'telnets',
  'ssl',
  'tcp+ssl',
  'tcp4+ssl',
  'tcp6+ssl',
];
