/** Suppression comments in each language's comment syntax, their quick fixes, and the unused ones. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, brief, doc, service, validate, withEOL } from '../../helpers';

const codes = (lang: string, text: string) => validate(lang, text).map(brief);

for (const [name, fn] of bothEOL('next-line and file-wide suppressions, per language', (eol) => {
  // dhcpd: `#`
  assert.deepEqual(codes('dhcpd', withEOL('option bogus-opt 1;\n', eol)), ['1:8 error dhcpd-unknown-option']);
  assert.deepEqual(
    codes('dhcpd', withEOL('# infra-lsp-disable-next-line dhcpd-unknown-option\noption bogus-opt 1;\n', eol)),
    [],
  );
  // named: `//` and `/* */`, a list of rules, the file-wide form
  assert.deepEqual(codes('named', withEOL('options {\n\tbogus-clause yes;\n};\n', eol)), [
    '2:2 error named-unknown-statement',
  ]);
  assert.deepEqual(
    codes(
      'named',
      withEOL(
        'options {\n\t// infra-lsp-disable-next-line named-unknown-statement, x-y\n\tbogus-clause yes;\n};\n',
        eol,
      ),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      'named',
      withEOL('/* infra-lsp-disable named-unknown-statement */\noptions {\n\tbogus-clause yes;\n};\n', eol),
    ),
    [],
  );
  // vmx: no rule id = every rule of the next line
  assert.deepEqual(codes('vmx', withEOL('# infra-lsp-disable-next-line\nnumvpcus = "2"\n', eol)), []);
}))
  test(name, fn);

test('a suppression that suppresses nothing is reported, grayed out; one of another line does not count', () => {
  const ds = validate('dhcpd', '# infra-lsp-disable-next-line dhcpd-unknown-option\n\noption bogus-opt 1;\n');
  assert.deepEqual(ds.map(brief), ['3:8 error dhcpd-unknown-option', '1:3 info suppression-unused']);
  assert.deepEqual(ds[1]!.tags, [1]);
  assert.match(ds[1]!.message, /suppresses nothing: no finding of dhcpd-unknown-option on the next line/);
  // the mark inside a string is not a comment
  assert.deepEqual(codes('vmx', 'annotation = "# infra-lsp-disable-next-line"\nnumvpcus = "2"\n'), [
    '2:1 warning vmx-unknown-key',
  ]);
});

test('every finding gets quick fixes that insert a suppression for its line and for the file', () => {
  const d = doc('named', 'options {\n\tbogus-clause yes;\n};\n');
  const [diag] = service.doValidation(d);
  const actions = service.getCodeActions(d, diag!.range, { diagnostics: [diag!] });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Disable named-unknown-statement for this line'), titles.join(' | '));
  const line = actions.find((a) => a.title === 'Disable named-unknown-statement for this line')!;
  const edit = line.edit!.changes![d.uri]![0]!;
  assert.deepEqual(edit.range.start, { line: 1, character: 0 });
  assert.equal(edit.newText, '\t// infra-lsp-disable-next-line named-unknown-statement\n');
  const file = actions.find((a) => a.title === 'Disable named-unknown-statement for this file')!;
  assert.equal(file.edit!.changes![d.uri]![0]!.newText, '// infra-lsp-disable named-unknown-statement\n');
  // applied, the finding is gone and the comment is used
  const fixed = doc('named', 'options {\n' + edit.newText + '\tbogus-clause yes;\n};\n');
  assert.deepEqual(service.doValidation(fixed).map(brief), []);
});
