import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, doc, cursor, bothEOL, withEOL } from '../../helpers';

const at = (t: string, eol: '\n' | '\r\n') => {
  const c = cursor(withEOL(t, eol));
  return { d: doc('dhcpd', c.text), pos: c.pos };
};

for (const [name, fn] of bothEOL('completion by context', (eol) => {
  let { d, pos } = at('subnet 10.0.0.0 netmask 255.0.0.0 {\n  |\n}\n', eol);
  let labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.ok(labels.includes('range') && labels.includes('pool') && !labels.includes('hardware'));
  ({ d, pos } = at('option |', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.ok(labels.includes('domain-name-servers') && !labels.includes('dhcp6.name-servers'));
  ({ d, pos } = at('ddns-update-style |', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.deepEqual(labels, ['none', 'ad-hoc', 'interim', 'standard']);
  ({ d, pos } = at('key k1 { }\nzone a. {\n  key |\n}\n', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.deepEqual(labels, ['k1']);
}))
  test(name, fn);

for (const [name, fn] of bothEOL('completion: host, zone, key and allow contexts', (eol) => {
  let { d, pos } = at('host h {\n  |\n}\n', eol);
  let labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.ok(labels.includes('hardware') && labels.includes('fixed-address') && !labels.includes('range'));
  ({ d, pos } = at('zone z. {\n  |\n}\n', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.deepEqual(labels.sort(), ['key', 'primary', 'primary6', 'secondary', 'secondary6']);
  ({ d, pos } = at('key k {\n  algorithm |\n}\n', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.ok(labels.includes('hmac-sha256'));
  ({ d, pos } = at('deny |', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.ok(labels.includes('unknown-clients') && labels.includes('members of'));
  ({ d, pos } = at('ping-check |', eol));
  labels = service.doComplete(d, pos).items.map((i) => i.label);
  assert.ok(labels.includes('true'));
}))
  test(name, fn);

for (const [name, fn] of bothEOL('statement and option documentation comes with completionItem/resolve', (eol) => {
  let { d, pos } = at('subnet 10.0.0.0 netmask 255.0.0.0 {\n  |\n}\n', eol);
  const items = service.doComplete(d, pos).items;
  for (const label of ['range', 'default-lease-time']) {
    const item = items.find((i) => i.label === label)!;
    assert.equal(item.documentation, undefined, 'the list stays small');
    const resolved = service.resolveCompletion(JSON.parse(JSON.stringify(item)));
    assert.equal(typeof resolved.documentation, 'string');
    assert.ok((resolved.documentation as string).length > 10, `${label} has documentation`);
  }
  ({ d, pos } = at('subnet6 2001:db8::/64 {\n  option |\n}\n', eol));
  const opt = service.doComplete(d, pos).items.find((i) => i.label === 'dhcp6.name-servers')!;
  assert.equal(opt.documentation, undefined);
  assert.ok(typeof service.resolveCompletion(JSON.parse(JSON.stringify(opt))).documentation === 'string');
}))
  test(name, fn);

/** The labels offered at `|`, in the order a client shows them (by sortText, then label). */
function shown(t: string, eol: '\n' | '\r\n', uri?: string): string[] {
  const c = cursor(withEOL(t, eol));
  return service
    .doComplete(doc('dhcpd', c.text, uri), c.pos)
    .items.map((i) => ({ label: i.label, key: i.sortText ?? i.label }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.label < b.label ? -1 : 1))
    .map((i) => i.label);
}

for (const [name, fn] of bothEOL("option names: only the options of the file's address family", (eol) => {
  const v4 = shown('subnet 10.0.0.0 netmask 255.255.255.0 {\n  option dom|\n}\n', eol);
  assert.ok(v4.includes('domain-name') && v4.includes('domain-search') && v4.includes('agent.circuit-id'));
  assert.deepEqual(
    v4.filter((l) => l.startsWith('dhcp6.')),
    [],
  );
  // a DHCPv6 file by its name, or by what it declares
  for (const [text, uri] of [
    ['option dom|\n', 'file:///etc/dhcp/dhcpd6.conf'],
    ['subnet6 2001:db8::/64 {\n  option |\n}\n', undefined],
  ] as const) {
    const v6 = shown(text, eol, uri);
    assert.ok(v6.includes('dhcp6.domain-search') && v6.includes('dhcp6.name-servers'), text);
    assert.deepEqual(
      v6.filter((l) => !l.startsWith('dhcp6.')),
      [],
      text,
    );
  }
}))
  test(name, fn);

for (const [name, fn] of bothEOL('statements: each listed once, the common ones of the block first', (eol) => {
  const inSubnet = shown('subnet 10.0.0.0 netmask 255.255.255.0 {\n  |\n}\n', eol);
  assert.equal(inSubnet.filter((l) => l === 'authoritative').length, 1);
  assert.equal(new Set(inSubnet).size, inSubnet.length, 'no label twice');
  assert.deepEqual(inSubnet.slice(0, 4), ['range', 'option', 'host', 'pool']);
  // the rest alphabetically
  const rest = inSubnet.slice(8);
  assert.deepEqual(rest, [...rest].sort());
  assert.ok(rest.includes('authoritative'));
  const top = shown('|', eol);
  assert.deepEqual(top.slice(0, 7), [
    'option',
    'subnet',
    'host',
    'ddns-update-style',
    'default-lease-time',
    'max-lease-time',
    'authoritative',
  ]);
  assert.equal(new Set(top).size, top.length, 'no label twice');
  const top6 = shown('|', eol, 'file:///etc/dhcp/dhcpd6.conf');
  assert.deepEqual(top6.slice(0, 3), ['option', 'subnet6', 'host']);
  const inSubnet6 = shown('subnet6 2001:db8::/64 {\n  |\n}\n', eol);
  assert.deepEqual(inSubnet6.slice(0, 3), ['range6', 'prefix6', 'option']);
}))
  test(name, fn);
