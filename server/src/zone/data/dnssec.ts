/**
 * DNSSEC numbers a zone file writes, for hover.
 *
 * Sources (facts only; the descriptions are ours):
 * - IANA "Domain Name System Security (DNSSEC) Algorithm Numbers" registry (dns-sec-alg-numbers),
 *   as of 2025: number, mnemonic and reference of each algorithm.
 * - IANA "Delegation Signer (DS) Resource Record (RR) Type Digest Algorithms" registry
 *   (ds-rr-types), as of 2025: number, mnemonic and reference of each digest type.
 * - BIND 9.18/9.20 `lib/dns/rcode.c` for the other spellings its master-file reader accepts
 *   (`NSEC3DSA`, `ECDSA256`, `SHA1`, ...); the list it accepts is rdataText.ts's SEC_ALGORITHMS.
 */

export interface DnssecNumber {
  readonly number: number;
  /** The IANA mnemonic. */
  readonly mnemonic: string;
  /** Other spellings BIND reads for the same number. */
  readonly aliases?: readonly string[];
  /** What it is, in a few words. */
  readonly doc: string;
  /** The defining documents, as the registry's Reference column lists them (RFC numbers). */
  readonly rfcs: readonly number[];
  /** The registry or RFC 8624 says not to sign or validate with it any more. */
  readonly deprecated?: boolean;
}

export const DNSSEC_ALGORITHMS: readonly DnssecNumber[] = [
  {
    number: 0,
    mnemonic: 'DELETE',
    doc: 'no algorithm: in CDS/CDNSKEY, asks the parent to delete the DS',
    rfcs: [8078],
  },
  { number: 1, mnemonic: 'RSAMD5', doc: 'RSA with MD5', rfcs: [3110, 4034], deprecated: true },
  { number: 2, mnemonic: 'DH', doc: 'Diffie-Hellman (keys only, never signatures)', rfcs: [2539] },
  { number: 3, mnemonic: 'DSA', doc: 'DSA with SHA-1', rfcs: [3755, 2536], deprecated: true },
  { number: 5, mnemonic: 'RSASHA1', doc: 'RSA with SHA-1', rfcs: [3110, 4034], deprecated: true },
  {
    number: 6,
    mnemonic: 'DSA-NSEC3-SHA1',
    aliases: ['NSEC3DSA'],
    doc: 'DSA with SHA-1, NSEC3-capable alias of 3',
    rfcs: [5155],
    deprecated: true,
  },
  {
    number: 7,
    mnemonic: 'RSASHA1-NSEC3-SHA1',
    aliases: ['NSEC3RSASHA1'],
    doc: 'RSA with SHA-1, NSEC3-capable alias of 5',
    rfcs: [5155],
    deprecated: true,
  },
  { number: 8, mnemonic: 'RSASHA256', doc: 'RSA with SHA-256', rfcs: [5702] },
  { number: 10, mnemonic: 'RSASHA512', doc: 'RSA with SHA-512', rfcs: [5702] },
  {
    number: 12,
    mnemonic: 'ECC-GOST',
    aliases: ['ECCGOST'],
    doc: 'GOST R 34.10-2001',
    rfcs: [5933],
    deprecated: true,
  },
  {
    number: 13,
    mnemonic: 'ECDSAP256SHA256',
    aliases: ['ECDSA256'],
    doc: 'ECDSA on curve P-256 with SHA-256',
    rfcs: [6605],
  },
  {
    number: 14,
    mnemonic: 'ECDSAP384SHA384',
    aliases: ['ECDSA384'],
    doc: 'ECDSA on curve P-384 with SHA-384',
    rfcs: [6605],
  },
  { number: 15, mnemonic: 'ED25519', doc: 'EdDSA on Ed25519', rfcs: [8080] },
  { number: 16, mnemonic: 'ED448', doc: 'EdDSA on Ed448', rfcs: [8080] },
  { number: 17, mnemonic: 'SM2SM3', doc: 'SM2 signatures with SM3 hashes', rfcs: [9563] },
  { number: 23, mnemonic: 'ECC-GOST12', doc: 'GOST R 34.10-2012', rfcs: [9558] },
  { number: 252, mnemonic: 'INDIRECT', doc: 'reserved for indirect keys', rfcs: [4034] },
  { number: 253, mnemonic: 'PRIVATEDNS', doc: 'private algorithm, named by a domain name', rfcs: [4034] },
  { number: 254, mnemonic: 'PRIVATEOID', doc: 'private algorithm, named by an OID', rfcs: [4034] },
];

export const DIGEST_ALGORITHMS: readonly DnssecNumber[] = [
  { number: 1, mnemonic: 'SHA-1', aliases: ['SHA1'], doc: 'SHA-1, 20 octets', rfcs: [3658], deprecated: true },
  { number: 2, mnemonic: 'SHA-256', aliases: ['SHA256'], doc: 'SHA-256, 32 octets', rfcs: [4509] },
  { number: 3, mnemonic: 'GOST R 34.11-94', aliases: ['GOST'], doc: 'GOST R 34.11-94', rfcs: [5933], deprecated: true },
  { number: 4, mnemonic: 'SHA-384', aliases: ['SHA384'], doc: 'SHA-384, 48 octets', rfcs: [6605] },
  { number: 5, mnemonic: 'GOST R 34.11-2012', doc: 'GOST R 34.11-2012', rfcs: [9558] },
  { number: 6, mnemonic: 'SM3', doc: 'SM3', rfcs: [9563] },
];

function lookup(table: readonly DnssecNumber[]): (text: string) => DnssecNumber | undefined {
  const byNumber = new Map(table.map((a) => [a.number, a]));
  const byName = new Map<string, DnssecNumber>();
  for (const a of table) for (const n of [a.mnemonic, ...(a.aliases ?? [])]) byName.set(n.toUpperCase(), a);
  return (text) => (/^\d+$/.test(text) ? byNumber.get(Number(text)) : byName.get(text.toUpperCase()));
}

/** The algorithm a number or mnemonic (any case, BIND's spellings too) names; undefined if none. */
export const dnssecAlgorithm = lookup(DNSSEC_ALGORITHMS);
/** The DS digest type a number or mnemonic names. */
export const digestAlgorithm = lookup(DIGEST_ALGORITHMS);
