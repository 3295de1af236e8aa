/**
 * What named-checkzone checks of the zone as a whole, in its default modes: one SOA at the apex,
 * NS records at the apex, no CNAME beside other data, every record of the zone's class, data
 * outside the zone (ignored, a Warning). Records are read with their absolute owners, `$ORIGIN`
 * followed; a file with `$INCLUDE` or `$GENERATE` holds records we do not see, so the checks that
 * count records skip it.
 */
import { TTL } from './parser';
import { ttlSeconds } from '../common/ttl';
import { absoluteName, isAbsolute, isInZone } from './names';
import { IN_CLASS, OWN, type Placed, type PlacedRecord, type ZoneProblem } from './placed';
export {
  includeReader,
  isInClassText,
  placeRecords,
  upperType,
  Placed,
  type IncludeReader,
  type PlacedRecord,
  type ZoneCheckRule,
  type ZoneProblem,
} from './placed';

/**
 * Types that may stand beside a CNAME (RFC 2181 §10.1, RFC 4034): its signatures, its NSEC and a
 * KEY, as BIND's database allows them (NXT and NSEC3 count as other data there).
 */
const BESIDE_CNAME = new Set(['RRSIG', 'NSEC', 'KEY', 'SIG']);

/** The rows of the zone's data (class IN, in the zone) by owner, compared without case. */
interface ByOwner {
  /** The lower-case owners' name ids, in the order their first record comes. */
  readonly order: Int32Array;
  readonly owners: number;
  /** Per name id: where its rows start in `rows`, and how many. */
  readonly start: Int32Array;
  readonly count: Int32Array;
  /** Row numbers, grouped by owner, in file order within each. */
  readonly rows: Int32Array;
}

/** The rows of owner `lower` (a lower-case name's id, -1: none). */
function rowsOf(b: ByOwner, lower: number): Int32Array {
  if (lower < 0 || lower >= b.count.length) return b.rows.subarray(0, 0);
  return b.rows.subarray(b.start[lower]!, b.start[lower]! + b.count[lower]!);
}

/** Sorts the zone's data by owner; reports the records of another class and those outside the zone. */
function byOwner(zoneOrigin: string, placed: Placed, problems: ZoneProblem[]): ByOwner {
  const apex = zoneOrigin.toLowerCase();
  const { names, size, flags, owner } = placed;
  const count = new Int32Array(names.size);
  const order = new Int32Array(names.size);
  let owners = 0;
  // per name id: 0 not yet asked, 1 in the zone, 2 outside
  const inZone = new Uint8Array(names.size);
  const rowOwner = new Int32Array(size).fill(-1);
  for (let j = 0; j < size; j++) {
    const f = flags[j]!;
    if (!(f & IN_CLASS)) {
      if (f & OWN) {
        const r = placed.r(j);
        problems.push({
          rule: 'dns-zone-class',
          start: r.cls!.start,
          end: r.cls!.end,
          message: `The record is of class ${r.cls!.text.toUpperCase()}, the zone of class IN (named-checkzone: "class … != zone class"): remove \`${r.cls!.text}\` or write \`IN\`.`,
        });
      }
      continue;
    }
    const l = names.lower(owner[j]!);
    if (!inZone[l]) inZone[l] = isInZone(names.text[l]!, apex) ? 1 : 2;
    if (inZone[l] === 2) {
      if (f & OWN) {
        const r = placed.r(j);
        const at = r.owner ?? r.type;
        problems.push({
          rule: 'dns-zone-out-of-zone',
          start: at.start,
          end: at.end,
          message:
            `\`${names.text[owner[j]!]}\` is outside the zone \`${zoneOrigin}\`: named ignores this record. ${r.owner && !isAbsolute(r.owner.text) ? '' : 'Write the name relative to the zone, or remove the record.'}`.trim(),
        });
      }
      continue;
    }
    if (count[l] === 0) order[owners++] = l;
    count[l] = count[l]! + 1;
    rowOwner[j] = l;
  }
  const start = new Int32Array(names.size);
  let at = 0;
  for (let o = 0; o < owners; o++) {
    const l = order[o]!;
    start[l] = at;
    at += count[l]!;
  }
  const rows = new Int32Array(at);
  const fill = start.slice();
  for (let j = 0; j < size; j++) {
    const l = rowOwner[j]!;
    if (l < 0) continue;
    rows[fill[l]!] = j;
    fill[l] = fill[l]! + 1;
  }
  return { order, owners, start, count, rows };
}

export function checkZone(zoneOrigin: string, placed: Placed, problems: ZoneProblem[]): void {
  const { names, types, type } = placed;
  const b = byOwner(zoneOrigin, placed, problems);
  const CNAME = types.indexOf('CNAME');
  const beside = placed.perType((t) => (t === 'CNAME' || BESIDE_CNAME.has(t) ? 1 : 0));
  const ttls = new TtlCheck(placed);
  const { rows } = b;
  // each owner's rows by index, in place (a view and an iterator per owner were 100 MB on a large zone)
  for (let o = 0; o < b.owners; o++) {
    const from = b.start[b.order[o]!]!;
    const to = from + b.count[b.order[o]!]!;
    ttls.check(rows, from, to, problems);
    let cname = -1;
    for (let x = from; x < to; x++)
      if (type[rows[x]!] === CNAME) {
        cname = rows[x]!;
        break;
      }
    if (cname < 0) continue;
    let other = -1;
    for (let x = from; x < to; x++)
      if (!beside[type[rows[x]!]!]) {
        other = rows[x]!;
        break;
      }
    if (other < 0) continue;
    const own = (j: number) => (placed.flags[j]! & OWN) !== 0;
    // reported in the checked file: at its CNAME, or at its other record when the CNAME is included
    const at = own(cname) ? cname : own(other) ? other : -1;
    if (at < 0) continue;
    const t = placed.r(at).type;
    problems.push({
      rule: 'dns-zone-cname-and-other',
      start: t.start,
      end: t.end,
      message: `\`${names.text[placed.owner[cname]!]}\` has a CNAME and other data (${types[type[other]!]}${own(other) ? ` on line ${placed.r(other).line + 1}` : ' in an included file'}): a name with a CNAME may hold nothing else. Move the other records to the CNAME's target, or drop the CNAME.`,
    });
  }
  checkMxTargets(placed, b, zoneOrigin, problems);
  if (placed.partial) return;
  checkApex(zoneOrigin, placed, rowsOf(b, names.find(zoneOrigin.toLowerCase())), problems);
}

/** One SOA at the apex, and NS records beside it. */
function checkApex(zoneOrigin: string, placed: Placed, atApex: Int32Array, problems: ZoneProblem[]): void {
  const SOA = placed.types.indexOf('SOA');
  const NS = placed.types.indexOf('NS');
  // an SOA written twice with the same data is one record to named (an RRset holds no duplicates)
  const soaData = new Set<string>();
  const soas: PlacedRecord[] = [];
  for (const j of atApex) {
    if (placed.type[j] !== SOA) continue;
    const p = placed.record(j);
    const key = soaKey(p);
    if (soaData.has(key)) continue;
    soaData.add(key);
    soas.push(p);
  }
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
  if (soas.length && !atApex.some((j) => placed.type[j] === NS))
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
function checkMxTargets(placed: Placed, b: ByOwner, zoneOrigin: string, problems: ZoneProblem[]): void {
  const MX = placed.types.indexOf('MX');
  const CNAME = placed.types.indexOf('CNAME');
  if (MX < 0) return;
  for (let j = 0; j < placed.size; j++) {
    if (placed.type[j] !== MX || !(placed.flags[j]! & OWN)) continue;
    // most targets are owners of the zone, written plainly: looked up without making the name
    const plain = placed.plainDataName(j, 1);
    if (plain >= 0 && !(isInZone(placed.names.text[plain]!, zoneOrigin) && ownsType(b, placed, plain, CNAME))) continue;
    const t = placed.rdataToken(j, 1);
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
    const target = absoluteName(t.text, placed.names.text[placed.origin[j]!]!);
    if (isInZone(target, zoneOrigin) && ownsType(b, placed, placed.names.find(target.toLowerCase()), CNAME))
      problems.push({
        rule: 'dns-zone-mx-target',
        start: t.start,
        end: t.end,
        message: `The MX target \`${target}\` is a CNAME; an MX must name the host itself (RFC 2181 §10.3): name the CNAME's target.`,
      });
  }
}

/** Whether the owner `lower` (a lower-case name's id, -1: none) has a record of type id `type`. */
function ownsType(b: ByOwner, placed: Placed, lower: number, type: number): boolean {
  if (lower < 0 || lower >= b.count.length) return false;
  for (let x = b.start[lower]!, to = x + b.count[lower]!; x < to; x++)
    if (placed.type[b.rows[x]!] === type) return true;
  return false;
}

/** One RRset, one TTL: named gives a later record the TTL of the first and warns ("TTL set to prior TTL"). */
class TtlCheck {
  /** Per type id: the first row of the owner's set with a TTL, -1 none. */
  private readonly first: Int32Array;
  private readonly RRSIG: number;
  constructor(private readonly placed: Placed) {
    this.first = new Int32Array(placed.types.length).fill(-1);
    this.RRSIG = placed.types.indexOf('RRSIG');
  }
  /** The rows rows[from] to rows[to - 1]: one owner's. */
  check(rows: Int32Array, from: number, to: number, problems: ZoneProblem[]): void {
    const { placed, first } = this;
    const { ttl, type } = placed;
    for (let x = from; x < to; x++) {
      const j = rows[x]!;
      const t = type[j]!;
      // an RRSIG's TTL is that of the set it covers, not one of its own set
      if (t === this.RRSIG || Number.isNaN(ttl[j]!)) continue;
      const prior = first[t]!;
      if (prior < 0) {
        first[t] = j;
        continue;
      }
      if (placed.flags[j]! & OWN && ttl[prior] !== ttl[j]) {
        const r = placed.r(j);
        const at = r.ttl ?? r.type;
        problems.push({
          rule: 'dns-zone-ttl-mismatch',
          start: at.start,
          end: at.end,
          message: `This ${placed.types[t]} record's TTL is ${ttl[j]}, but the first record of its set (line ${placed.r(prior).line + 1}) has ${ttl[prior]}: named gives the whole set ${ttl[prior]} (named-checkzone: "TTL set to prior TTL"). Give every record of the set one TTL.`,
        });
      }
    }
    for (let x = from; x < to; x++) first[type[rows[x]!]!] = -1;
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
