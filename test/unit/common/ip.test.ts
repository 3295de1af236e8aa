/** common/ip.ts against Node's own address parser, on fixed cases and on random texts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import fc from 'fast-check';
import {
  formatIPv4,
  ipv4HostBitsSet,
  ipv6Groups,
  ipv6HostBitsSet,
  isIPv4,
  isIPv6,
  isIPv6WithZone,
  parseIPv4,
  parseIPv6,
} from '../../../server/src/common/ip';

test('IPv4: dotted quads only', () => {
  for (const ok of ['0.0.0.0', '192.0.2.1', '255.255.255.255', '010.0.0.1']) assert.ok(isIPv4(ok), ok);
  for (const bad of [
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '1..2.3',
    '1.2.3.4.',
    '0x0a.0.0.1',
    '1.2.3.1234',
    ' 1.2.3.4',
  ])
    assert.ok(!isIPv4(bad), bad);
  assert.equal(parseIPv4('192.0.2.1'), 0xc0000201);
  assert.equal(formatIPv4(0xc0000201), '192.0.2.1');
});

test('IPv6: RFC 4291 text forms, zones only when asked', () => {
  for (const ok of [
    '::',
    '::1',
    '2001:db8::',
    '2001:db8:0:0:0:0:0:1',
    '::ffff:192.0.2.1',
    '1:2:3:4:5:6:7::',
    'fe80::1:2',
  ])
    assert.ok(isIPv6(ok), ok);
  for (const bad of [':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '::1.2.3'])
    assert.ok(!isIPv6(bad), bad);
  assert.ok(!isIPv6('fe80::1%eth0'));
  assert.ok(isIPv6WithZone('fe80::1%eth0'));
  assert.deepEqual(ipv6Groups('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  assert.equal(parseIPv6('::ffff:192.0.2.1'), 0xffffc0000201n);
});

test('prefixes: host bits past the length', () => {
  assert.ok(!ipv4HostBitsSet(parseIPv4('10.0.0.0')!, 8));
  assert.ok(ipv4HostBitsSet(parseIPv4('10.0.0.1')!, 8));
  assert.ok(!ipv4HostBitsSet(parseIPv4('10.0.0.1')!, 32));
  assert.ok(!ipv4HostBitsSet(0, 0));
  assert.ok(!ipv6HostBitsSet(parseIPv6('2001:db8::')!, 32));
  assert.ok(ipv6HostBitsSet(parseIPv6('2001:db8::1')!, 64));
  assert.ok(!ipv6HostBitsSet(parseIPv6('2001:db8::1')!, 128));
});

/** Node takes no leading zeros in IPv4 numbers (dhcpd and named do): leave those out. */
const leadingZero = /(^|[.:])0\d/;

test('agrees with node:net on random address-like texts', () => {
  const ch = fc.constantFrom(...'0123456789abcdefABCDEF:.'.split(''));
  fc.assert(
    fc.property(fc.array(ch, { maxLength: 45 }), (chars) => {
      const s = chars.join('');
      if (leadingZero.test(s)) return;
      assert.equal(isIPv4(s), net.isIPv4(s), `IPv4 ${s}`);
      assert.equal(isIPv6(s), net.isIPv6(s), `IPv6 ${s}`);
    }),
    { numRuns: 20_000, seed: 17 },
  );
  // real addresses, printed by Node
  fc.assert(
    fc.property(fc.ipV6(), (s) => {
      if (!leadingZero.test(s)) assert.ok(isIPv6(s), s);
    }),
    { numRuns: 5_000, seed: 17 },
  );
});
