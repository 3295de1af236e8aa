/**
 * Where DNSSEC records of the delegation may stand, as named-checkzone judges them: a DS record
 * never at the zone's own apex (it belongs in the parent, master.c), and the CDS and CDNSKEY
 * records a zone publishes for its parent agree with its DNSKEY records (zone.c's consistency
 * check): each algorithm they name has a DNSKEY, and a "delete" record (RFC 8078 §4) stands alone.
 */
import { keyFlags } from './rdataText';
import { nameKey } from './zoneIndex';
import type { PlacedRecord, ZoneProblem } from './placed';

/** DNSSEC algorithm mnemonics BIND reads, with their numbers (IANA registry). */
const ALGORITHMS: ReadonlyMap<string, number> = new Map([
  ['RSAMD5', 1],
  ['DH', 2],
  ['DSA', 3],
  ['RSASHA1', 5],
  ['NSEC3DSA', 6],
  ['NSEC3RSASHA1', 7],
  ['RSASHA256', 8],
  ['RSASHA512', 10],
  ['ECCGOST', 12],
  ['ECDSAP256SHA256', 13],
  ['ECDSA256', 13],
  ['ECDSAP384SHA384', 14],
  ['ECDSA384', 14],
  ['ED25519', 15],
  ['ED448', 16],
  ['INDIRECT', 252],
  ['PRIVATEDNS', 253],
  ['PRIVATEOID', 254],
]);

/** An algorithm field's number, or undefined when it is not one. */
function algorithm(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d{1,3}$/.test(text)) return Number(text) <= 255 ? Number(text) : undefined;
  return ALGORITHMS.get(text.toUpperCase());
}

export function checkDsAtApex(p: PlacedRecord, apex: string, problems: ZoneProblem[]): void {
  if (nameKey(p.owner) !== apex) return;
  problems.push({
    rule: 'dns-zone-ds',
    start: p.r.type.start,
    end: p.r.type.end,
    message: `A DS record at the zone's apex \`${p.owner}\` (named-checkzone: "DS record at top of zone"): a DS belongs in the parent zone, at the delegation. Move it there; to ask the parent for one, publish a CDS record here instead.`,
  });
}

/** Whether the data tokens decode (hex or base64) to exactly one zero octet. */
function oneZeroOctet(text: string, base64: boolean): boolean {
  if (base64) return /^(?:AA==|AA)$/.test(text);
  return /^0{2}$/.test(text);
}

/** A CDS or CDNSKEY record read for the check: its algorithm and whether it is a delete record. */
interface Published {
  readonly p: PlacedRecord;
  readonly alg: number;
  readonly del: boolean;
}

/** The CDS/CDNSKEY record as the check needs it; undefined when a field cannot be read. */
function published(p: PlacedRecord): Published | undefined {
  const d = p.r.rdata.map((t) => t.text);
  if (p.type === 'CDS') {
    const alg = algorithm(d[1]);
    if (alg === undefined || d.length < 4) return undefined;
    const del = d[0] === '0' && alg === 0 && d[2] === '0' && oneZeroOctet(d.slice(3).join(''), false);
    return { p, alg, del };
  }
  const alg = algorithm(d[2]);
  const flags = d[0] === undefined ? undefined : keyFlags(d[0]);
  if (alg === undefined || typeof flags !== 'number' || d.length < 4) return undefined;
  const proto = d[1]?.toUpperCase();
  const del =
    flags === 0 && (proto === '3' || proto === 'DNSSEC') && alg === 0 && oneZeroOctet(d.slice(3).join(''), true);
  return { p, alg, del };
}

/**
 * The apex's CDS and CDNSKEY sets against its DNSKEY algorithms; reported at the first record out
 * of line. `records`: the apex's DNSKEY, CDS and CDNSKEY records, each type's in file order.
 */
export function checkCdsConsistency(records: readonly PlacedRecord[], problems: ZoneProblem[]): void {
  const keyAlgs = new Set<number>();
  const sets: Record<'CDS' | 'CDNSKEY', Published[]> = { CDS: [], CDNSKEY: [] };
  for (const p of records) {
    if (p.type !== 'DNSKEY' && p.type !== 'CDS' && p.type !== 'CDNSKEY') continue;
    if (p.type === 'DNSKEY') {
      const alg = algorithm(p.r.rdata[2]?.text);
      // a key we cannot read might be the one that matches: no verdict
      if (alg === undefined) return;
      keyAlgs.add(alg);
      continue;
    }
    const c = published(p);
    if (!c) return;
    sets[p.type].push(c);
  }
  for (const type of ['CDS', 'CDNSKEY'] as const) {
    const list = sets[type];
    const del = list.find((c) => c.del);
    const bad = del ? list.find((c) => !c.del) : list.find((c) => !c.del && !keyAlgs.has(c.alg));
    if (!bad || !bad.p.own) continue;
    const t = bad.p.r.rdata[type === 'CDS' ? 1 : 2] ?? bad.p.r.type;
    problems.push({
      rule: 'dns-zone-cds',
      start: t.start,
      end: t.end,
      message: del
        ? `A ${type} "delete" record (line ${del.p.r.line + 1}) asks the parent to remove the DS records, so it must be the only ${type} record (RFC 8078 §4; named-checkzone: "CDS/CDNSKEY consistency checks failed"). Remove this record or the delete record.`
        : `This ${type} record names algorithm ${bad.alg}, but no DNSKEY at the apex uses it (named-checkzone: "CDS/CDNSKEY consistency checks failed"), so the zone does not load. Publish the DNSKEY first, or make the ${type} match a key the zone has.`,
    });
  }
}
