import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, bothEOL, withEOL, brief } from '../../helpers';

const v = (t: string) => validate('dhcpd', t).map(brief);

for (const [name, fn] of bothEOL('subnet, range and address checks', (eol) => {
  assert.deepEqual(v(withEOL('subnet 10.0.0.5 netmask 255.255.255.0 { }\n', eol)), ['1:8 error dhcpd-subnet-mask-mismatch']);
  assert.deepEqual(v(withEOL('subnet 10.0.0.0 netmask 255.0.255.0 { }\n', eol)), ['1:25 warning dhcpd-invalid-netmask']);
  assert.deepEqual(v(withEOL('subnet 10.0.0.0 netmask 255.255.255.0 {\n range 10.0.0.50 10.0.0.5;\n range 10.0.1.1 10.0.1.2;\n option routers 10.9.0.1;\n}\n', eol)), [
    '2:8 warning dhcpd-range-reversed',
    '3:8 warning dhcpd-range-outside-subnet',
    '3:17 warning dhcpd-range-outside-subnet',
    '4:17 warning dhcpd-address-outside-subnet',
  ]);
})) test(name, fn);

for (const [name, fn] of bothEOL('overlaps and duplicate hosts', (eol) => {
  const t = withEOL('subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.5 10.0.0.9; }\nsubnet 10.0.0.0 netmask 255.255.0.0 { range 10.0.0.8 10.0.0.20; }\nhost a { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.1; }\nhost b { hardware ethernet 00:11:22:33:44:55; fixed-address 10.0.0.1; }\nhost c { hardware ethernet 00:11:22:33:44:66; fixed-address 192.168.9.9; }\n', eol);
  assert.deepEqual(v(t), [
    '2:8 warning dhcpd-subnet-overlap',
    '2:45 error dhcpd-range-overlap',
    '4:28 warning dhcpd-duplicate-hardware',
    '4:61 warning dhcpd-duplicate-fixed-address',
    '5:61 warning dhcpd-fixed-address-outside',
  ]);
})) test(name, fn);

for (const [name, fn] of bothEOL('DHCPv6 subnets and ranges, pools without ranges, shared-network pools', (eol) => {
  assert.deepEqual(v(withEOL('subnet6 2001::5/64 { }\nsubnet6 2001::/64 {\n range6 3001::1 3001::5;\n range6 2001::1 3001::5;\n range6 2001::/48;\n range6 2001::1 2001::9;\n}\n', eol)), [
    '1:9 error dhcpd-subnet-mask-mismatch',
    '3:9 error dhcpd-range-outside-subnet-error',
    '4:17 error dhcpd-range-outside-subnet-error',
    '5:9 error dhcpd-range-outside-subnet-error',
  ]);
  assert.deepEqual(v(withEOL('subnet 10.0.0.0 netmask 255.0.0.0 {\n pool {\n  max-lease-time 5;\n }\n}\n', eol)), ['4:2 error dhcpd-syntax']);
  assert.deepEqual(v(withEOL('shared-network x {\n subnet 10.0.0.0 netmask 255.0.0.0 { }\n pool { range 11.0.0.1 11.0.0.2; }\n pool { range 10.0.0.1 10.0.0.2; }\n}\n', eol)), ['3:15 error dhcpd-range-outside-subnet-error']);
})) test(name, fn);
