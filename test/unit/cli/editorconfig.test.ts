/** `.editorconfig` for `infra-lsp format`: globs, nearer files winning, `root = true`, indent keys. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editorConfigFor, globToRegExp, parseEditorConfig } from '../../../server/src/cli/editorconfig';

test('globs: *, **, ?, [..], {a,b}, {n..m}; a glob without / matches in any folder', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*', 'named.conf', true],
    ['*', 'etc/bind/named.conf', true],
    ['*.conf', 'etc/named.conf', true],
    ['*.conf', 'etc/named.conf.local', false],
    ['named.conf*', 'etc/bind/named.conf.local', true],
    ['etc/*.conf', 'etc/named.conf', true],
    ['etc/*.conf', 'etc/bind/named.conf', false],
    ['etc/**.conf', 'etc/bind/named.conf', true],
    ['**/db.*', 'zones/db.example', true],
    ['db.?', 'db.a', true],
    ['db.?', 'db.ab', false],
    ['db.[ab]', 'db.b', true],
    ['db.[!ab]', 'db.b', false],
    ['{dhcpd,named}.conf', 'named.conf', true],
    ['{dhcpd,named}.conf', 'other.conf', false],
    ['*.{vmx,vmtx}', 'vm/a.vmtx', true],
    ['db.{1..3}', 'db.2', true],
    ['db.{1..3}', 'db.4', false],
    ['a+b(c).conf', 'a+b(c).conf', true],
  ];
  for (const [glob, rel, want] of cases) assert.equal(globToRegExp(glob).test(rel), want, `${glob} ~ ${rel}`);
});

test('sections, keys in lower case, root and comments', () => {
  const ec = parseEditorConfig('# top\nroot = true\n\n[*]\nindent_style = Space\n; c\n[*.conf]\nIndent_Size=8\n');
  assert.equal(ec.root, true);
  assert.deepEqual(ec.sections, [
    { glob: '*', props: { indent_style: 'space' } },
    { glob: '*.conf', props: { indent_size: '8' } },
  ]);
});

for (const eol of ['\n', '\r\n'])
  test(`the nearer file and the later section win; root stops the walk (${JSON.stringify(eol)})`, () => {
    const files: Record<string, string> = {
      '/.editorconfig': ['[*]', 'indent_style = space', 'indent_size = 2'].join(eol),
      '/w/.editorconfig': [
        'root = true',
        '[*]',
        'indent_style = space',
        'indent_size = 4',
        '[*.conf]',
        'indent_style = tab',
      ].join(eol),
      '/w/etc/.editorconfig': ['[named.conf]', 'indent_size = 3', 'indent_style = space'].join(eol),
    };
    const read = (p: string) => files[p];
    assert.deepEqual(editorConfigFor('/w/etc/named.conf', read), { insertSpaces: true, tabSize: 3 });
    assert.deepEqual(editorConfigFor('/w/etc/dhcpd.conf', read), { insertSpaces: false, tabSize: 4 });
    assert.deepEqual(editorConfigFor('/w/a.vmx', read), { insertSpaces: true, tabSize: 4 });
    // outside /w, the file system's root .editorconfig alone
    assert.deepEqual(editorConfigFor('/x/a.vmx', read), { insertSpaces: true, tabSize: 2 });
    assert.equal(
      editorConfigFor('/x/a.vmx', () => undefined),
      undefined,
    );
  });

test('indent_size = tab takes tab_width; a glob that makes no pattern takes nothing', () => {
  const read = (p: string) =>
    p === '/w/.editorconfig'
      ? '[*]\nindent_size = tab\ntab_width = 8\n[z-a]\nindent_style = space\n[[z-a]]\nindent_style = space\n'
      : undefined;
  assert.deepEqual(editorConfigFor('/w/named.conf', read), { insertSpaces: false, tabSize: 8 });
});
