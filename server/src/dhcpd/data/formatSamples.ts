/**
 * A sample value for each letter of ISC DHCP's option format strings (ISC DHCP 4.4.3,
 * common/tables.c, the format letters documented at its top). Hover shows them in examples;
 * the oracle test writes them into files that `dhcpd -t` must accept.
 */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  I: '192.168.1.1',
  '6': '2001:db8::1',
  t: '"text"',
  X: '"string"',
  f: 'true',
  B: '1',
  b: '1',
  S: '1500',
  s: '-1',
  L: '3600',
  l: '-3600',
  T: '3600',
  D: '"example.com"',
  d: 'example.com',
};
