/**
 * Looking keys up in the knowledge tables: turn a concrete key (`Serial0.FileType`) into its
 * shape (`serial{n}.filetype`) with the device indices, and find the table entry.
 */
import { FAMILIES, KEYS, type DeviceFamily, type KeyDef } from './data/keys';
import { DOCUMENTED_WRITTEN_KEYS, UNDOCUMENTED_WRITTEN_KEYS, type WrittenKey } from './data/written';
import { ENUMS, type EnumValue } from './data/enums';
import { GUEST_OS, GUEST_OS_ARCH_PREFIXES, type GuestOsDef } from './data/guestOS';

export interface DeviceRef {
  readonly family: DeviceFamily;
  readonly index?: number;
  readonly unit?: number;
  /** `scsi0:1`, `serial0`, `usb_xhci:4` as written in the key (family in canonical case). */
  readonly id: string;
  /** The controller id for a unit (`scsi0` for `scsi0:1`). */
  readonly controllerId?: string;
  /** Offsets of the device segment inside the key. */
  readonly start: number;
  readonly end: number;
  /** True when the device segment is not the first one (`sched.scsi0:0.shares`). */
  readonly nested: boolean;
}

export interface KeyShape {
  /** Lower-case shape with `{n}` / `{u}` placeholders. */
  readonly shape: string;
  readonly device?: DeviceRef;
}

export interface KeyMatch {
  readonly def: KeyDef;
  readonly via: 'exact' | 'pattern' | 'prefix';
}

const familyByLower = new Map<string, DeviceFamily>(FAMILIES.map((f) => [f.name.toLowerCase(), f]));

/** Split a key into its shape and device reference. Linear in the key length. */
export function shapeOf(key: string): KeyShape {
  const parts: string[] = [];
  let device: DeviceRef | undefined;
  let segStart = 0;
  const lower = key.toLowerCase();
  for (let k = 0; k <= lower.length; k++) {
    if (k < lower.length && lower[k] !== '.') continue;
    const seg = lower.slice(segStart, k);
    const shaped = shapeSegment(seg, key.slice(segStart, k));
    if (shaped) {
      parts.push(shaped.shape);
      if (!device) {
        const ref = shaped.ref;
        device = {
          family: ref.family,
          index: ref.index,
          unit: ref.unit,
          id: ref.id,
          controllerId: ref.controllerId,
          start: segStart,
          end: k,
          nested: parts.length > 1,
        };
      }
    } else parts.push(seg);
    segStart = k + 1;
  }
  return { shape: parts.join('.'), device };
}

function shapeSegment(
  seg: string,
  _orig: string,
): { shape: string; ref: Omit<DeviceRef, 'start' | 'end' | 'nested'> } | undefined {
  if (seg.length === 0 || seg.length > 40) return undefined;
  const colon = seg.indexOf(':');
  const left = colon < 0 ? seg : seg.slice(0, colon);
  const unitText = colon < 0 ? undefined : seg.slice(colon + 1);
  if (unitText !== undefined && !/^\d{1,6}$/.test(unitText)) return undefined;
  let d = left.length;
  while (d > 0 && left.charCodeAt(d - 1) >= 0x30 && left.charCodeAt(d - 1) <= 0x39) d--;
  const name = left.slice(0, d);
  const digits = left.slice(d);
  const fam = familyByLower.get(name);
  if (!fam) return undefined;
  if (!digits && unitText === undefined) return undefined;
  if (digits.length > 6) return undefined;
  const index = digits ? Number(digits) : undefined;
  const unit = unitText !== undefined ? Number(unitText) : undefined;
  const shape = fam.name.toLowerCase() + (digits ? '{n}' : '') + (unitText !== undefined ? ':{u}' : '');
  const ctrl = fam.name + (digits ?? '');
  const id = ctrl + (unitText !== undefined ? `:${unit}` : '');
  return {
    shape,
    ref: { family: fam, index, unit, id, controllerId: unitText !== undefined && digits ? ctrl : undefined },
  };
}

// ---- the lookup tables --------------------------------------------------------------------------

const exact = new Map<string, KeyDef>();
const starPatterns: Array<{ segs: string[]; def: KeyDef }> = [];
const prefixPatterns = new Map<string, KeyDef>();

/** A key known only because VMware is seen writing it: what the hover says of it. */
function writtenKeyDef(w: WrittenKey): KeyDef {
  const who = w.seenIn.length
    ? `Written by ${w.seenIn.join(', ')}`
    : 'Reported in .vmx files VMware saved, and seen set by provisioning scripts';
  return {
    key: w.key,
    type: w.type,
    doc: `${who}; its meaning is not documented.`,
    example: w.values[0],
    source: `seen in ${w.evidence.join('; ')}`,
  };
}

/** Every key we know: the documented table and the keys VMware is seen writing. */
export const ALL_KEYS: readonly KeyDef[] = [
  ...KEYS,
  ...DOCUMENTED_WRITTEN_KEYS,
  ...UNDOCUMENTED_WRITTEN_KEYS.map(writtenKeyDef),
];

for (const def of ALL_KEYS) {
  const lower = def.key.toLowerCase();
  if (lower.endsWith('.**')) prefixPatterns.set(lower.slice(0, -3), def);
  else if (lower.split('.').includes('*')) starPatterns.push({ segs: lower.split('.'), def });
  else exact.set(lower, def);
}

/** Concrete (non-wildcard) key patterns, for did-you-mean and completion. */
export const CONCRETE_KEYS: readonly KeyDef[] = ALL_KEYS.filter((d) => !d.key.includes('*'));

export function lookupShape(shape: string): KeyMatch | undefined {
  const ex = exact.get(shape);
  if (ex) return { def: ex, via: 'exact' };
  const segs = shape.split('.');
  for (const sp of starPatterns) {
    if (sp.segs.length !== segs.length) continue;
    let ok = true;
    for (let k = 0; k < segs.length && ok; k++) if (sp.segs[k] !== '*' && sp.segs[k] !== segs[k]) ok = false;
    if (ok) return { def: sp.def, via: 'pattern' };
  }
  // longest matching prefix
  for (let k = segs.length - 1; k >= 1; k--) {
    const pre = segs.slice(0, k).join('.');
    const def = prefixPatterns.get(pre);
    if (def) return { def, via: 'prefix' };
  }
  return undefined;
}

// Keys repeat within a file and across edits: remember recent lookups (bounded).
const cache = new Map<string, { shape: KeyShape; match?: KeyMatch }>();
const CACHE_MAX = 20000;

export function lookupKey(key: string): { shape: KeyShape; match?: KeyMatch } {
  const hit = cache.get(key);
  if (hit) return hit;
  const shape = shapeOf(key);
  const res = { shape, match: lookupShape(shape.shape) };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, res);
  return res;
}

/** A pattern with its placeholders filled from a device reference. */
export function renderKey(pattern: string, index?: number, unit?: number): string {
  return pattern
    .replace('{n}', index === undefined ? '0' : String(index))
    .replace('{u}', unit === undefined ? '0' : String(unit));
}

export function enumValues(def: KeyDef): readonly EnumValue[] {
  return def.values ? (ENUMS[def.values] ?? []) : [];
}

const guestById = new Map<string, GuestOsDef>(GUEST_OS.map((g) => [g.id.toLowerCase(), g]));

/** The guestOS entry for an id, with an `arm-`/`riscv-` prefix resolved. */
export function lookupGuestOs(id: string): { def: GuestOsDef; arch?: string } | undefined {
  const lower = id.toLowerCase();
  const direct = guestById.get(lower);
  if (direct) return { def: direct };
  for (const p of GUEST_OS_ARCH_PREFIXES) {
    if (lower.startsWith(p)) {
      const d = guestById.get(lower.slice(p.length));
      if (d) return { def: d, arch: p.slice(0, -1) };
    }
  }
  return undefined;
}

export function familyOf(name: string): DeviceFamily | undefined {
  return familyByLower.get(name.toLowerCase());
}
