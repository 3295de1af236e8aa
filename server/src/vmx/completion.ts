/**
 * Completion: keys in context (after `serial0.` the serial keys; the next free index for a new
 * device), values (enums, TRUE/FALSE, guestOS ids), ` = ""` with the cursor inside the quotes,
 * and the snippets.
 */
import { indexOfQuote } from '../common/quotes';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { lineAt } from '../common/text';
import { BOOLEAN_VALUES, ENUMS, type EnumValue } from './data/enums';
import { GUEST_OS } from './data/guestOS';
import { FAMILIES, type DeviceFamily, type KeyDef } from './data/keys';
import { SNIPPETS } from './data/snippets';
import type { VmxTree } from './parser';
import { CONCRETE_KEYS, enumValues, lookupKey, renderKey, shapeOf } from './schema';
import { keyDocMarkdown } from './hover';

const KEY_CHAR = /[A-Za-z0-9_:.-]/;

/** Indices and units in use, per family, from the keys in the file. */
export function usedIndices(tree: VmxTree): Map<string, { indices: Set<number>; units: Map<number, Set<number>> }> {
  const used = new Map<string, { indices: Set<number>; units: Map<number, Set<number>> }>();
  const entries = tree.entries;
  const seen = new Set<number>(); // key text numbers
  for (let i = 0; i < entries.length; i++) {
    const id = entries.keyId(i);
    if (seen.has(id)) continue;
    seen.add(id);
    const d = lookupKey(entries.keyTexts[id]!).shape.device;
    if (!d) continue;
    const fam = d.family.name.toLowerCase();
    let u = used.get(fam);
    if (!u) used.set(fam, (u = { indices: new Set(), units: new Map() }));
    const idx = d.index ?? -1;
    if (d.index !== undefined) u.indices.add(d.index);
    if (d.unit !== undefined) {
      let set = u.units.get(idx);
      if (!set) u.units.set(idx, (set = new Set()));
      set.add(d.unit);
    }
  }
  return used;
}

function firstFree(used: Set<number> | undefined, max: number, skip?: number): number {
  for (let k = 0; k <= max; k++) if (k !== skip && !used?.has(k)) return k;
  return max;
}

/** The index a new device of this family would take. */
export function nextFreeIndex(tree: VmxTree, family: string): number {
  const fam = FAMILIES.find((f) => f.name.toLowerCase() === family.toLowerCase());
  if (!fam) return 0;
  return firstFree(usedIndices(tree).get(fam.name.toLowerCase())?.indices, fam.maxIndex ?? 0);
}

function valueSnippet(def: KeyDef): string {
  const vals = def.type === 'boolean' ? BOOLEAN_VALUES : def.type === 'enum' ? enumValues(def) : [];
  if (vals.length && vals.length <= 12)
    return `"\${1|${vals.map((v) => v.value.replace(/[|,$}\\]/g, '\\$&')).join(',')}|}"`;
  return '"$1"';
}

export function doComplete(doc: TextDocument, tree: VmxTree, pos: Position, _ctx: ModeContext): CompletionList | null {
  const { text: lineText, start: lineStart } = lineAt(doc, pos.line);
  const col = Math.min(pos.character, lineText.length);
  const before = lineText.slice(0, col);
  if (/^\s*#/.test(before)) return null;
  const eq = before.indexOf('=');
  if (eq < 0) return completeKey(doc, tree, pos, lineText, col, lineStart);
  return completeValue(doc, tree, pos, lineText, col, eq);
}

/**
 * Key docs depend only on the key pattern and the concrete label: build each once, not on
 * every completion request (400 markdown pages per request dominated its latency).
 */
const keyDocCache = new Map<string, string>();
function cachedKeyDoc(def: KeyDef, label: string): string {
  const k = `${def.key}\u0000${label}`;
  let v = keyDocCache.get(k);
  if (v === undefined) {
    if (keyDocCache.size > 20_000) keyDocCache.clear();
    v = keyDocMarkdown(def, label, lookupKey(label).shape.device);
    keyDocCache.set(k, v);
  }
  return v;
}

/** What a key offers to every completion list, worked out once per key pattern. */
interface KeyInfo {
  readonly family: DeviceFamily | undefined;
  readonly detail: string;
  readonly snippet: string;
}
const keyInfoCache = new Map<KeyDef, KeyInfo | null>();
function keyInfo(def: KeyDef): KeyInfo | null {
  let info = keyInfoCache.get(def);
  if (info !== undefined) return info;
  const famName = def.key.match(/^(?:sched\.)?([A-Za-z_]+)(\{n\}|:\{u\})/)?.[1];
  const family = def.key.includes('{') ? FAMILIES.find((f) => f.name === famName) : undefined;
  info =
    def.key.includes('{') && !family
      ? null
      : {
          family,
          detail:
            def.type === 'enum'
              ? enumValues(def)
                  .map((v) => v.value)
                  .slice(0, 6)
                  .join(' | ')
              : def.type,
          snippet: valueSnippet(def),
        };
  keyInfoCache.set(def, info);
  return info;
}

/** A snippet's documentation: its description and body with the placeholders filled in. */
const snippetDocCache = new Map<string, string>();
function snippetDoc(sn: (typeof SNIPPETS)[number]): string {
  let d = snippetDocCache.get(sn.prefix);
  if (d === undefined) {
    d = `${sn.description}\n\n\`\`\`vmx\n${sn.body
      .join('\n')
      .replace(/\$\{\d+:([^}|]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$0/, '')}\n\`\`\``;
    snippetDocCache.set(sn.prefix, d);
  }
  return d;
}

const DEF_BY_PATTERN = new Map<string, KeyDef>(CONCRETE_KEYS.map((d) => [d.key, d] as const));

/** completionItem/resolve for a key item: its documentation. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as { key?: unknown } | undefined;
  const def = typeof data?.key === 'string' ? DEF_BY_PATTERN.get(data.key) : undefined;
  if (!def || typeof item.label !== 'string') return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: cachedKeyDoc(def, item.label) } };
}

function completeKey(
  doc: TextDocument,
  tree: VmxTree,
  pos: Position,
  lineText: string,
  col: number,
  _lineStart: number,
): CompletionList {
  let s = col;
  while (s > 0 && KEY_CHAR.test(lineText[s - 1]!)) s--;
  let e = col;
  while (e < lineText.length && KEY_CHAR.test(lineText[e]!)) e++;
  const typed = lineText.slice(s, col);
  const typedLower = typed.toLowerCase();
  const rest = lineText.slice(e);
  const hasEquals = /^\s*=/.test(rest);
  const range: Range = { start: { line: pos.line, character: s }, end: { line: pos.line, character: e } };
  const items: CompletionItem[] = [];
  const used = usedIndices(tree);
  // keys set elsewhere in the file are not offered again (VMware keeps only one of two)
  const inFile = new Set<string>();
  for (let i = 0; i < tree.entries.length; i++)
    if (tree.entries.line(i) !== pos.line) inFile.add(tree.entries.keyLower(i));

  // what device the user is typing, if any (`serial0.` or `scsi1:`)
  const typedDev = shapeOf(typed.replace(/[.:]$/, '')).device;
  const cut = typedLower.lastIndexOf('.');
  const scope = cut >= 0 ? typedLower.slice(0, cut + 1) : '';

  const seen = new Set<string>();
  for (const def of CONCRETE_KEYS) {
    const pattern = def.key;
    const info = keyInfo(def);
    if (!info) continue;
    let label: string;
    const fam = info.family;
    if (fam) {
      const u = used.get(fam.name.toLowerCase());
      let index: number | undefined;
      let unit: number | undefined;
      if (typedDev && typedDev.family === fam) {
        index = typedDev.index;
        unit = typedDev.unit;
      }
      if (pattern.includes('{n}') && index === undefined) {
        // a unit key goes on an existing controller; a controller key takes the next free index
        index = pattern.includes('{u}')
          ? u && u.indices.size
            ? Math.min(...u.indices)
            : 0
          : firstFree(u?.indices, fam.maxIndex ?? 0);
      }
      if (pattern.includes('{u}') && unit === undefined) {
        const units = u?.units.get(index ?? -1);
        // per-disk scheduler keys go with a disk that exists; other unit keys start a new one
        unit =
          pattern.startsWith('sched.') && units && units.size
            ? Math.min(...units)
            : firstFree(units, fam.maxUnit ?? 0, fam.reservedUnit);
      }
      label = renderKey(pattern, index, unit);
    } else label = pattern;
    const lower = label.toLowerCase();
    if (scope && !lower.startsWith(scope)) continue;
    if (seen.has(lower)) continue;
    seen.add(lower);
    if (inFile.has(lower)) continue;
    items.push({
      label,
      kind: CompletionItemKind.Property,
      detail: info.detail,
      // documentation comes with completionItem/resolve: 400 pages in every list cost more than the list
      data: { mode: 'vmx', key: def.key },
      sortText: `${lower.startsWith(typedLower) ? '0' : '1'}${lower}`,
      textEdit: { range, newText: hasEquals ? label : `${label} = ${info.snippet}` },
      insertTextFormat: hasEquals ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      ...(hasEquals
        ? {}
        : {
            command:
              def.type === 'guestos' || def.type === 'encoding'
                ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' }
                : undefined,
          }),
    });
  }
  // snippets, at the start of a key only
  if (!scope && !hasEquals) {
    for (const sn of SNIPPETS) {
      const fam = sn.family ? FAMILIES.find((f) => f.name.toLowerCase() === sn.family!.toLowerCase()) : undefined;
      const idx = sn.family
        ? fam
          ? firstFree(used.get(fam.name.toLowerCase())?.indices, fam.maxIndex ?? 0)
          : 0
        : undefined;
      const body = sn.body.join('\n').replace(/\$\{1:0\}/g, idx !== undefined ? `\${1:${idx}}` : '${1:0}');
      items.push({
        label: sn.prefix,
        kind: CompletionItemKind.Snippet,
        detail: sn.name,
        documentation: { kind: MarkupKind.Markdown, value: snippetDoc(sn) },
        sortText: `0${sn.prefix}`,
        filterText: sn.prefix,
        textEdit: { range, newText: body },
        insertTextFormat: InsertTextFormat.Snippet,
      });
    }
  }
  return { isIncomplete: false, items };
}

function completeValue(
  doc: TextDocument,
  tree: VmxTree,
  pos: Position,
  lineText: string,
  col: number,
  eq: number,
): CompletionList | null {
  const key = lineText.slice(0, eq).trim();
  const { match } = lookupKey(key);
  if (!match) return null;
  const def = match.def;
  let values: readonly EnumValue[];
  if (def.type === 'boolean') values = BOOLEAN_VALUES;
  else if (def.type === 'guestos') values = GUEST_OS.map((g) => ({ value: g.id, doc: g.name }));
  else if (def.type === 'encoding') values = ENUMS.encoding ?? [];
  else values = enumValues(def);
  if (!values.length) return null;
  // where the value is: inside quotes, or nothing typed yet
  const q1 = indexOfQuote(lineText, eq + 1);
  let range: Range;
  let quote = false;
  if (q1 >= 0 && q1 < col) {
    let q2 = indexOfQuote(lineText, q1 + 1);
    q2 = q2 < 0 ? lineText.length : q2;
    if (col > q2) return null; // after the closing quote
    range = { start: { line: pos.line, character: q1 + 1 }, end: { line: pos.line, character: q2 } };
  } else {
    let s = col;
    while (s > eq + 1 && /[^\s=]/.test(lineText[s - 1]!)) s--;
    let e = col;
    while (e < lineText.length && /[^\s#]/.test(lineText[e]!)) e++;
    range = { start: { line: pos.line, character: s }, end: { line: pos.line, character: e } };
    quote = true;
  }
  const items: CompletionItem[] = values.map((v, k) => ({
    label: v.value,
    kind: CompletionItemKind.EnumMember,
    detail: def.type === 'guestos' ? v.doc : undefined,
    documentation: def.type === 'guestos' ? undefined : { kind: MarkupKind.Markdown, value: v.doc },
    sortText: String(k).padStart(4, '0'),
    filterText: quote ? v.value : v.value,
    textEdit: { range, newText: quote ? `"${v.value}"` : v.value },
  }));
  void doc;
  void tree;
  return { isIncomplete: false, items };
}
