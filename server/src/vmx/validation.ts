/** Diagnostics for .vmx files: syntax, keys, values, and consistency between keys. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingBudget, type Finding, type ModeContext } from '../service/types';
import { didYouMean, editDistance, orList, rangeOf } from '../common/text';
import { partitionPoint } from '../common/search';
import { BOOLEAN_VALUES, ENUMS, LOOSE_BOOLEANS } from './data/enums';
import { GUEST_OS } from './data/guestOS';
import type { KeyDef } from './data/keys';
import { clip, type SyntaxProblemKind, type VmxEntry, type VmxTree } from './parser';
import { CONCRETE_KEYS, enumValues, lookupGuestOs, lookupKey, renderKey, type DeviceRef } from './schema';

/** What a quick fix needs, carried in `Diagnostic.data`. */
export interface FixData {
  /** Replacement candidates for the diagnostic's range. */
  readonly replace?: readonly string[];
  /** Lines to insert after 0-based line `after`. */
  readonly insert?: { readonly after: number; readonly lines: readonly string[] };
  /** A 0-based line to delete. */
  readonly deleteLine?: number;
}

const SYNTAX_RULE: Record<SyntaxProblemKind, string> = {
  'missing-equals': 'vmx-syntax',
  'bad-key': 'vmx-syntax',
  'missing-value': 'vmx-syntax',
  'trailing-text': 'vmx-syntax',
  unterminated: 'vmx-unterminated-string',
  'curly-quotes': 'vmx-curly-quotes',
  unquoted: 'vmx-unquoted-value',
  'bad-escape': 'vmx-bad-escape',
};

const lc = (s: string) => s.toLowerCase();
const isTrue = (v: string | undefined) => v !== undefined && /^(true|yes|on|1)$/i.test(v.trim());

/** The value that counts for a key (the last one), or undefined. */
export function lastValue(tree: VmxTree, key: string): VmxEntry | undefined {
  const use = tree.byKey.get(lc(key));
  return use ? tree.entries.at(use.last) : undefined;
}

export function validateVmx(doc: TextDocument, tree: VmxTree, ctx: ModeContext): Finding[] {
  const out: Finding[] = [];
  const r = (s: number, e: number) => rangeOf(doc, s, e);
  // the setting on a line, if any (entries are in line order, at most one per line)
  const entryOn = (line: number): VmxEntry | undefined => {
    const list = tree.entries;
    const i = partitionPoint(list.length, (k) => list.line(k) < line);
    return i < list.length && list.line(i) === line ? list.at(i) : undefined;
  };
  for (const p of tree.problems) {
    const f: Finding = { rule: SYNTAX_RULE[p.kind], range: r(p.start, p.end), message: p.message };
    if (p.kind === 'curly-quotes') {
      const entry = entryOn(p.line);
      out.push(entry ? { ...f, data: { replace: [`"${entry.raw}"`] } satisfies FixData } : f);
    } else if (p.kind === 'unquoted') {
      const entry = entryOn(p.line);
      if (entry) out.push({ ...f, data: { replace: [`"${entry.raw.replace(/"/g, '|22')}"`] } satisfies FixData });
      else out.push(f);
    } else out.push(f);
  }
  if (ctx.token?.isCancellationRequested) return out;

  // each rule's findings below are made in document order: past MAX_FINDINGS_PER_RULE + 1 of
  // one rule the facade lists no more, so they are not made
  const room = findingBudget<string>();

  // duplicates: report the later line, naming the earlier one; a file of a million repeated
  // lines stops early
  const entries = tree.entries;
  const lastSet = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const keyLower = entries.keyLower(i);
    if (tree.byKey.get(keyLower)!.count < 2) continue;
    const p = lastSet.get(keyLower);
    lastSet.set(keyLower, i);
    if (p === undefined) continue;
    if (!room('vmx-duplicate-key')) break;
    const prev = entries.at(p);
    const cur = entries.at(i);
    const same = prev.value === cur.value;
    out.push({
      rule: 'vmx-duplicate-key',
      range: r(cur.keyStart, cur.keyEnd),
      message: `\`${clip(cur.key)}\` is set again: line ${prev.line + 1} already set it${same ? ' to the same value' : ` to "${clip(prev.value, 40)}"`}. The later value wins, so line ${prev.line + 1} has no effect; remove one of them.`,
      related: [{ location: { uri: doc.uri, range: r(prev.keyStart, prev.keyEnd) }, message: 'earlier setting' }],
      data: { deleteLine: prev.line } satisfies FixData,
    });
  }

  const lookupOf = keyLookups(tree);
  const unknownOf: Array<Finding | undefined> = [];
  const reportedDevices = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    if ((i & 0xfff) === 0 && ctx.token?.isCancellationRequested) return out;
    const { shape, match } = lookupOf(i);
    const dev = shape.device;
    if (dev && !reportedDevices.has(lc(dev.id))) {
      const msg = indexProblem(dev);
      if (msg && room('vmx-index-out-of-range')) {
        reportedDevices.add(lc(dev.id));
        const keyStart = entries.keyStart(i);
        out.push({ rule: 'vmx-index-out-of-range', range: r(keyStart + dev.start, keyStart + dev.end), message: msg });
      }
    }
    if (!match) {
      if (!room('vmx-unknown-key')) continue;
      // the same key text gets the same message and suggestions
      const id = entries.keyId(i);
      const f = (unknownOf[id] ??= unknownKey(doc, entries.at(i), shape.shape, dev));
      out.push({ ...f, range: r(entries.keyStart(i), entries.keyEnd(i)) });
      continue;
    }
    if (match.via !== 'exact') {
      // a catch-all namespace: still flag an obvious typo of a key we know exactly
      const near = nearConcrete(shape.shape);
      if (near && room('vmx-unknown-key')) {
        const suggestion = renderKey(near.key, dev?.index, dev?.unit);
        out.push({
          rule: 'vmx-unknown-key',
          range: r(entries.keyStart(i), entries.keyEnd(i)),
          message: `Unknown key \`${clip(entries.key(i))}\`: did you mean \`${suggestion}\`? VMware ignores keys it does not know.`,
          data: { replace: [suggestion] } satisfies FixData,
        });
      }
    }
    if (entries.quote(i) === 'curly' || entries.unterminated(i)) continue;
    const f = checkValue(doc, entries.at(i), match.def);
    if (f && room(f.rule)) out.push(f);
  }
  if (ctx.token?.isCancellationRequested) return out;
  consistency(doc, tree, out);
  return out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** lookupKey for entry i, once per distinct key text of the tree. */
function keyLookups(tree: VmxTree): (i: number) => ReturnType<typeof lookupKey> {
  const byId: Array<ReturnType<typeof lookupKey> | undefined> = [];
  const entries = tree.entries;
  return (i) => {
    const id = entries.keyId(i);
    return (byId[id] ??= lookupKey(entries.keyTexts[id]!));
  };
}

function indexProblem(dev: DeviceRef): string | undefined {
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

const nearCache = new Map<string, KeyDef | null>();

function nearConcrete(shape: string): KeyDef | undefined {
  const hit = nearCache.get(shape);
  if (hit !== undefined) return hit ?? undefined;
  if (nearCache.size > 10000) nearCache.clear();
  const found = nearConcreteUncached(shape);
  nearCache.set(shape, found ?? null);
  return found;
}

function nearConcreteUncached(shape: string): KeyDef | undefined {
  let best: KeyDef | undefined;
  for (const d of CONCRETE_KEYS) {
    const k = lc(d.key);
    if (Math.abs(k.length - shape.length) > 1) continue;
    if (k === shape) return undefined;
    if (editDistance(shape, k, 1) <= 1) best ??= d;
  }
  // only when the differing part is a real word, not an index
  return best && shape.length >= 8 ? best : undefined;
}

function unknownKey(doc: TextDocument, entry: VmxEntry, shape: string, dev: DeviceRef | undefined): Finding {
  const candidates = CONCRETE_KEYS.map((d) => lc(d.key));
  const near = didYouMean(shape, candidates, 3);
  const byLower = new Map(CONCRETE_KEYS.map((d) => [lc(d.key), d.key]));
  const suggestions = near.map((s) => renderKey(byLower.get(s) ?? s, dev?.index, dev?.unit));
  let hint = '';
  if (suggestions.length) hint = ` Did you mean ${orList(suggestions)}?`;
  else if (dev) {
    const fam = dev.family.name.toLowerCase();
    const some = CONCRETE_KEYS.filter((d) => lc(d.key).startsWith(fam))
      .slice(0, 4)
      .map((d) => renderKey(d.key, dev.index, dev.unit).slice(dev.start));
    if (some.length) hint = ` Known ${dev.family.label} keys include ${orList(some)}.`;
  }
  return {
    rule: 'vmx-unknown-key',
    range: rangeOf(doc, entry.keyStart, entry.keyEnd),
    message: `Unknown key \`${clip(entry.key)}\`: VMware ignores keys it does not know.${hint}`,
    data: suggestions.length ? ({ replace: suggestions } satisfies FixData) : undefined,
  };
}

const INT = /^[+-]?\d{1,18}$/;

/** The lower-case words a key takes, once per key definition. */
const lowerValueSets = new WeakMap<KeyDef, Set<string>>();
function lowerValues(def: KeyDef): Set<string> {
  let set = lowerValueSets.get(def);
  if (!set) lowerValueSets.set(def, (set = new Set(enumValues(def).map((x) => lc(x.value)))));
  return set;
}

function checkValue(doc: TextDocument, entry: VmxEntry, def: KeyDef): Finding | undefined {
  const v = entry.value.trim();
  // most values are fine: the range is made only for a finding
  const range = () => rangeOf(doc, entry.valueStart, entry.valueEnd);
  const key = clip(entry.key);
  if (v === '' && (def.type === 'boolean' || def.type === 'integer' || (def.type === 'enum' && def.strict))) {
    const dflt = def.default !== undefined ? ` ("${def.default}")` : '';
    return {
      rule: 'vmx-unknown-value',
      range: rangeOf(doc, entry.tokenStart, entry.tokenEnd),
      message: `\`${key}\` is empty: VMware falls back to its default${dflt}; set a value or remove the line.`,
    };
  }
  switch (def.type) {
    case 'boolean': {
      if (/^(true|false)$/i.test(v)) return undefined;
      const loose = LOOSE_BOOLEANS[lc(v)];
      if (loose) {
        return {
          rule: 'vmx-nonstandard-boolean',
          range: range(),
          message: `\`${key}\` is a boolean: write "${loose}" rather than "${clip(v)}" (libvirt and other tools accept only TRUE or FALSE).`,
          data: { replace: [loose] } satisfies FixData,
        };
      }
      return {
        rule: 'vmx-invalid-value',
        range: range(),
        message: `\`${key}\` is a boolean: "${clip(v)}" is neither TRUE nor FALSE.`,
        data: { replace: BOOLEAN_VALUES.map((x) => x.value) } satisfies FixData,
      };
    }
    case 'integer': {
      const words = enumValues(def);
      if (words.length && lowerValues(def).has(lc(v))) return undefined;
      if (!INT.test(v)) {
        const alt = words.length ? ` or ${orList(words.map((w) => w.value))}` : '';
        return {
          rule: 'vmx-invalid-value',
          range: range(),
          message: `\`${key}\` takes a whole number${def.unit ? ` (${def.unit})` : ''}${alt}: "${clip(v)}" is not one.`,
        };
      }
      const num = Number(v);
      if (def.multipleOf && num % def.multipleOf !== 0) {
        const down = Math.max(def.multipleOf, num - (num % def.multipleOf));
        return {
          rule: 'vmx-memsize-multiple',
          range: range(),
          message: `\`${key}\` must be a multiple of ${def.multipleOf}: ${num} is not; use ${down}${down + def.multipleOf !== down ? ` or ${down + def.multipleOf}` : ''}.`,
          data: { replace: [String(down), String(down + def.multipleOf)] } satisfies FixData,
        };
      }
      if ((def.min !== undefined && num < def.min) || (def.max !== undefined && num > def.max)) {
        const span =
          def.min !== undefined && def.max !== undefined
            ? `from ${def.min} to ${def.max}`
            : def.min !== undefined
              ? `${def.min} or more`
              : `at most ${def.max}`;
        return {
          rule: 'vmx-value-out-of-range',
          range: range(),
          message: `\`${key}\` is out of range: ${num}${def.unit ? ' ' + def.unit : ''}; it takes ${span}.`,
        };
      }
      return undefined;
    }
    case 'enum': {
      const values = enumValues(def);
      if (lowerValues(def).has(lc(v))) return undefined;
      if (v === '' && !def.strict) return undefined;
      const names = values.map((x) => x.value);
      const sugg = didYouMean(v, names, 3);
      return {
        rule: def.strict ? 'vmx-invalid-value' : 'vmx-unknown-value',
        range: range(),
        message: `\`${key}\` ${def.strict ? 'must be' : 'is usually'} ${orList(names)}: "${clip(v)}" is ${def.strict ? 'not allowed' : 'not a value we know'}.${sugg.length ? ` Did you mean "${sugg[0]}"?` : ''}`,
        data: { replace: sugg.length ? sugg : names } satisfies FixData,
      };
    }
    case 'mac': {
      if (v === '') return undefined;
      if (!parseMac(v)) {
        return {
          rule: 'vmx-invalid-value',
          range: range(),
          message: `\`${key}\` is a MAC address: "${clip(v)}" is not six hex bytes separated by colons (like 00:50:56:01:02:03).`,
        };
      }
      return undefined;
    }
    case 'uuid': {
      if (v === '') return undefined;
      const hex = v.replace(/[\s-]/g, '');
      if (!/^[0-9a-f]{32}$/i.test(hex)) {
        return {
          rule: 'vmx-invalid-value',
          range: range(),
          message: `\`${key}\` is a UUID: "${clip(v)}" is not 16 hex bytes (VMware writes \`56 4d 12 34 56 78 9a bc-de f0 12 34 56 78 9a bc\`).`,
        };
      }
      return undefined;
    }
    case 'guestos': {
      if (v === '' || lookupGuestOs(v)) return undefined;
      const sugg = didYouMean(
        v,
        GUEST_OS.map((g) => g.id),
        3,
      );
      return {
        rule: 'vmx-unknown-value',
        range: range(),
        message: `Unknown guestOS "${clip(v)}": VMware falls back to generic defaults.${sugg.length ? ` Did you mean ${orList(sugg, '"')}?` : ' See the completion list for the known ids.'}`,
        data: sugg.length ? ({ replace: sugg } satisfies FixData) : undefined,
      };
    }
    case 'encoding': {
      const known = ENUMS.encoding ?? [];
      if (known.some((x) => lc(x.value) === lc(v)) || /^(windows-125\d|iso-8859-\d{1,2}|cp\d{3,5}|utf-?8)$/i.test(v))
        return undefined;
      return {
        rule: 'vmx-unknown-value',
        range: range(),
        message: `Unknown .encoding "${clip(v)}": VMware writes "UTF-8" (older hosts: windows-1252, GBK, Shift_JIS…).`,
        data: { replace: ['UTF-8'] } satisfies FixData,
      };
    }
    case 'cpulist': {
      if (lc(v) === 'all' || v === '') return undefined;
      if (/^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$/.test(v) && v.length < 20000) return undefined;
      return {
        rule: 'vmx-invalid-value',
        range: range(),
        message: `\`${key}\` is "all" or a comma-separated list of CPU numbers (like "0,1,2,3"): "${clip(v)}" is neither.`,
      };
    }
    default:
      return undefined;
  }
}

/** Six bytes of a MAC, or undefined. Accepts `:` (VMware) and `-` separators. */
export function parseMac(v: string): number[] | undefined {
  const m =
    /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/i.exec(
      v.trim(),
    );
  return m ? m.slice(1, 7).map((x) => parseInt(x, 16)) : undefined;
}

function consistency(doc: TextDocument, tree: VmxTree, out: Finding[]): void {
  const r = (e: VmxEntry, which: 'key' | 'value' = 'key') =>
    which === 'key' ? rangeOf(doc, e.keyStart, e.keyEnd) : rangeOf(doc, e.valueStart, e.valueEnd);
  const get = (k: string) => lastValue(tree, k);

  // devices seen in the file, by lower-case id
  const lookupOf = keyLookups(tree);
  const entries = tree.entries;
  const devices = new Map<string, DeviceRef>();
  for (let i = 0; i < entries.length; i++) {
    const d = lookupOf(i).shape.device;
    if (d && !d.nested && !devices.has(lc(d.id))) devices.set(lc(d.id), d);
  }

  // serial ports
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
      if (missing.length) {
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
        out.push({
          rule: 'vmx-serial-incomplete',
          range: r(ft, 'value'),
          message: `${name} ${type === 'pipe' ? 'uses a named pipe' : 'connects over the network'} but lacks ${orList(missing)}: ${why.join('; ')}.`,
          data: lines.length ? ({ insert: { after: ft.line, lines } } satisfies FixData) : undefined,
        });
      }
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
            range: r(fileName, 'value'),
            message: `${name}.fileName "${clip(fileName.value)}" ${problem}`,
          });
      }
    } else if ((type === 'file' || type === 'device') && !fileName && type === 'file') {
      out.push({
        rule: 'vmx-serial-incomplete',
        range: r(ft, 'value'),
        message: `${name} writes to a file but has no ${name}.fileName: add the file path.`,
        data: { insert: { after: ft.line, lines: [`${name}.fileName = "${name}.log"`] } } satisfies FixData,
      });
    }
  }

  // disks need their adapter
  for (const [, d] of devices) {
    if (!d.family.isController || d.unit === undefined || !d.controllerId || d.family.name === 'ide' || indexProblem(d))
      continue;
    const present = get(`${d.id}.present`);
    if (!present || !isTrue(present.value)) continue;
    const ctrl = get(`${d.controllerId}.present`);
    if (ctrl && isTrue(ctrl.value)) continue;
    out.push({
      rule: 'vmx-missing-controller',
      range: r(present),
      message: ctrl
        ? `${d.id} is present but its adapter ${d.controllerId} is not (${d.controllerId}.present = "${clip(ctrl.value)}"): the guest will not see this ${d.family.name.toUpperCase()} device.`
        : `${d.id} is present but its adapter ${d.controllerId} is not: add ${d.controllerId}.present = "TRUE"${d.family.name === 'scsi' ? ` and ${d.controllerId}.virtualDev` : ''}.`,
      data: ctrl
        ? undefined
        : ({ insert: { after: present.line - 1, lines: [`${d.controllerId}.present = "TRUE"`] } } satisfies FixData),
    });
  }

  // NIC MACs
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
      const ok = bytes[0] === 0x00 && bytes[1] === 0x50 && bytes[2] === 0x56 && bytes[3]! <= 0x3f;
      if (!ok) {
        out.push({
          rule: 'vmx-mac-range',
          range: r(macEntry, 'value'),
          message: `${d.id} has a static MAC ${norm} outside VMware's static range 00:50:56:00:00:00–00:50:56:3f:ff:ff: ESX before 5.1 and the hosted products refuse it unless ${d.id}.checkMACAddress = "FALSE"; use an address in that range or set checkMACAddress.`,
        });
      }
    }
    if (type === 'generated') {
      const oui = norm.slice(0, 8);
      if (oui !== '00:0c:29' && oui !== '00:50:56' && oui !== '00:05:69') {
        out.push({
          rule: 'vmx-mac-range',
          range: r(macEntry, 'value'),
          message: `${d.id}.generatedAddress ${norm} is not a VMware-generated MAC (00:0c:29:…): with addressType "generated" VMware may replace it. To keep a chosen MAC, set ${d.id}.addressType = "static" and ${d.id}.address.`,
        });
      }
    }
    const prev = macs.get(norm);
    if (prev) {
      out.push({
        rule: 'vmx-duplicate-mac',
        range: r(macEntry, 'value'),
        message: `${d.id} has the same MAC ${norm} as ${prev.nic} (line ${prev.entry.line + 1}): two adapters with one MAC break networking; change one of them.`,
        related: [{ location: { uri: doc.uri, range: r(prev.entry, 'value') }, message: `${prev.nic} MAC` }],
      });
    } else macs.set(norm, { nic: d.id, entry: macEntry });
  }

  // CPUs
  const vcpus = get('numvcpus');
  const cps = get('cpuid.coresPerSocket');
  if (vcpus && cps && INT.test(vcpus.value.trim()) && INT.test(cps.value.trim())) {
    const n = Number(vcpus.value.trim());
    const c = Number(cps.value.trim());
    if (c > 0 && n > 0 && n % c !== 0) {
      out.push({
        rule: 'vmx-cores-per-socket',
        range: r(cps, 'value'),
        message: `numvcpus (${n}) is not a multiple of cpuid.coresPerSocket (${c}): VMware will not power on. Use a cores-per-socket value that divides ${n}, e.g. ${divisors(n).join(', ')}.`,
        data: { replace: divisors(n).map(String) } satisfies FixData,
      });
    }
  }

  // devices and values newer than the virtual hardware
  const hwEntry = get('virtualHW.version');
  const hw = hwEntry && INT.test(hwEntry.value.trim()) ? Number(hwEntry.value.trim()) : undefined;
  if (hw !== undefined) {
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
        range: what.startsWith('"') ? r(e, 'value') : r(e),
        message: `${what} needs virtual hardware version ${need} or later, but virtualHW.version is ${hw} (line ${hwEntry!.line + 1}): upgrade the VM hardware or choose an older device.`,
        related: [{ location: { uri: doc.uri, range: r(hwEntry!, 'value') }, message: 'virtual hardware version' }],
      });
    }
  }

  // Secure Boot needs EFI
  const sb = get('uefi.secureBoot.enabled');
  if (sb && isTrue(sb.value)) {
    const fw = get('firmware');
    if (!fw || lc(fw.value.trim()) !== 'efi') {
      out.push({
        rule: 'vmx-secure-boot-needs-efi',
        range: r(sb, 'value'),
        message: `uefi.secureBoot.enabled is TRUE but firmware is ${fw ? `"${clip(fw.value)}"` : 'not set (BIOS)'}: Secure Boot works only with firmware = "efi".`,
        data: fw ? undefined : ({ insert: { after: sb.line - 1, lines: ['firmware = "efi"'] } } satisfies FixData),
      });
    }
  }
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= n && out.length < 6; k++) if (n % k === 0) out.push(k);
  return out;
}

const URI_SCHEMES = ['tcp', 'tcp4', 'tcp6', 'telnet', 'telnets', 'ssl', 'tcp+ssl', 'tcp4+ssl', 'tcp6+ssl'];

/** Why a network serial URI is wrong, or undefined when it is fine. */
export function uriProblem(uri: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]{0,20}):\/\/([^/]*?)(?::(\d{1,5}))?(\/.*)?$/i.exec(uri);
  if (!m)
    return `is not a URI: a network serial port needs "telnet://host:port" or "tcp://host:port" (host may be empty to listen on all addresses).`;
  if (!URI_SCHEMES.includes(lc(m[1]!)))
    return `uses the scheme "${m[1]}": use ${orList(URI_SCHEMES.slice(0, 4), '"')} (or an ssl variant).`;
  if (!m[3] || Number(m[3]) === 0 || Number(m[3]) > 65535)
    return `has no valid port: write it as "${m[1]}://${m[2] ?? ''}:23001".`;
  return undefined;
}
