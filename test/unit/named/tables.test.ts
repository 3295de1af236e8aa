import { clauseFor } from '../../../server/src/named/versioned';
import { BIND_VERSIONS, CLAUSE_VERSIONS } from '../../../server/src/named/data/versions';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLAUSES } from '../../../server/src/named/data/clauses';
import { DOCS } from '../../../server/src/named/data/docs';
import { DEFAULTS } from '../../../server/src/named/data/defaults';
import { compileSyntax } from '../../../server/src/named/grammar';
import { describeClause } from '../../../server/src/named/hover';
import type { ContextId } from '../../../server/src/named/data/types';

test('clause tables: no duplicates per context, every entry documented, every syntax compiles', () => {
  for (const [ctx, defs] of Object.entries(CLAUSES) as Array<[ContextId, (typeof CLAUSES)[ContextId]]>) {
    const names = defs.map((d) => d.name);
    assert.equal(new Set(names).size, names.length, `duplicates in ${ctx}`);
    for (const d of defs) {
      assert.ok(d.status === 'removed' || d.syntax, `${ctx}/${d.name} has no syntax`);
      if (d.syntax) {
        assert.ok(d.syntax.startsWith(d.name), `${ctx}/${d.name} syntax starts with its name`);
        compileSyntax(d.syntax);
      }
      assert.ok(d.status === 'removed' || DOCS[d.name], `${ctx}/${d.name} has a description in docs.ts`);
      assert.ok(describeClause(clauseFor(ctx, d.name, '9.18')!, ctx).length > 20, `${ctx}/${d.name} has docs`);
      if (d.status && d.status !== 'test-only')
        assert.match(d.since ?? '', /^9\.\d+$/, `${ctx}/${d.name} says since when`);
    }
  }
  for (const [k, v] of Object.entries(DOCS)) assert.ok(v.length > 10 && /\.$/.test(v), `doc for ${k}`);
});

test('every version of every statement has a grammar that compiles, and a description', () => {
  for (const r of CLAUSE_VERSIONS)
    for (const v of BIND_VERSIONS) {
      const vc = clauseFor(r.context, r.name, v);
      assert.ok(vc, `${r.context}/${r.name}`);
      if (vc.status === 'absent' || vc.status === 'ancient') continue;
      if (vc.def.syntax) assert.doesNotThrow(() => compileSyntax(vc.def.syntax!), `${v} ${r.context}/${r.name}`);
      assert.match(describeClause(vc, r.context), new RegExp(`In BIND ${v.replace('.', '\\.')}, the version`));
    }
});

test('defaults name known statements', () => {
  const all = new Set(Object.values(CLAUSES).flatMap((d) => d.map((x) => x.name)));
  for (const [k, v] of Object.entries(DEFAULTS)) {
    assert.ok(all.has(k), `default for unknown statement ${k}`);
    assert.ok(v.length > 0);
  }
});

test('the 9.18 grammar has every top-level statement', () => {
  const top = CLAUSES.top.map((d) => d.name);
  for (const n of [
    'acl',
    'controls',
    'dnssec-policy',
    'dyndb',
    'http',
    'key',
    'logging',
    'managed-keys',
    'options',
    'plugin',
    'primaries',
    'masters',
    'server',
    'statistics-channels',
    'tls',
    'trust-anchors',
    'trusted-keys',
    'view',
    'zone',
  ])
    assert.ok(top.includes(n), n);
});
