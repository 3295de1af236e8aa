/**
 * The defining documents of each record type in data/rrtypes.ts, for hover.
 *
 * Source: the IANA "Domain Name System (DNS) Parameters" registry, "Resource Record (RR) TYPEs",
 * its Reference column, as of 2025. RFCs are listed by number; a type registered without an RFC
 * (by a named person, or from a draft or another body's document) gets a short note of that
 * instead. KEYDATA is BIND's own private-use type and has no IANA entry.
 */

export interface RrTypeRef {
  /** RFC numbers, the defining one first. */
  readonly rfcs: readonly number[];
  /** What the registry names when it names no RFC (or besides the RFCs). */
  readonly note?: string;
}

const r = (...rfcs: number[]): RrTypeRef => ({ rfcs });
const n = (note: string, ...rfcs: number[]): RrTypeRef => ({ rfcs, note });

export const RR_TYPE_REFS: Readonly<Record<string, RrTypeRef>> = {
  A: r(1035),
  NS: r(1035),
  MD: r(1035),
  MF: r(1035),
  CNAME: r(1035),
  SOA: r(1035),
  MB: r(1035),
  MG: r(1035),
  MR: r(1035),
  NULL: r(1035),
  WKS: r(1035),
  PTR: r(1035),
  HINFO: r(1035),
  MINFO: r(1035),
  MX: r(1035),
  TXT: r(1035),
  RP: r(1183),
  AFSDB: r(1183, 5864),
  X25: r(1183),
  ISDN: r(1183),
  RT: r(1183),
  NSAP: r(1706),
  'NSAP-PTR': r(1706),
  SIG: r(2536, 2931, 3110, 4034),
  KEY: r(2536, 2539, 3110, 4034),
  PX: r(2163),
  GPOS: r(1712),
  AAAA: r(3596),
  LOC: r(1876),
  NXT: r(2535, 3755),
  EID: n('registered for the Nimrod routing architecture (no RFC)'),
  NIMLOC: n('registered for the Nimrod routing architecture (no RFC)'),
  SRV: r(2782),
  ATMA: n('ATM Forum, "ATM Name System, V2.0" (no RFC)'),
  NAPTR: r(3403),
  KX: r(2230),
  CERT: r(4398),
  A6: r(2874, 3226, 6563),
  DNAME: r(6672),
  SINK: n('draft-eastlake-kitchen-sink (no RFC)'),
  OPT: r(6891, 3225),
  APL: r(3123),
  DS: r(4034),
  SSHFP: r(4255),
  IPSECKEY: r(4025),
  RRSIG: r(4034),
  NSEC: r(4034, 9077),
  DNSKEY: r(4034),
  DHCID: r(4701),
  NSEC3: r(5155, 9077),
  NSEC3PARAM: r(5155),
  TLSA: r(6698),
  SMIMEA: r(8162),
  HIP: r(8005),
  NINFO: n('registered by a person, without an RFC'),
  RKEY: n('registered by a person, without an RFC'),
  TALINK: n('registered by a person, without an RFC'),
  CDS: r(7344),
  CDNSKEY: r(7344),
  OPENPGPKEY: r(7929),
  CSYNC: r(7477),
  ZONEMD: r(8976),
  SVCB: r(9460),
  HTTPS: r(9460),
  DSYNC: r(9859),
  HHIT: n('registered for DRIP (drone remote identification) by the IETF DRIP working group'),
  BRID: n('registered for DRIP (drone remote identification) by the IETF DRIP working group'),
  SPF: r(7208),
  NID: r(6742),
  L32: r(6742),
  L64: r(6742),
  LP: r(6742),
  EUI48: r(7043),
  EUI64: r(7043),
  TKEY: r(2930),
  URI: r(7553),
  CAA: r(8659),
  AVC: n('registered by a person, without an RFC'),
  DOA: n('draft-durand-doa-over-dns (no RFC)'),
  AMTRELAY: r(8777),
  RESINFO: r(9606),
  WALLET: n('registered by a person, without an RFC'),
  TA: n('registered for DNSSEC trust authorities, without an RFC'),
  DLV: r(4431, 8749),
  KEYDATA: n("BIND's own private-use type (not in the IANA registry)"),
};

/** A reference as Markdown: RFC links, then the note. */
export function refMarkdown(ref: RrTypeRef): string {
  const rfcs = ref.rfcs.map((x) => `[RFC ${x}](https://www.rfc-editor.org/rfc/rfc${x})`);
  return [...rfcs, ...(ref.note ? [ref.note] : [])].join(', ');
}
