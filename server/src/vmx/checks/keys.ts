/** Each setting on its own: device indexes, unknown keys (with did-you-mean), and its value. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../../service/types';
import { editDistance, orList, rangeOf, suggestionsFor } from '../../common/text';
import type { KeyDef } from '../data/keys';
import type { VmxEntry } from '../entries';
import { clip, type VmxTree } from '../parser';
import { ALL_KEYS, CONCRETE_KEYS, renderKey, type DeviceRef } from '../schema';
import { indexProblem } from './devices';
import { keyLookups, lc, type Room, type VmxFinding } from './shared';
import type { FixData } from '../../common/fixes';
import { checkValue } from './values';

/** Checks every setting; false when cancelled on the way. */
export function checkEntries(
  doc: TextDocument,
  tree: VmxTree,
  out: VmxFinding[],
  room: Room,
  ctx: ModeContext,
): boolean {
  const entries = tree.entries;
  const r = (s: number, e: number) => rangeOf(doc, s, e);
  const lookupOf = keyLookups(tree);
  const unknownOf: Array<VmxFinding | undefined> = [];
  const reportedDevices = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    if ((i & 0xfff) === 0 && ctx.token?.isCancellationRequested) return false;
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
      // the same key text gets the same message and suggestions
      const id = entries.keyId(i);
      const f = (unknownOf[id] ??= unknownKey(doc, entries.at(i), shape.shape, dev));
      if (room(f.rule)) out.push({ ...f, range: r(entries.keyStart(i), entries.keyEnd(i)) });
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
  return true;
}

/** Near-miss lookups by key shape; bounded (cleared past 10,000 shapes). */
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

/** The table's key shapes in lower case, and their spelling in the table. */
const KEY_NAMES = CONCRETE_KEYS.map((d) => lc(d.key));
const KEY_BY_LOWER = new Map(CONCRETE_KEYS.map((d) => [lc(d.key), d.key]));

/** The first segments of the keys we know (`sensor`, `tools`, `scsi{n}:{u}`): the key families. */
const FAMILY_NAMES = new Set(ALL_KEYS.map((d) => lc(d.key).split('.')[0]!));

/**
 * A key we do not know: one edit from a known key, a typo (Warning, with the fix); in a family we
 * know (`sensor.`, `tools.`, `scsi0:0.`), a key nobody documented (Information); else unknown.
 */
function unknownKey(doc: TextDocument, entry: VmxEntry, shape: string, dev: DeviceRef | undefined): VmxFinding {
  const range = rangeOf(doc, entry.keyStart, entry.keyEnd);
  const near = suggestionsFor(shape, KEY_NAMES, 3);
  const suggestions = near.map((s) => renderKey(KEY_BY_LOWER.get(s) ?? s, dev?.index, dev?.unit));
  const key = clip(entry.key);
  if (near.length && editDistance(shape, near[0]!, 1) <= 1)
    return {
      rule: 'vmx-unknown-key',
      range,
      message: `Unknown key \`${key}\`: did you mean \`${suggestions[0]}\`? VMware ignores a key it does not know, so this setting has no effect.`,
      data: { replace: suggestions.slice(0, 1) } satisfies FixData,
    };
  const family = shape.split('.')[0]!;
  const hint = suggestions.length ? ` Did you mean ${orList(suggestions)}?` : familyHint(dev);
  const segments = shape.split('.');
  if (segments.length > 1 && !segments.includes('') && FAMILY_NAMES.has(family))
    return {
      rule: 'vmx-undocumented-key',
      range,
      message: `\`${key}\` is not documented: it belongs to the \`${entry.key.split('.')[0]}.\` keys, but no public source we know describes it or shows VMware writing it, so we cannot check it.${hint}`,
      data: suggestions.length ? ({ replace: suggestions } satisfies FixData) : undefined,
    };
  return {
    rule: 'vmx-unknown-key',
    range,
    message: `Unknown key \`${key}\`: it is in no family of keys VMware is known to read, so VMware most likely ignores it.${hint}`,
    data: suggestions.length ? ({ replace: suggestions } satisfies FixData) : undefined,
  };
}

/** Some keys of the device's family, for a message. */
function familyHint(dev: DeviceRef | undefined): string {
  if (!dev) return '';
  const fam = dev.family.name.toLowerCase();
  const some = CONCRETE_KEYS.filter((d) => lc(d.key).startsWith(fam))
    .slice(0, 4)
    .map((d) => renderKey(d.key, dev.index, dev.unit).slice(dev.start));
  return some.length ? ` Known ${dev.family.label} keys include ${orList(some)}.` : '';
}
