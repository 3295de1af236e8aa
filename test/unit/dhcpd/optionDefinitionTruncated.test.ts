/**
 * Regression: a user-defined option whose type ends early (`= encapsulate`, `= integer`,
 * `= array of integer` with nothing after it) made the type checker read a word past the end
 * of the statement and throw (found by the fuzzer, seed 8, keama optionvendor6 mutation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, bothEOL, withEOL, brief } from '../../helpers';

const cases: Array<[string, string, RegExp]> = [
  // the fuzzer's input, reduced to what matters: the file ends right after `encapsulate`
  [
    'encapsulate with no space name at end of file',
    '# vendor option space\noption space foobar;\n\noption vsio.foobar code 12345 = encapsulate ',
    /option space after 'encapsulate'/,
  ],
  [
    "encapsulate with no space name before ';'",
    'option space foobar;\noption vsio.foobar code 12345 = encapsulate;\n',
    /option space after 'encapsulate'/,
  ],
  ['integer with no width at end of file', 'option foo code 200 = integer', /width: 8, 16 or 32/],
  ['array of integer with no width at end of file', 'option foo code 200 = array of integer', /width: 8, 16 or 32/],
  ['unsigned integer with no width at end of file', 'option foo code 200 = unsigned integer', /width: 8, 16 or 32/],
  [
    'array of encapsulate with no space at end of file',
    'option foo code 200 = array of encapsulate',
    /option space after 'encapsulate'/,
  ],
];

for (const [what, text, message] of cases) {
  for (const [name, fn] of bothEOL(`option definition cut short: ${what} gives an error, not an exception`, (eol) => {
    const ds = validate('dhcpd', withEOL(text, eol));
    const bad = ds.filter((d) => d.code === 'dhcpd-invalid-value');
    assert.equal(bad.length, 1, ds.map(brief).join('\n'));
    assert.match(bad[0]!.message, message);
    const lines = withEOL(text, eol).split(eol);
    const r = bad[0]!.range;
    // the error sits on the last word of the definition, inside the document
    assert.equal(r.start.line, r.end.line);
    assert.ok(r.end.character <= lines[r.end.line]!.length);
    assert.ok(r.end.character > r.start.character);
  }))
    test(name, fn);
}
