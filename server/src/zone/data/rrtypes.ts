/**
 * Resource record types a zone file may hold, with the presentation-format fields of each.
 *
 * Sources (facts only, descriptions are ours):
 * - BIND 9.18 and 9.20 `lib/dns/rdata/generic/*.c` and `lib/dns/rdata/in_1/*.c` (isc-projects/bind9,
 *   branches bind-9.18 and bind-9.20): which types `named-checkzone` knows and what each type's
 *   `fromtext` function reads. Both branches hold the same set of types (the 9.18 branch has
 *   DSYNC, HHIT, BRID, WALLET and RESINFO too), so no entry needs `since`.
 * - The IANA "Domain Name System (DNS) Parameters" registry, "Resource Record (RR) TYPEs", for the
 *   numbers. KEYDATA (65533) is BIND's own private-use type for managed keys, not an IANA entry.
 *
 * Meta types BIND lists in those folders (OPT 41, TKEY 249) are in the table, marked `meta`: a zone
 * file may not hold them.
 */

/** The kinds of field a record's presentation format is made of. */
export type FieldKind =
  /** A domain name, relative (the origin is appended) or absolute; `@` is the origin. */
  | 'name'
  /** Domain names to the end of the record (HIP rendezvous servers), zero or more. */
  | 'names'
  | 'u8'
  | 'u16'
  | 'u32'
  /** A TTL-like counter: a number or units such as `1h30m` (SOA refresh, retry, expire, minimum). */
  | 'ttl'
  | 'ipv4'
  | 'ipv6'
  /** One <character-string> of at most 255 octets, quoted or not. */
  | 'string'
  /** One <character-string> that may be left out at the end of the record (ISDN subaddress). */
  | 'string-opt'
  /** One or more <character-string>s to the end of the record. */
  | 'strings'
  /** A quoted string without the 255-octet limit (URI target). */
  | 'qstring-long'
  /** Base64 to the end of the record, one or more octets. */
  | 'base64'
  /** Base64 to the end of the record, possibly nothing. */
  | 'base64-opt'
  /** Base64 in one word (HIP public key). */
  | 'base64-word'
  /** Hex to the end of the record, one or more octets (lengths per type where BIND checks them). */
  | 'hex'
  /** Hex in one word (HIP HIT). */
  | 'hex-word'
  /** Hex in one word, or `-` for empty (NSEC3 salt). */
  | 'hex-or-dash'
  /** Base32hex without padding (NSEC3 next hashed owner). */
  | 'base32hex'
  /** Type mnemonics to the end of the record (NSEC/NSEC3/CSYNC bitmaps). */
  | 'type-list'
  /** SVCB/HTTPS `key=value` parameters. */
  | 'svc-params'
  /** The whole LOC text form: latitude, longitude, altitude and optional size and precisions. */
  | 'loc'
  /** A CAA property tag: letters and digits. */
  | 'caa-tag'
  /** A CAA value: one string, quoted or not, no length limit. */
  | 'caa-value'
  /** A time: YYYYMMDDHHmmSS or seconds since the epoch (RRSIG, SIG). */
  | 'time'
  /** A 14-digit YYYYMMDDHHmmSS time only (KEYDATA). */
  | 'time14'
  /** A type mnemonic, `TYPEnnn`, or a number (RRSIG type covered, DSYNC type). */
  | 'type'
  /** A DNSSEC algorithm: a number 0–255 or a mnemonic such as `ECDSAP256SHA256`. */
  | 'algorithm'
  /** A DS digest type: a number 0–255 or `SHA-1`, `SHA-256`, `GOST`, `SHA-384`. */
  | 'digest-type'
  /** KEY/DNSKEY flags: a number or flag names joined with `|`. */
  | 'key-flags'
  /** KEY/DNSKEY protocol: a number 0–255 or `NONE`, `TLS`, `EMAIL`, `DNSSEC`, `IPSEC`, `ALL`. */
  | 'protocol'
  /** NSEC3 hash algorithm: a number 0–255 or `SHA-1`. */
  | 'hash-algorithm'
  /** CERT type: a number 0–65535 or a mnemonic such as `PKIX`. */
  | 'cert-type'
  /** DSYNC scheme: a number 0–255 or `NOTIFY`. */
  | 'dsync-scheme'
  | 'eui48'
  | 'eui64'
  /** Four groups of hex separated by colons (NID, L64). */
  | 'locator64'
  /** `0x` and hex digits, dots allowed (NSAP). */
  | 'nsap'
  /** An ATM address: hex digits (AESA) or `+` and decimal digits (E.164), dots between. */
  | 'atma'
  /** APL items `[!]afi:address/prefix`, zero or more. */
  | 'apl-items'
  /** WKS protocol: a number or a protocol name such as `tcp`. */
  | 'wks-protocol'
  /** WKS services: port numbers or service names, zero or more. */
  | 'wks-services'
  /** IPSECKEY/AMTRELAY gateway: `.`, an IPv4 or IPv6 address, or a name, per the gateway type. */
  | 'gateway'
  /** A6 address suffix (present unless the prefix length is 128). */
  | 'a6-suffix'
  /** A6 prefix name (present unless the prefix length is 0). */
  | 'a6-prefix'
  /** An X.25 PSDN address: at least four decimal digits. */
  | 'x25-address'
  /** DOA data: base64, or `-` for none. */
  | 'base64-or-dash';

export interface RrType {
  /** The mnemonic, in upper case. */
  readonly name: string;
  readonly number: number;
  /** The presentation-format fields in order. */
  readonly fields: readonly FieldKind[];
  /** The first BIND version (of 9.18 and 9.20) that knows the type; absent when both do. */
  readonly since?: '9.18' | '9.20';
  /** Only in class IN (lib/dns/rdata/in_1). */
  readonly inOnly?: boolean;
  /** Obsolete or experimental; BIND still reads it. */
  readonly obsolete?: boolean;
  /** BIND's master-file loader refuses the type as obsolete (it says to use MX). */
  readonly refused?: boolean;
  /** A meta type: not allowed in zone data. */
  readonly meta?: boolean;
  /** BIND's fromtext does not read the type's text form; only the generic `\# length hex` form loads. */
  readonly genericOnly?: boolean;
  /** One short sentence. */
  readonly doc: string;
}

export const RR_TYPES: readonly RrType[] = [
  { name: 'A', number: 1, fields: ['ipv4'], inOnly: true, doc: 'An IPv4 address of the owner name.' },
  {
    name: 'NS',
    number: 2,
    fields: ['name'],
    doc: 'A name server that is authoritative for the zone at the owner name.',
  },
  {
    name: 'MD',
    number: 3,
    fields: ['name'],
    obsolete: true,
    refused: true,
    doc: 'A mail destination host; replaced by MX, and named-checkzone refuses it.',
  },
  {
    name: 'MF',
    number: 4,
    fields: ['name'],
    obsolete: true,
    refused: true,
    doc: 'A mail forwarder host; replaced by MX, and named-checkzone refuses it.',
  },
  { name: 'CNAME', number: 5, fields: ['name'], doc: 'Says the owner name is an alias of the canonical name given.' },
  {
    name: 'SOA',
    number: 6,
    fields: ['name', 'name', 'u32', 'ttl', 'ttl', 'ttl', 'ttl'],
    doc: 'Start of authority: primary server, contact mailbox, serial and the refresh, retry, expire and negative-caching timers.',
  },
  { name: 'MB', number: 7, fields: ['name'], obsolete: true, doc: 'The host that holds a mailbox (experimental).' },
  { name: 'MG', number: 8, fields: ['name'], obsolete: true, doc: 'A member mailbox of a mail group (experimental).' },
  { name: 'MR', number: 9, fields: ['name'], obsolete: true, doc: 'A mailbox that renames another (experimental).' },
  {
    name: 'NULL',
    number: 10,
    fields: [],
    obsolete: true,
    genericOnly: true,
    doc: 'Opaque data of any kind; BIND reads it only in the generic `\\#` form.',
  },
  {
    name: 'WKS',
    number: 11,
    fields: ['ipv4', 'wks-protocol', 'wks-services'],
    inOnly: true,
    obsolete: true,
    doc: 'Well-known services an address offers over one protocol.',
  },
  {
    name: 'PTR',
    number: 12,
    fields: ['name'],
    doc: 'Points to another name, typically from a reverse-lookup name to a host.',
  },
  {
    name: 'HINFO',
    number: 13,
    fields: ['string', 'string'],
    doc: 'Host information: a CPU string and an operating-system string.',
  },
  {
    name: 'MINFO',
    number: 14,
    fields: ['name', 'name'],
    obsolete: true,
    doc: 'Mailboxes responsible for a mail list and for its errors.',
  },
  {
    name: 'MX',
    number: 15,
    fields: ['u16', 'name'],
    doc: 'A mail exchanger for the owner name, with a preference (lower is tried first).',
  },
  { name: 'TXT', number: 16, fields: ['strings'], doc: 'Free text: one or more character strings.' },
  {
    name: 'RP',
    number: 17,
    fields: ['name', 'name'],
    doc: 'The responsible person: a mailbox name and a name holding TXT records about them.',
  },
  { name: 'AFSDB', number: 18, fields: ['u16', 'name'], doc: 'An AFS or DCE database server, with a subtype.' },
  { name: 'X25', number: 19, fields: ['x25-address'], obsolete: true, doc: 'An X.25 PSDN address.' },
  {
    name: 'ISDN',
    number: 20,
    fields: ['string', 'string-opt'],
    obsolete: true,
    doc: 'An ISDN address and an optional subaddress.',
  },
  { name: 'RT', number: 21, fields: ['u16', 'name'], obsolete: true, doc: 'A route-through host, with a preference.' },
  {
    name: 'NSAP',
    number: 22,
    fields: ['nsap'],
    inOnly: true,
    obsolete: true,
    doc: 'An OSI network service access point address.',
  },
  {
    name: 'NSAP-PTR',
    number: 23,
    fields: ['name'],
    inOnly: true,
    obsolete: true,
    doc: 'Maps an NSAP address back to a name.',
  },
  {
    name: 'SIG',
    number: 24,
    fields: ['type', 'algorithm', 'u8', 'u32', 'time', 'time', 'u16', 'name', 'base64'],
    obsolete: true,
    doc: 'A signature in the original DNSSEC form, now used only for SIG(0) transaction signatures.',
  },
  {
    name: 'KEY',
    number: 25,
    fields: ['key-flags', 'protocol', 'algorithm', 'base64'],
    doc: 'A public key for SIG(0) or other uses; the key is left out when the flags say no key.',
  },
  {
    name: 'PX',
    number: 26,
    fields: ['u16', 'name', 'name'],
    inOnly: true,
    obsolete: true,
    doc: 'X.400 to RFC 822 mail address mapping.',
  },
  {
    name: 'GPOS',
    number: 27,
    fields: ['string', 'string', 'string'],
    obsolete: true,
    doc: 'A geographical position as longitude, latitude and altitude strings.',
  },
  { name: 'AAAA', number: 28, fields: ['ipv6'], inOnly: true, doc: 'An IPv6 address of the owner name.' },
  {
    name: 'LOC',
    number: 29,
    fields: ['loc'],
    doc: 'A location: latitude, longitude, altitude and optional size and precisions.',
  },
  {
    name: 'NXT',
    number: 30,
    fields: ['name', 'type-list'],
    obsolete: true,
    doc: 'The next owner name and the types present, from the original DNSSEC.',
  },
  {
    name: 'EID',
    number: 31,
    fields: ['hex'],
    inOnly: true,
    obsolete: true,
    doc: 'A Nimrod endpoint identifier in hex.',
  },
  { name: 'NIMLOC', number: 32, fields: ['hex'], inOnly: true, obsolete: true, doc: 'A Nimrod locator in hex.' },
  {
    name: 'SRV',
    number: 33,
    fields: ['u16', 'u16', 'u16', 'name'],
    inOnly: true,
    doc: 'A service location: priority, weight, port and target host.',
  },
  {
    name: 'ATMA',
    number: 34,
    fields: ['atma'],
    inOnly: true,
    obsolete: true,
    doc: 'An ATM address, in AESA hex or E.164 digits.',
  },
  {
    name: 'NAPTR',
    number: 35,
    fields: ['u16', 'u16', 'string', 'string', 'string', 'name'],
    doc: 'A naming-authority rewrite rule: order, preference, flags, service, regular expression and replacement.',
  },
  {
    name: 'KX',
    number: 36,
    fields: ['u16', 'name'],
    inOnly: true,
    doc: 'A key exchanger for the owner name, with a preference.',
  },
  {
    name: 'CERT',
    number: 37,
    fields: ['cert-type', 'u16', 'algorithm', 'base64'],
    doc: 'A certificate or a certificate revocation list.',
  },
  {
    name: 'A6',
    number: 38,
    fields: ['u8', 'a6-suffix', 'a6-prefix'],
    inOnly: true,
    obsolete: true,
    doc: 'An IPv6 address built from a prefix name and a suffix (historic).',
  },
  {
    name: 'DNAME',
    number: 39,
    fields: ['name'],
    doc: 'Redirects the whole tree below the owner name to the target name.',
  },
  {
    name: 'SINK',
    number: 40,
    fields: ['u8', 'u8', 'u8', 'base64-opt'],
    obsolete: true,
    doc: 'The kitchen sink: coded data of a given meaning and subtype (draft).',
  },
  {
    name: 'OPT',
    number: 41,
    fields: [],
    meta: true,
    doc: 'The EDNS pseudo-record; it lives only in messages, never in zone data.',
  },
  {
    name: 'APL',
    number: 42,
    fields: ['apl-items'],
    inOnly: true,
    doc: 'Address prefix lists: `[!]family:address/prefix` items.',
  },
  {
    name: 'DS',
    number: 43,
    fields: ['u16', 'algorithm', 'digest-type', 'hex'],
    doc: 'A delegation signer: the key tag, algorithm and digest of a child zone key.',
  },
  {
    name: 'SSHFP',
    number: 44,
    fields: ['u8', 'u8', 'hex'],
    doc: 'An SSH host key fingerprint: algorithm, fingerprint type and hex digest.',
  },
  {
    name: 'IPSECKEY',
    number: 45,
    fields: ['u8', 'u8', 'u8', 'gateway', 'base64'],
    doc: 'An IPsec public key with a precedence, gateway type, algorithm and gateway.',
  },
  {
    name: 'RRSIG',
    number: 46,
    fields: ['type', 'algorithm', 'u8', 'u32', 'time', 'time', 'u16', 'name', 'base64'],
    doc: 'A DNSSEC signature over the records of one type at the owner name.',
  },
  {
    name: 'NSEC',
    number: 47,
    fields: ['name', 'type-list'],
    doc: 'The next owner name in the zone and the types present at this one (DNSSEC).',
  },
  {
    name: 'DNSKEY',
    number: 48,
    fields: ['key-flags', 'protocol', 'algorithm', 'base64'],
    doc: 'A DNSSEC public key of the zone: flags, protocol (3) and algorithm.',
  },
  {
    name: 'DHCID',
    number: 49,
    fields: ['base64'],
    inOnly: true,
    doc: 'A DHCP client identifier digest, used to avoid update conflicts.',
  },
  {
    name: 'NSEC3',
    number: 50,
    fields: ['hash-algorithm', 'u8', 'u16', 'hex-or-dash', 'base32hex', 'type-list'],
    doc: 'Hashed authenticated denial: hash algorithm, flags, iterations, salt, next hashed name and types.',
  },
  {
    name: 'NSEC3PARAM',
    number: 51,
    fields: ['hash-algorithm', 'u8', 'u16', 'hex-or-dash'],
    doc: 'The NSEC3 parameters a zone is signed with: hash algorithm, flags, iterations and salt.',
  },
  {
    name: 'TLSA',
    number: 52,
    fields: ['u8', 'u8', 'u8', 'hex'],
    doc: 'A TLS certificate association (DANE): usage, selector, matching type and data.',
  },
  {
    name: 'SMIMEA',
    number: 53,
    fields: ['u8', 'u8', 'u8', 'hex'],
    doc: 'An S/MIME certificate association: usage, selector, matching type and data.',
  },
  {
    name: 'HIP',
    number: 55,
    fields: ['u8', 'hex-word', 'base64-word', 'names'],
    doc: 'A Host Identity Protocol record: algorithm, HIT, public key and rendezvous servers.',
  },
  { name: 'NINFO', number: 56, fields: ['strings'], obsolete: true, doc: 'Zone status information as text (draft).' },
  {
    name: 'RKEY',
    number: 57,
    fields: ['key-flags', 'protocol', 'algorithm', 'base64'],
    obsolete: true,
    doc: 'A resource record key for encrypting NAPTR records (draft); its flags must be 0.',
  },
  {
    name: 'TALINK',
    number: 58,
    fields: ['name', 'name'],
    obsolete: true,
    doc: 'A link in a chain of trust anchors: the previous and next names (draft).',
  },
  {
    name: 'CDS',
    number: 59,
    fields: ['u16', 'algorithm', 'digest-type', 'hex'],
    doc: 'The DS record a child zone wants its parent to publish.',
  },
  {
    name: 'CDNSKEY',
    number: 60,
    fields: ['key-flags', 'protocol', 'algorithm', 'base64'],
    doc: 'The DNSKEY a child zone wants its parent to make a DS for.',
  },
  {
    name: 'OPENPGPKEY',
    number: 61,
    fields: ['base64'],
    doc: 'An OpenPGP public key for the mailbox the owner name is derived from.',
  },
  {
    name: 'CSYNC',
    number: 62,
    fields: ['u32', 'u16', 'type-list'],
    doc: 'Child-to-parent synchronisation: SOA serial, flags and the types to copy.',
  },
  {
    name: 'ZONEMD',
    number: 63,
    fields: ['u32', 'u8', 'u8', 'hex'],
    doc: 'A digest of the whole zone: serial, scheme, hash algorithm and digest.',
  },
  {
    name: 'SVCB',
    number: 64,
    fields: ['u16', 'name', 'svc-params'],
    inOnly: true,
    doc: 'Service binding: priority (0 for alias mode), target name and service parameters.',
  },
  {
    name: 'HTTPS',
    number: 65,
    fields: ['u16', 'name', 'svc-params'],
    inOnly: true,
    doc: 'Service binding for HTTPS origins: priority, target name and service parameters.',
  },
  {
    name: 'DSYNC',
    number: 66,
    fields: ['type', 'dsync-scheme', 'u16', 'name'],
    doc: 'Where a child zone may notify its parent of changes: type, scheme, port and target.',
  },
  {
    name: 'HHIT',
    number: 67,
    fields: ['base64'],
    doc: 'A hierarchical host identity tag for drones (DRIP), in base64.',
  },
  { name: 'BRID', number: 68, fields: ['base64'], doc: 'A broadcast remote-ID message for drones (DRIP), in base64.' },
  {
    name: 'SPF',
    number: 99,
    fields: ['strings'],
    obsolete: true,
    doc: 'Sender policy text; deprecated in favour of TXT.',
  },
  { name: 'NID', number: 104, fields: ['u16', 'locator64'], doc: 'An ILNP 64-bit node identifier, with a preference.' },
  {
    name: 'L32',
    number: 105,
    fields: ['u16', 'ipv4'],
    doc: 'An ILNP 32-bit locator written as an IPv4 address, with a preference.',
  },
  { name: 'L64', number: 106, fields: ['u16', 'locator64'], doc: 'An ILNP 64-bit locator, with a preference.' },
  {
    name: 'LP',
    number: 107,
    fields: ['u16', 'name'],
    doc: 'An ILNP locator pointer: a preference and a name holding L32 or L64 records.',
  },
  {
    name: 'EUI48',
    number: 108,
    fields: ['eui48'],
    doc: 'A 48-bit MAC address written as six hex pairs joined by hyphens.',
  },
  {
    name: 'EUI64',
    number: 109,
    fields: ['eui64'],
    doc: 'A 64-bit extended unique identifier written as eight hex pairs joined by hyphens.',
  },
  {
    name: 'TKEY',
    number: 249,
    fields: [],
    meta: true,
    doc: 'Transaction key negotiation; a meta type that never appears in zone data.',
  },
  {
    name: 'URI',
    number: 256,
    fields: ['u16', 'u16', 'qstring-long'],
    doc: 'A URI for the owner name, with priority and weight; the target is quoted.',
  },
  {
    name: 'CAA',
    number: 257,
    fields: ['u8', 'caa-tag', 'caa-value'],
    doc: 'Which certificate authorities may issue for the name: flags, tag and value.',
  },
  { name: 'AVC', number: 258, fields: ['strings'], doc: 'Application visibility and control metadata as text.' },
  {
    name: 'DOA',
    number: 259,
    fields: ['u32', 'u32', 'u8', 'string', 'base64-or-dash'],
    doc: 'Digital object architecture data: enterprise, type, location, media type and data (draft).',
  },
  {
    name: 'AMTRELAY',
    number: 260,
    fields: ['u8', 'u8', 'u8', 'gateway'],
    doc: 'An automatic multicast tunnelling relay: precedence, discovery flag, relay type and relay.',
  },
  {
    name: 'RESINFO',
    number: 261,
    fields: ['strings'],
    doc: 'What a resolver supports, as `key` or `key=value` strings.',
  },
  { name: 'WALLET', number: 262, fields: ['strings'], doc: 'Public cryptocurrency wallet addresses as text.' },
  {
    name: 'TA',
    number: 32768,
    fields: ['u16', 'algorithm', 'digest-type', 'hex'],
    doc: 'A DNSSEC trust authority, written like DS (DNSSEC lookaside era).',
  },
  {
    name: 'DLV',
    number: 32769,
    fields: ['u16', 'algorithm', 'digest-type', 'hex'],
    obsolete: true,
    doc: 'A DNSSEC lookaside validation record, written like DS.',
  },
  {
    name: 'KEYDATA',
    number: 65533,
    fields: ['time14', 'time14', 'time14', 'key-flags', 'protocol', 'algorithm', 'base64'],
    doc: "BIND's own record for managed trust anchors: refresh, add and remove times, then a DNSKEY.",
  },
];

const BY_NAME = new Map(RR_TYPES.map((t) => [t.name, t]));
const BY_NUMBER = new Map(RR_TYPES.map((t) => [t.number, t]));

/** The answers for the texts asked lately, as written (null: none); a zone writes few types. */
const BY_TEXT = new Map<string, RrType | null>();

/** The entry for a mnemonic (any case) or `TYPEnnn`; undefined for a type BIND does not know. */
export function rrTypeByName(text: string): RrType | undefined {
  let hit = BY_TEXT.get(text);
  if (hit === undefined) {
    const up = text.toUpperCase();
    hit = BY_NAME.get(up) ?? BY_NUMBER.get(typeNumber(up) ?? -1) ?? null;
    if (BY_TEXT.size >= 512) BY_TEXT.clear();
    BY_TEXT.set(text, hit);
  }
  return hit ?? undefined;
}

export function rrTypeByNumber(n: number): RrType | undefined {
  return BY_NUMBER.get(n);
}

/** Meta and query types BIND's type parser knows besides the table (they may not be zone data). */
export const META_TYPES: ReadonlyMap<string, number> = new Map([
  ['TSIG', 250],
  ['IXFR', 251],
  ['AXFR', 252],
  ['MAILB', 253],
  ['MAILA', 254],
  ['ANY', 255],
]);

/** The number of a `TYPEnnn` spelling (0–65535), or undefined. */
export function typeNumber(text: string): number | undefined {
  const m = /^TYPE(\d{1,5})$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 65535 ? n : undefined;
}
