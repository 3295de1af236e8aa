/**
 * The records of a zone placed: each with its owner made absolute (`$ORIGIN` followed), its type,
 * the origin and TTL in force, and whether it is of class IN and in the checked file. Held as
 * columns of numbers, one row per record: names (owners, origins) as ids into one table of the
 * distinct names, types as ids into the zone's few types. A record's objects are made only when a
 * check asks for them (record(j)), for the few it reports or reads the data of.
 */
import {
  entryAt,
  entryCount,
  isDirective,
  PackedZoneTree,
  parseZone,
  type ZoneDirective,
  type ZoneRecord,
  type ZoneToken,
  type ZoneTree,
} from './parser';
import type { FileAccess } from '../service/types';
import { ttlSeconds } from '../common/ttl';
import { absoluteName, nameLengthProblem } from './names';
import { Ints } from './ints';

export interface ZoneProblem {
  readonly rule: ZoneCheckRule;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export type ZoneCheckRule =
  | 'dns-zone-soa'
  | 'dns-zone-ns'
  | 'dns-zone-cname-and-other'
  | 'dns-zone-class'
  | 'dns-zone-out-of-zone'
  | 'dns-zone-name-length'
  | 'dns-zone-no-owner'
  | 'dns-zone-include-unread'
  | 'dns-zone-mx-target'
  | 'dns-zone-ttl-mismatch'
  | 'dns-zone-syntax'
  | 'dns-zone-include-missing'
  | 'dns-zone-ns-target'
  | 'dns-zone-ds'
  | 'dns-zone-cds'
  | 'dns-zone-owner-name'
  | 'dns-zone-svcb'
  | 'dns-zone-rrset-size';

/** A record with its owner made absolute; `own`: in the checked file, not one it includes. */
export interface PlacedRecord {
  readonly r: ZoneRecord;
  readonly owner: string;
  readonly type: string;
  readonly own: boolean;
  /** The origin in force at the record (for the names in its data). */
  readonly origin: string;
  /** Its TTL in seconds: its own, else `$TTL`'s, else the last one written (RFC 1035 §5.1). */
  readonly ttl?: number;
  /** The owner in lower case. */
  readonly lower: string;
  /** Whether the record is of class IN (no class, `IN` or `CLASS1`). */
  readonly inClass: boolean;
}

/** FNV-1a over UTF-16 code units: its start, a string's hash. */
const FNV_START = 0x811c9dc5 | 0;
const hashOf = (s: string): number => hashOn(FNV_START, s, 0, s.length);

/** The hash `h` carried on over the characters text[from, to). */
function hashOn(h: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The distinct names of a zone, each once, by id; a name's lower-case form is a name of the table
 * too. An open-addressed hash table over typed arrays (a Map of half a million names costs twice
 * the time and more memory).
 */
export class NameTable {
  readonly text: string[] = [];
  private readonly hashes = new Ints();
  private readonly lowers = new Ints();
  /** Per slot: a name's id + 1, 0 empty; the slots are at most half full. */
  private slots: Int32Array;
  /** Room for about `expected` names before the slots grow (a power of two from 4096 to 4M slots). */
  constructor(expected = 0) {
    let n = 1 << 12;
    while (n < expected * 2 && n < 1 << 22) n *= 2;
    this.slots = new Int32Array(n);
  }
  get size(): number {
    return this.text.length;
  }
  /** The slot of a name: where it is, or the empty one where it would go. */
  private slot(name: string, h: number): number {
    const { slots, text } = this;
    const mask = slots.length - 1;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const v = slots[k]!;
      if (v === 0 || (this.hashes.a[v - 1] === h && text[v - 1] === name)) return k;
    }
  }
  /** The id of a name, added when new. */
  id(name: string): number {
    const h = hashOf(name);
    const k = this.slot(name, h);
    const v = this.slots[k]!;
    if (v) return v - 1;
    const id = this.text.length;
    this.text.push(name);
    this.hashes.push(h);
    this.lowers.push(id);
    this.slots[k] = id + 1;
    if (this.text.length * 2 > this.slots.length) this.grow();
    const l = name.toLowerCase();
    if (l !== name) this.lowers.a[id] = this.id(l);
    return id;
  }
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.text.length; id++) {
      let k = this.hashes.a[id]! & mask;
      while (slots[k]) k = (k + 1) & mask;
      slots[k] = id + 1;
    }
    this.slots = slots;
  }
  /** The id of a name, or -1 when the table does not hold it. */
  find(name: string): number {
    return this.slots[this.slot(name, hashOf(name))]! - 1;
  }
  /**
   * The id of the name `text[s, e)` + `.` + `origin` (an absolute origin; `.`: the root), or -1
   * when the table does not hold it: find(absoluteName(...)) without making the name.
   */
  findJoined(text: string, s: number, e: number, origin: string): number {
    const tail = origin === '.' ? '' : origin;
    const h = hashOn(hashOn(hashOn(FNV_START, text, s, e), '.', 0, 1), tail, 0, tail.length);
    const len = e - s + 1 + tail.length;
    const { slots, text: names } = this;
    const mask = slots.length - 1;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const v = slots[k]!;
      if (v === 0) return -1;
      const n = names[v - 1]!;
      if (this.hashes.a[v - 1] === h && n.length === len && joinedIs(n, text, s, e, tail)) return v - 1;
    }
  }
  /** The id of the lower-case form of name `id`. */
  lower(id: number): number {
    return this.lowers.a[id]!;
  }
}

/** Whether `name` is `text[s, e)` + `.` + `tail`. */
function joinedIs(name: string, text: string, s: number, e: number, tail: string): boolean {
  const m = e - s;
  for (let c = 0; c < m; c++) if (name.charCodeAt(c) !== text.charCodeAt(s + c)) return false;
  if (name.charCodeAt(m) !== 0x2e) return false;
  return name.endsWith(tail);
}

/** Record flags: in the checked file; of class IN. */
export const OWN = 1;
export const IN_CLASS = 2;

/** The placed records as columns, one row per record in the order named reads them. */
export class Placed {
  /** `$GENERATE` records, or an `$INCLUDE` that could not be read: records the counts cannot see. */
  partial = false;
  size = 0;
  readonly names: NameTable;
  /** The types as named writes them (upper case), by id. */
  readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  /** The files the records are in (the checked one first). */
  readonly trees: ZoneTree[] = [];
  /** Per record: its file, its entry there, its owner's and origin's name ids, its type id, flags. */
  treeOf: Int32Array;
  entry: Int32Array;
  owner: Int32Array;
  origin: Int32Array;
  type: Int32Array;
  flags: Uint8Array;
  /** Its TTL in seconds (NaN: none). */
  ttl: Float64Array;
  /**
   * Room for `size` records first (the checked file's entries: included files' make it grow), and
   * as many names (most owners are written once; the checks add the names between them).
   */
  constructor(size = 1024) {
    const n = Math.max(16, size);
    this.names = new NameTable(size);
    this.treeOf = new Int32Array(n);
    this.entry = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.origin = new Int32Array(n);
    this.type = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.ttl = new Float64Array(n);
  }

  /** The id of a type as written. */
  typeId(written: string): number {
    let id = this.typeIds.get(written);
    if (id === undefined) {
      const upper = upperType(written);
      id = this.types.indexOf(upper);
      if (id < 0) id = this.types.push(upper) - 1;
      this.typeIds.set(written, id);
    }
    return id;
  }
  add(tree: number, entry: number, owner: number, origin: number, type: number, flags: number, ttl: number): void {
    const j = this.size;
    if (j === this.entry.length) this.grow(j + (j >> 1));
    this.treeOf[j] = tree;
    this.entry[j] = entry;
    this.owner[j] = owner;
    this.origin[j] = origin;
    this.type[j] = type;
    this.flags[j] = flags;
    this.ttl[j] = ttl;
    this.size = j + 1;
  }
  private grow(n: number): void {
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.treeOf = more(this.treeOf, Int32Array);
    this.entry = more(this.entry, Int32Array);
    this.owner = more(this.owner, Int32Array);
    this.origin = more(this.origin, Int32Array);
    this.type = more(this.type, Int32Array);
    this.flags = more(this.flags, Uint8Array);
    this.ttl = more(this.ttl, Float64Array);
  }
  /** The record of row j, made now. */
  r(j: number): ZoneRecord {
    return entryAt(this.trees[this.treeOf[j]!]!, this.entry[j]!) as ZoneRecord;
  }
  /** Token n of row j's data, made alone (a packed tree's record is not made), or undefined. */
  rdataToken(j: number, n: number): ZoneToken | undefined {
    const tree = this.trees[this.treeOf[j]!]!;
    const i = this.entry[j]!;
    if (!(tree instanceof PackedZoneTree)) return (entryAt(tree, i) as ZoneRecord).rdata[n];
    const k = tree.typeTokenAt(i) + 1 + n;
    return k < tree.eTok[i + 1]! ? tree.token(k) : undefined;
  }
  /**
   * The lower-case name id of data token n of row j where it is written plainly: a relative name
   * (no `@`, escape, quote or final dot, not an address) that the table holds as written, e.g. an
   * MX target naming an owner of the zone. -1 otherwise: the caller reads the token.
   */
  plainDataName(j: number, n: number): number {
    const tree = this.trees[this.treeOf[j]!]!;
    if (!(tree instanceof PackedZoneTree)) return -1;
    const i = this.entry[j]!;
    const k = tree.typeTokenAt(i) + 1 + n;
    if (k >= tree.tokensEnd(i)) return -1;
    const { text } = tree;
    const s = tree.tStart[k]!;
    const e = tree.tokenEnd(k);
    let letter = false;
    for (let c = s; c < e; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 0x5c || ch === 0x22 || ch === 0x40 || ch === 0x28 || ch === 0x3b) return -1;
      if (ch !== 0x2e && (ch < 0x30 || ch > 0x39)) letter = true;
    }
    if (!letter || text.charCodeAt(e - 1) === 0x2e) return -1;
    const id = this.names.findJoined(text, s, e, this.names.text[this.origin[j]!]!);
    return id < 0 ? -1 : this.names.lower(id);
  }
  /** Row j as an object (for the records a check reports or reads the data of). */
  record(j: number): PlacedRecord {
    const ttl = this.ttl[j]!;
    const owner = this.owner[j]!;
    return {
      r: this.r(j),
      owner: this.names.text[owner]!,
      type: this.types[this.type[j]!]!,
      own: (this.flags[j]! & OWN) !== 0,
      origin: this.names.text[this.origin[j]!]!,
      ttl: Number.isNaN(ttl) ? undefined : ttl,
      lower: this.names.text[this.names.lower(owner)]!,
      inClass: (this.flags[j]! & IN_CLASS) !== 0,
    };
  }
  /** A number per type id, as `f` gives it for the type (a lookup table for the loops over rows). */
  perType(f: (type: string) => number): Int32Array {
    return Int32Array.from(this.types, f);
  }
}

/** The upper-case form of a type as written (a zone names few types: each is made once). */
const upperTypes = new Map<string, string>();
export function upperType(text: string): string {
  let u = upperTypes.get(text);
  if (u === undefined) {
    u = text.toUpperCase();
    if (upperTypes.size < 4096) upperTypes.set(text, u);
  }
  return u;
}

/** Whether a class as written is IN (`IN` or `CLASS1`, any case). */
export const isInClassText = (cls: string): boolean => cls === 'IN' || cls === 'in' || /^(?:IN|CLASS1)$/i.test(cls);

/** How `$INCLUDE` files are read: their tree, or why not (`missing`: surely no file is there). */
export interface IncludeReader {
  read(fromUri: string, path: string): { uri: string; tree: ZoneTree } | { why: string; missing?: boolean };
}

/**
 * Where a relative `$INCLUDE` path is read from, in order: the folder of ModeContext.zoneIncludeBase
 * (named's working directory), then beside the including file. An absolute path has one place.
 */
export function includeCandidates(files: FileAccess, fromUri: string, path: string, base?: string): string[] {
  const out: string[] = [];
  // FileAccess.resolve reads a path beside a file: a name in the base folder stands for it
  const inBase =
    base && !path.startsWith('/') ? files.resolve(`${base}${base.endsWith('/') ? '' : '/'}$INCLUDE`, path) : undefined;
  if (inBase !== undefined) out.push(inBase);
  const beside = files.resolve(fromUri, path);
  if (beside !== undefined && beside !== inBase) out.push(beside);
  return out;
}

/** `$INCLUDE` files read through the workspace's file access (`base`: ModeContext.zoneIncludeBase). */
export function includeReader(files: FileAccess, isType: (w: string) => boolean, base?: string): IncludeReader {
  return {
    read(fromUri, path) {
      const all = includeCandidates(files, fromUri, path, base);
      for (const c of all.slice(0, -1)) {
        const t = files.read(c);
        if (t !== undefined) return { uri: c, tree: parseZone(t, isType) };
      }
      // the last place (beside the including file) says why, when nowhere holds the file
      const uri = all[all.length - 1];
      const text = uri === undefined ? undefined : files.read(uri);
      if (uri !== undefined && text !== undefined) return { uri, tree: parseZone(text, isType) };
      // a folder (`.`, `dir/`) is never a file; otherwise only the file access can tell
      if (uri !== undefined && (uri.endsWith('/') || files.exists?.(uri) === false))
        return { why: 'no such file', missing: true };
      return { why: 'missing, not a file, or outside the workspace' };
    },
  };
}

/** What placing carries across files: the TTLs in force. */
interface PlaceState {
  defaultTtl?: number;
  lastTtl?: number;
}

/** An include nested deeper than this is not followed (BIND has no limit; a loop would not end). */
const MAX_INCLUDE_DEPTH = 8;

/**
 * The records with their absolute owners, following `$ORIGIN`, blank owners and `$INCLUDE`: an
 * included file's records take the origin it names (else the current one); after it, the origin
 * and the current owner are what they were before it (RFC 1035 §5.1).
 */
export function placeRecords(
  tree: ZoneTree,
  zoneOrigin: string,
  problems: ZoneProblem[],
  includes?: { reader: IncludeReader; uri: string },
): Placed {
  const out = new Placed(entryCount(tree));
  place(tree, zoneOrigin, undefined, problems, out, {}, includes, 0, new Set(includes ? [includes.uri] : []));
  return out;
}

/** A directive's effect: the origin after it, the state, an included file placed. */
function directive(e: ZoneDirective, origin: string, owner: string | undefined, ctx: PlaceContext): string {
  const { problems, out, state, includes, depth, seen } = ctx;
  const own = depth === 0;
  // problems are reported in the checked file only (an included file is checked when it is opened)
  const report = (p: ZoneProblem) => {
    if (own) problems.push(p);
  };
  if (!e.args[0] && e.name !== '$GENERATE') report(noArgument(e));
  if (e.name === '$ORIGIN' && e.args[0]) return absoluteName(e.args[0].text, origin);
  if (e.name === '$TTL' && e.args[0]) state.defaultTtl = ttlSeconds(e.args[0].text);
  else if (e.name === '$GENERATE') out.partial = true;
  else if (e.name === '$INCLUDE') {
    const file = e.args[0];
    if (!file || !includes || depth >= MAX_INCLUDE_DEPTH) {
      out.partial = true;
      return origin;
    }
    const got = includes.reader.read(includes.uri, file.text);
    if ('why' in got || seen.has(got.uri)) {
      out.partial = true;
      if ('why' in got) report(unread(file, got));
      return origin;
    }
    const incOrigin = e.args[1] ? absoluteName(e.args[1].text, origin) : origin;
    seen.add(got.uri);
    place(got.tree, incOrigin, owner, problems, out, state, { reader: includes.reader, uri: got.uri }, depth + 1, seen);
    seen.delete(got.uri);
  }
  return origin;
}

interface PlaceContext {
  readonly problems: ZoneProblem[];
  readonly out: Placed;
  readonly state: PlaceState;
  readonly includes: { reader: IncludeReader; uri: string } | undefined;
  readonly depth: number;
  readonly seen: Set<string>;
}

function unread(
  file: { text: string; start: number; end: number },
  got: { why: string; missing?: boolean },
): ZoneProblem {
  return got.missing
    ? {
        rule: 'dns-zone-include-missing',
        start: file.start,
        end: file.end,
        message: `\`${file.text}\` is not a file (named-checkzone: "file not found" or "not a file"), so named cannot load the zone. Write the path of an existing file, relative to named's working directory, or remove the \`$INCLUDE\`.`,
      }
    : {
        rule: 'dns-zone-include-unread',
        start: file.start,
        end: file.end,
        message: `\`${file.text}\` could not be read (${got.why}), so the records it holds are not checked with this file's.`,
      };
}

function place(
  tree: ZoneTree,
  startOrigin: string,
  startOwner: string | undefined,
  problems: ZoneProblem[],
  out: Placed,
  state: PlaceState,
  includes: { reader: IncludeReader; uri: string } | undefined,
  depth: number,
  seen: Set<string>,
): void {
  const own = depth === 0;
  const ctx: PlaceContext = { problems, out, state, includes, depth, seen };
  const treeId = out.trees.push(tree) - 1;
  const names = out.names;
  let origin = startOrigin;
  let originId = names.id(origin);
  let owner = startOwner;
  let ownerId = owner === undefined ? -1 : names.id(owner);
  const f = fieldsOf(tree);
  for (let i = 0, n = entryCount(tree); i < n; i++) {
    if (f.directive(i)) {
      const o = directive(entryAt(tree, i) as ZoneDirective, origin, owner, ctx);
      if (o !== origin) originId = names.id((origin = o));
      continue;
    }
    const written = f.owner(i);
    if (written !== undefined) {
      const abs = absoluteName(written, origin);
      // the same name written again (a run of records of one owner) is looked up once
      if (abs !== owner) ownerId = names.id((owner = abs));
    } else if (owner === undefined) {
      if (own) problems.push(noOwner(entryAt(tree, i) as ZoneRecord));
      continue;
    }
    if (written !== undefined && own) {
      const len = nameLengthProblem(owner);
      const at = len && (entryAt(tree, i) as ZoneRecord).owner!;
      if (at) problems.push({ rule: 'dns-zone-name-length', start: at.start, end: at.end, message: len });
    }
    const ttlText = f.ttl(i);
    const own_ = ttlText !== undefined ? ttlSeconds(ttlText) : undefined;
    if (own_ !== undefined) state.lastTtl = own_;
    const ttl = own_ ?? state.defaultTtl ?? state.lastTtl;
    const cls = f.cls(i);
    const flags = (own ? OWN : 0) | (cls === undefined || isInClassText(cls) ? IN_CLASS : 0);
    out.add(treeId, i, ownerId, originId, out.typeId(f.type(i)), flags, ttl ?? NaN);
  }
}

/** The fields of entry i that placing reads, without making the entry (a packed tree's). */
interface EntryFields {
  directive(i: number): boolean;
  owner(i: number): string | undefined;
  ttl(i: number): string | undefined;
  cls(i: number): string | undefined;
  type(i: number): string;
}

function fieldsOf(tree: ZoneTree): EntryFields {
  if (tree instanceof PackedZoneTree) {
    const text = (k: number) => (k < 0 ? undefined : tree.tokenText(k));
    return {
      directive: (i) => tree.isDirectiveAt(i),
      owner: (i) => text(tree.ownerTokenAt(i)),
      ttl: (i) => text(tree.ttlTokenAt(i)),
      cls: (i) => text(tree.clsTokenAt(i)),
      type: (i) => tree.typeTextAt(i),
    };
  }
  const rec = (i: number) => tree.entries[i] as ZoneRecord;
  return {
    directive: (i) => isDirective(tree.entries[i]!),
    owner: (i) => rec(i).owner?.text,
    ttl: (i) => rec(i).ttl?.text,
    cls: (i) => rec(i).cls?.text,
    type: (i) => rec(i).type.text,
  };
}

/** A record with a blank owner first in the file. */
function noOwner(e: ZoneRecord): ZoneProblem {
  return {
    rule: 'dns-zone-no-owner',
    start: e.type.start,
    end: e.type.end,
    message:
      'The first record has no owner (its line starts with blank space, named-checkzone: "no current owner name"): write the owner, e.g. `@`, at the start of the line.',
  };
}

/** A directive written without its value: named-checkzone stops at it ("unexpected end of line"). */
function noArgument(e: ZoneDirective): ZoneProblem {
  const what =
    e.name === '$TTL'
      ? 'a TTL, e.g. `$TTL 3600`'
      : e.name === '$ORIGIN'
        ? 'a domain name, e.g. `$ORIGIN example.com.`'
        : 'a file name, e.g. `$INCLUDE keys.db`';
  return {
    rule: 'dns-zone-syntax',
    start: e.keyword.start,
    end: e.keyword.end,
    message: `\`${e.name}\` needs ${what} on the same line (named-checkzone: "unexpected end of line").`,
  };
}
