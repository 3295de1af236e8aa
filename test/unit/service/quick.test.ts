/**
 * Quick re-validation after a small edit (service/quick.ts) against a full pass on the same text.
 *
 * For random one-character edits of real and generated named.conf and dhcpd.conf files, every
 * finding of a rule the mode calls statement- or block-scoped must be exactly what the full pass
 * reports, everywhere in the file; whole-file findings are carried over from the last full pass
 * and never touch the edited text. Every case also runs with `\r\n` line endings.
 * QUICK_TEST_SCALE=N runs N times as many files and edits (a deeper check than `npm test` needs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/modes';
import {
  chooseRegion,
  editWindow,
  nextTokenEnd,
  projectExcept,
  touchesStructure,
} from '../../../server/src/service/quick';
import { generateDhcpdConf, generateNamedConf, prng } from '../../bench/generate';

const service = createLanguageService({ onError: (where, err) => assert.fail(`${where}: ${String(err)}`) });
const corpus = path.resolve(process.cwd(), '..', 'shared', 'corpus');

const key = (d: Diagnostic) =>
  `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

function scopedRules(languageId: string): Set<string> {
  const mode = service.modeFor(languageId)!;
  // the iSCSI-name check runs in every language, one name at a time
  return new Set([
    ...mode.rules.filter((r) => r.scope !== 'file').map((r) => r.id),
    ...service
      .rules()
      .filter((r) => r.id.startsWith('iscsi-'))
      .map((r) => r.id),
  ]);
}

const SCALE = Math.max(1, Number(process.env.QUICK_TEST_SCALE ?? 1) || 1);
const EDIT_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-._: \n;';

/** One random edit that keeps braces and quotes where they are (others are refused anyway); `;` comes and goes. */
function randomEdit(text: string, rnd: () => number, chars = EDIT_CHARS): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const ch = chars[Math.floor(rnd() * chars.length)]!;
  const op = rnd();
  if (op < 0.5 || at >= text.length) return text.slice(0, at) + ch + text.slice(at);
  if (op < 0.75) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + ch + text.slice(at + 1);
}

/** The text of [start, end), widened to whole words (as far as a neighbouring edit would join them). */
function wordsAt(text: string, start: number, end: number): string {
  const joins = (c: string | undefined) => c !== undefined && c > ' ' && !'{};,()="'.includes(c);
  while (start > 0 && joins(text[start - 1]) && joins(text[start])) start--;
  while (end < text.length && joins(text[end]) && joins(text[end - 1])) end++;
  return text.slice(start, end);
}

interface Tally {
  quick: number;
  refused: number;
}

function check(
  name: string,
  languageId: string,
  text: string,
  edits: number,
  seed: number,
  tally: Tally,
  chars = EDIT_CHARS,
): void {
  const scoped = scopedRules(languageId);
  const uri = `file:///quick/${name}`;
  const d0 = TextDocument.create(uri, languageId, 1, text);
  const { base } = service.validateWithBase(d0);
  assert.ok(base, `${name}: a full validation leaves a base`);
  const rnd = prng(seed);
  for (let k = 0; k < edits; k++) {
    const edited = randomEdit(text, rnd, chars);
    const d1 = TextDocument.create(uri, languageId, 2 + k, edited);
    const quick = service.quickValidation(d1, base);
    if (!quick) {
      tally.refused++;
      continue;
    }
    tally.quick++;
    const full = service.doValidation(d1);
    const w = editWindow(text, edited);
    const where = `${name}, edit ${k} at offset ${w.start} (${JSON.stringify(text.slice(w.start, w.oldEnd))} → ${JSON.stringify(edited.slice(w.start, w.newEnd))})`;
    const mine = quick
      .filter((d) => scoped.has(String(d.code)))
      .map(key)
      .sort();
    const theirs = full
      .filter((d) => scoped.has(String(d.code)))
      .map(key)
      .sort();
    assert.deepEqual(mine, theirs, `${where}: statement findings differ from a full pass`);
    // whole-file findings are old ones, moved: each covers the same words as before the edit
    const oldWords = new Map<string, string[]>();
    for (const d of base.diagnostics) {
      const k = `${String(d.code)} ${d.message}`;
      oldWords.set(k, [
        ...(oldWords.get(k) ?? []),
        wordsAt(text, d0.offsetAt(d.range.start), d0.offsetAt(d.range.end)),
      ]);
    }
    for (const d of quick) {
      if (scoped.has(String(d.code))) continue;
      const now = wordsAt(edited, d1.offsetAt(d.range.start), d1.offsetAt(d.range.end));
      assert.ok(
        oldWords.get(`${String(d.code)} ${d.message}`)?.includes(now),
        `${where}: carried-over ${key(d)} is not an old finding on the same words (${JSON.stringify(now)})`,
      );
    }
  }
}

function files(dir: string, filter: (f: string) => boolean, count: number, seed: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const all = fs.readdirSync(dir).filter(filter).sort();
  const rnd = prng(seed);
  const out: string[] = [];
  while (out.length < Math.min(count, all.length)) {
    const f = all[Math.floor(rnd() * all.length)]!;
    if (!out.includes(f)) out.push(f);
  }
  return out.map((f) => path.join(dir, f));
}

for (const eol of ['\n', '\r\n']) {
  const label = eol === '\n' ? 'LF' : 'CRLF';

  test(`quick validation agrees with a full pass on edited named.conf files (${label})`, () => {
    const tally: Tally = { quick: 0, refused: 0 };
    const inputs: Array<[string, string]> = [
      ['gen-views.conf', generateNamedConf({ zones: 60, views: 2, acls: 4, keys: 3 })],
      ['gen-flat.conf', generateNamedConf({ zones: 60, views: 0, acls: 4, keys: 3 })],
    ];
    for (const dir of ['bind-good', 'bind-bad']) {
      for (const f of files(path.join(corpus, dir), (n) => n.endsWith('.conf'), 12 * SCALE, dir.length))
        inputs.push([`${dir}/${path.basename(f)}`, fs.readFileSync(f, 'utf8')]);
    }
    if (inputs.length < 10 && process.env.CI === 'true') assert.fail(`corpus folder ${corpus} is missing`);
    inputs.forEach(([name, text], i) =>
      check(name, 'named', text.replace(/\r?\n/g, eol), (name.startsWith('gen') ? 60 : 12) * SCALE, 1000 + i, tally),
    );
    console.log(`named (${label}): ${tally.quick} edits re-checked quickly, ${tally.refused} left to the full pass`);
    assert.ok(
      tally.quick * 2 > tally.refused,
      `too few edits re-checked quickly: ${tally.quick} of ${tally.quick + tally.refused}`,
    );
  });

  test(`quick validation agrees with a full pass on edited dhcpd.conf files (${label})`, () => {
    const tally: Tally = { quick: 0, refused: 0 };
    const inputs: Array<[string, string]> = [['gen.conf', generateDhcpdConf({ hosts: 120, subnets: 3 })]];
    for (const f of files(path.join(corpus, 'dhcpd'), (n) => !n.endsWith('.tsv'), 24 * SCALE, 7))
      inputs.push([`dhcpd/${path.basename(f)}`, fs.readFileSync(f, 'utf8')]);
    if (inputs.length < 10 && process.env.CI === 'true') assert.fail(`corpus folder ${corpus} is missing`);
    inputs.forEach(([name, text], i) =>
      check(name, 'dhcpd', text.replace(/\r?\n/g, eol), (name.startsWith('gen') ? 80 : 12) * SCALE, 2000 + i, tally),
    );
    console.log(`dhcpd (${label}): ${tally.quick} edits re-checked quickly, ${tally.refused} left to the full pass`);
    assert.ok(
      tally.quick * 2 > tally.refused,
      `too few edits re-checked quickly: ${tally.quick} of ${tally.quick + tally.refused}`,
    );
  });
}

test('quick validation of logs re-checks the edited lines: agrees with a full pass', () => {
  const tally: Tally = { quick: 0, refused: 0 };
  const names = [
    'iqn.1998-01.com.vmware:esx01-4f2a',
    'iqn.1998-01.com.vmware:ESX02',
    'iqn.2001-04.com.example:storage.disk1',
    'naa.600508b1001c3a4f',
    'eui.0123456789abcdef',
    'iqn.98-01.com.bad',
  ];
  for (const eol of ['\n', '\r\n']) {
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      lines.push(
        `2026-11-26T10:${String(i % 60).padStart(2, '0')}:00.000Z cpu${i % 8}:2097)iscsi_vmk: session to ${names[i % names.length]} {state=${i % 3}} "login" # ${i}`,
      );
    }
    const text = lines.join(eol) + eol;
    for (const lang of ['vmkernel-log', 'log'])
      check(`vmkernel-${lang}.log`, lang, text, 60 * SCALE, eol.length * 7 + lang.length, tally, 'iqn.:-Ab1 "{#;\n');
  }
  assert.ok(
    tally.quick > tally.refused * 10,
    `log edits re-checked quickly: ${tally.quick} of ${tally.quick + tally.refused}`,
  );
});

test('quick validation: the edit window, structure guard, region choice and the fragment', () => {
  assert.deepEqual(editWindow('zone "a" {};', 'zone "ab" {};'), { start: 7, oldEnd: 7, newEnd: 8 });
  assert.deepEqual(editWindow('aaa', 'aa'), { start: 2, oldEnd: 3, newEnd: 2 });
  assert.deepEqual(editWindow('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
  // long texts go by chunks first: edits near chunk borders, and repeats around the edit
  const long = 'abcdefgh'.repeat(1000);
  for (const at of [0, 1, 1023, 1024, 1025, 4000, 7999, 8000]) {
    assert.deepEqual(
      editWindow(long, long.slice(0, at) + 'X' + long.slice(at)),
      { start: at, oldEnd: at, newEnd: at + 1 },
      `insert at ${at}`,
    );
    if (at < long.length)
      assert.deepEqual(
        editWindow(long, long.slice(0, at) + long.slice(at + 1)).oldEnd -
          editWindow(long, long.slice(0, at) + long.slice(at + 1)).newEnd,
        1,
        `delete at ${at}`,
      );
  }
  assert.deepEqual(editWindow('a'.repeat(3000), 'a'.repeat(3001)), { start: 3000, oldEnd: 3000, newEnd: 3001 });
  // braces, quotes, `;`, `#` and comment markers move statement boundaries
  for (const [text, from, to] of [
    ['a{b', 1, 2],
    ['a"b', 1, 2],
    ['a#b', 1, 2],
    ['a/*b', 1, 2],
    ['a/b', 2, 2],
  ] as const) {
    assert.equal(touchesStructure(text === 'a/b' ? 'a//b' : text, from, to), true, text);
  }
  assert.equal(touchesStructure('10.0.0.0/8', 8, 9), false, 'a slash in a prefix is not a comment');
  assert.equal(touchesStructure('type primary;', 5, 6), false);
  // the outermost short statement; a long one is entered only through its body
  const path = [
    { start: 0, end: 100_000, body: { start: 10, end: 99_990 } },
    { start: 50, end: 80 },
  ];
  assert.deepEqual(chooseRegion(path, 1000), { stmt: path[1], ancestors: [path[0]] });
  assert.equal(chooseRegion([{ start: 0, end: 100_000 }], 1000), undefined);
  // the fragment keeps only the kept text, and answers in the real document's positions
  const text = 'view "v" {\r\n  zone "a" { type primary; };\n  zone "b" {};\r\n};\n';
  const a = TextDocument.create('u', 'named', 1, text);
  const zb = text.indexOf('zone "b"');
  const close = text.lastIndexOf('}');
  const part = projectExcept(a, [
    [0, 10],
    [zb, zb + 12],
    [close, text.length],
  ]);
  assert.equal(part.getText(), 'view "v" {\nzone "b" {};\n};\n');
  assert.equal(part.lineCount, a.lineCount);
  for (const needle of ['zone "b"', '{};', '};\n']) {
    const o = part.getText().lastIndexOf(needle);
    assert.deepEqual(part.positionAt(o), a.positionAt(text.lastIndexOf(needle)), needle);
    assert.equal(part.offsetAt(a.positionAt(text.lastIndexOf(needle))), o, needle);
  }
  assert.ok(!part.getText().includes('zone "a"'));
  // the token after a statement, past spaces and comments of every style
  const after = 'a;  # c\n  // d\n /* e */ next-word; more';
  assert.equal(after.slice(2, nextTokenEnd(after, 2)).trim().split(/\s+/).pop(), 'next-word');
  assert.equal(nextTokenEnd('x; "q s" y', 2), 8);
  assert.equal(nextTokenEnd('x;   ', 2), 5);
});
