import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, service, withEOL, type EOL } from '../../helpers';
import { humanDuration, keyTag } from '../../../server/src/zone/hover';
import { zoneMode } from '../../../server/src/zone';
import { defaultSettings, noFileAccess } from '../../../server/src/service/types';
import {
  DIGEST_ALGORITHMS,
  DNSSEC_ALGORITHMS,
  digestAlgorithm,
  dnssecAlgorithm,
} from '../../../server/src/zone/data/dnssec';
import { RR_TYPE_REFS } from '../../../server/src/zone/data/rrtypeRefs';
import { RR_TYPES } from '../../../server/src/zone/data/rrtypes';
import { DIGEST_TYPES, SEC_ALGORITHMS } from '../../../server/src/zone/rdataText';

/**
 * Keys made by BIND 9.18's dnssec-keygen for `example.com` (-a ECDSAP256SHA256 -f KSK; -a RSASHA256
 * -b 1024; -a ED25519); the tags are the ones it put in the file names (Kexample.com.+013+33528, ...).
 */
const KSK13 = 'wD5r/pTjF8vzU+uujiwcmxCEe/dHFyxx49PjBi9X58u4r1wGdOOEVyvB fJCZSXr4P9W5CMPpOkNAnMWDv+a2mw==';
const ZSK8 = [
  'AwEAAd3QbrSh0SIlO/tGy8G+pVQ5VO4fwSDyaBc3c0CXUovT3osAW8r4',
  'sPBNwj7I/w9Mlwr0MFUDN/+1YFyXbJbIrVANJ+mtq8cll2rAHjY00oYN',
  'rdZLkvTMd6ZVd5S+8qG+wDzhr0PBwRbnNLoWhp/TgOhb9LSjbFriIuTU',
  'bcZu8Uu9',
];
const ZSK15 = 'C6k2TZsNgSL9S92ODdeIL0M9mU2OeAfDCmebQsDHllE=';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 1d',
  '@ IN SOA ns1 hostmaster (',
  '    2024011501 ; serial',
  '    3600 1w2d 4w 300 )',
  '  IN NS ns1',
  '  IN MX 10 mail',
  'ns1 300 IN A 192.0.2.1',
  'mail IN A 192.0.2.2',
  '  IN AAAA 2001:db8::2',
  'www IN CNAME web.example.net.',
  `@ IN DNSKEY 257 3 13 ${KSK13}`,
  `@ IN DNSKEY 256 3 8 ( ${ZSK8[0]}`,
  `    ${ZSK8.slice(1).join('\n    ')} )`,
  `@ IN DNSKEY 256 DNSSEC ED25519 ${ZSK15}`,
  'sub IN DS 33528 13 2 90FB6DD8962E56B01F24F6C294B98E90C3D26B9C728E44B179DA0F6FF1704E75',
  'sub IN DS 4242 8 SHA-256 90FB6DD8962E56B01F24F6C294B98E90C3D26B9C728E44B179DA0F6FF1704E75',
  '@ IN RRSIG SOA 8 2 86400 20240201000000 1704067200 57790 example.com. AAAA',
  '$ORIGIN sub.example.com.',
  'host IN A 192.0.2.3',
  '',
].join('\n');

/** The hover Markdown where `needle` is in ZONE (the cursor `at` characters into it). */
function hoverIn(eol: EOL, needle: string, at = 1, text = ZONE, uri?: string): string | undefined {
  const t = withEOL(text, eol);
  const i = t.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the zone`);
  const c = cursor(`${t.slice(0, i + at)}|${t.slice(i + at)}`);
  const h = service.doHover(doc('dns-zone', c.text, uri), c.pos);
  return h ? (h.contents as { value: string }).value : undefined;
}

for (const [name, fn] of [
  ...bothEOL('a record type with its number and defining RFC', (eol) => {
    const md = hoverIn(eol, 'MX 10');
    assert.match(md!, /\*\*MX\*\* \(type 15\)/);
    assert.match(md!, /\[RFC 1035\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc1035\)/);
    assert.match(hoverIn(eol, 'AAAA 2001')!, /RFC 3596/);
  }),
  ...bothEOL('SOA fields by role, timers in human units', (eol) => {
    assert.match(hoverIn(eol, '2024011501')!, /The serial.*date serial: 2024-01-15, change 01/s);
    assert.match(hoverIn(eol, '3600 1w2d')!, /The refresh.*3600 s = 1 h/s);
    assert.match(hoverIn(eol, '1w2d')!, /The retry.*`1w2d` = 777600 s = 1 w 2 d/s);
    assert.match(hoverIn(eol, '4w 300')!, /The expire.*2419200 s = 4 w/s);
    assert.match(hoverIn(eol, '300 )')!, /The minimum.*300 s = 5 min/s);
    assert.match(hoverIn(eol, 'hostmaster')!, /The contact mailbox.*`hostmaster\.example\.com\.`/s);
  }),
  ...bothEOL("TTLs: the record's and $TTL's", (eol) => {
    assert.match(hoverIn(eol, '300 IN A')!, /\*\*TTL\*\*: 300 s = 5 min/);
    assert.match(hoverIn(eol, '1d')!, /\*\*Default TTL\*\*: `1d` = 86400 s = 1 d/);
    assert.match(hoverIn(eol, '$TTL')!, /\*\*\$TTL\*\*/);
  }),
  ...bothEOL('a DNSKEY shows the key tag dnssec-keygen gave it', (eol) => {
    assert.match(hoverIn(eol, 'DNSKEY 257')!, /Key tag \*\*33528\*\*/);
    // the key over several lines, in parentheses
    assert.match(hoverIn(eol, 'DNSKEY 256 3 8')!, /Key tag \*\*57790\*\*/);
    assert.match(hoverIn(eol, ZSK8[2]!)!, /The public key.*Key tag of this key: \*\*57790\*\*/s);
    // protocol and algorithm by mnemonic
    assert.match(hoverIn(eol, 'DNSKEY 256 DNSSEC')!, /Key tag \*\*17056\*\*/);
    assert.match(hoverIn(eol, '257', 1)!, /Flags 257: zone key, secure entry point/);
  }),
  ...bothEOL('algorithms and digest types by name', (eol) => {
    assert.match(hoverIn(eol, '13 wD5r')!, /Algorithm 13 = \*\*ECDSAP256SHA256\*\*.*RFC 6605/);
    assert.match(hoverIn(eol, 'ED25519 C6k2')!, /Algorithm 15 = \*\*ED25519\*\*/);
    assert.match(hoverIn(eol, '2 90FB')!, /Digest type 2 = \*\*SHA-256\*\*/);
    assert.match(hoverIn(eol, 'SHA-256 90FB')!, /Digest type 2 = \*\*SHA-256\*\*/);
  }),
  ...bothEOL('a DS or RRSIG key tag points to the DNSKEY of the file that has it', (eol) => {
    assert.match(
      hoverIn(eol, '33528 13 2')!,
      /Key tag 33528, the tag of:\n- the DNSKEY of `example\.com\.` at line 12/,
    );
    assert.match(hoverIn(eol, '4242')!, /Key tag 4242: no DNSKEY in this file has this tag/);
    const sig = hoverIn(eol, '57790 example')!;
    assert.match(sig, /The key tag.*the DNSKEY of `example\.com\.` at line 13 \(flags 256, algorithm 8\)/s);
    assert.match(hoverIn(eol, '20240201000000')!, /The expiration.*2024-02-01 00:00:00 UTC/s);
    assert.match(hoverIn(eol, '1704067200')!, /The inception.*2024-01-01 00:00:00 UTC/s);
    assert.match(hoverIn(eol, '86400 2024')!, /The original TTL.*86400 s = 1 d/s);
    assert.match(hoverIn(eol, 'SOA 8 2')!, /The type covered.*\*\*SOA\*\* \(type 6\)/s);
  }),
  ...bothEOL('names, as owner and in data, made absolute, with what the file holds there', (eol) => {
    assert.match(
      hoverIn(eol, 'mail IN')!,
      /\*\*Owner\*\* `mail\.example\.com\.` \(relative to the origin `example\.com\.`\)/,
    );
    const mx = hoverIn(eol, '10 mail', 4)!;
    assert.match(mx, /The mail exchanger.*`mail\.example\.com\.`.*In this file: A, AAAA \(first at line 9\)/s);
    assert.match(
      hoverIn(eol, 'web.example.net.')!,
      /`web\.example\.net\.`\n\nThis file holds no records for this name/,
    );
    // after a second $ORIGIN
    assert.match(
      hoverIn(eol, 'host IN')!,
      /`host\.sub\.example\.com\.` \(relative to the origin `sub\.example\.com\.`\)/,
    );
    assert.match(hoverIn(eol, 'sub.example.com.')!, /Origin `sub\.example\.com\.`/);
  }),
  ...bothEOL('the origin from the file name, or not known', (eol) => {
    const text = 'www IN A 192.0.2.1\n  IN MX 10 mx\n';
    assert.match(
      hoverIn(eol, 'www', 1, text, 'file:///zones/db.example.org')!,
      /`www\.example\.org\.` \(relative to the origin `example\.org\.`, from the file name\)/,
    );
    assert.match(
      hoverIn(eol, 'mx', 1, text, 'file:///zones/zonefile')!,
      /`mx` is relative, and the origin is not known/,
    );
  }),
  ...bothEOL('no hover on blank space or comments', (eol) => {
    assert.equal(hoverIn(eol, '; serial', 2), undefined);
  }),
] as const)
  test(name, fn);

test('durations in human units', () => {
  assert.equal(humanDuration(3600), '1 h');
  assert.equal(humanDuration(0), '0 s');
  assert.equal(humanDuration(788645), '1 w 2 d 3 h 4 min 5 s');
});

test('key tags: RFC 4034 Appendix B, and the RSA/MD5 exception', () => {
  const k = Buffer.from(KSK13.replace(' ', ''), 'base64');
  assert.equal(keyTag(257, 3, 13, k), 33528);
  assert.equal(keyTag(256, 3, 8, Buffer.from(ZSK8.join(''), 'base64')), 57790);
  assert.equal(keyTag(256, 3, 15, Buffer.from(ZSK15, 'base64')), 17056);
  // algorithm 1: the 16 bits before the last octet of the modulus
  assert.equal(keyTag(256, 3, 1, Buffer.from([1, 2, 3, 0xab, 0xcd, 0xef])), 0xabcd);
});

test('IANA values recorded in the tables', () => {
  assert.equal(dnssecAlgorithm('13')?.mnemonic, 'ECDSAP256SHA256');
  assert.deepEqual(dnssecAlgorithm('13')?.rfcs, [6605]);
  assert.equal(dnssecAlgorithm('8')?.mnemonic, 'RSASHA256');
  assert.equal(dnssecAlgorithm('15')?.mnemonic, 'ED25519');
  assert.equal(dnssecAlgorithm('16')?.mnemonic, 'ED448');
  assert.equal(dnssecAlgorithm('ecdsa256')?.number, 13);
  assert.equal(dnssecAlgorithm('4'), undefined); // reserved
  assert.equal(digestAlgorithm('1')?.mnemonic, 'SHA-1');
  assert.equal(digestAlgorithm('2')?.mnemonic, 'SHA-256');
  assert.equal(digestAlgorithm('4')?.mnemonic, 'SHA-384');
  assert.deepEqual(RR_TYPE_REFS['MX']?.rfcs, [1035]);
  assert.deepEqual(RR_TYPE_REFS['AAAA']?.rfcs, [3596]);
  assert.deepEqual(RR_TYPE_REFS['SRV']?.rfcs, [2782]);
  assert.deepEqual(RR_TYPE_REFS['DNSKEY']?.rfcs, [4034]);
  assert.deepEqual(RR_TYPE_REFS['TLSA']?.rfcs, [6698]);
  assert.deepEqual(RR_TYPE_REFS['HTTPS']?.rfcs, [9460]);
  assert.deepEqual(RR_TYPE_REFS['CAA']?.rfcs, [8659]);
});

test('the tables cover what BIND reads', () => {
  // every type of data/rrtypes.ts has its reference; every mnemonic BIND takes has its number
  for (const t of RR_TYPES) assert.ok(RR_TYPE_REFS[t.name], `${t.name} has no reference`);
  for (const a of SEC_ALGORITHMS) assert.ok(dnssecAlgorithm(a), `algorithm ${a}`);
  for (const d of DIGEST_TYPES) assert.ok(digestAlgorithm(d), `digest type ${d}`);
  const nums = (t: readonly { number: number }[]) => new Set(t.map((x) => x.number)).size === t.length;
  assert.ok(nums(DNSSEC_ALGORITHMS) && nums(DIGEST_ALGORITHMS));
});

test('hover stays fast on a zone of 100,000 records (p99 at most 5 ms once the index is built)', () => {
  const lines = ['$ORIGIN example.com.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3600 600 86400 300', '  IN NS ns1'];
  for (let i = 0; i < 100_000; i++) {
    if (i % 10_000 === 0) lines.push(`$ORIGIN s${i}.example.com.`);
    const r = i % 4;
    lines.push(
      r === 0
        ? `h${i} 300 IN A 192.0.2.${i % 250}`
        : r === 1
          ? `  IN MX 10 h${i - 1}`
          : r === 2
            ? `c${i} IN CNAME h${i - 2}.example.com.`
            : `t${i} IN TXT "v=${i}"`,
    );
  }
  const d = doc('dns-zone', `${lines.join('\n')}\n`, 'file:///zones/db.example.com');
  // the first hover parses; prepare builds the index as the server does when idle after a validation
  service.doHover(d, { line: 0, character: 1 });
  service.prepare(d);
  const times: number[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  let answered = 0;
  for (let k = 0; k < 400; k++) {
    const line = Math.floor(rnd() * lines.length);
    const character = Math.floor(rnd() * (lines[line]!.length + 1));
    const t0 = performance.now();
    if (service.doHover(d, { line, character })) answered++;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p99 = times[Math.floor(times.length * 0.99)]!;
  assert.ok(answered > 200, `${answered} hovers answered`);
  assert.ok(p99 <= 5, `hover p99 ${p99.toFixed(2)} ms`);
});

test('an origin from a zone statement of named.conf is named in the hover', () => {
  const c = cursor('w|ww IN A 192.0.2.1\n');
  const d = doc('dns-zone', c.text, 'file:///w/zones/fwd');
  const h = zoneMode.doHover!(d, zoneMode.parse(d), c.pos, {
    settings: defaultSettings,
    files: noFileAccess,
    zoneOrigin: 'example.com',
    zoneOriginFrom: 'the zone statement in named.conf, line 6',
  });
  assert.match(
    (h!.contents as { value: string }).value,
    /`www\.example\.com\.` \(relative to the origin `example\.com\.`, from the zone statement in named\.conf, line 6\)/,
  );
});
