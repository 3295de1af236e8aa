/** Outline: one entry per device (serial0, ethernet0, scsi0, scsi0:0, ...) with its keys; other keys grouped by their first name part. */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import type { VmxEntry, VmxTree } from './parser';
import { lookupKey } from './schema';

interface Group {
  name: string;
  device: boolean;
  controller: boolean;
  entries: VmxEntry[];
  selStart: number;
  selEnd: number;
}

function detailOf(g: Group): string | undefined {
  const v = (suffix: string) => {
    const want = `${g.name}.${suffix}`.toLowerCase();
    for (let k = g.entries.length - 1; k >= 0; k--) if (g.entries[k]!.keyLower === want) return g.entries[k]!.value;
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

export function findDocumentSymbols(doc: TextDocument, tree: VmxTree, _ctx: ModeContext): DocumentSymbol[] {
  const groups = new Map<string, Group>();
  const order: Group[] = [];
  for (const e of tree.entries) {
    const d = lookupKey(e.key).shape.device;
    let name: string;
    let device = false;
    let selStart = e.keyStart;
    let selEnd = e.keyEnd;
    let controller = false;
    if (d) {
      name = e.key.slice(d.start, d.end);
      device = true;
      controller = !!d.family.isController && d.unit === undefined;
      selStart = e.keyStart + d.start;
      selEnd = e.keyStart + d.end;
    } else {
      const dot = e.key.indexOf('.', 1);
      name = dot > 0 ? e.key.slice(0, dot) : e.key;
    }
    const id = name.toLowerCase();
    let g = groups.get(id);
    if (!g) {
      g = { name, device, controller, entries: [], selStart, selEnd };
      groups.set(id, g);
      order.push(g);
    }
    g.entries.push(e);
  }
  const out: DocumentSymbol[] = [];
  for (const g of order) {
    const first = g.entries[0]!;
    if (!g.device && g.entries.length === 1 && first.key.toLowerCase() === g.name.toLowerCase()) {
      out.push({
        name: first.key,
        detail: first.value.length > 80 ? first.value.slice(0, 80) + '…' : first.value,
        kind: SymbolKind.Property,
        range: onLine(first, first.lineStart, first.lineEnd),
        selectionRange: onLine(first, first.keyStart, first.keyEnd),
      });
      continue;
    }
    let lo = first.lineStart;
    let hi = first.lineEnd;
    const children: DocumentSymbol[] = [];
    for (const e of g.entries) {
      lo = Math.min(lo, e.lineStart);
      hi = Math.max(hi, e.lineEnd);
      children.push({
        name: e.key,
        detail: e.value.length > 80 ? e.value.slice(0, 80) + '…' : e.value,
        kind: SymbolKind.Property,
        range: onLine(e, e.lineStart, e.lineEnd),
        selectionRange: onLine(e, e.keyStart, e.keyEnd),
      });
    }
    out.push({
      name: g.name,
      detail: detailOf(g),
      kind: g.device ? (g.controller ? SymbolKind.Class : SymbolKind.Object) : SymbolKind.Namespace,
      range: rangeOf(doc, lo, hi),
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
  return { start: { line: e.line, character: start - e.lineStart }, end: { line: e.line, character: Math.max(start, end) - e.lineStart } };
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
