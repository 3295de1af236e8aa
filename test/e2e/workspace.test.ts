/** The pieces of the real-editor harness that need no editor: snippet text and sample positions. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FILES, VMKLOG, EXPECT, positionOf, resolveSnippet, serialPipeSnippet } from './workspace';

test('resolveSnippet: tabstops vanish, placeholders and choices give their default', () => {
  assert.equal(resolveSnippet('serial${1:0}.fileType = "${2|pipe,file|}"$0'), 'serial0.fileType = "pipe"');
  assert.equal(resolveSnippet('a ${1:outer ${2:inner}} $3b'), 'a outer inner b');
  assert.equal(resolveSnippet('cost \\$5 ${TM_FILENAME:x} ${1/(.*)/$1/}!'), 'cost $5 x !');
  assert.equal(resolveSnippet('unterminated ${1:abc'), 'unterminated abc');
});

test('serialPipeSnippet: the server-end pipe snippet of the completion table, resolved', () => {
  const s = serialPipeSnippet(process.cwd());
  assert.equal(typeof s, 'object', String(s));
  if (typeof s === 'string') return;
  assert.ok(
    s.lines.some((l) => l.includes('serial0.fileType = "pipe"')),
    s.lines.join('\n'),
  );
  assert.ok(!s.lines.some((l) => l.includes('$')), s.lines.join('\n'));
});

test('sample files hold what the checks look for', () => {
  assert.equal(new Set(FILES.map((f) => f.name)).size, FILES.length);
  assert.equal(positionOf(VMKLOG, EXPECT.vmkCode).line, 2);
  for (const f of FILES)
    assert.ok(!f.text.includes('\r'), `${f.name} is written with \\n; the editor tests add no CRLF variant`);
});
