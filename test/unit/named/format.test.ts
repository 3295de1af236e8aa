/**
 * named.conf formatting (issue 22): the style of common/format/braces.ts on named's syntax.
 * Every case runs with LF and with CRLF line endings (the output keeps the input's).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, service, withEOL, type EOL } from '../../helpers';

const SPACES = { tabSize: 4, insertSpaces: true };
const TABS = { tabSize: 8, insertSpaces: false };

function format(text: string, options = SPACES, range?: Range): string {
  const d = doc('named', text);
  return TextDocument.applyEdits(d, service.format(d, options, range));
}

/** Formats `input` with `eol` line endings and checks the result, then that formatting it again changes nothing. */
function check(eol: EOL, input: string, want: string, options = SPACES): void {
  const got = format(withEOL(input, eol), options);
  assert.equal(got, withEOL(want, eol));
  assert.equal(format(got, options), got, 'formatting twice changes nothing');
}

const cases: Array<[string, string, string]> = [
  [
    'nested blocks are indented by depth, one statement per line',
    'options {\ndirectory "/var/cache/bind";   recursion no;\n  listen-on port 53 {\n10.0.0.1;\n  };\n};\n',
    'options {\n    directory "/var/cache/bind";\n    recursion no;\n    listen-on port 53 {\n        10.0.0.1;\n    };\n};\n',
  ],
  [
    'one-line lists stay on one line, spaced inside their braces',
    'options {\n\tallow-transfer {10.0.0.1;key k;} ;\n\tallow-query {any;};\n};\n',
    'options {\n    allow-transfer { 10.0.0.1; key k; };\n    allow-query { any; };\n};\n',
  ],
  [
    'a one-line block that does not fit in 100 columns is laid out one statement per line',
    `acl long { ${Array.from({ length: 8 }, (_, i) => `192.168.100.${i};`).join(' ')} };\n`,
    `acl long {\n${Array.from({ length: 8 }, (_, i) => `    192.168.100.${i};\n`).join('')}};\n`,
  ],
  [
    'a whole zone on one line stays on one line when it fits',
    'zone "example.com" {type primary; file "db.example";};\n',
    'zone "example.com" { type primary; file "db.example"; };\n',
  ],
  [
    'statements on one line at the top level are split',
    'include "a.conf"; include "b.conf";\n',
    'include "a.conf";\ninclude "b.conf";\n',
  ],
  [
    'comments of the three kinds stay where they are; a comment line takes the indentation of what follows',
    'options {\n# hash line\n  directory "/x";   # trailing hash\n      // slash line\n\trecursion no; // trailing slash\n /* block */ notify yes;\n\t\t/* last */\n};\n',
    'options {\n    # hash line\n    directory "/x";   # trailing hash\n    // slash line\n    recursion no; // trailing slash\n    /* block */ notify yes;\n    /* last */\n};\n',
  ],
  [
    'a block comment over several lines keeps its lines',
    'options {\n      /* one\n       * two\n       */\n  directory "/x";\n};\n',
    'options {\n      /* one\n       * two\n       */\n    directory "/x";\n};\n',
  ],
  [
    'a run of blank lines becomes one; trailing spaces and blank lines at the end go',
    'key "k" {\n\talgorithm hmac-sha256;   \n\n\n\n\tsecret "c2VjcmV0";\n};\n\n\n\nzone "a" { type hint; file "root.hint"; };\n\n\n',
    'key "k" {\n    algorithm hmac-sha256;\n\n    secret "c2VjcmV0";\n};\n\nzone "a" { type hint; file "root.hint"; };\n',
  ],
  [
    'strings keep their inner spaces and line breaks; curly quotes are not rewritten',
    'options {\n  directory   "/a  b\n   c";\n    version “curly  text”;\n};\n',
    'options {\n    directory "/a  b\n   c";\n    version “curly  text”;\n};\n',
  ],
  [
    'no space before `;`, one before `{`, `};` closes',
    'view "v"{\n  match-clients{ any ; } ;\n}\n;\n',
    'view "v" {\n    match-clients { any; };\n}\n;\n',
  ],
  [
    'a statement that goes on after its block keeps its words on one line',
    'controls {\ninet 127.0.0.1 port 953 allow { 127.0.0.1; } keys { "rndc-key"; };\n};\n',
    'controls {\n    inet 127.0.0.1 port 953 allow { 127.0.0.1; } keys { "rndc-key"; };\n};\n',
  ],
  [
    'continuation lines keep their place relative to the statement, at least one level deeper',
    'zone "a"\nin {\n\ttype primary;\n\tfile "a";\n};\n',
    'zone "a"\n    in {\n    type primary;\n    file "a";\n};\n',
  ],
  [
    'a syntax error in the middle: its statement keeps its lines, the rest is formatted',
    'options {\n  directory "/x"\n  recursion    no;\n      notify yes;\n};\n',
    'options {\n  directory "/x"\n  recursion    no;\n    notify yes;\n};\n',
  ],
  [
    'a `{` never closed: everything from its statement on stays as it is',
    'acl a {   any; };\nacl b {  none; };\noptions {\n  directory "/x";\n   recursion no;\n',
    'acl a { any; };\nacl b { none; };\noptions {\n  directory "/x";\n   recursion no;\n',
  ],
  [
    'dyndb raw text is kept as it is, braces and quotes in it included',
    'dyndb "name" "library.so" {\n  this;\n \\};\n   is a { "text \\""; };\n};\noptions {\n directory "/x";\n};\n',
    'dyndb "name" "library.so" {\n  this;\n \\};\n   is a { "text \\""; };\n};\noptions {\n    directory "/x";\n};\n',
  ],
];

for (const [name, input, want] of cases)
  for (const [label, fn] of bothEOL(name, (eol) => check(eol, input, want))) test(label, fn);

for (const [label, fn] of bothEOL('tabs: one tab per level', (eol) =>
  check(
    eol,
    'options {\n    directory "/x";\n    listen-on {\n  any;\n    };\n};\n',
    'options {\n\tdirectory "/x";\n\tlisten-on {\n\t\tany;\n\t};\n};\n',
    TABS,
  ),
))
  test(label, fn);

test('an already formatted file gets no edit', () => {
  const text = 'options {\n    directory "/x";\n    allow-query { any; };\n};\n';
  const d = doc('named', text);
  assert.deepEqual(service.format(d, SPACES), []);
});

test('edits are minimal: only the whitespace that changes', () => {
  const d = doc('named', 'options {\n\tdirectory "/x";\n    recursion no;\n};\n');
  const edits = service.format(d, SPACES);
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]),
    [[1, 0, 1, 1, '    ']],
  );
});

for (const [label, fn] of bothEOL('range formatting formats only the statements the range touches', (eol) => {
  const text = withEOL(
    'options {\n  directory "/x";\n        recursion   no;\n  notify yes;\n};\nacl a {any;};\n',
    eol,
  );
  const range = { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } };
  assert.equal(
    format(text, SPACES, range),
    withEOL('options {\n  directory "/x";\n    recursion no;\n  notify yes;\n};\nacl a {any;};\n', eol),
  );
  // a range on a block's first line takes the whole statement
  const head = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  assert.equal(
    format(text, SPACES, head),
    withEOL('options {\n    directory "/x";\n    recursion no;\n    notify yes;\n};\nacl a {any;};\n', eol),
  );
}))
  test(label, fn);

function onType(textWithBar: string, ch: string, options = SPACES): string {
  const { text, pos } = cursor(textWithBar);
  const d = doc('named', text);
  return TextDocument.applyEdits(d, service.formatOnType(d, pos, ch, options));
}

test('on type: `}` re-indents its line to its block owner', () => {
  assert.equal(onType('options {\n    directory "/x";\n        }|', '}'), 'options {\n    directory "/x";\n}');
  assert.equal(
    onType('view "v" {\n    zone "a" {\n        type hint;\n    }|\n', '}'),
    'view "v" {\n    zone "a" {\n        type hint;\n    }\n',
  );
});

test('on type: `;` re-indents its line (even with the file still unclosed)', () => {
  assert.equal(onType('options {\ndirectory "/x";|', ';'), 'options {\n    directory "/x";');
  assert.equal(onType('options {\n\t\t\tdirectory "/x";|\n};\n', ';', TABS), 'options {\n\tdirectory "/x";\n};\n');
});

test('on type: a new line is indented by its block depth', () => {
  assert.equal(onType('options {\n|', '\n'), 'options {\n    ');
  assert.equal(onType('options {\n    listen-on {\n  |\n', '\n'), 'options {\n    listen-on {\n        \n');
  assert.equal(onType('options {\n    a;\n|}', '\n'), 'options {\n    a;\n}');
  // CRLF
  assert.equal(onType('options {\r\n|', '\n'), 'options {\r\n    ');
});

test('on type leaves alone: a line inside a string or comment, a line that goes on with a statement', () => {
  assert.equal(onType('options {\n  directory "/a\n  b|";\n', ';'), 'options {\n  directory "/a\n  b";\n');
  assert.equal(onType('/* a\n  |\n*/', '\n'), '/* a\n  \n*/');
  assert.equal(onType('zone "a"\n       |', '\n'), 'zone "a"\n       ');
});

test('onTypeTriggers are `}`, `;` and newline', () => {
  const d = doc('named', 'options {\n');
  // a character that is not a trigger gets nothing
  assert.deepEqual(service.formatOnType(d, { line: 1, character: 0 }, 'x', SPACES), []);
  assert.ok(service.formatOnType(d, { line: 1, character: 0 }, '\n', SPACES).length === 1);
});
