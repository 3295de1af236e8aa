import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, withEOL } from '../../helpers';
import { decodeValue, encodeValue, parseVmx } from '../../../server/src/vmx/parser';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};

run('parses key = "value" lines, comments and blank lines', (eol) => {
  const t = parseVmx(withEOL('#!/usr/bin/vmware\n.encoding = "UTF-8"\n\nmemsize = "4096"   # 4 GB\n  displayName="web 01"\n', eol));
  assert.deepEqual(t.problems, []);
  assert.deepEqual(t.entries.map((e) => [e.line, e.key, e.value]), [
    [1, '.encoding', 'UTF-8'],
    [3, 'memsize', '4096'],
    [4, 'displayName', 'web 01'],
  ]);
  assert.deepEqual(t.commentLines, [0]);
  const text = withEOL('memsize = "4096"\n', eol);
  const e = parseVmx(text).entries[0]!;
  assert.equal(text.slice(e.keyStart, e.keyEnd), 'memsize');
  assert.equal(text.slice(e.valueStart, e.valueEnd), '4096');
  assert.equal(text.slice(e.tokenStart, e.tokenEnd), '"4096"');
});

run('keys are case-insensitive and the last value wins', (eol) => {
  const t = parseVmx(withEOL('MemSize = "1024"\nmemsize = "2048"\n', eol));
  assert.equal(t.byKey.get('memsize')!.length, 2);
  assert.equal(t.byKey.get('memsize')!.at(-1)!.value, '2048');
});

run('curly quotes, unterminated values, bare values and junk lines are problems, one per line', (eol) => {
  const t = parseVmx(withEOL('serial0.present = “true”\nserial0.fileType = "pipe\nserial0.fileName = bare\nthis is not a setting\nkey only\n= "x"\nmemsize = "4" junk\nnovalue =\n', eol));
  assert.deepEqual(t.problems.map((p) => [p.line, p.kind]), [
    [0, 'curly-quotes'],
    [1, 'unterminated'],
    [2, 'unquoted'],
    [3, 'missing-equals'],
    [4, 'missing-equals'],
    [5, 'missing-equals'],
    [6, 'trailing-text'],
    [7, 'missing-value'],
  ]);
  assert.equal(t.entries.find((e) => e.key === 'serial0.present')!.raw, 'true');
  assert.equal(t.entries.find((e) => e.key === 'serial0.fileType')!.value, 'pipe');
});

run('a bad character in a key is reported once', (eol) => {
  const t = parseVmx(withEOL('serial0/fileType = "pipe"\n', eol));
  assert.deepEqual(t.problems.map((p) => [p.kind, p.detail]), [['bad-key', '/']]);
  assert.equal(t.entries[0]!.key, 'serial0/fileType');
});

test('|XX hex escapes decode; a lone | is flagged', () => {
  assert.deepEqual(decodeValue('a|22b|0Ac'), { value: 'a"b\nc', bad: [] });
  assert.deepEqual(decodeValue('a|b'), { value: 'a|b', bad: [1] });
  assert.deepEqual(decodeValue('end|'), { value: 'end|', bad: [3] });
  assert.equal(encodeValue('say "hi" | bye'), 'say |22hi|22 |7C bye');
  const t = parseVmx('annotation = "a|zz"');
  assert.deepEqual(t.problems.map((p) => p.kind), ['bad-escape']);
});

test('never throws and never hangs on odd input', () => {
  const inputs = ['', '\r', '\n\n\r\n', '=', '"', '“', 'a = "', 'a = “x', '\u0000 = "\u0000"', 'x'.repeat(200000) + ' = "y"', 'k = "' + '|'.repeat(100000) + '"', '#'.repeat(10000), 'a.b:c-d_e = ""  #'];
  for (const s of inputs) assert.ok(parseVmx(s));
});
