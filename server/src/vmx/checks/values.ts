/** A value against its key's type: booleans, integers and ranges, closed and open lists, MACs, UUIDs, guestOS, encodings, CPU lists. */
import { charsetName, charsetOf } from '../charsets';
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { didYouMean, orList, rangeOf } from '../../common/text';
import { BOOLEAN_VALUES, LOOSE_BOOLEANS } from '../data/enums';
import { GUEST_OS } from '../data/guestOS';
import type { KeyDef } from '../data/keys';
import type { VmxEntry } from '../entries';
import { clip } from '../parser';
import { enumValues, lookupGuestOs } from '../schema';
import { INT, lc, type VmxFinding } from './shared';
import type { FixData } from '../../common/fixes';

/** What a type's check gets: the trimmed value, the clipped key, and the value's range (made only for a finding). */
interface ValueAt {
  readonly v: string;
  readonly key: string;
  readonly range: () => Range;
}

/** The lower-case words a key takes, once per key definition. */
const lowerValueSets = new WeakMap<KeyDef, Set<string>>();
function lowerValues(def: KeyDef): Set<string> {
  let set = lowerValueSets.get(def);
  if (!set) lowerValueSets.set(def, (set = new Set(enumValues(def).map((x) => lc(x.value)))));
  return set;
}

export function checkValue(doc: TextDocument, entry: VmxEntry, def: KeyDef): VmxFinding | undefined {
  const v = entry.value.trim();
  // most values are fine: the range is made only for a finding
  const at: ValueAt = { v, key: clip(entry.key), range: () => rangeOf(doc, entry.valueStart, entry.valueEnd) };
  if (v === '' && (def.type === 'boolean' || def.type === 'integer' || (def.type === 'enum' && def.strict))) {
    const dflt = def.default !== undefined ? ` ("${def.default}")` : '';
    return {
      rule: 'vmx-unknown-value',
      range: rangeOf(doc, entry.tokenStart, entry.tokenEnd),
      message: `\`${at.key}\` is empty: VMware falls back to its default${dflt}; set a value or remove the line.`,
    };
  }
  switch (def.type) {
    case 'boolean':
      return checkBoolean(at);
    case 'integer':
      return checkInteger(at, def);
    case 'enum':
      return checkEnum(at, def);
    case 'mac':
      return checkMac(at);
    case 'uuid':
      return checkUuid(at);
    case 'guestos':
      return checkGuestOs(at);
    case 'encoding':
      return checkEncoding(at);
    case 'cpulist':
      return checkCpuList(at);
    default:
      return undefined;
  }
}

function checkBoolean({ v, key, range }: ValueAt): VmxFinding | undefined {
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

function checkInteger({ v, key, range }: ValueAt, def: KeyDef): VmxFinding | undefined {
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

function checkEnum({ v, key, range }: ValueAt, def: KeyDef): VmxFinding | undefined {
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

function checkMac({ v, key, range }: ValueAt): VmxFinding | undefined {
  if (v === '' || parseMac(v)) return undefined;
  return {
    rule: 'vmx-invalid-value',
    range: range(),
    message: `\`${key}\` is a MAC address: "${clip(v)}" is not six hex bytes separated by colons (like 00:50:56:01:02:03).`,
  };
}

function checkUuid({ v, key, range }: ValueAt): VmxFinding | undefined {
  if (v === '') return undefined;
  const hex = v.replace(/[\s-]/g, '');
  if (/^[0-9a-f]{32}$/i.test(hex)) return undefined;
  return {
    rule: 'vmx-invalid-value',
    range: range(),
    message: `\`${key}\` is a UUID: "${clip(v)}" is not 16 hex bytes (VMware writes \`56 4d 12 34 56 78 9a bc-de f0 12 34 56 78 9a bc\`).`,
  };
}

function checkGuestOs({ v, range }: ValueAt): VmxFinding | undefined {
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

function checkEncoding({ v, range }: ValueAt): VmxFinding | undefined {
  const c = charsetOf(v);
  if (c && c.status !== 'unsupported') return undefined;
  if (c)
    return {
      rule: 'vmx-unknown-value',
      range: range(),
      message: `VMware knows the charset "${clip(v)}" (${charsetName(c)}) but has no converter for it, so it cannot read the file's values: save the file as UTF-8 and write "UTF-8".`,
      data: { replace: ['UTF-8'] } satisfies FixData,
    };
  return {
    rule: 'vmx-unknown-value',
    range: range(),
    message: `Unknown .encoding "${clip(v)}": VMware knows no charset by that name. It writes "UTF-8"; older hosts wrote their code page, such as "windows-1252", "GBK", "Shift_JIS" or "windows-949-2000".`,
    data: { replace: ['UTF-8'] } satisfies FixData,
  };
}

function checkCpuList({ v, key, range }: ValueAt): VmxFinding | undefined {
  if (lc(v) === 'all' || v === '') return undefined;
  if (/^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$/.test(v) && v.length < 20000) return undefined;
  return {
    rule: 'vmx-invalid-value',
    range: range(),
    message: `\`${key}\` is "all" or a comma-separated list of CPU numbers (like "0,1,2,3"): "${clip(v)}" is neither.`,
  };
}

/** Six bytes of a MAC, or undefined. Accepts `:` (VMware) and `-` separators. */
export function parseMac(v: string): number[] | undefined {
  const m =
    /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/i.exec(
      v.trim(),
    );
  return m ? m.slice(1, 7).map((x) => parseInt(x, 16)) : undefined;
}
