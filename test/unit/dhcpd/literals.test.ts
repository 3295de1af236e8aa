/**
 * Statements dhcpd reads only as literals (issue 19): a name where an address or a number must be
 * is an Error with the statement's form; host names stay fine where dhcpd looks them up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bothEOL, doc, service, validate, withEOL, errorsOf } from '../../helpers';
import { DHCPD, checkLive, disagreement, type VerdictCase } from './verdicts';

const SUBNET = 'subnet 10.0.0.0 netmask 255.255.255.0 {\n';
const SUBNET6 = 'subnet6 2001:db8::/64 {\n';
const RANGE_FORM = "Write 'range LOW HIGH;'";
const RANGE6_FORM = "'range6 LOW HIGH;', 'range6 PREFIX/LENGTH;' or 'range6 ADDRESS temporary;'";
const peer = (port: string, split = '128', lb = '3') =>
  `failover peer "f" {\n  primary;\n  address 10.0.0.2;\n  port ${port};\n  peer address 10.0.0.3;\n  peer port 647;\n` +
  `  max-response-delay 60;\n  max-unacked-updates 10;\n  mclt 3600;\n  split ${split};\n` +
  `  load balance max seconds ${lb};\n}\n${SUBNET}  pool {\n    failover peer "f";\n    range 10.0.0.10 10.0.0.20;\n  }\n}\n`;
const cls = (limit: string) => `class "c" {\n  match if option host-name = "x";\n  lease limit ${limit};\n}\n`;

/** dhcpd's verdicts, recorded with dhcpd 4.4.3-P1. */
const CASES: readonly VerdictCase[] = [
  // IPv4 ranges and subnets: address literals only ("expecting numeric value")
  { text: `${SUBNET}range DHCP_RANGE;\n}\n`, dhcpd: 2, says: ["'DHCP_RANGE' is not an IPv4 address", RANGE_FORM] },
  { text: `${SUBNET}range 10.0.0.10 END;\n}\n`, dhcpd: 2, says: ["'END'", 'not names', RANGE_FORM] },
  { text: `${SUBNET}range dynamic-bootp START 10.0.0.20;\n}\n`, dhcpd: 2, says: ["'START'"] },
  { text: `${SUBNET}range 10.0.0.10 host.example.com;\n}\n`, dhcpd: 2, says: ["'host.example.com'"] },
  { text: `${SUBNET}range 10.0.0.1a 10.0.0.20;\n}\n`, dhcpd: 2, says: ["'10.0.0.1a'"] },
  { text: `${SUBNET}range "10.0.0.10" 10.0.0.20;\n}\n`, dhcpd: 2, says: ['without quotes'] },
  { text: `${SUBNET}range 10.0.0.10, 10.0.0.20;\n}\n`, dhcpd: 2, says: ["Unexpected ','"] },
  { text: `${SUBNET}range 10.0.0.10 10.0.0.20;\n}\n`, dhcpd: 'pass' },
  { text: `${SUBNET}range 010.0.0.10 10.0.0.20;\n}\n`, dhcpd: 'pass' },
  // host-identifier v6relopt N: the option's name follows the number, with no `option` keyword
  {
    text: 'host h {\n  host-identifier v6relopt 1 option dhcp6.client-id 00:01:00:01;\n  fixed-address6 2001:db8::1;\n}\n',
    dhcpd: 2,
    says: ["without 'option'"],
    v6: true,
  },
  {
    text: 'host h {\n  host-identifier v6relopt 1 dhcp6.client-id 00:01:00:01;\n  fixed-address6 2001:db8::1;\n}\n',
    dhcpd: 'pass',
    v6: true,
  },
  // dhcpd's lexer reads `.` as a token of its own: spaces around the dots change nothing
  { text: `${SUBNET}range 10 . 0 . 0 . 10 10.0.0.20;\n}\n`, dhcpd: 'pass' },
  { text: `${SUBNET}range 10. 0.0.10 10.0.0 .20;\n}\n`, dhcpd: 'pass' },
  { text: `${SUBNET}range 10 . 0 . 0 . 300 10.0.0.20;\n}\n`, dhcpd: 2, says: ["'10.0.0.300'", 'more than 255'] },
  { text: `${SUBNET}range dynamic-bootp 10.0.0.10;\n}\n`, dhcpd: 'pass' },
  {
    text: 'subnet NET netmask 255.255.255.0 {\n}\n',
    dhcpd: 1,
    says: ["'NET' is not an IPv4 address", 'subnet NETWORK'],
  },
  { text: 'subnet 10.0.0.0 netmask MASK {\n}\n', dhcpd: 1, says: ["'MASK' is not a netmask"] },
  // a mistyped address is not taken for a name; CIDR notation gets its netmask
  { text: `${SUBNET}range 10.5?.5.5 10.0.0.7;\n}\n`, dhcpd: 2, says: ["'10.5?.5.5' is not a valid IPv4 address"] },
  { text: 'subnet 10.5.5.0/27 {\n}\n', dhcpd: 1, says: ["'subnet 10.5.5.0 netmask 255.255.255.224 { ... }'"] },
  // where dhcpd looks names up, they stay fine
  { text: 'host h {\n  fixed-address foo.example.com;\n}\n', dhcpd: 'pass' },
  { text: 'option routers gw.example.com;\n', dhcpd: 'pass' },
  { text: 'zone example.com. {\n  primary ns1.example.com;\n}\n', dhcpd: 'pass' },
  // IPv6: range6, prefix6, subnet6, fixed-prefix6, fixed-address6, primary6
  {
    v6: true,
    text: `${SUBNET6}range6 START END;\n}\n`,
    dhcpd: 2,
    says: ["'START' is not an IPv6 address", RANGE6_FORM],
  },
  { v6: true, text: `${SUBNET6}range6 2001:db8::10 END;\n}\n`, dhcpd: 2, says: ["'END'"] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::10;\n}\n`, dhcpd: 2, says: ['needs a second address'] },
  { v6: true, text: `${SUBNET6}range6 LOW/64;\n}\n`, dhcpd: 2, says: ["'LOW'"] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::/BITS;\n}\n`, dhcpd: 2, says: ["'BITS' is not a prefix length"] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::/200;\n}\n`, dhcpd: 2, says: ['0 to 128'] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::1/64;\n}\n`, dhcpd: 2, says: ['network mask too short'] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::10 temporary;\n}\n`, dhcpd: 2, says: ["With 'temporary'"] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::/128 temporary;\n}\n`, dhcpd: 2, says: ['/64 to /127'] },
  { v6: true, text: `${SUBNET6}range6 2001:db8::10 2001:db8::20 temporary;\n}\n`, dhcpd: 2 },
  { v6: true, text: `${SUBNET6}range6 2001:db8::10 2001:db8::20;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}range6 2001:db8::/ 80;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}range6 2001:db8:: /80;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}range6 2001:db8:: / 80;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}range6 2001:db8::/120 temporary;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}range6 2001:db8:: temporary;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}prefix6 LOW 2001:db8:0:f00:: /56;\n}\n`, dhcpd: 2, says: ["'LOW'", 'prefix6 LOW HIGH'] },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1:: HIGH /56;\n}\n`, dhcpd: 2, says: ["'HIGH'"] },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1:: 2001:db8:f:: /LEN;\n}\n`, dhcpd: 2, says: ["'LEN'"] },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1::/56 2001:db8:f::;\n}\n`, dhcpd: 2, says: ['second prefix'] },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1:1:: 2001:db8:f:: /56;\n}\n`, dhcpd: 2, says: ['first 56'] },
  { v6: true, text: `${SUBNET6}prefix6;\n}\n`, dhcpd: 2 },
  { v6: true, text: `${SUBNET6}range6;\n}\n`, dhcpd: 2 },
  { v6: true, text: 'host h {\n  fixed-prefix6;\n}\n', dhcpd: 2 },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1:: 2001:db8:f:: /56;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1:: 2001:db8:f::/56;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: `${SUBNET6}prefix6 2001:db8:1:: 2001:db8:f::/ 56;\n}\n`, dhcpd: 'pass' },
  { v6: true, text: 'subnet6 NET/64 {\n}\n', dhcpd: 1, says: ["'NET'", 'subnet6 PREFIX/LENGTH'] },
  { v6: true, text: 'subnet6 NET {\n}\n', dhcpd: 1, says: ["'NET'"] },
  { v6: true, text: 'subnet6 2001:db8::/LEN {\n}\n', dhcpd: 1, says: ["'LEN' is not a prefix length"] },
  { v6: true, text: 'subnet6 2001:db8:: /64 {\n}\n', dhcpd: 'pass' },
  { v6: true, text: 'subnet6 2001:db8::/ 64 {\n}\n', dhcpd: 'pass' },
  { v6: true, text: 'host h {\n  fixed-address6 NAME;\n}\n', dhcpd: 2, says: ["'NAME'", 'fixed-address6 ADDRESS'] },
  { v6: true, text: 'host h {\n  fixed-address6 host.example.com;\n}\n', dhcpd: 2, says: ['not names'] },
  { v6: true, text: 'host h {\n  fixed-prefix6 NAME/64;\n}\n', dhcpd: 2, says: ["'NAME'", 'fixed-prefix6 PREFIX'] },
  { v6: true, text: 'host h {\n  fixed-prefix6 2001:db8:1::;\n}\n', dhcpd: 2, says: ["needs '/LENGTH'"] },
  {
    v6: true,
    text: 'host h {\n  fixed-prefix6 2001:0:0:1/64;\n}\n',
    dhcpd: 2,
    says: ["'2001:0:0:1' is not a valid IPv6"],
  },
  { v6: true, text: 'host h {\n  fixed-prefix6 2001:db8:1::/x;\n}\n', dhcpd: 2, says: ["'x' is not a prefix length"] },
  { v6: true, text: 'host h {\n  fixed-prefix6 2001:db8:1::/200;\n}\n', dhcpd: 2 },
  { v6: true, text: 'host h {\n  fixed-prefix6 2001:db8:1::1/64;\n}\n', dhcpd: 2 },
  { v6: true, text: 'host h {\n  fixed-prefix6 2001:db8:1::/64;\n}\n', dhcpd: 'pass' },
  { v6: true, text: 'host h {\n  fixed-prefix6 2001:db8:1:: / 64;\n}\n', dhcpd: 'pass' },
  { v6: true, text: 'zone example.com. {\n  primary6 NAME;\n}\n', dhcpd: 2, says: ["'NAME'", 'primary6 ADDRESS'] },
  // numbers: failover peers, lease limit, host-identifier v6relopt
  { text: peer('647'), dhcpd: 'pass' },
  { text: peer('PORT'), dhcpd: 4, says: ["'PORT' is not a number", "'port 647;'"] },
  { text: peer('0x10'), dhcpd: 4, says: ["'0x10' is not a number"] },
  { text: peer('647', 'SPLIT'), dhcpd: 10, says: ["'SPLIT'"] },
  { text: peer('647', '300'), dhcpd: 10, says: ['from 0 to 256'] },
  { text: peer('647', '256'), dhcpd: 'pass' },
  { text: peer('647', '128', 'SECS'), dhcpd: 11, says: ['load balance max seconds N'] },
  { text: cls('MAX'), dhcpd: 3, says: ["'MAX' is not a number", 'lease limit'] },
  { text: cls('5'), dhcpd: 'pass' },
  {
    v6: true,
    text: 'host h {\n  host-identifier v6relopt X dhcp6.client-id 00:01:00:01:4a:1f:ba:e3:60:b9:1f:01;\n}\n',
    dhcpd: 2,
    says: ["'X' is not a number"],
  },
  {
    v6: true,
    text: 'host h {\n  host-identifier v6relopt 1 dhcp6.client-id 00:01:00:01:4a:1f:ba:e3:60:b9:1f:01;\n}\n',
    dhcpd: 'pass',
  },
];

for (const [name, fn] of bothEOL('literal-only statements: an Error exactly where dhcpd -t fails', (eol) => {
  const wrong = CASES.map((c) => [c.text, disagreement(c, eol)]).filter(([, d]) => d);
  assert.deepEqual(wrong, []);
}))
  test(name, fn);

test('literal-only statements: the recorded verdicts are what dhcpd -t says', (t) => {
  if (!fs.existsSync(DHCPD)) {
    t.skip('dhcpd not installed');
    return;
  }
  checkLive(CASES);
});

for (const [name, fn] of bothEOL(
  'quick fixes: a quoted range address loses its quotes, a CIDR subnet gets its netmask',
  (eol) => {
    let ds = errorsOf(validate('dhcpd', withEOL(`${SUBNET}  range "10.0.0.10" 10.0.0.20;\n}\n`, eol)));
    assert.equal(ds.length, 1);
    assert.deepEqual((ds[0]!.data as { replace?: string[] }).replace, ['10.0.0.10']);
    const d = doc('dhcpd', withEOL('subnet 10.5.5.0/27 {\n}\n', eol));
    ds = errorsOf(service.doValidation(d));
    assert.equal(ds.length, 1);
    const actions = service.getCodeActions(d, ds[0]!.range, { diagnostics: ds });
    const action = actions.find((a) => a.title.startsWith('Change to'))!;
    const fixed = TextDocument.applyEdits(d, Object.values(action.edit!.changes!)[0]!);
    assert.equal(fixed, withEOL('subnet 10.5.5.0 netmask 255.255.255.224 {\n}\n', eol));
    assert.deepEqual(errorsOf(validate('dhcpd', fixed)), []);
  },
))
  test(name, fn);
