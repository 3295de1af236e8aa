import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateNamedConf } from '../../bench/generate';
import { parseNamed } from '../../../server/src/named/parser';
import { walkClauses, type Item } from '../../../server/src/named/tree';
import { clauseIn, matchPattern, patternOf, type Pat } from '../../../server/src/named/grammar';
import { simpleMatch } from '../../../server/src/named/fastMatch';
import type { ContextId } from '../../../server/src/named/data/types';

/** simpleMatch answers only for a complete match, and with matchPattern's lists. */
function agree(p: Pat, items: readonly Item[], from: number): number {
  const fast = simpleMatch(p, items, from);
  if (!fast) return 0;
  const slow = matchPattern(p, items.slice(from));
  assert.ok(slow.ok, `simpleMatch matched what matchPattern does not: ${JSON.stringify(p)}`);
  assert.deepEqual(fast, slow.lists);
  return 1;
}

test('simpleMatch agrees with matchPattern on every clause and list entry, whole and cut short', () => {
  const text = [
    generateNamedConf({ zones: 300, views: 2, acls: 5, keys: 3, directory: '/tmp' }),
    'options { listen-on port 53 { 127.0.0.1; }; also-notify port 5300 { 192.0.2.1 key k; }; };',
    'zone "a" in { type primary; file "a"; allow-transfer port 53 transport tls { any; }; };',
    'zone "b" chaos { type hint; file "b" versions 3 size 2m; };',
  ].join('\n');
  const tree = parseNamed(text);
  let answered = 0;
  walkClauses(tree.clauses, (c) => {
    if (c.ctx === 'list') return false;
    const def = clauseIn(c.ctx as ContextId, c.name);
    const pat = def && patternOf(def);
    if (!pat) return true;
    const items = c.items;
    // the clause, and the clause without its last item or its second
    for (const cut of [items, items.slice(0, -1), [items[0]!, ...items.slice(2)]]) answered += agree(pat, cut, 1);
    // the entries of its lists, whole and without their first item
    const res = matchPattern(pat, items.slice(1));
    if (res.ok)
      for (const l of res.lists) {
        const bi = items[l.at + 1];
        if (bi && bi.kind === 'block')
          for (const e of bi.clauses) for (const cut of [e.items, e.items.slice(1)]) answered += agree(l.elem, cut, 0);
      }
    return true;
  });
  assert.ok(answered > 1000, `only ${answered} answered`);
});
