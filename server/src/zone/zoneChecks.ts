/**
 * What named-checkzone checks of the zone as a whole, in its default modes: one SOA at the apex,
 * NS records at the apex, no CNAME beside other data, every record of the zone's class, data
 * outside the zone (ignored, a Warning). Records are read with their absolute owners, `$ORIGIN`
 * followed; a file with `$INCLUDE` or `$GENERATE` holds records we do not see, so the checks that
 * count records skip it.
 */
import { isDirective, TTL, type ZoneRecord, type ZoneTree } from './parser';
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
  | 'dns-zone-no-owner';

/** Types that may stand beside a CNAME (RFC 2181 §10.1, RFC 4034): its signatures and denial records. */
const BESIDE_CNAME = new Set(['RRSIG', 'NSEC', 'NSEC3', 'KEY', 'SIG', 'NXT']);

/** A record with its owner made absolute. */
export interface PlacedRecord {
  readonly r: ZoneRecord;
  readonly owner: string;
  readonly type: string;
}

/** The records with their absolute owners, following `$ORIGIN` and blank owners. */
export function placeRecords(tree: ZoneTree, zoneOrigin: string, problems: ZoneProblem[]): PlacedRecord[] {
  const out: PlacedRecord[] = [];
  let origin = zoneOrigin;
  let owner: string | undefined;
  for (const e of tree.entries) {
    if (isDirective(e)) {
      if (e.name === '$ORIGIN' && e.args[0]) origin = absoluteName(e.args[0].text, origin);
      continue;
    }
    if (e.owner) owner = absoluteName(e.owner.text, origin);
    else if (owner === undefined) {
      problems.push({
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
      if (len) problems.push({ rule: 'dns-zone-name-length', start: e.owner.start, end: e.owner.end, message: len });
    }
    out.push({ r: e, owner, type: e.type.text.toUpperCase() });
  }
  return out;
}

export function checkZone(
  tree: ZoneTree,
  zoneOrigin: string,
  records: readonly PlacedRecord[],
  problems: ZoneProblem[],
): void {
  const partial = tree.entries.some((e) => isDirective(e) && (e.name === '$INCLUDE' || e.name === '$GENERATE'));
  const apex = zoneOrigin.toLowerCase();
  const byOwner = new Map<string, PlacedRecord[]>();
  for (const p of records) {
    const cls = p.r.cls?.text.toUpperCase();
    if (cls && cls !== 'IN' && cls !== 'CLASS1') {
      problems.push({
        rule: 'dns-zone-class',
        start: p.r.cls!.start,
        end: p.r.cls!.end,
        message: `The record is of class ${cls}, the zone of class IN (named-checkzone: "class … != zone class"): remove \`${p.r.cls!.text}\` or write \`IN\`.`,
      });
      continue;
    }
    if (!isInZone(p.owner, zoneOrigin)) {
      problems.push({
        rule: 'dns-zone-out-of-zone',
        start: (p.r.owner ?? p.r.type).start,
        end: (p.r.owner ?? p.r.type).end,
        message:
          `\`${p.owner}\` is outside the zone \`${zoneOrigin}\`: named ignores this record. ${p.r.owner && !isAbsolute(p.r.owner.text) ? '' : 'Write the name relative to the zone, or remove the record.'}`.trim(),
      });
      continue;
    }
    const k = p.owner.toLowerCase();
    const list = byOwner.get(k);
    if (list) list.push(p);
    else byOwner.set(k, [p]);
  }
  for (const [, list] of byOwner) {
    const cname = list.find((p) => p.type === 'CNAME');
    const other = cname && list.find((p) => p.type !== 'CNAME' && !BESIDE_CNAME.has(p.type));
    if (cname && other)
      problems.push({
        rule: 'dns-zone-cname-and-other',
        start: cname.r.type.start,
        end: cname.r.type.end,
        message: `\`${cname.owner}\` has a CNAME and other data (${other.type} on line ${other.r.line + 1}): a name with a CNAME may hold nothing else. Move the other records to the CNAME's target, or drop the CNAME.`,
      });
  }
  if (partial) return;
  const atApex = byOwner.get(apex) ?? [];
  const soas = atApex.filter((p) => p.type === 'SOA');
  if (soas.length === 0)
    problems.push({
      rule: 'dns-zone-soa',
      start: 0,
      end: 0,
      message: `The zone \`${zoneOrigin}\` has no SOA record at its apex (named-checkzone: "has 0 SOA records"): add \`@ SOA ns1 hostmaster 1 3600 600 86400 300\` first.`,
    });
  for (const extra of soas.slice(1))
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
