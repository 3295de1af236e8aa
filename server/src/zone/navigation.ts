/**
 * What hover, completion and navigation look up in a zone file, built once per tree: the origin
 * in force at each entry and each record's absolute owner (one pass), then on first need every
 * name written in the file, owners and names in record data, by absolute name. On top of it: go
 * to definition (from a name to the records it owns, here and in `$INCLUDE`d files), find
 * references (a name as owner and in data, compared as absolute names without case) and the
 * outline (one symbol per owner name, a child per record).
 */
import { SymbolKind, type DocumentSymbol, type Location, type Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_OUTLINE_SYMBOLS, type ModeContext } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { lastStartingAtOrBefore } from '../common/search';
import { leftOutNote, withNote } from '../common/outline';
import { isDirective, parseZone, type ZoneRecord, type ZoneToken, type ZoneTree } from './parser';
import { isAbsolute } from './names';
import { includeCandidates } from './placed';
import { originOf } from './origin';
import { rrTypeByName, type FieldKind, type RrType } from './data/rrtypes';
import { isZoneTypeWord } from './types';

/** One place a name is written: as a record's owner, or in its data. */
export interface NameUse {
  /** The index of the record in `tree.entries`. */
  readonly entry: number;
  readonly token: ZoneToken;
  readonly owner: boolean;
}

export interface ZoneIndex {
  /** The zone's origin the index was built with (undefined: unknown). */
  readonly origin: string | undefined;
  /** Per entry: the origin in force there (undefined: not known). */
  readonly origins: ReadonlyArray<string | undefined>;
  /** Per entry: a record's absolute owner, a blank owner being the previous one's. */
  readonly owners: ReadonlyArray<string | undefined>;
  /** Lower-cased absolute name → where it is written; built on first need. */
  names?: Map<string, NameUse[]>;
}

/** Per tree, the indexes for the last two origins asked for (prepare knows no named.conf, hover may). */
const indexes = new WeakMap<ZoneTree, ZoneIndex[]>();

/** `name` made absolute against `origin`; undefined when it is relative and the origin unknown. */
export function absoluteIn(name: string, origin: string | undefined): string | undefined {
  if (name === '@') return origin;
  if (isAbsolute(name)) return name;
  if (origin === undefined) return undefined;
  return origin === '.' ? `${name}.` : `${name}.${origin}`;
}

/** The index of `tree` for the zone origin `origin` (cached per tree). */
export function zoneIndex(tree: ZoneTree, origin: string | undefined): ZoneIndex {
  const cached = indexes.get(tree) ?? [];
  const hit = cached.find((c) => c.origin === origin);
  if (hit) return hit;
  const n = tree.entries.length;
  const origins = new Array<string | undefined>(n);
  const owners = new Array<string | undefined>(n);
  let cur = origin;
  let owner: string | undefined;
  for (let i = 0; i < n; i++) {
    const e = tree.entries[i]!;
    if (isDirective(e)) {
      if (e.name === '$ORIGIN' && e.args[0]) cur = absoluteIn(e.args[0].text, cur);
      origins[i] = cur;
      continue;
    }
    origins[i] = cur;
    if (e.owner) owner = absoluteIn(e.owner.text, cur);
    owners[i] = owner;
  }
  const ix: ZoneIndex = { origin, origins, owners };
  indexes.set(tree, [ix, ...cached.slice(0, 1)]);
  return ix;
}

/** The index for a document: its origin from `$ORIGIN`, the file name or the caller. */
export function indexFor(
  uri: string,
  tree: ZoneTree,
  ctx: Pick<ModeContext, 'zoneOrigin' | 'zoneOriginFrom'>,
): ZoneIndex {
  return zoneIndex(tree, originOf(tree, uri, ctx.zoneOrigin, ctx.zoneOriginFrom)?.name);
}

/** Kinds that read to the end of the record. */
const REST: ReadonlySet<FieldKind> = new Set([
  'names',
  'type-list',
  'wks-services',
  'apl-items',
  'svc-params',
  'strings',
  'base64',
  'base64-opt',
  'hex',
  'loc',
]);

/**
 * The field each data token belongs to (index into `rt.fields`; -1: none, e.g. the generic `\#`
 * form or a token past the last field), following the order BIND's reader takes them in.
 */
export function fieldsOfTokens(rt: RrType, rdata: readonly ZoneToken[]): number[] {
  const out = new Array<number>(rdata.length).fill(-1);
  if (rdata[0] && !rdata[0].quoted && rdata[0].text === '\\#') return out;
  const prefixLen = Number(rdata[0]?.text);
  let i = 0;
  for (let f = 0; f < rt.fields.length && i < rdata.length; f++) {
    const kind = rt.fields[f]!;
    if ((kind === 'a6-suffix' && prefixLen === 128) || (kind === 'a6-prefix' && prefixLen === 0)) continue;
    if (REST.has(kind) || (kind === 'base64-or-dash' && rdata[i]!.text !== '-')) {
      while (i < rdata.length) out[i++] = f;
      break;
    }
    out[i++] = f;
  }
  return out;
}

/** Whether field `f` of a record holds a domain name (a gateway does when its type says 3). */
export function isNameField(rt: RrType, f: number, rdata: readonly ZoneToken[]): boolean {
  const kind = rt.fields[f];
  if (kind === 'name' || kind === 'names' || kind === 'a6-prefix') return true;
  if (kind !== 'gateway') return false;
  const typeField = rt.name === 'IPSECKEY' ? 1 : 2;
  return rdata[typeField]?.text === '3';
}

/** The names written in one record's data, with their fields. */
export function dataNames(e: ZoneRecord): ZoneToken[] {
  const rt = rrTypeByName(e.type.text);
  if (!rt || rt.fields.length === 0 || (e.cls && !/^(IN|CLASS1)$/i.test(e.cls.text))) return [];
  if (!rt.fields.some((k) => k === 'name' || k === 'names' || k === 'gateway' || k === 'a6-prefix')) return [];
  const fields = fieldsOfTokens(rt, e.rdata);
  const out: ZoneToken[] = [];
  for (let i = 0; i < e.rdata.length; i++) {
    const f = fields[i]!;
    if (f >= 0 && isNameField(rt, f, e.rdata)) out.push(e.rdata[i]!);
  }
  return out;
}

/** Every name written in the file, by lower-cased absolute name. */
export function namesOf(tree: ZoneTree, ix: ZoneIndex): Map<string, NameUse[]> {
  if (ix.names) return ix.names;
  const names = new Map<string, NameUse[]>();
  const add = (abs: string | undefined, use: NameUse) => {
    if (abs === undefined || abs === '.') return;
    const k = abs.toLowerCase();
    const list = names.get(k);
    if (list) list.push(use);
    else names.set(k, [use]);
  };
  tree.entries.forEach((e, entry) => {
    if (isDirective(e)) return;
    if (e.owner) add(ix.owners[entry], { entry, token: e.owner, owner: true });
    for (const token of dataNames(e)) add(absoluteIn(token.text, ix.origins[entry]), { entry, token, owner: false });
  });
  ix.names = names;
  return names;
}

/** The record or directive at `offset` (its index), or -1. */
export function entryAt(tree: ZoneTree, offset: number): number {
  const i = lastStartingAtOrBefore(tree.entries, offset);
  const e = tree.entries[i];
  return e && offset <= e.end ? i : -1;
}

const within = (t: ZoneToken, offset: number) => t.start <= offset && offset <= t.end;

/** The name under the cursor: an owner, or a name in record data. */
export function nameAt(
  tree: ZoneTree,
  ix: ZoneIndex,
  offset: number,
): { entry: number; token: ZoneToken; abs: string | undefined; owner: boolean } | undefined {
  const entry = entryAt(tree, offset);
  const e = tree.entries[entry];
  if (!e || isDirective(e)) return undefined;
  if (e.owner && within(e.owner, offset)) return { entry, token: e.owner, abs: ix.owners[entry], owner: true };
  const token = dataNames(e).find((t) => within(t, offset));
  return token && { entry, token, abs: absoluteIn(token.text, ix.origins[entry]), owner: false };
}

/** A record's own text: from its first token (the line's blank space left out) to its end. */
function recordStart(e: ZoneRecord): number {
  return (e.owner ?? e.ttl ?? e.cls ?? e.type).start;
}

/** The records owned by `key` (a lower-cased absolute name) in one tree. */
export function ownedIn(tree: ZoneTree, ix: ZoneIndex, key: string): ZoneRecord[] {
  const out: ZoneRecord[] = [];
  const uses = namesOf(tree, ix).get(key) ?? [];
  // a written owner starts its run of records; the blank-owner lines after it share the owner
  // (directives between them do not change it)
  for (const u of uses) {
    if (!u.owner) continue;
    for (let i = u.entry; i < tree.entries.length; i++) {
      const e = tree.entries[i]!;
      if (isDirective(e)) continue;
      if (i > u.entry && e.owner) break;
      out.push(e);
    }
  }
  return out;
}

/** An included file nested deeper than this is not searched (as zoneChecks.ts). */
const MAX_INCLUDE_DEPTH = 8;

/** A file `$INCLUDE` brings in: its tree, index (under the origin it is read with), URI and text. */
interface Included {
  readonly tree: ZoneTree;
  readonly ix: ZoneIndex;
  readonly uri: string;
  readonly doc: TextDocument;
}

/**
 * Every file `tree` includes, nested ones too (to MAX_INCLUDE_DEPTH), each read where named reads
 * it (includeCandidates) and handed to `visit` once per `$INCLUDE` that names it.
 */
function eachInclude(
  tree: ZoneTree,
  ix: ZoneIndex,
  uri: string,
  ctx: ModeContext,
  seen: Set<string>,
  visit: (inc: Included) => void,
): void {
  if (seen.size > MAX_INCLUDE_DEPTH) return;
  tree.entries.forEach((e, i) => {
    if (!isDirective(e) || e.name !== '$INCLUDE' || !e.args[0]) return;
    let target: string | undefined;
    let text: string | undefined;
    for (const c of includeCandidates(ctx.files, uri, e.args[0].text, ctx.zoneIncludeBase)) {
      text = seen.has(c) ? undefined : ctx.files.read(c);
      target = c;
      if (text !== undefined) break;
    }
    if (target === undefined || text === undefined) return;
    const sub = parseZone(text, isZoneTypeWord);
    const origin = e.args[1] ? absoluteIn(e.args[1].text, ix.origins[i]) : ix.origins[i];
    const subIx = zoneIndex(sub, origin);
    visit({ tree: sub, ix: subIx, uri: target, doc: TextDocument.create(target, 'dns-zone', 0, text) });
    seen.add(target);
    eachInclude(sub, subIx, target, ctx, seen, visit);
    seen.delete(target);
  });
}

/** Go to definition: from a name to the records it owns, in this file and the files it includes. */
export function findDefinition(doc: TextDocument, tree: ZoneTree, pos: Position, ctx: ModeContext): Location[] | null {
  const ix = indexFor(doc.uri, tree, ctx);
  const at = nameAt(tree, ix, offsetAt(doc, pos));
  if (!at?.abs) return null;
  const key = at.abs.toLowerCase();
  const out: Location[] = [];
  const add = (inc: Included) => {
    for (const r of ownedIn(inc.tree, inc.ix, key))
      out.push({ uri: inc.uri, range: rangeOf(inc.doc, recordStart(r), r.end) });
  };
  add({ tree, ix, uri: doc.uri, doc });
  eachInclude(tree, ix, doc.uri, ctx, new Set([doc.uri]), add);
  return out.length ? out : null;
}

/** Find references: the name as an owner and in record data, in this file and the files it includes. */
export function findReferences(doc: TextDocument, tree: ZoneTree, pos: Position, ctx: ModeContext): Location[] {
  const ix = indexFor(doc.uri, tree, ctx);
  const at = nameAt(tree, ix, offsetAt(doc, pos));
  if (!at?.abs) return [];
  const key = at.abs.toLowerCase();
  const out: Location[] = [];
  const add = (inc: Included) => {
    for (const u of namesOf(inc.tree, inc.ix).get(key) ?? [])
      out.push({ uri: inc.uri, range: rangeOf(inc.doc, u.token.start, u.token.end) });
  };
  add({ tree, ix, uri: doc.uri, doc });
  eachInclude(tree, ix, doc.uri, ctx, new Set([doc.uri]), add);
  return out;
}

/** A name as the outline shows it: relative to the zone's origin where it is below it. */
export function shownName(abs: string, origin: string | undefined): string {
  if (!origin || origin === '.') return abs;
  const a = abs.toLowerCase();
  const o = origin.toLowerCase();
  if (a === o) return '@';
  // a name that is the origin after an empty label (`.example.com.`, a slip the checks report)
  // is shown whole: the part before the origin would be nothing
  return a.endsWith(`.${o}`) && a.length > o.length + 1 ? abs.slice(0, abs.length - origin.length - 1) : abs;
}

/** The data of a record in a few words. */
function shortData(e: ZoneRecord): string {
  let s = '';
  for (const t of e.rdata) {
    s += (s ? ' ' : '') + (t.quoted ? `"${t.text}"` : t.text);
    if (s.length > 48) return `${s.slice(0, 48)}…`;
  }
  return s;
}

const DIRECTIVE_KIND: Partial<Record<string, SymbolKind>> = {
  $ORIGIN: SymbolKind.Namespace,
  $INCLUDE: SymbolKind.File,
  $GENERATE: SymbolKind.Event,
};

/** Outline: one symbol per owner name (a run of its records), a child per record; `$ORIGIN`, `$INCLUDE`, `$GENERATE`. */
export function findDocumentSymbols(doc: TextDocument, tree: ZoneTree, ctx: ModeContext): DocumentSymbol[] {
  const ix = indexFor(doc.uri, tree, ctx);
  const out: DocumentSymbol[] = [];
  let room = MAX_OUTLINE_SYMBOLS;
  let left = 0;
  let cur: { sym: DocumentSymbol; key: string } | undefined;
  tree.entries.forEach((e, i) => {
    if (room <= 0) {
      if (!isDirective(e) || DIRECTIVE_KIND[e.name] !== undefined) left++;
      return;
    }
    if (isDirective(e)) {
      const kind = DIRECTIVE_KIND[e.name];
      if (kind === undefined) return;
      cur = undefined;
      room--;
      out.push({
        name: `${e.name} ${e.args.map((a) => a.text).join(' ')}`.trim(),
        kind,
        range: rangeOf(doc, e.start, e.end),
        selectionRange: rangeOf(doc, e.keyword.start, e.keyword.end),
      });
      return;
    }
    const abs = ix.owners[i];
    const written = abs ?? e.owner?.text ?? '';
    const key = written.toLowerCase();
    if (!cur || cur.key !== key) {
      // an owner is shown with at least one of its records
      if (room < 2) {
        room = 0;
        left++;
        return;
      }
      const anchor = e.owner ?? e.type;
      const name = abs ? shownName(abs, ix.origin) : written || '(no owner)';
      room--;
      cur = {
        key,
        sym: {
          name,
          detail: abs && abs !== name ? abs : '',
          kind: SymbolKind.Object,
          range: rangeOf(doc, recordStart(e), e.end),
          selectionRange: rangeOf(doc, anchor.start, anchor.end),
          children: [],
        },
      };
      out.push(cur.sym);
    }
    if (room <= 0) {
      left++;
      return;
    }
    room--;
    cur.sym.range = { start: cur.sym.range.start, end: rangeOf(doc, e.end, e.end).end };
    cur.sym.children!.push({
      name: `${e.type.text.toUpperCase()} ${shortData(e)}`.trim(),
      detail: e.ttl ? `TTL ${e.ttl.text}` : '',
      kind: SymbolKind.Field,
      range: rangeOf(doc, recordStart(e), e.end),
      selectionRange: rangeOf(doc, e.type.start, e.type.end),
    });
  });
  const last = out[out.length - 1];
  if (left > 0 && last) last.detail = withNote(last.detail, leftOutNote(left, 'record', 'records'));
  return out;
}
