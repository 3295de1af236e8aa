import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, bothEOL, withEOL, brief } from '../../helpers';

const v = (t: string) => validate('dhcpd', t).map(brief);

for (const [name, fn] of bothEOL('subnet, range and address checks', (eol) => {
  assert.deepEqual(v(withEOL('subnet 10.0.0.5 netmask 255.255.255.0 { }\n', eol)), [
    '1:8 error dhcpd-subnet-mask-mismatch',
  ]);
  assert.deepEqual(v(withEOL('subnet 10.0.0.0 netmask 255.0.255.0 { }\n', eol)), [
    '1:25 warning dhcpd-invalid-netmask',
  ]);
  assert.deepEqual(
    v(
      withEOL(
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n range 10.0.0.50 10.0.0.5;\n range 10.0.1.1 10.0.1.2;\n option routers 10.9.0.1;\n}\n',
        eol,
      ),
    ),
    [
      '2:8 warning dhcpd-range-reversed',
      '3:8 warning dhcpd-range-outside-subnet',
      '3:17 warning dhcpd-range-outside-subnet',
      '4:17 warning dhcpd-address-outside-subnet',
    ],
  );
}))
  test(name, fn);

for (const [name, fn] of bothEOL('overlaps and duplicate hosts', (eol) => {
  const t = withEOL(
    'subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.5 10.0.0.9; }\nsubnet 10.0.0.0 netmask 255.255.0.0 { range 10.0.0.8 10.0.0.20; }\nhost a { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.1; }\nhost b { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.1; }\nhost c { hardware ethernet 00:11:22:33:44:66; fixed-address 192.168.9.9; }\n',
    eol,
  );
  assert.deepEqual(v(t), [
    '2:8 warning dhcpd-subnet-overlap',
    '2:45 error dhcpd-range-overlap',
    '4:28 warning dhcpd-duplicate-hardware',
    '4:61 warning dhcpd-duplicate-fixed-address',
    '5:61 warning dhcpd-fixed-address-outside',
  ]);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('DHCPv6 subnets and ranges, pools without ranges, shared-network pools', (eol) => {
  assert.deepEqual(
    v(
      withEOL(
        'subnet6 2001::5/64 { }\nsubnet6 2001::/64 {\n range6 3001::1 3001::5;\n range6 2001::1 3001::5;\n range6 2001::/48;\n range6 2001::1 2001::9;\n}\n',
        eol,
      ),
    ),
    [
      '1:9 error dhcpd-subnet-mask-mismatch',
      '3:9 error dhcpd-range-outside-subnet-error',
      '4:17 error dhcpd-range-outside-subnet-error',
      '5:9 error dhcpd-range-outside-subnet-error',
    ],
  );
  assert.deepEqual(v(withEOL('subnet 10.0.0.0 netmask 255.0.0.0 {\n pool {\n  max-lease-time 5;\n }\n}\n', eol)), [
    '4:2 error dhcpd-syntax',
  ]);
  assert.deepEqual(
    v(
      withEOL(
        'shared-network x {\n subnet 10.0.0.0 netmask 255.0.0.0 { }\n pool { range 11.0.0.1 11.0.0.2; }\n pool { range 10.0.0.1 10.0.0.2; }\n}\n',
        eol,
      ),
    ),
    ['3:15 error dhcpd-range-outside-subnet-error'],
  );
}))
  test(name, fn);

for (const [name, fn] of bothEOL(
  'subnet overlaps name the first earlier subnet, for contained, containing, equal and non-contiguous masks',
  (eol) => {
    const t = withEOL(
      [
        'subnet 10.1.0.0 netmask 255.255.255.0 { }', // 1
        'subnet 10.2.0.0 netmask 255.255.0.0 { }', // 2
        'subnet 10.2.3.0 netmask 255.255.255.0 { }', // 3: inside 2
        'subnet 10.0.0.0 netmask 255.0.0.0 { }', // 4: contains 1, 2, 3: names 1
        'subnet 10.2.3.0 netmask 255.255.255.0 { }', // 5: equal to 3, inside 2 and 4: names 2
        'subnet 192.168.0.0 netmask 255.255.0.255 { }', // 6: non-contiguous, alone
        'subnet 192.168.7.0 netmask 255.255.255.0 { }', // 7: agrees with 6 on both masks
        'subnet 172.16.0.0 netmask 255.255.0.0 { }', // 8: alone
        'host h { fixed-address 172.16.9.9, 192.168.200.0, 10.9.9.9, 172.17.0.1; }', // only the last is outside
        '',
      ].join('\n'),
      eol,
    );
    const ds = validate('dhcpd', t).filter((d) => d.code !== 'dhcpd-invalid-netmask');
    assert.deepEqual(
      ds.map(
        (d) =>
          `${d.range.start.line + 1} ${String(d.code)} ${d.code === 'dhcpd-subnet-overlap' ? /subnet (\S+) netmask (\S+)/.exec(d.message)!.slice(1).join('/') : ''}`,
      ),
      [
        '3 dhcpd-subnet-overlap 10.2.0.0/255.255.0.0',
        '4 dhcpd-subnet-overlap 10.1.0.0/255.255.255.0',
        '5 dhcpd-subnet-overlap 10.2.0.0/255.255.0.0',
        '7 dhcpd-subnet-overlap 192.168.0.0/255.255.0.255',
        '9 dhcpd-fixed-address-outside ',
      ],
    );
  },
))
  test(name, fn);

test('overlap checks stay fast on many subnets (no all-pairs comparison)', () => {
  // 20,000 disjoint /24 subnets and one /8 covering them all at the end: one overlap
  const lines: string[] = [];
  for (let i = 0; i < 20000; i++) lines.push(`subnet 10.${(i >> 8) & 255}.${i & 255}.0 netmask 255.255.255.0 { }`);
  lines.push('subnet 10.0.0.0 netmask 255.0.0.0 { }', 'host h { fixed-address 10.77.1.2; }', '');
  const ds = validate('dhcpd', lines.join('\n'));
  assert.deepEqual(
    ds.map((d) => `${d.range.start.line + 1} ${String(d.code)}`),
    ['20001 dhcpd-subnet-overlap'],
  );
});
