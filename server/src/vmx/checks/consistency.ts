/** Settings that must agree with each other: devices, CPUs per socket, the virtual hardware version, Secure Boot and firmware. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KeyDef } from '../data/keys';
import { clip, type VmxTree } from '../parser';
import { enumValues } from '../schema';
import { devicesOf, missingControllers, nicMacs, serialPorts } from './devices';
import {
  INT,
  isTrue,
  keyLookups,
  keyRange,
  lastValue,
  lc,
  valueRange,
  type KeyLookup,
  type VmxFinding,
} from './shared';
import type { FixData } from '../../common/fixes';

/** Every check across keys, in the order their findings are listed for one position. */
export function consistency(doc: TextDocument, tree: VmxTree, out: VmxFinding[]): void {
  const lookupOf = keyLookups(tree);
  const devices = devicesOf(tree, lookupOf);
  serialPorts(doc, tree, devices, out);
  missingControllers(doc, tree, devices, out);
  nicMacs(doc, tree, devices, out);
  coresPerSocket(doc, tree, out);
  hardwareVersion(doc, tree, lookupOf, out);
  secureBoot(doc, tree, out);
}

/** numvcpus must be a multiple of cpuid.coresPerSocket. */
function coresPerSocket(doc: TextDocument, tree: VmxTree, out: VmxFinding[]): void {
  const vcpus = lastValue(tree, 'numvcpus');
  const cps = lastValue(tree, 'cpuid.coresPerSocket');
  if (!vcpus || !cps || !INT.test(vcpus.value.trim()) || !INT.test(cps.value.trim())) return;
  const n = Number(vcpus.value.trim());
  const c = Number(cps.value.trim());
  if (c > 0 && n > 0 && n % c !== 0) {
    out.push({
      rule: 'vmx-cores-per-socket',
      range: valueRange(doc, cps),
      message: `numvcpus (${n}) is not a multiple of cpuid.coresPerSocket (${c}): VMware will not power on. Use a cores-per-socket value that divides ${n}, e.g. ${divisors(n).join(', ')}.`,
      data: { replace: divisors(n).map(String) } satisfies FixData,
    });
  }
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= n && out.length < 6; k++) if (n % k === 0) out.push(k);
  return out;
}

/** Devices and values newer than the file's virtualHW.version. */
function hardwareVersion(
  doc: TextDocument,
  tree: VmxTree,
  lookupOf: (i: number) => KeyLookup,
  out: VmxFinding[],
): void {
  const hwEntry = lastValue(tree, 'virtualHW.version');
  if (!hwEntry || !INT.test(hwEntry.value.trim())) return;
  const hw = Number(hwEntry.value.trim());
  const entries = tree.entries;
  // only keys with a version (or with values that have one) newer than the hardware matter
  const newer = (def: KeyDef) =>
    (def.since !== undefined && def.since > hw) || enumValues(def).some((x) => x.since !== undefined && x.since > hw);
  for (let i = 0; i < entries.length; i++) {
    const m = lookupOf(i).match;
    if (!m || !newer(m.def) || entries.quote(i) === 'curly') continue;
    const e = entries.at(i);
    const def = m.def;
    let need: number | undefined;
    let what = '';
    if (def.since !== undefined && def.since > hw && (def.type !== 'boolean' || isTrue(e.value))) {
      need = def.since;
      what = `\`${clip(e.key)}\``;
    } else {
      const ev = enumValues(def).find((x) => x.since !== undefined && lc(x.value) === lc(e.value.trim()));
      if (ev && ev.since! > hw) {
        need = ev.since;
        what = `"${ev.value}"`;
      }
    }
    if (need === undefined) continue;
    out.push({
      rule: 'vmx-hardware-version',
      range: what.startsWith('"') ? valueRange(doc, e) : keyRange(doc, e),
      message: `${what} needs virtual hardware version ${need} or later, but virtualHW.version is ${hw} (line ${hwEntry.line + 1}): upgrade the VM hardware or choose an older device.`,
      related: [{ location: { uri: doc.uri, range: valueRange(doc, hwEntry) }, message: 'virtual hardware version' }],
    });
  }
}

/** UEFI Secure Boot needs firmware = "efi". */
function secureBoot(doc: TextDocument, tree: VmxTree, out: VmxFinding[]): void {
  const sb = lastValue(tree, 'uefi.secureBoot.enabled');
  if (!sb || !isTrue(sb.value)) return;
  const fw = lastValue(tree, 'firmware');
  if (!fw || lc(fw.value.trim()) !== 'efi') {
    out.push({
      rule: 'vmx-secure-boot-needs-efi',
      range: valueRange(doc, sb),
      message: `uefi.secureBoot.enabled is TRUE but firmware is ${fw ? `"${clip(fw.value)}"` : 'not set (BIOS)'}: Secure Boot works only with firmware = "efi".`,
      data: fw ? undefined : ({ addLines: { after: sb.line - 1, lines: ['firmware = "efi"'] } } satisfies FixData),
    });
  }
}
