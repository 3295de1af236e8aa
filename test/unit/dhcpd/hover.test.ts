import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, doc, cursor, bothEOL, withEOL } from '../../helpers';

const at = (t: string, eol: '\n' | '\r\n') => {
  const c = cursor(withEOL(t, eol));
  return { d: doc('dhcpd', c.text), pos: c.pos };
};

for (const [name, fn] of bothEOL('hover: option, parameter, key', (eol) => {
  let { d, pos } = at('option rou|ters 10.0.0.1;\n', eol);
  assert.match(JSON.stringify(service.doHover(d, pos)), /code 3/);
  ({ d, pos } = at('default-le|ase-time 600;\n', eol));
  assert.match(JSON.stringify(service.doHover(d, pos)), /server parameter/);
  ({ d, pos } = at('key k1 { algorithm hmac-md5; secret "abc"; }\nzone a. { key k|1; }\n', eol));
  assert.match(JSON.stringify(service.doHover(d, pos)), /algorithm hmac-md5/);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('hover: zone sub-statements, keywords and nothing on values', (eol) => {
  let { d, pos } = at('zone a. {\n  prim|ary 10.0.0.1;\n}\n', eol);
  assert.match(JSON.stringify(service.doHover(d, pos)), /receives updates/);
  ({ d, pos } = at('sub|net 10.0.0.0 netmask 255.0.0.0 { }\n', eol));
  assert.match(JSON.stringify(service.doHover(d, pos)), /IPv4 subnet/);
  ({ d, pos } = at('option dhcp6.name-ser|vers 2001:db8::1;\n', eol));
  assert.match(JSON.stringify(service.doHover(d, pos)), /DHCPv6/);
  ({ d, pos } = at('default-lease-time 6|00;\n', eol));
  assert.equal(service.doHover(d, pos), null);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('hover on a zone name shows its block', (eol) => {
  const { d, pos } = at('zone exa|mple.com. {\n  primary 10.0.0.1;\n}\n', eol);
  assert.match(JSON.stringify(service.doHover(d, pos)), /primary 10\.0\.0\.1/);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('hover on an option shows an example that dhcpd accepts', (eol) => {
  const { d, pos } = at('option domain-name-ser|vers 10.0.0.1;\n', eol);
  const h = JSON.stringify(service.doHover(d, pos));
  assert.match(h, /option domain-name-servers 192\.168\.1\.1, 192\.168\.1\.1;/);
  assert.match(h, /code 6/);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('hover on allow/deny words', (eol) => {
  const { d, pos } = at('deny unknown-cl|ients;\n', eol);
  assert.match(JSON.stringify(service.doHover(d, pos)), /host declaration/);
}))
  test(name, fn);
