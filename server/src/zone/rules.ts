/** The rules of DNS zone files, as named-checkzone judges them in its default modes. */
import { defineRules, type RuleIdOf } from '../service/rules';

const SOA = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\n';

export const RULES = defineRules({
  'dns-zone-syntax': {
    defaultSeverity: 'error',
    description: 'A line that is not a record or directive: an unknown type, an unclosed `(` or string, a stray `)`.',
    scope: 'statement',
    examples: { bad: `${SOA}www IN BOGUS 1\n`, good: `${SOA}www IN A 192.0.2.2\n` },
  },
  'dns-zone-invalid-rdata': {
    defaultSeverity: 'error',
    description: "A record's data does not fit its type (a bad address, a missing field, a number out of range).",
    scope: 'statement',
    examples: { bad: `${SOA}www A 192.0.2.300\n`, good: `${SOA}www A 192.0.2.30\n` },
  },
  'dns-zone-soa': {
    defaultSeverity: 'error',
    description: 'The zone has no SOA record at its apex, or more than one.',
    scope: 'file',
    examples: {
      bad: '$ORIGIN example.com.\n$TTL 3600\n@ NS ns1\nns1 A 192.0.2.1\n',
      good: SOA,
    },
  },
  'dns-zone-ns': {
    defaultSeverity: 'error',
    description: 'The zone has no NS records at its apex.',
    scope: 'file',
    examples: {
      bad: '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\nns1 A 192.0.2.1\n',
      good: SOA,
    },
  },
  'dns-zone-cname-and-other': {
    defaultSeverity: 'error',
    description: 'A name with a CNAME holds other data too (RFC 1034 §3.6.2).',
    scope: 'file',
    examples: {
      bad: `${SOA}www CNAME ns1\nwww TXT "hello"\n`,
      good: `${SOA}www CNAME ns1\nns1 TXT "hello"\n`,
    },
  },
  'dns-zone-class': {
    defaultSeverity: 'error',
    description: 'A record of another class than the zone (named-checkzone refuses it).',
    scope: 'file',
    examples: { bad: `${SOA}txt CH TXT "hello"\n`, good: `${SOA}txt IN TXT "hello"\n` },
  },
  'dns-zone-out-of-zone': {
    defaultSeverity: 'warning',
    description: 'A record whose owner is outside the zone: named ignores it.',
    scope: 'file',
    examples: { bad: `${SOA}www.example.net. A 192.0.2.2\n`, good: `${SOA}www A 192.0.2.2\n` },
  },
  'dns-zone-name-length': {
    defaultSeverity: 'error',
    description: 'An owner name with a label over 63 octets or a name over 255.',
    scope: 'file',
    examples: { bad: `${SOA}${'a'.repeat(64)} A 192.0.2.2\n`, good: `${SOA}${'a'.repeat(63)} A 192.0.2.2\n` },
  },
  'dns-zone-no-owner': {
    defaultSeverity: 'error',
    description: 'The first record has no owner (its line starts with blank space).',
    scope: 'file',
    examples: { bad: '$TTL 3600\n  A 192.0.2.1\n', good: '$TTL 3600\n@ A 192.0.2.1\n' },
  },
  'dns-zone-include-unread': {
    defaultSeverity: 'info',
    description:
      'A `$INCLUDE` file that could not be read (missing, not a file, or outside the workspace): its records are not checked with the zone.',
    scope: 'file',
    examples: {
      bad: '$ORIGIN example.com.\n$TTL 3600\n$INCLUDE "missing.db"\n',
      good: '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\n',
    },
  },
  'dns-zone-include-missing': {
    defaultSeverity: 'error',
    description:
      'A `$INCLUDE` names a file that is not there, or a folder: named-checkzone stops at it ("file not found", "not a file").',
    scope: 'file',
    examples: {
      bad: '$ORIGIN example.com.\n$TTL 3600\n$INCLUDE keys/\n',
      good: '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.1\n',
    },
  },
  'dns-zone-ns-target': {
    defaultSeverity: 'error',
    description:
      'A name server of the apex that lies in the zone has no A or AAAA record there, is a CNAME, or lies below a DNAME: named refuses to load the zone.',
    scope: 'file',
    examples: {
      bad: '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 TXT "no address"\n',
      good: SOA,
    },
  },
  'dns-zone-ds': {
    defaultSeverity: 'error',
    description:
      'A DS record at the apex (it belongs in the parent zone), or (BIND 9.20) a DS record at a name that is not a delegation.',
    scope: 'file',
    examples: {
      bad: `${SOA}@ DS 12345 13 2 ${'AB'.repeat(32)}\n`,
      good: `${SOA}sub NS ns1.sub\nns1.sub A 192.0.2.5\nsub DS 12345 13 2 ${'AB'.repeat(32)}\n`,
    },
  },
  'dns-zone-cds': {
    defaultSeverity: 'error',
    description:
      'CDS or CDNSKEY records at the apex that name an algorithm no DNSKEY uses, or a "delete" record beside others.',
    scope: 'file',
    examples: {
      bad: `${SOA}@ DNSKEY 257 3 13 ${'A'.repeat(86)}==\n@ CDS 12345 8 2 ${'AB'.repeat(32)}\n`,
      good: `${SOA}@ DNSKEY 257 3 13 ${'A'.repeat(86)}==\n@ CDS 12345 13 2 ${'AB'.repeat(32)}\n`,
    },
  },
  'dns-zone-owner-name': {
    defaultSeverity: 'error',
    description: 'An NSEC3 record whose owner does not start with a base32hex hash: named-checkzone refuses the zone.',
    scope: 'file',
    examples: {
      bad: `${SOA}CPNMU=== NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n`,
      good: `${SOA}2T7B4G4VSA5SMI47K61MV5BV1A22BOJR NSEC3 1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A\n`,
    },
  },
  'dns-zone-svcb': {
    defaultSeverity: 'error',
    description:
      'An SVCB record BIND 9.20 refuses where it stands: an alias (priority 0) with parameters, or at a `_dns` name without `alpn`, or with an HTTP `alpn` but no `dohpath`.',
    scope: 'file',
    examples: {
      bad: `${SOA}_dns SVCB 1 ns1 alpn=h2\n`,
      good: `${SOA}_dns SVCB 1 ns1 alpn=h2 dohpath=/dns-query{?dns}\n`,
    },
  },
  'dns-zone-rrset-size': {
    defaultSeverity: 'error',
    description:
      'The records of one name and type hold more data than named can store for a set (65512 octets, two more per record).',
    scope: 'file',
    examples: {
      bad: `${SOA}big TXT ${Array.from({ length: 257 }, () => 'x'.repeat(254)).join(' ')}\n`,
      good: `${SOA}big TXT ${Array.from({ length: 250 }, () => 'x'.repeat(254)).join(' ')}\n`,
    },
  },
  'dns-zone-generate': {
    defaultSeverity: 'error',
    description: 'A `$GENERATE` whose range, modifiers or type named-checkzone refuses.',
    scope: 'file',
    examples: { bad: `${SOA}$GENERATE 9--10 host$ A 192.0.2.$\n`, good: `${SOA}$GENERATE 9-10 host$ A 192.0.2.$\n` },
  },
  'dns-zone-ttl-mismatch': {
    defaultSeverity: 'warning',
    description: 'Records of one RRset with different TTLs: named gives them all the TTL of the first.',
    scope: 'file',
    examples: {
      bad: `${SOA}www 300 A 192.0.2.2\nwww 600 A 192.0.2.3\n`,
      good: `${SOA}www 300 A 192.0.2.2\nwww 300 A 192.0.2.3\n`,
    },
  },
  'dns-zone-mx-target': {
    defaultSeverity: 'warning',
    description: 'An MX that names an address or a CNAME instead of a host.',
    scope: 'file',
    examples: { bad: `${SOA}@ MX 10 192.0.2.25\n`, good: `${SOA}@ MX 10 ns1\n` },
  },
  'dns-zone-serial-decreased': {
    defaultSeverity: 'warning',
    description:
      "The SOA serial is lower than in git's HEAD (RFC 1982 serial arithmetic): secondaries keep the old zone until it goes up.",
    scope: 'file',
    examples: {
      bad: SOA.replace(' 1 ', ' 2024010100 '),
      good: SOA.replace(' 1 ', ' 2024010102 '),
      committed: SOA.replace(' 1 ', ' 2024010101 '),
    },
  },
  'dns-zone-missing-dot': {
    defaultSeverity: 'warning',
    description:
      'A relative name that looks absolute (it ends with the origin, or a TLD such as com or net) but has no final dot, so the origin is appended to it.',
    scope: 'file',
    examples: {
      bad: `${SOA}www CNAME host.example.net\n`,
      good: `${SOA}www CNAME host.example.net.\nmail CNAME host.internal\n`,
    },
  },
  'dns-zone-apex-cname': {
    defaultSeverity: 'warning',
    description:
      "A CNAME at the zone's apex, which must hold the SOA and NS records that may not stand beside a CNAME (named-checkzone refuses the zone).",
    scope: 'file',
    examples: {
      bad: '$ORIGIN example.com.\n$TTL 3600\n$INCLUDE "soa.db"\n@ CNAME www.example.net.\n',
      good: `${SOA}www CNAME www.example.net.\n`,
    },
  },
  'dns-zone-target-no-address': {
    defaultSeverity: 'warning',
    description:
      'An MX target in the zone with no A or AAAA record (named-checkzone warns), or an MX or NS target in another zone of the workspace that has no address there.',
    scope: 'file',
    examples: { bad: `${SOA}@ MX 10 mail\n`, good: `${SOA}@ MX 10 mail\nmail A 192.0.2.25\n` },
  },
  'dns-zone-ttl': {
    defaultSeverity: 'error',
    description:
      'A `$TTL` or record TTL that named-checkzone refuses: not seconds or number-unit pairs such as `1h30m`, or above 4294967295.',
    scope: 'file',
    examples: { bad: `${SOA}$TTL 1h30\nwww A 192.0.2.2\n`, good: `${SOA}$TTL 1h30m\nwww A 192.0.2.2\n` },
  },
});

export type ZoneRuleId = RuleIdOf<typeof RULES>;
