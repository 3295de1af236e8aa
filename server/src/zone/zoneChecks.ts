/**
 * What named-checkzone checks of the zone as a whole, in its default modes: one SOA at the apex,
 * NS records at the apex, no CNAME beside other data, every record of the zone's class, data
 * outside the zone (ignored, a Warning). Records are read with their absolute owners, `$ORIGIN`
 * followed; a file with `$INCLUDE` or `$GENERATE` holds records we do not see, so the checks that
 * count records skip it.
 */
import {
  entryAt,
  entryCount,
  isDirective,
  parseZone,
  TTL,
  type ZoneDirective,
  type ZoneRecord,
  type ZoneTree,
} from './parser';
import type { FileAccess } from '../service/types';
import { ttlSeconds } from '../common/ttl';
import { absoluteName, isAbsolute, isInZone, nameLengthProblem } from './names';

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

/**
 * Types that may stand beside a CNAME (RFC 2181 §10.1, RFC 4034): its signatures, its NSEC and a
 * KEY, as BIND's database allows them (NXT and NSEC3 count as other data there).
 */
const BESIDE_CNAME = new Set(['RRSIG', 'NSEC', 'KEY', 'SIG']);

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
  /** The owner in lower case (the same string for the records of one owner). */
  readonly lower: string;
  /** Whether the record is of class IN (no class, `IN` or `CLASS1`). */
  readonly inClass: boolean;
}

/** A placed record that holds where its record is, not the record: made again when asked for (entryAt). */
class Placing implements PlacedRecord {
  constructor(
    private readonly tree: ZoneTree,
    private readonly i: number,
    readonly owner: string,
    readonly type: string,
    readonly own: boolean,
    readonly origin: string,
    readonly ttl: number | undefined,
    readonly lower: string,
    readonly inClass: boolean,
  ) {}
  get r(): ZoneRecord {
    return entryAt(this.tree, this.i) as ZoneRecord;
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

/** `$INCLUDE` files read through the workspace's file access. */
export function includeReader(files: FileAccess, isType: (w: string) => boolean): IncludeReader {
  return {
    read(fromUri, path) {
      const uri = files.resolve(fromUri, path);
      const text = uri === undefined ? undefined : files.read(uri);
      if (uri !== undefined && text !== undefined) return { uri, tree: parseZone(text, isType) };
      // a folder (`.`, `dir/`) is never a file; otherwise only the file access can tell
      if (uri !== undefined && (uri.endsWith('/') || files.exists?.(uri) === false))
        return { why: 'no such file', missing: true };
      return { why: 'missing, not a file, or outside the workspace' };
    },
  };
}

/** What placing the records found: the records, and whether some are out of sight. */
export interface Placed {
  readonly records: PlacedRecord[];
  /** `$GENERATE` records, or an `$INCLUDE` that could not be read: records the counts cannot see. */
  readonly partial: boolean;
}

/** What placing carries across files: whether records are out of sight, and the TTLs in force. */
interface PlaceState {
  partial: boolean;
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
  const out: PlacedRecord[] = [];
  const state: PlaceState = { partial: false };
  place(tree, zoneOrigin, undefined, problems, out, state, includes, 0, new Set(includes ? [includes.uri] : []));
  return { records: out, partial: state.partial };
}

function place(
  tree: ZoneTree,
  startOrigin: string,
  startOwner: string | undefined,
  problems: ZoneProblem[],
  out: PlacedRecord[],
  state: PlaceState,
  includes: { reader: IncludeReader; uri: string } | undefined,
  depth: number,
  seen: Set<string>,
): void {
  const own = depth === 0;
  // problems are reported in the checked file only (an included file is checked when it is opened)
  const report = (p: ZoneProblem) => {
    if (own) problems.push(p);
  };
  let origin = startOrigin;
  let owner = startOwner;
  let lower = owner?.toLowerCase() ?? '';
  for (let i = 0, n = entryCount(tree); i < n; i++) {
    const e = entryAt(tree, i);
    if (isDirective(e)) {
      if (!e.args[0] && e.name !== '$GENERATE') report(noArgument(e));
      if (e.name === '$ORIGIN' && e.args[0]) origin = absoluteName(e.args[0].text, origin);
      else if (e.name === '$TTL' && e.args[0]) state.defaultTtl = ttlSeconds(e.args[0].text);
      else if (e.name === '$GENERATE') state.partial = true;
      else if (e.name === '$INCLUDE') {
        const file = e.args[0];
        if (!file || !includes || depth >= MAX_INCLUDE_DEPTH) {
          state.partial = true;
          continue;
        }
        const got = includes.reader.read(includes.uri, file.text);
        if ('why' in got || seen.has(got.uri)) {
          state.partial = true;
          if ('why' in got)
            report(
              got.missing
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
                  },
            );
          continue;
        }
        const incOrigin = e.args[1] ? absoluteName(e.args[1].text, origin) : origin;
        seen.add(got.uri);
        place(
          got.tree,
          incOrigin,
          owner,
          problems,
          out,
          state,
          { reader: includes.reader, uri: got.uri },
          depth + 1,
          seen,
        );
        seen.delete(got.uri);
      }
      continue;
    }
    if (e.owner) {
      const abs = absoluteName(e.owner.text, origin);
      // the same name written again (a run of records of one owner) shares the strings
      if (abs !== owner) {
        owner = abs;
        lower = abs.toLowerCase();
      }
    } else if (owner === undefined) {
      report({
        rule: 'dns-zone-no-owner',
        start: e.type.start,
        end: e.type.end,
        message:
          'The first record has no owner (its line starts with blank space, named-checkzone: "no current owner name"): write the owner, e.g. `@`, at the start of the line.',
      });
      continue;
    }
    if (e.owner) {
      const len = nameLengthProblem(owner);
      if (len) report({ rule: 'dns-zone-name-length', start: e.owner.start, end: e.owner.end, message: len });
    }
    const own_ = e.ttl ? ttlSeconds(e.ttl.text) : undefined;
    if (own_ !== undefined) state.lastTtl = own_;
    const ttl = own_ ?? state.defaultTtl ?? state.lastTtl;
    const type = upperType(e.type.text);
    const inClass = !e.cls || isInClassText(e.cls.text);
    out.push(new Placing(tree, i, owner, type, own, origin, ttl, lower, inClass));
  }
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

export function checkZone(zoneOrigin: string, placed: Placed, problems: ZoneProblem[]): void {
  const { records, partial } = placed;
  const apex = zoneOrigin.toLowerCase();
  const byOwner = new Map<string, PlacedRecord[]>();
  let lastLower: string | undefined;
  let lastIn = false;
  let list: PlacedRecord[] | undefined;
  for (const p of records) {
    if (!p.inClass) {
      const cls = p.r.cls!.text.toUpperCase();
      if (p.own)
        problems.push({
          rule: 'dns-zone-class',
          start: p.r.cls!.start,
          end: p.r.cls!.end,
          message: `The record is of class ${cls}, the zone of class IN (named-checkzone: "class … != zone class"): remove \`${p.r.cls!.text}\` or write \`IN\`.`,
        });
      continue;
    }
    // a run of records of one owner: one look-up
    if (p.lower !== lastLower) {
      lastLower = p.lower;
      lastIn = isInZone(p.lower, apex);
      list = undefined;
    }
    if (!lastIn) {
      if (p.own)
        problems.push({
          rule: 'dns-zone-out-of-zone',
          start: (p.r.owner ?? p.r.type).start,
          end: (p.r.owner ?? p.r.type).end,
          message:
            `\`${p.owner}\` is outside the zone \`${zoneOrigin}\`: named ignores this record. ${p.r.owner && !isAbsolute(p.r.owner.text) ? '' : 'Write the name relative to the zone, or remove the record.'}`.trim(),
        });
      continue;
    }
    list ??= byOwner.get(p.lower);
    if (list) list.push(p);
    else byOwner.set(p.lower, (list = [p]));
  }
  for (const [, list] of byOwner) {
    checkTtls(list, problems);
    const cname = list.find((p) => p.type === 'CNAME');
    const other = cname && list.find((p) => p.type !== 'CNAME' && !BESIDE_CNAME.has(p.type));
    // reported in the checked file: at its CNAME, or at its other record when the CNAME is included
    const at = cname && other ? (cname.own ? cname : other.own ? other : undefined) : undefined;
    if (cname && other && at)
      problems.push({
        rule: 'dns-zone-cname-and-other',
        start: at.r.type.start,
        end: at.r.type.end,
        message: `\`${cname.owner}\` has a CNAME and other data (${other.type}${other.own ? ` on line ${other.r.line + 1}` : ' in an included file'}): a name with a CNAME may hold nothing else. Move the other records to the CNAME's target, or drop the CNAME.`,
      });
  }
  checkMxTargets(records, byOwner, zoneOrigin, problems);
  if (partial) return;
  const atApex = byOwner.get(apex) ?? [];
  // an SOA written twice with the same data is one record to named (an RRset holds no duplicates)
  const soaData = new Set<string>();
  const soas = atApex.filter((p) => {
    if (p.type !== 'SOA') return false;
    const key = soaKey(p);
    if (soaData.has(key)) return false;
    soaData.add(key);
    return true;
  });
  if (soas.length === 0)
    problems.push({
      rule: 'dns-zone-soa',
      start: 0,
      end: 0,
      message: `The zone \`${zoneOrigin}\` has no SOA record at its apex (named-checkzone: "has 0 SOA records"): add \`@ SOA ns1 hostmaster 1 3600 600 86400 300\` first.`,
    });
  for (const extra of soas.slice(1).filter((x) => x.own))
    problems.push({
      rule: 'dns-zone-soa',
      start: extra.r.type.start,
      end: extra.r.type.end,
      message: `A second SOA record at the apex (the first is on line ${soas[0]!.r.line + 1}): a zone has exactly one. Remove one.`,
    });
  if (soas.length && !atApex.some((p) => p.type === 'NS'))
    problems.push({
      rule: 'dns-zone-ns',
      start: soas[0]!.r.type.start,
      end: soas[0]!.r.type.end,
      message: `The zone \`${zoneOrigin}\` has no NS records at its apex (named-checkzone: "has no NS records"): add \`@ NS ns1\` with the name servers of the zone.`,
    });
}

/** Whether a word is a TTL. */
export const isTtl = (w: string) => TTL.test(w);

/** MX targets that are addresses or CNAMEs: named-checkzone warns (RFC 2181 §10.3, RFC 5321 §5.1). */
function checkMxTargets(
  records: readonly PlacedRecord[],
  byOwner: ReadonlyMap<string, PlacedRecord[]>,
  zoneOrigin: string,
  problems: ZoneProblem[],
): void {
  for (const p of records) {
    if (p.type !== 'MX' || !p.own) continue;
    const t = p.r.rdata[1];
    if (!t || t.quoted) continue;
    if (/^\d+\.\d+\.\d+\.\d+\.?$/.test(t.text)) {
      problems.push({
        rule: 'dns-zone-mx-target',
        start: t.start,
        end: t.end,
        message: `The MX target \`${t.text}\` is an address, but an MX names a host: write the host's name, which holds the address.`,
      });
      continue;
    }
    const target = absoluteName(t.text, p.origin);
    if (isInZone(target, zoneOrigin) && (byOwner.get(target.toLowerCase()) ?? []).some((x) => x.type === 'CNAME'))
      problems.push({
        rule: 'dns-zone-mx-target',
        start: t.start,
        end: t.end,
        message: `The MX target \`${target}\` is a CNAME; an MX must name the host itself (RFC 2181 §10.3): name the CNAME's target.`,
      });
  }
}

/** One RRset, one TTL: named gives a later record the TTL of the first and warns ("TTL set to prior TTL"). */
function checkTtls(list: readonly PlacedRecord[], problems: ZoneProblem[]): void {
  const first = new Map<string, PlacedRecord>();
  for (const p of list) {
    // an RRSIG's TTL is that of the set it covers, not one of its own set
    if (p.type === 'RRSIG' || p.ttl === undefined) continue;
    const prior = first.get(p.type);
    if (!prior) {
      first.set(p.type, p);
      continue;
    }
    if (p.own && prior.ttl !== p.ttl)
      problems.push({
        rule: 'dns-zone-ttl-mismatch',
        start: (p.r.ttl ?? p.r.type).start,
        end: (p.r.ttl ?? p.r.type).end,
        message: `This ${p.type} record's TTL is ${p.ttl}, but the first record of its set (line ${prior.r.line + 1}) has ${prior.ttl}: named gives the whole set ${prior.ttl} (named-checkzone: "TTL set to prior TTL"). Give every record of the set one TTL.`,
      });
  }
}

/** An SOA's data as named compares it: the two names made absolute (case ignored), the counters in seconds. */
function soaKey(p: PlacedRecord): string {
  return p.r.rdata
    .map((t, k) =>
      k < 2 ? absoluteName(t.text, p.origin).toLowerCase() : String(ttlSeconds(t.text) ?? t.text.toLowerCase()),
    )
    .join(' ');
}
