import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseText } from '../../../server/src/dhcpd/parser';
import { validate, bothEOL, withEOL } from '../../helpers';

for (const [name, fn] of bothEOL('the tree records scopes, keys, zones, subnets and hosts', (eol) => {
  const t = parseText(
    withEOL(
      'key k { algorithm hmac-md5; secret "eHh4"; }\nzone a.com. { primary 10.0.0.1; key k; }\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.5 10.0.0.9;\n  host h { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.2; }\n}\n',
      eol,
    ),
  );
  assert.deepEqual(
    t.keys.map((k) => k.name),
    ['k'],
  );
  assert.deepEqual(
    t.zones.map((z) => z.name),
    ['a.com'],
  );
  assert.deepEqual(
    t.keyRefs.map((r) => r.name),
    ['k'],
  );
  assert.equal(t.subnets.length, 1);
  assert.equal(t.subnets[0]!.ranges.length, 1);
  assert.equal(t.hosts.at(0)!.mac!.value, '00:11:22:33:44:55');
  assert.equal(t.family, 4);
  const sub = t.blocks.stmts.at(2)!;
  assert.equal(t.scopeOf.get(sub.block!.stmts.at(0)!), 'subnet');
  assert.equal(t.findings.length, 0);
}))
  test(name, fn);

test('the family is DHCPv6 for dhcpd6.conf or v6 declarations', () => {
  assert.equal(parseText('subnet6 2001:db8::/64 { }').family, 6);
  assert.equal(parseText('default-lease-time 1;', 'file:///etc/dhcp/dhcpd6.conf').family, 6);
});

test('one slip, one error: a missing `;` does not cascade', () => {
  const ds = validate(
    'dhcpd',
    'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.5 10.0.0.9\n  option routers 10.0.0.1;\n  default-lease-time 600;\n}\n',
  );
  assert.deepEqual(
    ds.map((d) => d.code),
    ['dhcpd-missing-semicolon'],
  );
});

test('never throws, never hangs: random bytes and dhcpd-like soup', () => {
  const words = [
    'subnet',
    'netmask',
    'host',
    '{',
    '}',
    ';',
    '"',
    'option',
    'range',
    '10.0.0.1',
    'zone',
    'key',
    'if',
    '(',
    ')',
    '=',
    ',',
    '#',
    '\n',
    '“',
    'class',
    'match',
    'switch',
    'case',
    ':',
    'default',
    'pool',
    'failover',
    'peer',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 200 }), (ws) => {
      validate('dhcpd', ws.join(' '));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 500 }), (s) => {
      validate('dhcpd', s);
    }),
    { numRuns: 200 },
  );
});

test('long lines, deep nesting and many hosts are handled', () => {
  validate(
    'dhcpd',
    'option domain-name-servers ' + Array.from({ length: 20000 }, (_, i) => `10.0.${i % 250}.1`).join(', ') + ';',
  );
  validate('dhcpd', 'group { '.repeat(3000) + '}'.repeat(3000));
  validate('dhcpd', 'host h { hardware ethernet 00:11:22:33:44:55; }\n'.repeat(5000));
});
