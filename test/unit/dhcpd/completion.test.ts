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
  assert.ok(labels.includes('domain-name-servers') && labels.includes('dhcp6.name-servers'));
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
  ({ d, pos } = at('option |', eol));
  const opt = service.doComplete(d, pos).items.find((i) => i.label === 'dhcp6.name-servers')!;
  assert.equal(opt.documentation, undefined);
  assert.ok(typeof service.resolveCompletion(JSON.parse(JSON.stringify(opt))).documentation === 'string');
}))
  test(name, fn);
