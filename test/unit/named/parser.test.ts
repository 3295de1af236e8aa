import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, withEOL, validate, brief } from '../../helpers';
import { parseNamed } from '../../../server/src/named/parser';
import { clauseName, walkClauses } from '../../../server/src/named/tree';

for (const [name, fn] of [
  ...bothEOL('statements that go on after a block are one clause', (eol) => {
    const t = parseNamed(
      withEOL(
        'options {\n\tresponse-padding { any; } block-size 64;\n\tdeny-answer-addresses { 10/8; } except-from { "example.com"; };\n};\n',
        eol,
      ),
    );
    assert.deepEqual(t.structure, []);
    const names: string[] = [];
    walkClauses(t.clauses, (c) => {
      if (c.ctx === 'options') names.push(`${clauseName(c)}:${c.items.length}`);
    });
    assert.deepEqual(names, ['response-padding:4', 'deny-answer-addresses:4']);
  }),
  ...bothEOL('a missing }; before the next top-level statement is reported, not swallowed', (eol) => {
    const ds = validate(
      'named',
      withEOL('options {\n\trecursion no;\n}\nzone "a" { type primary; file "a"; };\n', eol),
    );
    assert.deepEqual(ds.map(brief), ['3:2 error named-missing-semicolon']);
  }),
  ...bothEOL('module text in dyndb is not parsed as statements', (eol) => {
    const ds = validate('named', withEOL('dyndb "x" "lib.so" {\n\tanything \\} goes { here; };\n};\n', eol));
    assert.deepEqual(ds.map(brief), []);
  }),
  ...bothEOL('comments of all three kinds', (eol) => {
    const ds = validate('named', withEOL('# one\n// two\n/* three\n */ options { recursion no; }; # end\n', eol));
    assert.deepEqual(ds.map(brief), []);
  }),
  ...bothEOL('one error per slip inside a zone', (eol) => {
    const ds = validate('named', withEOL('zone "a" {\n\ttype primary\n\tfile "a";\n};\n', eol));
    assert.deepEqual(ds.map(brief), ['2:14 error named-missing-semicolon']);
  }),
] as const)
  test(name, fn);

test('random bytes never throw', () => {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const alphabet = [
    '{',
    '}',
    ';',
    '"',
    '“',
    '/*',
    '*/',
    '//',
    '#',
    '\n',
    '\r\n',
    ' ',
    'zone',
    'options',
    'view',
    'acl',
    'key',
    'logging',
    'channel',
    'x',
    '10/8',
    '!',
    'type',
    'primary',
    'file',
    'include',
    'dyndb',
    '\\',
    '::1',
    'in-view',
  ];
  for (let i = 0; i < 300; i++) {
    let s = '';
    const n = Math.floor(rnd() * 80);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(rnd() * alphabet.length)] + (rnd() < 0.5 ? ' ' : '');
    validate('named', s);
  }
});

test('a large file is handled', () => {
  const parts = ['acl internal { 10/8; };'];
  for (let i = 0; i < 3000; i++)
    parts.push(`zone "z${i}.example" { type primary; file "db.z${i}"; allow-transfer { internal; }; };`);
  assert.deepEqual(validate('named', parts.join('\n')), []);
});
