import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validate, errorsOf, brief } from '../../helpers';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}
const snippets = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'snippets', 'dhcpd.json'), 'utf8')) as Record<
  string,
  Snippet
>;

/** The text a snippet inserts when every placeholder keeps its default. */
export function expand(s: Snippet): string {
  return s.body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

test('the four snippets exist and expand to configs with no errors', () => {
  const names = Object.keys(snippets);
  assert.equal(names.length, 4);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix && s.description, name);
    const ds = errorsOf(validate('dhcpd', expand(s)));
    assert.deepEqual(ds.map(brief), [], name);
  }
});
