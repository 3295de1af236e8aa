/** Hover: documentation of a key (type, values, default, example) and of a value. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { partitionPoint } from '../common/search';
import { BOOLEAN_VALUES, LOOSE_BOOLEANS } from './data/enums';
import type { KeyDef } from './data/keys';
import type { VmxEntry } from './entries';
import type { VmxTree } from './parser';
import { enumValues, lookupGuestOs, lookupKey, renderKey, type DeviceRef } from './schema';

const TYPE_LABEL: Record<KeyDef['type'], string> = {
  boolean: 'boolean (TRUE or FALSE)',
  integer: 'integer',
  enum: 'one of a list',
  string: 'string',
  path: 'file path',
  mac: 'MAC address',
  uuid: 'UUID (16 hex bytes)',
  guestos: 'guest OS id',
  encoding: 'character set name',
  uri: 'URI',
  cpulist: 'CPU list',
};

export function entryAt(tree: VmxTree, offset: number): VmxEntry | undefined {
  // entries are in line order: the last one starting at or before offset may hold it
  const list = tree.entries;
  const i = partitionPoint(list.length, (k) => list.lineStart(k) <= offset) - 1;
  return i >= 0 && offset <= list.lineEnd(i) ? list.at(i) : undefined;
}

export function keyDocMarkdown(def: KeyDef, concreteKey: string, dev?: DeviceRef): string {
  const lines: string[] = [];
  lines.push(`**${concreteKey}**${def.key.includes('{') || def.key.includes('*') ? ` — \`${def.key}\`` : ''}`);
  lines.push('');
  lines.push(def.doc);
  lines.push('');
  let type = TYPE_LABEL[def.type];
  if (def.type === 'integer') {
    const parts: string[] = [];
    if (def.unit) parts.push(def.unit);
    if (def.min !== undefined && def.max !== undefined)
      parts.push(def.min === def.max ? `always ${def.min}` : `${def.min}–${def.max}`);
    else if (def.min !== undefined) parts.push(`≥ ${def.min}`);
    else if (def.max !== undefined) parts.push(`≤ ${def.max}`);
    if (def.multipleOf) parts.push(`multiple of ${def.multipleOf}`);
    if (parts.length) type += ` (${parts.join(', ')})`;
  }
  lines.push(`- Type: ${type}`);
  const vals = enumValues(def);
  if (vals.length)
    lines.push(
      `- ${def.type === 'enum' ? 'Values' : 'Also'}: ${vals.map((v) => `\`${v.value}\``).join(', ')}${def.type === 'enum' && !def.strict ? ' (others exist)' : ''}`,
    );
  if (def.default !== undefined) lines.push(`- Default: \`${def.default}\``);
  if (def.since !== undefined) lines.push(`- Since virtual hardware ${def.since}`);
  if (def.source) lines.push(`- Source: ${def.source}`);
  if (dev) {
    const f = dev.family;
    const range = f.maxIndex !== undefined ? `${f.name}0–${f.name}${f.maxIndex}` : '';
    const units =
      f.maxUnit !== undefined
        ? `units 0–${f.maxUnit}${f.reservedUnit !== undefined ? ` except ${f.reservedUnit} (the adapter)` : ''}`
        : '';
    lines.push(`- Device: ${f.label}${range || units ? ` (${[range, units].filter(Boolean).join(', ')})` : ''}`);
  }
  const ex = def.example ?? (def.type === 'boolean' ? 'TRUE' : vals[0]?.value);
  if (ex !== undefined && !def.key.includes('*')) {
    lines.push('');
    lines.push('```vmx');
    lines.push(`${renderKey(def.key, dev?.index, dev?.unit)} = "${ex}"`);
    lines.push('```');
  }
  return lines.join('\n');
}

export function valueDocMarkdown(def: KeyDef, value: string): string | undefined {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (def.type === 'guestos') {
    const g = lookupGuestOs(v);
    if (!g) return `\`${v}\`: not a guestOS id we know.`;
    return `**${g.def.id}**${g.arch ? ` on ${g.arch}` : ''}: ${g.def.name}${g.def.id.endsWith('-64') ? '' : ''}.`;
  }
  if (def.type === 'boolean') {
    const b = BOOLEAN_VALUES.find((x) => x.value.toLowerCase() === lower);
    if (b) return `\`${b.value}\`: ${b.doc}`;
    const loose = LOOSE_BOOLEANS[lower];
    if (loose) return `\`${v}\` means ${loose}; write \`${loose}\`.`;
    return undefined;
  }
  const vals = enumValues(def);
  const hit = vals.find((x) => x.value.toLowerCase() === lower);
  if (hit) return `**${hit.value}**: ${hit.doc}`;
  if (def.key.toLowerCase() === 'memsize' && /^\d+$/.test(v)) {
    const mb = Number(v);
    return `${mb} MB = ${(mb / 1024).toFixed(mb % 1024 ? 2 : 0)} GB`;
  }
  if (def.key.toLowerCase() === 'svga.vramsize' && /^\d+$/.test(v))
    return `${Number(v) / (1024 * 1024)} MB of video memory`;
  return undefined;
}

export function doHover(doc: TextDocument, tree: VmxTree, pos: Position, _ctx: ModeContext): Hover | null {
  const offset = offsetAt(doc, pos);
  const entry = entryAt(tree, offset);
  if (!entry) return null;
  const { shape, match } = lookupKey(entry.key);
  if (offset >= entry.keyStart && offset <= entry.keyEnd) {
    if (!match)
      return {
        contents: { kind: 'markdown', value: `**${entry.key}**\n\nNot a key we know; VMware ignores unknown keys.` },
        range: rangeOf(doc, entry.keyStart, entry.keyEnd),
      };
    return {
      contents: { kind: 'markdown', value: keyDocMarkdown(match.def, entry.key, shape.device) },
      range: rangeOf(doc, entry.keyStart, entry.keyEnd),
    };
  }
  if (offset >= entry.tokenStart && offset <= entry.tokenEnd && match) {
    const md = valueDocMarkdown(match.def, entry.value);
    if (md) return { contents: { kind: 'markdown', value: md }, range: rangeOf(doc, entry.valueStart, entry.valueEnd) };
    if (entry.value !== entry.raw) {
      return {
        contents: { kind: 'markdown', value: `Decoded value: \`${entry.value.replace(/`/g, "'").slice(0, 500)}\`` },
        range: rangeOf(doc, entry.valueStart, entry.valueEnd),
      };
    }
  }
  return null;
}
