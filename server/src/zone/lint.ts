/**
 * Checks beyond the records' data and counts (issue 21): mostly Warnings on files named-checkzone
 * loads, with a slip it does not report or reports only as a warning; and the TTLs it refuses.
 *
 * - A name that looks absolute but lacks its final dot (`dns-zone-missing-dot`): the origin is
 *   appended, so `mail.example.com` in the zone `example.com.` is `mail.example.com.example.com.`.
 *   A relative name (an owner, or a name field of the record's data, per data/rrtypes.ts) is
 *   reported when
 *   1. its last labels are the origin in force or the zone's origin (the name ends up with the
 *      origin twice), or
 *   2. it has two labels or more and its last label is one of the generic top-level domains of
 *      RFC 1591 §2 still in the IANA root zone database (https://www.iana.org/domains/root/db):
 *      `com`, `net`, `org`, `edu`, `gov`, `mil`, and `arpa` (RFC 3172). `int` is left out: as a
 *      last label it more often means "internal" (`api.int`) than the treaty organisations' TLD,
 *      and so are the newer generic and the country-code TLDs, many of which are words used as
 *      labels (`api.dev`, `cdn.eu`, `db.prod`, `www.shop`), or
 *   3. it has three labels or more and its last label is the zone's own TLD (`mx.other.de` in the
 *      zone `example.de.`): two labels (`api.de`) may well be a region or environment below the zone.
 *   Ordinary relative names (`www`, `mail.internal`, `_sip._tcp`) match none of these, and a
 *   response policy zone (RPZ), whose owners are other zones' names written relative on purpose,
 *   is left alone. The quick fix adds the dot (and, in case 1, offers the name relative to the
 *   origin); getLintCodeActions makes it.
 * - A CNAME at the apex (`dns-zone-apex-cname`): the apex holds the SOA and NS records, which may
 *   not stand beside a CNAME (RFC 1034 §3.6.2, RFC 2181 §10.1), so named-checkzone refuses such a
 *   zone, as "CNAME and other data" when it sees the SOA (our Error dns-zone-cname-and-other, so
 *   this one is left out then) or as "has 0 SOA records". Reported where no CNAME-and-other Error is.
 * - An MX or NS target without an address (`dns-zone-target-no-address`): an MX target in this
 *   zone with no A or AAAA record (named-checkzone warns: "has no address records"), and an MX or
 *   NS target outside it that falls in another zone of the workspace without an address there
 *   (ModeContext.zones). An NS target inside the zone is left to the integrity checks (an Error).
 * - A TTL named-checkzone refuses (`dns-zone-ttl`, an Error): see checkTtls.
 */
import type { ModeContext } from '../service/types';
import type { Feature } from '../service/types';
import { findingBudget } from '../common/findings';
import { actionsPerDiagnostic, fixesFromData, type FixData } from '../common/fixes';
import { ruleOf } from '../service/rules';
import { rrTypeByName } from './data/rrtypes';
import { absoluteName, isAbsolute, isInZone, splitLabels } from './names';
import { entryAt, entryCount, isDirective, PackedZoneTree, type ZoneToken, type ZoneTree } from './parser';
import { ttlSeconds } from '../common/ttl';
import { RULES, type ZoneRuleId } from './rules';
import { IN_CLASS, OWN, type Placed } from './placed';
import { Ints } from './ints';

export type LintRule = 'dns-zone-missing-dot' | 'dns-zone-apex-cname' | 'dns-zone-target-no-address' | 'dns-zone-ttl';

export interface LintFinding {
  readonly rule: LintRule;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: FixData;
}

/** What the checks look other zones up in (ModeContext.zones). */
export type ZoneLookup = NonNullable<ModeContext['zones']>;

/** The generic TLDs a relative name's last label is taken as a slip for (see the file's comment). */
const GENERIC_TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'arpa']);

/** Types that may stand beside a CNAME (as zoneChecks.ts has them). */
const BESIDE_CNAME = new Set(['RRSIG', 'NSEC', 'NSEC3', 'KEY', 'SIG', 'NXT']);

/** The types the in-zone target check looks at, as bits of one number per owner. */
const TYPE_BITS: Readonly<Record<string, number>> = { A: 1, AAAA: 2, CNAME: 4, NS: 8, DNAME: 16 };
const OTHER = 32;

const IPV4ISH = /^\d+\.\d+\.\d+\.\d+\.?$/;

/** The most a TTL may be (RFC 2181 §8 allows 2^31-1; BIND loads up to 2^32-1 and sets a larger-than-2^31-1 one to 0). */
const MAX_TTL = 0xffffffff;

/**
 * The lint findings of a zone, in document order per rule: the TTLs always, the names and targets
 * when its origin is known.
 */
export function lintZone(
  zoneOrigin: string | undefined,
  tree: ZoneTree,
  placed: Placed,
  zones: ZoneLookup | undefined,
  report: (f: LintFinding) => void,
): void {
  const room = findingBudget<LintRule>();
  const emit = (f: LintFinding) => {
    if (room(f.rule)) report(f);
  };
  checkTtls(tree, emit);
  if (zoneOrigin === undefined) return;
  const nc: NameContext = { zoneLabels: labelsOf(zoneOrigin), origin: zoneOrigin, originLabels: labelsOf(zoneOrigin) };
  const targets = new TargetCheck(zoneOrigin, placed, zones);
  // a response policy zone's owners are other zones' names, written relative on purpose
  const names = !isPolicyZone(placed);
  const { types, type, flags, origin } = placed;
  const MX = types.indexOf('MX');
  const NS = types.indexOf('NS');
  const fields = types.map((t) => rrTypeByName(t)?.fields);
  for (let j = 0; j < placed.size; j++) {
    if ((flags[j]! & (OWN | IN_CLASS)) !== (OWN | IN_CLASS)) continue;
    if (names) {
      const o = placed.names.text[origin[j]!]!;
      const tree = placed.trees[placed.treeOf[j]!]!;
      // a packed tree's tokens are read where they are, without making the record
      if (tree instanceof PackedZoneTree) checkPackedNames(tree, placed.entry[j]!, fields[type[j]!], o, nc, emit);
      else {
        const r = placed.r(j);
        if (r.owner) checkName(r.owner.text, r.owner, o, nc, emit);
        for (const tok of nameFields(types[type[j]!]!, r.rdata)) checkName(tok.text, tok, o, nc, emit);
      }
    }
    if (type[j] === MX || type[j] === NS) targets.add(j);
  }
  targets.finish(emit);
  checkApexCname(zoneOrigin, placed, emit);
}

/**
 * TTLs named-checkzone refuses: a `$TTL` that is not seconds or number-unit pairs ("bad ttl"), or
 * above 2^32-1 ("bad ttl", "out of range"); a record's TTL above 2^32-1, which BIND does not take
 * for a TTL at all ("unknown RR type"). (A `$TTL` with no value is the parser's.)
 */
function checkTtls(tree: ZoneTree, emit: (f: LintFinding) => void): void {
  const packed = tree instanceof PackedZoneTree ? tree : undefined;
  for (let i = 0, n = entryCount(tree); i < n; i++) {
    // a packed tree's records are made only when their TTL is wrong
    if (packed && !packed.isDirectiveAt(i)) {
      const k = packed.ttlTokenAt(i);
      const v = k < 0 ? 0 : ttlSeconds(packed.tokenText(k));
      if (v !== undefined && v <= MAX_TTL) continue;
    }
    const e = entryAt(tree, i);
    const tok = isDirective(e) ? (e.name === '$TTL' ? e.args[0] : undefined) : e.ttl;
    if (!tok) continue;
    const n = ttlSeconds(tok.text);
    if (n !== undefined && n <= MAX_TTL) continue;
    const what = isDirective(e) ? 'The `$TTL`' : "The record's TTL";
    emit({
      rule: 'dns-zone-ttl',
      start: tok.start,
      end: tok.end,
      message:
        n === undefined
          ? `${what} \`${tok.text}\` is not a TTL (named-checkzone: "bad ttl"): write seconds, e.g. \`3600\`, or numbers each with a unit w, d, h, m or s, e.g. \`1h30m\`.`
          : `${what} \`${tok.text}\` is ${n} seconds, more than the 4294967295 a TTL can hold (named-checkzone refuses it): write a smaller one, e.g. \`1d\`.`,
    });
  }
}

/** The CNAME targets that are a response policy zone's actions (BIND ARM, "Response Policy Zone (RPZ) Rewriting"). */
const POLICY_TARGETS = new Set(['.', '*.', 'rpz-passthru.', 'rpz-drop.', 'rpz-tcp-only.']);
/** The owner labels of RPZ triggers other than query names (rpz-ip, rpz-nsdname, rpz-nsip, rpz-client-ip). */
const POLICY_OWNER = /(?:^|\.)rpz-(?:ip|nsdname|nsip|client-ip)\./i;

/** Whether the zone is a response policy zone: a CNAME to a policy action, or a trigger owner. */
function isPolicyZone(placed: Placed): boolean {
  const CNAME = placed.types.indexOf('CNAME');
  const { names } = placed;
  let last = -1;
  for (let j = 0; j < placed.size; j++) {
    const target = placed.type[j] === CNAME ? placed.rdataToken(j, 0) : undefined;
    if (target && POLICY_TARGETS.has(target.text.toLowerCase())) return true;
    // records of one owner share its name: it is tested once
    const lower = names.lower(placed.owner[j]!);
    if (lower === last) continue;
    last = lower;
    if (names.text[lower]!.includes('rpz-') && POLICY_OWNER.test(names.text[placed.owner[j]!]!)) return true;
  }
  return false;
}

/** The name fields of a record's data, as tokens (none for the generic `\#` form). */
function nameFields(
  type: string,
  rdata: readonly ZoneToken[],
): Array<{ text: string; quoted: boolean; start: number; end: number }> {
  const t = rrTypeByName(type);
  if (!t || rdata[0]?.text === '\\#') return [];
  const out = [];
  for (let i = 0; i < t.fields.length; i++) {
    const kind = t.fields[i];
    if (kind === 'name' && rdata[i]) out.push(rdata[i]!);
    else if (kind === 'names') out.push(...rdata.slice(i));
  }
  return out.filter((x) => !x.quoted);
}

/** The owner and the name fields of record i of a packed tree, as nameFields has them, checked. */
function checkPackedNames(
  tree: PackedZoneTree,
  i: number,
  fields: readonly string[] | undefined,
  origin: string,
  nc: NameContext,
  emit: (f: LintFinding) => void,
): void {
  const owner = tree.ownerTokenAt(i);
  if (owner >= 0) checkPackedName(tree, owner, origin, nc, emit);
  const first = tree.typeTokenAt(i) + 1;
  const last = tree.eTok[i + 1]!;
  if (!fields || (first < last && tree.tokenText(first) === '\\#')) return;
  for (let f = 0; f < fields.length; f++) {
    const kind = fields[f];
    if (kind === 'name' && first + f < last) {
      if (!tree.isQuotedAt(first + f)) checkPackedName(tree, first + f, origin, nc, emit);
    } else if (kind === 'names')
      for (let k = first + f; k < last; k++) if (!tree.isQuotedAt(k)) checkPackedName(tree, k, origin, nc, emit);
  }
}

/** checkName on token k of a packed tree; most names have no dot, which checkName leaves at once: not made. */
function checkPackedName(
  tree: PackedZoneTree,
  k: number,
  origin: string,
  nc: NameContext,
  emit: (f: LintFinding) => void,
): void {
  const s = tree.tStart[k]!;
  const e = tree.tokenEnd(k);
  let dot = false;
  for (let c = s; c < e && !dot; c++) dot = tree.text.charCodeAt(c) === 0x2e;
  if (dot) checkName(tree.tokenText(k), { start: s, end: e }, origin, nc, emit);
}

/** The lower-case labels of an absolute name, without the root's empty one. */
function labelsOf(absolute: string): string[] {
  return absolute === '.' ? [] : splitLabels(absolute.slice(0, -1).toLowerCase());
}

/** Whether `labels` ends with `tail`. */
function endsWith(labels: readonly string[], tail: readonly string[]): boolean {
  if (!tail.length || tail.length > labels.length) return false;
  const off = labels.length - tail.length;
  return tail.every((l, i) => labels[off + i] === l);
}

/** What the names are compared with: the zone's labels, and the last origin's (records share it). */
interface NameContext {
  readonly zoneLabels: readonly string[];
  origin: string;
  originLabels: readonly string[];
}

function checkName(
  text: string,
  tok: { start: number; end: number },
  origin: string,
  nc: NameContext,
  emit: (f: LintFinding) => void,
): void {
  const dot = text.lastIndexOf('.');
  if (dot < 0 || text === '@' || origin === '.' || isAbsolute(text)) return;
  if (nc.origin !== origin) {
    nc.origin = origin;
    nc.originLabels = labelsOf(origin);
  }
  const { zoneLabels, originLabels } = nc;
  const zoneTld = zoneLabels[zoneLabels.length - 1];
  // the last label as written decides most names cheaply (a million of them in a large zone)
  const tail = text.slice(dot + 1).toLowerCase();
  if (!GENERIC_TLDS.has(tail) && tail !== zoneTld && tail !== originLabels[originLabels.length - 1]) return;
  const labels = splitLabels(text.toLowerCase());
  if (labels.some((l) => l === '')) return; // an empty label: the data checks report it
  const doubled = endsWith(labels, originLabels) ? originLabels : endsWith(labels, zoneLabels) ? zoneLabels : undefined;
  const last = labels[labels.length - 1]!;
  const looksAbsolute = doubled || GENERIC_TLDS.has(last) || (labels.length >= 3 && last === zoneTld);
  if (!looksAbsolute) return;
  const abs = absoluteName(text, origin);
  const replace = [`${text}.`];
  // the relative form: the name without the origin it repeats
  if (doubled === originLabels && labels.length > originLabels.length)
    replace.push(
      splitLabels(text)
        .slice(0, labels.length - originLabels.length)
        .join('.'),
    );
  const why = doubled
    ? `it ends with the origin \`${doubled.join('.')}\` already`
    : `it ends with \`${last}\`, a top-level domain`;
  emit({
    rule: 'dns-zone-missing-dot',
    start: tok.start,
    end: tok.end,
    message: `\`${text}\` has no final dot, so it is relative: the origin is appended and it means \`${abs}\`, yet ${why}. If the name is meant as written, end it with a dot: \`${text}.\`.`,
    data: { replace, title: `Add the final dot: \`${text}.\`` },
  });
}

/** A CNAME at the apex where no CNAME-and-other Error is reported (the apex holds nothing else we see). */
function checkApexCname(zoneOrigin: string, placed: Placed, emit: (f: LintFinding) => void): void {
  const apex = placed.names.find(zoneOrigin.toLowerCase());
  if (apex < 0) return;
  const CNAME = placed.types.indexOf('CNAME');
  const beside = placed.perType((t) => (BESIDE_CNAME.has(t) ? 1 : 0));
  let cname = -1;
  for (let j = 0; j < placed.size; j++) {
    if (placed.names.lower(placed.owner[j]!) !== apex || !(placed.flags[j]! & IN_CLASS)) continue;
    if (placed.type[j] === CNAME) {
      if (cname < 0) cname = j;
    } else if (!beside[placed.type[j]!]) return;
  }
  if (cname < 0 || !(placed.flags[cname]! & OWN)) return;
  const t = placed.r(cname).type;
  emit({
    rule: 'dns-zone-apex-cname',
    start: t.start,
    end: t.end,
    message: `The zone's apex \`${zoneOrigin}\` has a CNAME, but the apex must hold the SOA and NS records, which may not stand beside a CNAME (RFC 1034 §3.6.2): named-checkzone refuses the zone. Give the apex A/AAAA records (or your provider's ALIAS) instead, and keep CNAMEs below it.`,
  });
}

/**
 * MX and NS targets without an address, looked up in this zone and in the workspace's others. The
 * targets are kept as row numbers and read when the records are all placed (a large zone has a
 * hundred thousand MX records: an object each held 25 MB), and the zone's records are read once,
 * for the types of each owner, when an in-zone target needs them.
 */
class TargetCheck {
  private readonly rows = new Ints(64);
  private readonly asked = new Map<string, boolean | undefined>();
  /** Per lower-case owner's name id: its types, as bits (made when first needed). */
  private bits: Int32Array | undefined;
  constructor(
    private readonly zoneOrigin: string,
    private readonly placed: Placed,
    private readonly zones: ZoneLookup | undefined,
  ) {}

  add(j: number): void {
    this.rows.push(j);
  }

  finish(emit: (f: LintFinding) => void): void {
    const { placed } = this;
    for (let k = 0; k < this.rows.n; k++) {
      const j = this.rows.a[k]!;
      const type = placed.types[placed.type[j]!]!;
      const n = type === 'MX' ? 1 : 0;
      // most targets are owners of the zone, written plainly: their name is in the table already
      const plain = placed.plainDataName(j, n);
      let tok = plain >= 0 ? undefined : placed.rdataToken(j, n);
      if (plain < 0 && (!tok || tok.quoted || tok.text === '.' || tok.text === '\\#' || IPV4ISH.test(tok.text)))
        continue;
      const name =
        plain >= 0
          ? placed.names.text[plain]!
          : absoluteName(tok!.text, placed.names.text[placed.origin[j]!]!).toLowerCase();
      const inZone = isInZone(name, this.zoneOrigin);
      // an in-zone NS target is the integrity checks' (an Error there); without a lookup, only
      // in-zone targets can be judged
      if ((inZone && type === 'NS') || (!inZone && !this.zones)) continue;
      let where: Where | 'none-elsewhere' = inZone ? this.inZone(name) : 'outside';
      // outside the zone, or below one of its delegations: the workspace's zone that holds it says
      if (where === 'outside') where = this.ask(name) === false ? 'none-elsewhere' : 'fine';
      if (where === 'fine') continue;
      tok ??= placed.rdataToken(j, n)!;
      emit({
        rule: 'dns-zone-target-no-address',
        start: tok.start,
        end: tok.end,
        message:
          where === 'none-here'
            ? `The MX target \`${name}\` has no A or AAAA record in this zone (named-checkzone: "has no address records"): mail to it cannot be delivered. Add its address, or name a host that has one.`
            : `The ${type} target \`${name}\` has no A or AAAA record in the zone of this workspace that holds it: ${type === 'MX' ? 'mail to it cannot be delivered' : 'resolvers cannot reach that name server'}. Add its address there, or name a host that has one.`,
      });
    }
  }

  private ask(target: string): boolean | undefined {
    if (!this.zones) return undefined;
    if (this.asked.has(target)) return this.asked.get(target);
    let got: boolean | undefined;
    try {
      got = this.zones.hasAddress(target);
    } catch {
      got = undefined;
    }
    this.asked.set(target, got);
    return got;
  }

  /** The types (as bits) of each owner, compared without case. */
  private readTypes(): Int32Array {
    const { names, size, flags, owner, type } = this.placed;
    const typeBits = this.placed.perType((t) => TYPE_BITS[t] ?? OTHER);
    const bits = new Int32Array(names.size);
    for (let j = 0; j < size; j++) {
      if (!(flags[j]! & IN_CLASS)) continue;
      const o = names.lower(owner[j]!);
      bits[o] = bits[o]! | typeBits[type[j]!]!;
    }
    return bits;
  }

  /** The types (as bits) of a name in lower case; 0 for none. */
  private typesOf(name: string): number {
    const bits = (this.bits ??= this.readTypes());
    const id = this.placed.names.find(name);
    return id < 0 || id >= bits.length ? 0 : bits[id]!;
  }

  /** An in-zone target: 'outside' below a delegation, 'fine' with an address (or when we cannot tell), else 'none-here'. */
  private inZone(target: string): Where {
    if (this.placed.partial) return 'fine'; // `$GENERATE` or an unread `$INCLUDE` may hold the address
    const apex = this.zoneOrigin.toLowerCase();
    const own = this.typesOf(target);
    // from the target up to the apex (excluded): a delegation makes it another zone's, a DNAME illegal
    let name = target;
    for (let first = true; name !== apex; first = false) {
      const here = first ? own : this.typesOf(name);
      if (here & TYPE_BITS['NS']!) return 'outside';
      if (!first && here & TYPE_BITS['DNAME']!) return 'fine';
      if (!first && !own && this.wildHasAddress(name)) return 'fine';
      const up = parent(name);
      if (up === undefined) return 'fine';
      name = up;
    }
    if (!own && this.wildHasAddress(apex)) return 'fine';
    if (own & TYPE_BITS['CNAME']!) return 'fine'; // dns-zone-mx-target says so
    return own & (TYPE_BITS['A']! | TYPE_BITS['AAAA']!) ? 'fine' : 'none-here';
  }

  /** Whether the wildcard below `name` has an address: it answers for a name that does not exist (named-checkzone: the same). */
  private wildHasAddress(name: string): boolean {
    return (this.typesOf(wildcard(name)) & (TYPE_BITS['A']! | TYPE_BITS['AAAA']!)) !== 0;
  }
}

type Where = 'outside' | 'fine' | 'none-here';

/** The parent of an absolute name (`.` for a top-level one), or undefined for the root. */
function parent(name: string): string | undefined {
  if (name === '.') return undefined;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '\\') i++;
    else if (name[i] === '.') return i + 1 < name.length ? name.slice(i + 1) : '.';
  }
  return undefined;
}

/** The wildcard name directly below an absolute name. */
const wildcard = (name: string) => (name === '.' ? '*.' : `*.${name}`);

/** The quick fixes of the lint rules: the missing dot added (or the name made relative). */
export const getLintCodeActions: Feature<ZoneTree, 'getCodeActions'> = (doc, _tree, _range, context) =>
  actionsPerDiagnostic(context, (d) => {
    const rule: ZoneRuleId | undefined = ruleOf(RULES, d.code);
    return rule === 'dns-zone-missing-dot'
      ? fixesFromData(doc, d, { replaceTitle: (r) => `Write the name relative to the origin: \`${r}\`` })
      : [];
  });
