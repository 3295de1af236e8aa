/**
 * `.encoding` (issue 24): every name VMware's Unicode library resolves is accepted, resolved the
 * way it resolves names, and a file is decoded with the charset it declares where Node can.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARSETS } from '../../../server/src/vmx/data/charsets';
import { charsetName, charsetOf, decodeDeclared } from '../../../server/src/vmx/charsets';
import { bothEOL, brief, validate, withEOL } from '../../helpers';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};

test('the table holds what open-vm-tools lib/unicode/unicodeSimpleTypes.c says of the charsets hosts write', () => {
  // [name as written, the entry's first name, Windows code page, status]
  const facts: Array<[string, string, number | undefined, string]> = [
    ['UTF-8', 'UTF-8', 65001, 'supported'],
    ['windows-949-2000', 'windows-949-2000', 949, 'supported'],
    ['Shift_JIS', 'Shift_JIS', 932, 'supported'],
    ['GBK', 'GBK', 936, 'supported'],
    ['Big5', 'Big5', 950, 'supported'],
    ['windows-1252', 'windows-1252', 1252, 'supported'],
    ['ISO-8859-1', 'ISO_8859-1:1987', 28591, 'supported'],
    ['EUC-JP', 'Extended_UNIX_Code_Packed_Format_for_Japanese', 20932, 'full-icu'],
    ['GB2312', 'GB2312', undefined, 'full-icu'],
    ['KOI8-R', 'KOI8-R', 20866, 'full-icu'],
    ['VISCII', 'VISCII', undefined, 'unsupported'],
  ];
  for (const [name, first, codePage, status] of facts) {
    const c = charsetOf(name);
    assert.ok(c, name);
    assert.equal(c.names[0], first, name);
    assert.equal(c.codePage, codePage, name);
    assert.equal(c.status, status, name);
  }
  assert.equal(charsetName(charsetOf('ISO-8859-1')!), 'ISO-8859-1', 'the preferred MIME name');
  // every name of every entry resolves to an entry that carries that name
  for (const c of CHARSETS) for (const n of c.names) assert.ok(charsetOf(n)?.names.includes(n), n);
});

test('names resolve as VMware resolves them: as written, then by letters and digits alone, windows-NNN by code page', () => {
  assert.equal(charsetOf('shiftjis')?.names[0], 'Shift_JIS');
  assert.equal(charsetOf('utf8')?.names[0], 'UTF-8');
  assert.equal(charsetOf('WINDOWS-1251')?.codePage, 1251);
  assert.equal(charsetOf('windows-949')?.names[0], 'windows-949-2000');
  assert.equal(charsetOf('windows-874')?.codePage, 874);
  assert.equal(charsetOf('klingon'), undefined);
  assert.equal(charsetOf(''), undefined);
});

test('every decoder label is one that Node decodes with', () => {
  for (const c of CHARSETS) if (c.decoder) assert.doesNotThrow(() => new TextDecoder(c.decoder), c.names[0]);
  assert.equal(charsetOf('windows-949-2000')?.decoder, 'euc-kr');
  assert.equal(charsetOf('Shift_JIS')?.decoder, 'shift_jis');
});

test('a file is decoded with the charset its .encoding line declares', () => {
  const head = (enc: string) => Buffer.from(`.encoding = "${enc}"\r\ndisplayName = "`, 'latin1');
  const tail = Buffer.from('"\r\n', 'latin1');
  // 한국 in code page 949, 日本 in Shift_JIS
  const korean = Buffer.concat([head('windows-949-2000'), Buffer.from([0xc7, 0xd1, 0xb1, 0xb9]), tail]);
  assert.match(decodeDeclared(korean), /displayName = "한국"/);
  const japanese = Buffer.concat([head('Shift_JIS'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), tail]);
  assert.match(decodeDeclared(japanese), /displayName = "日本"/);
  const utf8 = Buffer.from('.encoding = "UTF-8"\ndisplayName = "한국"\n', 'utf8');
  assert.match(decodeDeclared(utf8), /displayName = "한국"/);
  // no declaration, or one Node cannot decode: UTF-8
  assert.equal(decodeDeclared(Buffer.from('memsize = "4096"\n')), 'memsize = "4096"\n');
  assert.match(decodeDeclared(Buffer.from('.encoding = "VISCII"\nx = "é"\n', 'utf8')), /x = "é"/);
});

run('.encoding: names VMware converts pass; a name it knows but cannot convert, and an unknown one, warn', (eol) => {
  for (const enc of [
    'windows-949-2000',
    'UTF-8',
    'utf8',
    'Shift_JIS',
    'GBK',
    'Big5',
    'windows-1258',
    'ISO-8859-15',
    'EUC-KR',
    'GB18030',
  ])
    assert.deepEqual(validate('vmx', withEOL(`.encoding = "${enc}"\n`, eol)).map(brief), [], enc);
  const unsupported = validate('vmx', withEOL('.encoding = "VISCII"\n', eol));
  assert.deepEqual(unsupported.map(brief), ['1:14 warning vmx-unknown-value']);
  assert.match(unsupported[0]!.message, /knows the charset "VISCII" \(VISCII\) but has no converter/);
  const unknown = validate('vmx', withEOL('.encoding = "klingon-8"\n', eol));
  assert.deepEqual(unknown.map(brief), ['1:14 warning vmx-unknown-value']);
  assert.match(unknown[0]!.message, /VMware knows no charset by that name/);
});
