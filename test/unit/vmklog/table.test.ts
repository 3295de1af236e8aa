import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ESX35_STATUS,
  LATER_STATUS,
  VMK_STATUS,
  RELEASE_NOTES,
  GENERIC_LINUX_ERROR_BASE,
} from '../../../server/src/vmklog/data/vmkStatus';
import { ESXI5_RENUMBERED } from '../../../server/src/vmklog/data/vmkStatusEsxi5';
import { LINUX_ERRNO } from '../../../server/src/vmklog/data/linuxErrno';

const shared = path.resolve(process.cwd(), '..', 'shared');
const referencePath = path.join(shared, 'reference', '000_36f1b5eedbdda97b.txt');
const laterPath = path.join(shared, 'corpus', 'vmk-codes', 'vmk_return_status__beyond_0xbad00f0.tsv');
const inCI = process.env.CI === 'true';

function readOrSkip(p: string, t: { skip(msg: string): void }): string | undefined {
  if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
  if (inCI) throw new Error(`${p} is missing (CI needs shared/ beside the clone)`);
  console.log(`skip: ${p} not found`);
  t.skip(`${p} not found`);
  return undefined;
}

interface RefRow {
  name: string;
  decimal: number;
  hex: string;
  errno: string;
  description: string;
  raw: string;
}

/** Parse the ESX 3.5 table out of the reference document (independently of the data file). */
function parseReference(text: string): RefRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith('VMK_ReturnStatus table for VMware ESX Server'));
  assert.ok(header >= 0, 'table header not found in the reference');
  const rows: RefRow[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('Name ') || /^[\u2014\u2013-]+$/.test(l.trim())) continue;
    if (!l.startsWith('VMK_')) break;
    // Two rows run name and decimal together (`VMK_DEPRECATED_NO_FREE_PTR_BLOCKS195887129`).
    const m = /^(VMK_[A-Z0-9_]*[A-Z_])\s*(\d+) (0x[0-9a-f]+|0) (\S+) (.+)$/.exec(l);
    assert.ok(m, `reference row not understood: ${l}`);
    rows.push({ name: m[1]!, decimal: Number(m[2]), hex: m[3]!, errno: m[4]!, description: m[5]!, raw: l });
  }
  return rows;
}

test('ESX 3.5 table matches the reference document row by row', (t) => {
  const text = readOrSkip(referencePath, t);
  if (text === undefined) return;
  const ref = parseReference(text);
  assert.equal(ref.length, 242, 'the reference has 242 rows (VMK_OK .. VMK_GENERIC_LINUX_ERROR)');
  assert.equal(ESX35_STATUS.length, ref.length);
  let curly = 0;
  let runTogether = 0;
  ref.forEach((r, i) => {
    const s = ESX35_STATUS[i]!;
    const where = `row ${i + 1} (${r.name})`;
    assert.equal(s.name, r.name, where);
    assert.equal(s.decimal, r.decimal, where);
    assert.equal(s.hex, r.hex, where);
    assert.equal(s.errno, r.errno, where);
    // Documented normalisation: U+2019 in the blog's typesetting is stored as an ASCII apostrophe.
    if (r.description.includes('\u2019')) curly++;
    assert.equal(s.description, r.description.replace(/\u2019/g, "'"), where);
    assert.equal(s.since, 'ESX 3.5', where);
    if (!r.raw.startsWith(`${r.name} `)) runTogether++;
  });
  assert.equal(curly, 7, 'seven descriptions carry U+2019 in the reference');
  assert.equal(runTogether, 2, 'two rows run name and decimal together in the reference');
});

test('later codes match the corpus 0xbad00f1..0xbad0164, with first release', (t) => {
  const text = readOrSkip(laterPath, t);
  if (text === undefined) return;
  const rows = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split('\t'));
  const wanted = rows.filter((r) => r[2] !== 'VMK_LAST_ERR');
  assert.equal(LATER_STATUS.length, wanted.length);
  const rel: Record<string, string> = {
    'esxi-5.0u2': 'ESXi 5.0 U2',
    'esxi-6.0..6.7U3': 'ESXi 6.0',
    'seagate-opensea-transport(2024)': '2024 (opensea-transport)',
  };
  wanted.forEach(([hex, dec, name, desc, errno, first], i) => {
    const s = LATER_STATUS[i]!;
    assert.deepEqual(
      [s.hex, s.decimal, s.name, s.description, s.errno, s.since],
      [hex, Number(dec), name, desc, errno, rel[first!]],
      `row ${hex}`,
    );
  });
  assert.equal(LATER_STATUS[0]!.hex, '0xbad00f1');
  assert.equal(LATER_STATUS[LATER_STATUS.length - 1]!.hex, '0xbad0164');
});

test('table integrity: no duplicate names or codes, hex and decimal agree, every entry documented', () => {
  const names = new Set<string>();
  const codes = new Set<number>();
  for (const s of VMK_STATUS) {
    assert.ok(!names.has(s.name), `duplicate name ${s.name}`);
    assert.ok(!codes.has(s.decimal), `duplicate code ${s.hex}`);
    names.add(s.name);
    codes.add(s.decimal);
    assert.equal(parseInt(s.hex, 16), s.decimal, `${s.name}: hex and decimal disagree`);
    assert.match(s.name, /^VMK_[A-Z0-9_]+$/);
    assert.ok(s.description.trim().length > 0, `${s.name} has no description`);
    assert.ok(RELEASE_NOTES[s.since], `${s.name}: release ${s.since} has no note`);
    assert.ok(
      s.errno === 'OK' || LINUX_ERRNO.some((e) => e.name === s.errno),
      `${s.name}: errno ${s.errno} not in linuxErrno.ts`,
    );
  }
  // contiguous from 0xbad0001 to 0xbad0164
  for (let v = 0xbad0001; v <= 0xbad0164; v++) assert.ok(codes.has(v), `0x${v.toString(16)} missing`);
  assert.ok(codes.has(0) && codes.has(GENERIC_LINUX_ERROR_BASE));
});

test('ESXi 5 renumbering table: consistent and only rows that differ', () => {
  const byValue = new Map(ESX35_STATUS.map((s) => [s.decimal, s]));
  const seen = new Set<number>();
  for (const s of ESXI5_RENUMBERED) {
    assert.equal(parseInt(s.hex, 16), s.decimal, s.name);
    assert.ok(!seen.has(s.decimal), `duplicate ${s.hex}`);
    seen.add(s.decimal);
    assert.ok(s.description.length > 0 && s.description === s.description.trim(), s.name);
    assert.notEqual(byValue.get(s.decimal)?.name, s.name, `${s.hex} does not differ from ESX 3.5`);
    assert.ok(s.decimal <= 0xbad00f0, `${s.hex} is beyond the ESX 3.5 range`);
  }
});

test('Linux errno table: numbers unique and increasing, every entry documented', () => {
  let last = 0;
  const names = new Set<string>();
  for (const e of LINUX_ERRNO) {
    assert.ok(e.n > last, `${e.name} out of order`);
    last = e.n;
    assert.ok(!names.has(e.name), `duplicate ${e.name}`);
    names.add(e.name);
    assert.match(e.name, /^E[A-Z0-9]+$/);
    assert.ok(e.meaning.length > 3, `${e.name} undocumented`);
  }
  assert.equal(LINUX_ERRNO.find((e) => e.n === 2)?.name, 'ENOENT');
  assert.equal(LINUX_ERRNO.find((e) => e.n === 110)?.name, 'ETIMEDOUT');
});
