/** Outline: one entry per device (serial0, ethernet0, scsi0, scsi0:0, ...) with its keys; other keys grouped by their first name part. */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_OUTLINE_SYMBOLS, type ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { leftOutNote, shownNote, withNote } from '../common/outline';
import type { VmxEntry } from './entries';
import type { VmxTree } from './parser';
import { lookupKey } from './schema';

interface Group {
  name: string;
  device: boolean;
  controller: boolean;
  /** Indices of the group's entries in tree.entries, in line order. */
  entries: number[];
  selStart: number;
  selEnd: number;
}

/**
 * The outline lists at most this many settings (MAX_OUTLINE_SYMBOLS). Past the limit, a group
 * lists its first settings and says how many it has.
 */
export const MAX_OUTLINE_SETTINGS = MAX_OUTLINE_SYMBOLS;

function detailOf(tree: VmxTree, g: Group): string | undefined {
  const entries = tree.entries;
  const v = (suffix: string) => {
    const want = `${g.name}.${suffix}`.toLowerCase();
    for (let k = g.entries.length - 1; k >= 0; k--)
      if (entries.keyLower(g.entries[k]!) === want) return entries.at(g.entries[k]!).value;
    return undefined;
  };
  if (!g.device) return undefined;
  const parts: string[] = [];
  const present = v('present');
  if (present !== undefined && !/^true$/i.test(present.trim())) parts.push('not present');
  const fam = stripIndex(g.name).toLowerCase();
  if (fam === 'serial' || fam === 'parallel') {
    const ft = v('fileType');
    const fn = v('fileName');
    const ep = v('pipe.endPoint') ?? v('network.endPoint');
    if (ft) parts.push(ft);
    if (fn) parts.push(fn);
    if (ep) parts.push(`(${ep})`);
  } else if (fam === 'ethernet') {
    for (const k of ['virtualDev', 'networkName']) {
      const x = v(k);
      if (x) parts.push(x);
    }
  } else if (g.controller) {
    const x = v('virtualDev');
    if (x) parts.push(x);
  } else {
    for (const k of ['deviceType', 'fileName']) {
      const x = v(k);
      if (x) parts.push(x);
    }
  }
  const s = parts.join(' · ');
  return s ? (s.length > 100 ? s.slice(0, 100) + '…' : s) : undefined;
}

/** Where a key belongs in the outline: its device (`scsi0:1`) or the first part of its name. */
interface Place {
  name: string;
  id: string;
  device: boolean;
  controller: boolean;
  /** The group name's span within the key. */
  start: number;
  end: number;
}

function placeOf(key: string): Place {
  const d = lookupKey(key).shape.device;
  if (d) {
    const name = key.slice(d.start, d.end);
    return {
      name,
      id: name.toLowerCase(),
      device: true,
      controller: !!d.family.isController && d.unit === undefined,
      start: d.start,
      end: d.end,
    };
  }
  const dot = key.indexOf('.', 1);
  const name = dot > 0 ? key.slice(0, dot) : key;
  return { name, id: name.toLowerCase(), device: false, controller: false, start: 0, end: key.length };
}

const property = (tree: VmxTree, i: number): DocumentSymbol => {
  const e = tree.entries.at(i);
  return {
    name: e.key,
    detail: e.value.length > 80 ? e.value.slice(0, 80) + '…' : e.value,
    kind: SymbolKind.Property,
    range: onLine(e, e.lineStart, e.lineEnd),
    selectionRange: onLine(e, e.keyStart, e.keyEnd),
  };
};

export function findDocumentSymbols(doc: TextDocument, tree: VmxTree, _ctx: ModeContext): DocumentSymbol[] {
  const entries = tree.entries;
  const groups = new Map<string, Group>();
  const order: Group[] = [];
  const places: Array<Place | undefined> = [];
  for (let i = 0; i < entries.length; i++) {
    const id = entries.keyId(i);
    const p = (places[id] ??= placeOf(entries.keyTexts[id]!));
    let g = groups.get(p.id);
    if (!g) {
      const keyStart = entries.keyStart(i);
      g = {
        name: p.name,
        device: p.device,
        controller: p.controller,
        entries: [],
        selStart: keyStart + p.start,
        selEnd: keyStart + p.end,
      };
      groups.set(p.id, g);
      order.push(g);
    }
    g.entries.push(i);
  }
  const out: DocumentSymbol[] = [];
  let budget = MAX_OUTLINE_SETTINGS;
  let listed = 0;
  for (const g of order) {
    if (budget <= 0) {
      // the groups left out are named on the last one shown
      const rest = entries.length - listed;
      const last = out[out.length - 1]!;
      last.detail = withNote(last.detail, leftOutNote(rest, 'setting', 'settings'));
      break;
    }
    listed += g.entries.length;
    const first = g.entries[0]!;
    if (!g.device && g.entries.length === 1 && entries.keyLower(first) === g.name.toLowerCase()) {
      out.push(property(tree, first));
      budget--;
      continue;
    }
    const shown = Math.min(g.entries.length, budget);
    budget -= shown;
    const children: DocumentSymbol[] = [];
    for (let k = 0; k < shown; k++) children.push(property(tree, g.entries[k]!));
    let detail = detailOf(tree, g);
    if (shown < g.entries.length) detail = withNote(detail, shownNote(shown, g.entries.length, 'settings'));
    out.push({
      name: g.name,
      detail,
      kind: g.device ? (g.controller ? SymbolKind.Class : SymbolKind.Object) : SymbolKind.Namespace,
      // entries are in line order: the group spans from its first to its last
      range: rangeOf(doc, entries.lineStart(first), entries.lineEnd(g.entries[g.entries.length - 1]!)),
      selectionRange: rangeOf(doc, g.selStart, g.selEnd),
      children,
    });
  }
  return out;
}

/**
 * A range within an entry's own line, from offsets: the entry knows its line and where it starts
 * (the parser breaks lines at \r\n, \n and \r, as TextDocument does), so no search is needed —
 * which counts on a file of a million settings.
 */
function onLine(e: VmxEntry, start: number, end: number): Range {
  return {
    start: { line: e.line, character: start - e.lineStart },
    end: { line: e.line, character: Math.max(start, end) - e.lineStart },
  };
}

/** `scsi0:1` → `scsi`: drop the trailing digits and colons (a scan: a trailing-class regex is quadratic on long runs). */
function stripIndex(name: string): string {
  let end = name.length;
  while (end > 0) {
    const c = name.charCodeAt(end - 1);
    if ((c >= 0x30 && c <= 0x39) || c === 0x3a) end--;
    else break;
  }
  return name.slice(0, end);
}
