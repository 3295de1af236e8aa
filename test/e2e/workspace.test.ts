/** The pieces of the real-editor harness that need no editor: snippet text and sample positions. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  FILES,
  VMKLOG,
  EXPECT,
  TREE,
  TREE_EXPECT,
  TREE_FILES,
  positionOf,
  resolveSnippet,
  serialPipeSnippet,
  writeWorkspace,
} from './workspace';

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
  for (const f of [...FILES, ...TREE_FILES])
    assert.ok(!f.text.includes('\r'), `${f.name} is written with \\n; the editor tests add no CRLF variant`);
});

test('the Debian tree holds what the tree checks look for', () => {
  const names = [...FILES, ...TREE_FILES].map((f) => f.name);
  assert.equal(new Set(names).size, names.length);
  for (const rel of Object.values(TREE)) assert.ok(names.includes(rel), `${rel} is written`);
  const lineOf = (file: string, n: number): string => TREE_FILES.find((f) => f.name === file)!.text.split('\n')[n - 1]!;
  assert.equal(positionOf(TREE.options, 'acl trusted').line, TREE_EXPECT.aclLine);
  assert.match(lineOf(TREE.options, TREE_EXPECT.optionsSemicolonLines[0]), /\{ any; \}$/);
  assert.equal(lineOf(TREE.root, TREE_EXPECT.rootIncludeOptionsLine), 'include "/etc/bind/named.conf.options";');
  assert.match(
    lineOf(TREE.local, positionOf(TREE.local, TREE_EXPECT.trustedUse).line),
    /allow-transfer \{ trusted; \}/,
  );
  assert.ok(lineOf(TREE.local, positionOf(TREE.local, 'zones.rfc1918').line).startsWith('include "/etc/bind/'));
});

test('writeWorkspace writes the tree under etc/bind', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-ws-'));
  try {
    writeWorkspace(dir);
    for (const f of [...FILES, ...TREE_FILES]) assert.equal(fs.readFileSync(path.join(dir, f.name), 'utf8'), f.text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
