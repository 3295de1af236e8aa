/**
 * Issue 20: every named.conf feature follows the BIND version in force (the setting, or the
 * file's first line): diagnostics with messages that name the version, completion, quick fixes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bothEOL, brief, cursor, doc, fixesOnly, service, validate, withEOL } from '../../helpers';
import { defaultSettings, type BindVersion } from '../../../server/src/service/types';
import { bindVersionOf, versionDirective } from '../../../server/src/named/version';
import { run } from '../cli/runCli';

const as = (bindVersion: BindVersion) => ({ settings: { ...defaultSettings, bindVersion } });
const codes = (text: string, v?: BindVersion) => validate('named', text, v ? as(v) : {}).map(brief);
const messages = (text: string, v?: BindVersion) => validate('named', text, v ? as(v) : {}).map((d) => d.message);

const cases = [
  ...bothEOL('one file, three verdicts: what each version makes of a statement', (eol) => {
    const glue = withEOL('options {\n\tglue-cache yes;\n};\n', eol);
    assert.deepEqual(codes(glue, '9.16'), []);
    assert.deepEqual(codes(glue, '9.18'), ['2:2 warning named-deprecated-statement']);
    assert.deepEqual(codes(glue, '9.20'), ['2:2 error named-removed-statement']);
    assert.deepEqual(codes(glue), codes(glue, '9.20'), 'the default is 9.20');
    const remote = withEOL('remote-servers upstream { 192.0.2.1; };\n', eol);
    assert.deepEqual(codes(remote, '9.20'), []);
    assert.deepEqual(codes(remote, '9.18'), ['1:1 error named-unknown-statement']);
    assert.equal(
      messages(remote, '9.18')[0],
      "'remote-servers' is new in BIND 9.20 (this file is checked as BIND 9.18); named-checkconf 9.18 says \"unknown option\"; use 'primaries' instead.",
    );
  }),
  ...bothEOL('messages say which version removed a statement, and what replaces it', (eol) => {
    const text = withEOL(
      'options {\n\tdnssec-enable yes;\n};\nzone "example" {\n\ttype primary;\n\tfile "x";\n\tauto-dnssec maintain;\n};\n',
      eol,
    );
    assert.deepEqual(messages(text), [
      "'dnssec-enable' was removed in BIND 9.18 (this file is checked as BIND 9.20): named refuses to start with it. Remove it.",
      "'auto-dnssec' was removed in BIND 9.20 (this file is checked as BIND 9.20): named refuses to start with it. Remove it; use 'dnssec-policy' instead.",
    ]);
    // 9.16: obsolete, deprecated, and auto-dnssec maintain still needs a way to sign
    assert.deepEqual(codes(text, '9.16'), [
      '2:2 warning named-obsolete-statement',
      '7:2 warning named-deprecated-statement',
      '7:14 error named-conflicting-options',
    ]);
  }),
  ...bothEOL('quick fixes: the successor where it is one statement name, and removing the statement', (eol) => {
    const text = withEOL('zone "example" {\n\ttype primary;\n\tfile "x";\n\tauto-dnssec maintain;\n};\n', eol);
    const d = doc('named', text);
    const diag = service.doValidation(d).find((x) => x.code === 'named-removed-statement')!;
    const fixes = fixesOnly(service.getCodeActions(d, diag.range, { diagnostics: [diag] }));
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Replace 'auto-dnssec' with 'dnssec-policy'", "Remove the 'auto-dnssec' statement"],
    );
    const removal = fixes[1]!.edit!.changes![d.uri]![0]!;
    // the whole line goes, its indentation and line break too
    assert.deepEqual(removal.range, { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } });
    assert.equal(removal.newText, '');
    const masters = withEOL('remote-servers up { 192.0.2.1; };\n', eol);
    const dm = doc('named', withEOL('// infra-lsp: bind 9.18\n', eol) + masters);
    const dg = service.doValidation(dm)[0]!;
    assert.deepEqual(
      fixesOnly(service.getCodeActions(dm, dg.range, { diagnostics: [dg] })).map((f) => f.title),
      ["Replace 'remote-servers' with 'primaries'", "Remove the 'remote-servers' statement"],
    );
  }),
  ...bothEOL('completion offers what the version accepts', (eol) => {
    const labels = (text: string, v: BindVersion) => {
      const c = cursor(withEOL(text, eol));
      return service.doComplete(doc('named', c.text), c.pos, as(v)).items;
    };
    const top20 = labels('|\n', '9.20').map((i) => i.label);
    const top18 = labels('|\n', '9.18').map((i) => i.label);
    assert.ok(top20.includes('remote-servers') && !top18.includes('remote-servers'));
    assert.ok(
      top18.includes('tls') &&
        !labels('|\n', '9.16')
          .map((i) => i.label)
          .includes('tls'),
    );
    const opt18 = labels('options {\n\t|\n};\n', '9.18');
    const opt20 = labels('options {\n\t|\n};\n', '9.20').map((i) => i.label);
    assert.deepEqual(opt18.find((i) => i.label === 'glue-cache')?.tags, [1], 'deprecated: struck through');
    assert.ok(!opt20.includes('glue-cache') && !opt20.includes('dnssec-enable'));
    // the item's documentation is the version's
    const item = labels('options {\n\t|\n};\n', '9.18').find((i) => i.label === 'glue-cache')!;
    const resolved = service.resolveCompletion(item);
    assert.match(
      (resolved.documentation as { value: string }).value,
      /In BIND 9\.18, the version this file is checked as/,
    );
  }),
  ...bothEOL('the first-line directive: three comment forms; one we cannot use is a Warning with a fix', (eol) => {
    for (const first of [
      '// infra-lsp: bind 9.16',
      '# infra-lsp: bind 9.16',
      '/* infra-lsp: bind 9.16 */',
      '//infra-lsp: BIND 9.16.x',
    ])
      assert.equal(bindVersionOf(withEOL(`${first}\noptions { };\n`, eol), defaultSettings), '9.16', first);
    assert.equal(
      bindVersionOf('options { };\n// infra-lsp: bind 9.16\n', defaultSettings),
      '9.20',
      'the first line only',
    );
    const bad = withEOL('// infra-lsp: bind 9.14\noptions {\n\tglue-cache yes;\n};\n', eol);
    assert.deepEqual(codes(bad, '9.18'), [
      '1:20 warning named-version-directive',
      '3:2 warning named-deprecated-statement',
    ]);
    assert.equal(versionDirective(bad)?.text, '9.14');
    const d = doc('named', bad);
    const diag = validate('named', bad, as('9.18'))[0]!;
    assert.equal(
      fixesOnly(service.getCodeActions(d, diag.range, { diagnostics: [diag] }))[0]?.title,
      "Change to '9.18'",
    );
  }),
];
for (const [name, fn] of cases) test(name, fn);

test('CLI: --bind-version, and a file that names its own', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-bindver-'));
  const f = path.join(dir, 'named.conf');
  fs.writeFileSync(f, 'options {\n\tdirectory "/var/cache/bind";\n\tglue-cache yes;\n};\n');
  const r20 = run(['check', f]);
  assert.equal(r20.code, 1);
  assert.match(r20.out, /error: 'glue-cache' was removed in BIND 9\.20 \(this file is checked as BIND 9\.20\)/);
  const r18 = run(['check', '--bind-version', '9.18', f]);
  assert.equal(r18.code, 0);
  assert.match(r18.out, /warning: 'glue-cache' is deprecated since BIND 9\.18 \(this file is checked as BIND 9\.18\)/);
  assert.equal(run(['check', '--bind-version=9.16', f]).out, '');
  const bad = run(['check', '--bind-version', '9.14', f]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--bind-version takes 9\.16, 9\.18, 9\.20, not 9\.14/);
  fs.writeFileSync(f, '// infra-lsp: bind 9.18\noptions {\n\tglue-cache yes;\n};\n');
  assert.equal(run(['check', f]).code, 0);
});

test("a file included by another is checked as the version its tree's first file names", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-bindver-tree-'));
  fs.writeFileSync(path.join(dir, 'named.conf'), '// infra-lsp: bind 9.18\ninclude "named.conf.options";\n');
  fs.writeFileSync(path.join(dir, 'named.conf.options'), 'options {\n\tglue-cache yes;\n};\n');
  const r = run(['check', path.join(dir, 'named.conf')]);
  assert.equal(r.code, 0, r.out);
  assert.match(
    r.out,
    /named\.conf\.options:2:2: warning: 'glue-cache' is deprecated since BIND 9\.18 \(this file is checked as BIND 9\.18\)/,
  );
  // without the first line, the default (9.20) for both
  fs.writeFileSync(path.join(dir, 'named.conf'), 'include "named.conf.options";\n');
  assert.match(run(['check', path.join(dir, 'named.conf')]).out, /error: 'glue-cache' was removed in BIND 9\.20/);
});
