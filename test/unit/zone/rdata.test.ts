import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRdata, RdataToken } from '../../../server/src/zone/rdata';
import { RR_TYPES, rrTypeByName } from '../../../server/src/zone/data/rrtypes';
import { RDATA_CASES } from './rdataCases';

/** Splits record data into words the way the zone tokenizer hands them over (quotes removed). */
function words(text: string): RdataToken[] {
  const out: RdataToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push({ text: text.slice(i + 1, j), quoted: true, start, end: j + 1 });
      i = j + 1;
      continue;
    }
    while (i < text.length && !/[\s"]/.test(text[i] ?? '')) i += text[i] === '\\' ? 2 : 1;
    out.push({ text: text.slice(start, i), quoted: false, start, end: i });
  }
  return out;
}

const ORIGIN = { origin: 'example.' };

for (const c of RDATA_CASES) {
  const label = `${c.type} ${c.rdata}`.slice(0, 100);
  test(`rdata: ${label}`, () => {
    const toks = words(c.rdata);
    const end = c.rdata.length;
    const expectAt = (p: ReturnType<typeof checkRdata>, why: string) => {
      assert.ok(p, `${why}: expected a problem`);
      const at = c.bad === 'end' ? end : (toks[c.bad ?? 0]?.start ?? 0);
      assert.equal(p.start, at, `${why}: problem at ${p.start} (${p.message}), expected ${at}`);
      assert.match(p.message, /^[A-Z`].*\.$/, 'a message is a full sentence');
    };
    for (const version of ['9.18', '9.20'] as const) {
      const verdict = version === '9.18' ? c.v918 : c.v920;
      const p = checkRdata(c.type, toks, { ...ORIGIN, end, version });
      if (verdict === 'pass') assert.equal(p, undefined, `${version} accepts it, but: ${p?.message}`);
      else expectAt(p, `${version} says ${verdict}`);
    }
    // without a version only what both versions refuse is reported
    const p = checkRdata(c.type, toks, { ...ORIGIN, end });
    if (c.v918 === 'pass' || c.v920 === 'pass') assert.equal(p, undefined, p?.message);
    else expectAt(p, 'both versions refuse it');
  });
}

test('every data type in the table has examples, refused ones for all but the simplest', () => {
  const withPass = new Set(RDATA_CASES.filter((c) => c.v918 === 'pass').map((c) => c.type));
  const withFail = new Set(RDATA_CASES.filter((c) => c.v918 !== 'pass').map((c) => c.type));
  const data = RR_TYPES.filter((t) => !t.meta);
  assert.deepEqual(
    data.filter((t) => !withPass.has(t.name) && !t.refused && !t.genericOnly).map((t) => t.name),
    [],
  );
  // a single name, free text or free base64: the name, string and base64 rules have refused cases elsewhere
  const simple = ['MB', 'MG', 'MR', 'MINFO', 'ISDN', 'RT', 'NSAP-PTR', 'SIG', 'NIMLOC', 'KX', 'NINFO', 'BRID'];
  simple.push('L64', 'LP', 'AVC', 'RESINFO', 'WALLET', 'TA');
  assert.deepEqual(
    data.filter((t) => !withFail.has(t.name)).map((t) => t.name),
    simple,
  );
});

test('meta types, unknown TYPEnnn without the generic form, and MD/MF', () => {
  const w = words('\\# 0');
  assert.match(checkRdata('OPT', w, ORIGIN)?.message ?? '', /meta type/);
  assert.match(checkRdata('TYPE255', w, ORIGIN)?.message ?? '', /meta type/);
  assert.match(checkRdata('TYPE0', w, ORIGIN)?.message ?? '', /meta type/);
  assert.equal(checkRdata('TYPE65280', w, ORIGIN), undefined);
  assert.match(checkRdata('TYPE65280', words('abcd'), ORIGIN)?.message ?? '', /generic form/);
  assert.match(checkRdata('MD', words('x.example.'), ORIGIN)?.message ?? '', /`MX`/);
  assert.equal(checkRdata('NOTATYPE', words('x'), ORIGIN), undefined);
});

test('names: labels of at most 63 octets, names of at most 255 with the origin', () => {
  const l63 = 'a'.repeat(63);
  assert.equal(checkRdata('NS', words(`${l63}.example.`), ORIGIN), undefined);
  assert.match(checkRdata('NS', words(`${l63}a.example.`), ORIGIN)?.message ?? '', /at most 63/);
  const long = Array(4).fill(l63).join('.'); // 4 × 64 = 256 octets with the root
  assert.match(checkRdata('NS', words(`${long}.`), ORIGIN)?.message ?? '', /at most 255/);
  const rel = Array(3).fill(l63).join('.') + '.' + 'b'.repeat(50); // fits alone, not with `example.`
  assert.equal(checkRdata('NS', words(`${rel}.`), ORIGIN), undefined);
  assert.match(checkRdata('NS', words(rel), { origin: `${'c'.repeat(60)}.example.` })?.message ?? '', /origin/);
  assert.equal(checkRdata('NS', words('a\\.b\\065.example.'), ORIGIN), undefined);
  assert.match(checkRdata('NS', words('a\\256.example.'), ORIGIN)?.message ?? '', /\\256/);
});

/** Types in BIND 9.20's lib/dns/rdata/{generic,in_1} (from the mirror's bind-9.20 branch; 9.18 has the same set). */
const BIND_920_TYPES = [
  'AFSDB',
  'AMTRELAY',
  'AVC',
  'BRID',
  'CAA',
  'CDNSKEY',
  'CDS',
  'CERT',
  'CNAME',
  'CSYNC',
  'DLV',
  'DNAME',
  'DNSKEY',
  'DOA',
  'DS',
  'DSYNC',
  'EUI48',
  'EUI64',
  'GPOS',
  'HHIT',
  'HINFO',
  'HIP',
  'IPSECKEY',
  'ISDN',
  'KEY',
  'KEYDATA',
  'L32',
  'L64',
  'LOC',
  'LP',
  'MB',
  'MD',
  'MF',
  'MG',
  'MINFO',
  'MR',
  'MX',
  'NAPTR',
  'NID',
  'NINFO',
  'NS',
  'NSEC3',
  'NSEC3PARAM',
  'NSEC',
  'NULL',
  'NXT',
  'OPENPGPKEY',
  'OPT',
  'PTR',
  'RESINFO',
  'RKEY',
  'RP',
  'RRSIG',
  'RT',
  'SIG',
  'SINK',
  'SMIMEA',
  'SOA',
  'SPF',
  'SSHFP',
  'TA',
  'TALINK',
  'TKEY',
  'TLSA',
  'TXT',
  'URI',
  'WALLET',
  'X25',
  'ZONEMD',
  // in_1
  'A6',
  'A',
  'AAAA',
  'APL',
  'ATMA',
  'DHCID',
  'EID',
  'HTTPS',
  'KX',
  'NIMLOC',
  'NSAP-PTR',
  'NSAP',
  'PX',
  'SRV',
  'SVCB',
  'WKS',
];

/** Type numbers from the IANA "Resource Record (RR) TYPEs" registry; KEYDATA is BIND's private 65533. */
const IANA: Record<string, number> = {
  A: 1,
  NS: 2,
  MD: 3,
  MF: 4,
  CNAME: 5,
  SOA: 6,
  MB: 7,
  MG: 8,
  MR: 9,
  NULL: 10,
  WKS: 11,
  PTR: 12,
  HINFO: 13,
  MINFO: 14,
  MX: 15,
  TXT: 16,
  RP: 17,
  AFSDB: 18,
  X25: 19,
  ISDN: 20,
  RT: 21,
  NSAP: 22,
  'NSAP-PTR': 23,
  SIG: 24,
  KEY: 25,
  PX: 26,
  GPOS: 27,
  AAAA: 28,
  LOC: 29,
  NXT: 30,
  EID: 31,
  NIMLOC: 32,
  SRV: 33,
  ATMA: 34,
  NAPTR: 35,
  KX: 36,
  CERT: 37,
  A6: 38,
  DNAME: 39,
  SINK: 40,
  OPT: 41,
  APL: 42,
  DS: 43,
  SSHFP: 44,
  IPSECKEY: 45,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  DHCID: 49,
  NSEC3: 50,
  NSEC3PARAM: 51,
  TLSA: 52,
  SMIMEA: 53,
  HIP: 55,
  NINFO: 56,
  RKEY: 57,
  TALINK: 58,
  CDS: 59,
  CDNSKEY: 60,
  OPENPGPKEY: 61,
  CSYNC: 62,
  ZONEMD: 63,
  SVCB: 64,
  HTTPS: 65,
  DSYNC: 66,
  HHIT: 67,
  BRID: 68,
  SPF: 99,
  NID: 104,
  L32: 105,
  L64: 106,
  LP: 107,
  EUI48: 108,
  EUI64: 109,
  TKEY: 249,
  URI: 256,
  CAA: 257,
  AVC: 258,
  DOA: 259,
  AMTRELAY: 260,
  RESINFO: 261,
  WALLET: 262,
  TA: 32768,
  DLV: 32769,
  KEYDATA: 65533,
};

test('the type table: IANA numbers, unique names, every BIND 9.20 type present', () => {
  for (const t of RR_TYPES) assert.equal(t.number, IANA[t.name], `${t.name}'s number`);
  assert.equal(new Set(RR_TYPES.map((t) => t.name)).size, RR_TYPES.length, 'names are unique');
  assert.equal(new Set(RR_TYPES.map((t) => t.number)).size, RR_TYPES.length, 'numbers are unique');
  const missing = BIND_920_TYPES.filter((n) => !rrTypeByName(n));
  assert.deepEqual(missing, []);
  assert.equal(RR_TYPES.length, BIND_920_TYPES.length, 'no type beyond those folders');
  for (const t of RR_TYPES) assert.match(t.doc, /^[A-Z`].*\.$/, `${t.name}'s doc is one sentence`);
});
