/** Devices: indexes and units VMware has, serial ports over pipes and the network, disks without their adapter, NIC MACs. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { orList } from '../../common/text';
import type { VmxEntry } from '../entries';
import { clip, type VmxTree } from '../parser';
import type { DeviceRef } from '../schema';
import { isTrue, keyRange, lastValue, lc, valueRange, type KeyLookup, type VmxFinding } from './shared';
import type { FixData } from '../../common/fixes';
import { parseMac } from './values';
import { GENERATED_MAC_PREFIXES, SERIAL_URI_SCHEMES, STATIC_MAC_MAX_FOURTH, STATIC_MAC_PREFIX } from '../data/network';

/** Why a device index or unit does not exist, or undefined. */
export function indexProblem(dev: DeviceRef): string | undefined {
  const f = dev.family;
  if (dev.index !== undefined && f.maxIndex !== undefined && dev.index > f.maxIndex) {
    return `\`${dev.id}\` does not exist: VMware has ${f.name}0 to ${f.name}${f.maxIndex} (${f.maxIndex + 1} ${f.label}${f.maxIndex ? 's' : ''}) and ignores this one.`;
  }
  if (dev.unit !== undefined) {
    if (f.reservedUnit !== undefined && dev.unit === f.reservedUnit) {
      return `\`${dev.id}\` cannot hold a device: unit ${f.reservedUnit} of a ${f.label} is the adapter itself. Use another unit (0–${f.reservedUnit - 1} or ${f.reservedUnit + 1}–${f.maxUnit ?? 15}).`;
    }
    if (f.maxUnit !== undefined && dev.unit > f.maxUnit) {
      return `\`${dev.id}\` does not exist: a ${f.label} has units 0 to ${f.maxUnit}.`;
    }
  }
  return undefined;
}

/** The devices a file names (first segment of a key), by lower-case id, in order of first use. */
export function devicesOf(tree: VmxTree, lookupOf: (i: number) => KeyLookup): Map<string, DeviceRef> {
  const entries = tree.entries;
  const devices = new Map<string, DeviceRef>();
  for (let i = 0; i < entries.length; i++) {
    const d = lookupOf(i).shape.device;
    if (d && !d.nested && !devices.has(lc(d.id))) devices.set(lc(d.id), d);
  }
  return devices;
}

/** Serial ports over a pipe or the network need a fileName and an endPoint; a file port needs a fileName. */
export function serialPorts(
  doc: TextDocument,
  tree: VmxTree,
  devices: Map<string, DeviceRef>,
  out: VmxFinding[],
): void {
  const get = (k: string) => lastValue(tree, k);
  for (const [id, d] of devices) {
    if (d.family.name !== 'serial' || d.unit !== undefined) continue;
    const present = get(`${id}.present`);
    if (present && !isTrue(present.value)) continue;
    const ft = get(`${id}.fileType`);
    if (!ft || ft.quote === 'curly') continue;
    const type = lc(ft.value.trim());
    const fileName = get(`${id}.fileName`);
    const name = d.id;
    if (type === 'pipe' || type === 'network') {
      const f = missingSerialParts(doc, name, type, ft, fileName, get);
      if (f) out.push(f);
      if (
        type === 'network' &&
        fileName &&
        fileName.quote !== 'curly' &&
        fileName.value.trim() !== '' &&
        !get(`${id}.vspc`)
      ) {
        const problem = uriProblem(fileName.value.trim());
        if (problem)
          out.push({
            rule: 'vmx-serial-incomplete',
            range: valueRange(doc, fileName),
            message: `${name}.fileName "${clip(fileName.value)}" ${problem}`,
          });
      }
    } else if ((type === 'file' || type === 'device') && !fileName && type === 'file') {
      out.push({
        rule: 'vmx-serial-incomplete',
        range: valueRange(doc, ft),
        message: `${name} writes to a file but has no ${name}.fileName: add the file path.`,
        data: { addLines: { after: ft.line, lines: [`${name}.fileName = "${name}.log"`] } } satisfies FixData,
      });
    }
  }
}

/** A pipe or network serial port without its fileName or endPoint. */
function missingSerialParts(
  doc: TextDocument,
  name: string,
  type: 'pipe' | 'network',
  ft: VmxEntry,
  fileName: VmxEntry | undefined,
  get: (k: string) => VmxEntry | undefined,
): VmxFinding | undefined {
  const epKey = type === 'pipe' ? `${name}.pipe.endPoint` : `${name}.network.endPoint`;
  const ep = get(epKey);
  const missing: string[] = [];
  const lines: string[] = [];
  if (!fileName || fileName.value.trim() === '') {
    missing.push(`${name}.fileName`);
    if (!fileName)
      lines.push(
        `${name}.fileName = "${type === 'pipe' ? `/vmfs/volumes/datastore1/${name}.pipe` : 'telnet://:23001'}"`,
      );
  }
  if (!ep) {
    missing.push(epKey);
    lines.push(`${epKey} = "server"`);
  }
  if (!missing.length) return undefined;
  const why: string[] = [];
  if (missing.includes(`${name}.fileName`))
    why.push(
      type === 'pipe'
        ? 'fileName is the path of the pipe (the same on both ends)'
        : 'fileName is a URI such as "telnet://:23001"',
    );
  if (!ep)
    why.push(
      type === 'pipe'
        ? 'pipe.endPoint is "server" on the VM that creates the pipe and "client" on the other'
        : 'network.endPoint is "server" to listen or "client" to connect',
    );
  return {
    rule: 'vmx-serial-incomplete',
    range: valueRange(doc, ft),
    message: `${name} ${type === 'pipe' ? 'uses a named pipe' : 'connects over the network'} but lacks ${orList(missing)}: ${why.join('; ')}.`,
    data: lines.length ? ({ addLines: { after: ft.line, lines } } satisfies FixData) : undefined,
  };
}

/** A present disk or CD-ROM needs its adapter (scsiN, sataN, nvmeN) present. */
export function missingControllers(
  doc: TextDocument,
  tree: VmxTree,
  devices: Map<string, DeviceRef>,
  out: VmxFinding[],
): void {
  const get = (k: string) => lastValue(tree, k);
  for (const [, d] of devices) {
    if (!d.family.isController || d.unit === undefined || !d.controllerId || d.family.name === 'ide' || indexProblem(d))
      continue;
    const present = get(`${d.id}.present`);
    if (!present || !isTrue(present.value)) continue;
    const ctrl = get(`${d.controllerId}.present`);
    if (ctrl && isTrue(ctrl.value)) continue;
    out.push({
      rule: 'vmx-missing-controller',
      range: keyRange(doc, present),
      message: ctrl
        ? `${d.id} is present but its adapter ${d.controllerId} is not (${d.controllerId}.present = "${clip(ctrl.value)}"): the guest will not see this ${d.family.name.toUpperCase()} device.`
        : `${d.id} is present but its adapter ${d.controllerId} is not: add ${d.controllerId}.present = "TRUE"${d.family.name === 'scsi' ? ` and ${d.controllerId}.virtualDev` : ''}.`,
      data: ctrl
        ? undefined
        : ({ addLines: { after: present.line - 1, lines: [`${d.controllerId}.present = "TRUE"`] } } satisfies FixData),
    });
  }
}

/** NIC MACs: static ones in VMware's static range, generated ones VMware's, none twice. */
export function nicMacs(doc: TextDocument, tree: VmxTree, devices: Map<string, DeviceRef>, out: VmxFinding[]): void {
  const get = (k: string) => lastValue(tree, k);
  const macs = new Map<string, { nic: string; entry: VmxEntry }>();
  for (const [id, d] of devices) {
    if (d.family.name !== 'ethernet' || d.unit !== undefined) continue;
    const present = get(`${id}.present`);
    if (!present || !isTrue(present.value)) continue;
    const at = get(`${id}.addressType`);
    const type = at ? lc(at.value.trim()) : 'generated';
    const macEntry = type === 'static' ? get(`${id}.address`) : get(`${id}.generatedAddress`);
    if (!macEntry || macEntry.quote === 'curly') continue;
    const bytes = parseMac(macEntry.value);
    if (!bytes) continue;
    const norm = bytes.map((x) => x.toString(16).padStart(2, '0')).join(':');
    const check = get(`${id}.checkMACAddress`);
    if (type === 'static' && !(check && /^false$/i.test(check.value.trim()))) {
      const ok =
        bytes[0] === STATIC_MAC_PREFIX[0] &&
        bytes[1] === STATIC_MAC_PREFIX[1] &&
        bytes[2] === STATIC_MAC_PREFIX[2] &&
        bytes[3]! <= STATIC_MAC_MAX_FOURTH;
      if (!ok) {
        out.push({
          rule: 'vmx-mac-range',
          range: valueRange(doc, macEntry),
          message: `${d.id} has a static MAC ${norm} outside VMware's static range 00:50:56:00:00:00–00:50:56:3f:ff:ff: ESX before 5.1 and the hosted products refuse it unless ${d.id}.checkMACAddress = "FALSE"; use an address in that range or set checkMACAddress.`,
        });
      }
    }
    if (type === 'generated') {
      const oui = norm.slice(0, 8);
      if (!GENERATED_MAC_PREFIXES.has(oui)) {
        out.push({
          rule: 'vmx-mac-range',
          range: valueRange(doc, macEntry),
          message: `${d.id}.generatedAddress ${norm} is not a VMware-generated MAC (00:0c:29:…): with addressType "generated" VMware may replace it. To keep a chosen MAC, set ${d.id}.addressType = "static" and ${d.id}.address.`,
        });
      }
    }
    const prev = macs.get(norm);
    if (prev) {
      out.push({
        rule: 'vmx-duplicate-mac',
        range: valueRange(doc, macEntry),
        message: `${d.id} has the same MAC ${norm} as ${prev.nic} (line ${prev.entry.line + 1}): two adapters with one MAC break networking; change one of them.`,
        related: [{ location: { uri: doc.uri, range: valueRange(doc, prev.entry) }, message: `${prev.nic} MAC` }],
      });
    } else macs.set(norm, { nic: d.id, entry: macEntry });
  }
}

/** Why a network serial URI is wrong, or undefined when it is fine. */
export function uriProblem(uri: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]{0,20}):\/\/([^/]*?)(?::(\d{1,5}))?(\/.*)?$/i.exec(uri);
  if (!m)
    return `is not a URI: a network serial port needs "telnet://host:port" or "tcp://host:port" (host may be empty to listen on all addresses).`;
  if (!SERIAL_URI_SCHEMES.includes(lc(m[1]!)))
    return `uses the scheme "${m[1]}": use ${orList(SERIAL_URI_SCHEMES.slice(0, 4), '"')} (or an ssl variant).`;
  if (!m[3] || Number(m[3]) === 0 || Number(m[3]) > 65535)
    return `has no valid port: write it as "${m[1]}://${m[2] ?? ''}:23001".`;
  return undefined;
}
