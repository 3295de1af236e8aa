import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPTIONS } from '../../../server/src/dhcpd/data/options';
import { SERVER_PARAMS, ENUMS } from '../../../server/src/dhcpd/data/serverParams';
import {
  KEYWORDS,
  ZONE_STATEMENTS,
  KEY_STATEMENTS,
  FAILOVER_STATEMENTS,
  ALLOW_DENY,
} from '../../../server/src/dhcpd/data/keywords';
import { RULES } from '../../../server/src/dhcpd/rules';
import { PLACEMENT, accepts, offeredIn, type Scope } from '../../../server/src/dhcpd/data/placement';
import { COMMON_STATEMENTS } from '../../../server/src/dhcpd/data/completionRank';

test('option table: counts, docs, no duplicates', () => {
  assert.equal(OPTIONS.filter((o) => o.space === 'dhcp').length, 119);
  assert.equal(OPTIONS.filter((o) => o.space === 'dhcp6').length, 64);
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const o of OPTIONS) {
    assert.ok(o.doc.length > 5, `${o.space}.${o.name} has docs`);
    assert.ok(!names.has(`${o.space}.${o.name}`), `duplicate ${o.name}`);
    assert.ok(!codes.has(`${o.space}:${o.code}`), `duplicate code ${o.space}:${o.code}`);
    names.add(`${o.space}.${o.name}`);
    codes.add(`${o.space}:${o.code}`);
  }
  assert.equal(OPTIONS.find((o) => o.name === 'routers')!.code, 3);
});

test('server parameter and keyword tables: docs, no duplicates, enums', () => {
  assert.ok(SERVER_PARAMS.length >= 80);
  for (const list of [SERVER_PARAMS.map((p) => p.name), KEYWORDS.map((k) => k.name)])
    assert.equal(new Set(list).size, list.length);
  for (const p of SERVER_PARAMS) assert.ok(p.doc.length > 5, p.name);
  for (const k of KEYWORDS) assert.ok(k.doc.length > 5 && k.syntax, k.name);
  for (const t of [ZONE_STATEMENTS, KEY_STATEMENTS, FAILOVER_STATEMENTS, ALLOW_DENY])
    for (const [k, d] of Object.entries(t)) assert.ok(d.length > 5, k);
  assert.deepEqual(ENUMS['ddns-styles'], ['none', 'ad-hoc', 'interim', 'standard']);
  for (const p of SERVER_PARAMS) if (p.format.startsWith('N')) assert.ok(ENUMS[p.format.slice(1, -1)], p.name);
});

test('rules: ids prefixed, unique, described', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) assert.ok(r.id.startsWith('dhcpd-') && r.description.endsWith('.'), r.id);
});

test('placement table: one entry per keyword, offered scopes not also listed as unreported, a reason where checked', () => {
  for (const k of KEYWORDS) assert.ok(PLACEMENT[k.name], `${k.name} has no placement`);
  for (const [name, p] of Object.entries(PLACEMENT)) {
    assert.ok(p.scopes.length > 0, name);
    for (const s of p.notReportedIn ?? []) assert.ok(!p.scopes.includes(s), `${name}: ${s} twice`);
    if (p.misplaced !== undefined) assert.ok(p.misplaced.length > 10, name);
  }
  // dhcpd -6 -t accepts a host in a subnet6 and in a pool6 (host declarations are global)
  assert.ok(accepts('host', 'subnet6') && accepts('host', 'pool6'));
  assert.ok(offeredIn('host', 'subnet6') && offeredIn('host', 'pool6'));
  assert.ok(!accepts('host', 'class') && !accepts('pool', 'pool'));
});

test('completion ranking: each name is a statement offered in its block, listed once', () => {
  const params = new Map(SERVER_PARAMS.map((p) => [p.name, p]));
  for (const family of [4, 6] as const)
    for (const [scope, names] of Object.entries(COMMON_STATEMENTS[family])) {
      assert.equal(new Set(names).size, names.length, `${family} ${scope}: a name twice`);
      for (const n of names) {
        const p = params.get(n);
        const offered = offeredIn(n, scope as Scope) || (p !== undefined && (p.scope === 'any' || scope === 'root'));
        assert.ok(offered, `${family} ${scope}: ${n} is not offered there`);
      }
    }
});
