import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, memoryFiles, service, withEOL } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('definition, references and rename of a key', (eol) => {
    const c = cursor(
      withEOL(
        'key "k1" { algorithm hmac-sha256; secret "c2VjcmV0"; };\nzone "a" { type primary; file "a"; allow-update { key k|1; }; };\n',
        eol,
      ),
    );
    const d = doc('named', c.text);
    const def = service.findDefinition(d, c.pos) as { range: { start: { line: number } } };
    assert.equal(def.range.start.line, 0);
    assert.equal(service.findReferences(d, c.pos).length, 2);
    const edit = service.doRename(d, c.pos, 'k2')!;
    const edits = edit.changes![d.uri]!;
    assert.equal(edits.length, 2);
    assert.ok(edits.every((e) => e.newText === 'k2'));
    assert.equal(edits[0]!.range.start.character, 5); // inside the quotes
  }),
  ...bothEOL('rename an acl and a logging channel everywhere', (eol) => {
    const c = cursor(
      withEOL(
        'acl "inside" { 10/8; };\noptions { allow-query { ins|ide; }; allow-recursion { !inside; inside; }; };\n',
        eol,
      ),
    );
    const d = doc('named', c.text);
    const edits = service.doRename(d, c.pos, 'lan')!.changes![d.uri]!;
    assert.equal(edits.length, 4);
    assert.ok(edits.every((e) => e.newText === 'lan'));
    assert.equal(d.getText(edits[2]!.range), 'inside'); // `!inside`: the `!` stays
    const c2 = cursor(withEOL('logging {\n\tchannel q { file "q.log"; };\n\tcategory queries { |q; };\n};\n', eol));
    const d2 = doc('named', c2.text);
    assert.equal(service.findReferences(d2, c2.pos).length, 2);
  }),
  ...bothEOL('no rename for built-in names', (eol) => {
    const c = cursor(withEOL('options { allow-query { an|y; }; };\n', eol));
    assert.equal(service.doRename(doc('named', c.text), c.pos, 'x'), null);
  }),
] as const)
  test(name, fn);

for (const [name, fn] of [
  ...bothEOL('include links', (eol) => {
    const d = doc('named', withEOL('include "/etc/bind/named.conf.local";\n', eol), 'file:///etc/bind/named.conf');
    const links = service.findDocumentLinks(d, { files: memoryFiles({}) });
    assert.equal(links.length, 1);
    assert.equal(links[0]!.target, 'file:///etc/bind/named.conf.local');
  }),
] as const)
  test(name, fn);

test('an include in curly quotes keeps its link (named fails on it, but the tree follows it)', () => {
  const text = 'include “/etc/bind/named.conf.local”;\n';
  const d = doc('named', text);
  const links = service.findDocumentLinks(d, { files: memoryFiles({}) });
  assert.deepEqual(
    links.map((l) => [l.range.start.character, l.range.end.character]),
    [[9, 35]],
  );
});
