/**
 * The checks named-checkzone makes once the records are loaded, in its default modes (BIND's
 * lib/dns/zone.c and master.c), where a slip makes the zone fail to load:
 * - every name server of the apex that lies inside the zone has an address there: an A or AAAA
 *   record at the name (or its wildcard), not a CNAME, not below a DNAME; a server below a
 *   delegation is the child's business;
 * - (9.20) a DS record stands at a delegation, nowhere else in the zone's own data;
 * - one RRset's data fits named's storage (65512 octets, two more per record);
 * and the checks of single records that need the owner: DS, CDS and CDNSKEY
 * (dnssecChecks.ts), NSEC3 owners (checkNames.ts), SVCB at `_dns` names (9.20, svcb.ts).
 */
import { absoluteName } from './names';
import { RR_TYPES } from './data/rrtypes';
import { unescapedLength } from './rdataText';
import { svcbPlacementProblem } from './svcb';
import { checkNsec3Owner } from './checkNames';
import { checkCdsConsistency, checkDsAtApex } from './dnssecChecks';
import {
  bitsOf,
  buildIndex,
  keyRecords,
  lookupAddress,
  nameKey,
  OWNS,
  parentKey,
  T_DNAME,
  T_NS,
  type ZoneIndex,
  type ZoneRows,
} from './zoneIndex';
import { OWN, type Placed, type PlacedRecord, type ZoneProblem } from './placed';
import { PackedZoneTree } from './parser';

/** The most record data one RRset may hold in named's database, counting two octets per record. */
export const MAX_RRSET_DATA = 65512;

export function checkIntegrity(
  zoneOrigin: string,
  placed: Placed,
  problems: ZoneProblem[],
  version?: '9.18' | '9.20',
): void {
  const apex = nameKey(zoneOrigin);
  const inZone = keyRecords(placed, apex);
  const { types } = placed;
  // the types whose records are checked one by one
  const single = placed.perType((t) => (t === 'DS' || t === 'NSEC3' || (t === 'SVCB' && version === '9.20') ? 1 : 0));
  for (let x = 0; x < inZone.rows.length; x++) {
    const j = inZone.rows[x]!;
    if (!single[placed.type[j]!] || !(placed.flags[j]! & OWN)) continue;
    const p = placed.record(j);
    if (p.type === 'DS') checkDsAtApex(p, apex, problems);
    else if (p.type === 'NSEC3') checkNsec3Owner(p, problems);
    else {
      const s = svcbPlacementProblem(p.owner, p.r.rdata, p.r.type);
      if (s) problems.push({ rule: 'dns-zone-svcb', start: s.start, end: s.end, message: s.message });
    }
  }
  checkRrsetSizes(placed, inZone, problems);
  // what follows needs every record: records out of sight could hold the address, the key, the cut
  if (placed.partial) return;
  const ix = buildIndex(placed, inZone, apex);
  const apexId = placed.names.find(apex);
  /** The rows of the zone's data of type `type` in the checked file (at the apex: `apexOnly`). */
  const rowsOf = (type: string, apexOnly: boolean): PlacedRecord[] => {
    const t = types.indexOf(type);
    const out: PlacedRecord[] = [];
    const { rows, keys } = inZone;
    if (t >= 0)
      for (let i = 0; i < rows.length; i++)
        if (placed.type[rows[i]!] === t && (!apexOnly || keys[i] === apexId)) out.push(placed.record(rows[i]!));
    return out;
  };
  checkApexNs(rowsOf('NS', true), ix, problems);
  checkCdsConsistency(rowsOf('DNSKEY', true).concat(rowsOf('CDS', true), rowsOf('CDNSKEY', true)), problems);
  if (version === '9.20') checkDsPlacement(rowsOf('DS', false), ix, problems);
}

/** The name servers of the apex that lie in the zone: named refuses the zone when one has no address in it. */
function checkApexNs(records: readonly PlacedRecord[], ix: ZoneIndex, problems: ZoneProblem[]): void {
  for (const p of records) {
    if (!p.own) continue;
    const t = p.r.rdata[0];
    if (!t || t.quoted) continue;
    const target = absoluteName(t.text, p.origin);
    const found = lookupAddress(ix, nameKey(target));
    const at = (message: string) => problems.push({ rule: 'dns-zone-ns-target', start: t.start, end: t.end, message });
    if (found.kind === 'no-address')
      at(
        `The name server \`${target}\` lies inside this zone but has no address record here (named-checkzone: "has no address records"), so the zone does not load. Add an A or AAAA record for \`${target}\`, or name a server that has one.`,
      );
    else if (found.kind === 'cname')
      at(
        `The name server \`${target}\` is a CNAME, but an NS record must name the host itself (RFC 2181 §10.3), so the zone does not load. Name the host the CNAME points to.`,
      );
    else if (found.kind === 'dname')
      at(
        `The name server \`${target}\` lies below the DNAME at \`${found.at}\`, which redirects every name under it, so the server cannot be found in this zone and the zone does not load. Name a server outside that subtree.`,
      );
  }
}

/**
 * (9.20) A DS record belongs at a delegation, beside its NS records. Names below a delegation
 * or a DNAME are not the zone's own data and are not looked at; the apex is master.c's case.
 */
function checkDsPlacement(records: readonly PlacedRecord[], ix: ZoneIndex, problems: ZoneProblem[]): void {
  for (const p of records) {
    if (!p.own) continue;
    const k = nameKey(p.owner);
    if (k === ix.apex || bitsOf(ix, k) & T_NS) continue;
    let hidden = false;
    for (let a = parentKey(k); a !== undefined && !hidden; a = a === ix.apex ? undefined : parentKey(a)) {
      const t = bitsOf(ix, a);
      hidden = (t & OWNS) !== 0 && ((t & T_DNAME) !== 0 || (a !== ix.apex && (t & T_NS) !== 0));
    }
    if (hidden) continue;
    const at = p.r.owner ?? p.r.type;
    problems.push({
      rule: 'dns-zone-ds',
      start: at.start,
      end: at.end,
      message: `\`${p.owner}\` has a DS record but no NS records: a DS record stands at a delegation point, beside the child's NS records (named-checkzone 9.20: "DS not at delegation point"). Add the delegation's NS records, or remove the DS.`,
    });
  }
}

/** The types whose data is character strings only (TXT and its kin). */
const STRINGS_ONLY = new Set(
  RR_TYPES.filter((t) => t.fields.length === 1 && t.fields[0] === 'strings').map((t) => t.name),
);

/** The wire length of a record made of character strings only, or undefined. */
function stringsLength(p: PlacedRecord): number | undefined {
  if (!STRINGS_ONLY.has(p.type)) return undefined;
  let n = 0;
  for (const t of p.r.rdata) {
    const len = tokenOctets(t.text);
    if (typeof len === 'string') return undefined;
    n += len + 1;
  }
  return n;
}

/** A character string's octets once unescaped, or why it cannot be read. */
const tokenOctets = (text: string): number | string =>
  text.includes('\\') ? unescapedLength(text) : Buffer.byteLength(text);

/**
 * stringsLength of row j, for a row of a strings-only type: read in a packed tree's text where
 * the strings are plain ASCII (most are), without making the record.
 */
function stringsLengthAt(placed: Placed, j: number): number | undefined {
  const tree = placed.trees[placed.treeOf[j]!]!;
  if (!(tree instanceof PackedZoneTree)) return stringsLength(placed.record(j));
  const i = placed.entry[j]!;
  const { text } = tree;
  let n = 0;
  for (let k = tree.typeTokenAt(i) + 1, last = tree.tokensEnd(i); k < last; k++) {
    const s = tree.tStart[k]!;
    const e = tree.tokenEnd(k);
    let plain = true;
    for (let c = s; c < e && plain; c++) {
      const ch = text.charCodeAt(c);
      plain = ch < 0x80 && ch !== 0x5c;
    }
    let len: number | string;
    if (!plain) len = tokenOctets(tree.tokenText(k));
    else if (tree.isQuotedAt(k)) len = e - s - (tree.unclosed.has(k) ? 1 : 2);
    else len = e - s;
    if (typeof len === 'string') return undefined;
    n += len + 1;
  }
  return n;
}

/** One RRset's data over what named stores for it: "ran out of space". */
function checkRrsetSizes(placed: Placed, zr: ZoneRows, problems: ZoneProblem[]): void {
  // per type id: its index among the strings-only types of the zone, -1 for the others
  let ns = 0;
  const strings = placed.perType((t) => (STRINGS_ONLY.has(t) ? ns++ : -1));
  if (!ns) return;
  const { rows, keys } = zr;
  const nk = placed.names.size;
  // per RRset (its owner's key's id, its type's index): the octets so far, held at most one over the limit
  const totals = new Int32Array(nk * ns);
  let anyOver = false;
  for (let i = 0; i < rows.length; i++) {
    const t = strings[placed.type[rows[i]!]!]!;
    if (t < 0) continue;
    const len = stringsLengthAt(placed, rows[i]!);
    if (len === undefined) continue;
    const at = keys[i]! * ns + t;
    totals[at] = Math.min(totals[at]! + len + 2, MAX_RRSET_DATA + 1);
    if (totals[at]! > MAX_RRSET_DATA) anyOver = true;
  }
  if (!anyOver) return;
  const nt = placed.types.length;
  const over = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const t = strings[placed.type[rows[i]!]!]!;
    if (t >= 0 && totals[keys[i]! * ns + t]! > MAX_RRSET_DATA) over.add(keys[i]! * nt + placed.type[rows[i]!]!);
  }
  // again for the sets over the limit, where a record written twice counts once, as named stores it
  const sets = new Map<number, { size: number; seen: Set<string> }>();
  for (let i = 0; i < rows.length; i++) {
    const key = keys[i]! * nt + placed.type[rows[i]!]!;
    if (!over.has(key)) continue;
    const p = placed.record(rows[i]!);
    const len = stringsLength(p);
    if (len === undefined) continue;
    const set = sets.get(key) ?? { size: 0, seen: new Set<string>() };
    sets.set(key, set);
    const data = p.r.rdata.map((t) => t.text).join(' ');
    if (set.seen.has(data)) continue;
    set.seen.add(data);
    set.size += len + 2;
    if (set.size <= MAX_RRSET_DATA || !p.own) continue;
    set.size = -Infinity; // one report per set
    problems.push({
      rule: 'dns-zone-rrset-size',
      start: p.r.type.start,
      end: p.r.type.end,
      message: `The ${p.type} records of \`${p.owner}\` hold more data than named can store for one set (${MAX_RRSET_DATA} octets, counting two per record; named-checkzone: "ran out of space"), so the zone does not load. Shorten the text or spread it over several names.`,
    });
  }
}
