/**
 * The brace formatter (server/src/common/format/): what must hold whatever the input.
 *  - Over the whole corpus (named.conf of BIND 9.16/9.18/9.20's suites, dhcpd configs), with three
 *    indentation settings and LF and CRLF: no character but whitespace changes, our tokens
 *    (comments included) are the same, formatting twice gives the result of formatting once, and
 *    the file keeps its line endings.
 *  - The same on random inputs made of the languages' characters (braces, quotes, comments, CR).
 *  - The whitespace it must not touch: no-break spaces and NULs, the space after a word ending
 *    in `\`, the lines a comment ending at a lone CR swallows, blocks nested too deep.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatBraces, formatBracesOnType, type OffsetEdit } from '../../../server/src/common/format/braces';
import { tokenize } from '../../../server/src/common/tokenizer';
import { NAMED_FORMAT_SYNTAX } from '../../../server/src/named/format';
import { rawBlocks } from '../../../server/src/named/parser';
import { DHCPD_FORMAT_SYNTAX } from '../../../server/src/dhcpd/format';
import { parseNamed } from '../../../server/src/named/parser';
import { parseText as parseDhcpd } from '../../../server/src/dhcpd/parser';
import type { BraceSyntax } from '../../../server/src/common/format/layout';

const corpus = path.resolve(process.cwd(), '..', 'shared', 'corpus');
const OPTION_SETS = [
  { tabSize: 4, insertSpaces: true },
  { tabSize: 8, insertSpaces: false },
  { tabSize: 2, insertSpaces: true },
];

/** The edited text; every edit must replace whitespace with whitespace (`merged`: only that the result does). */
function apply(text: string, edits: readonly OffsetEdit[], merged = false): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    assert.ok(e.start >= at && e.end >= e.start && e.end <= text.length, `edit ${e.start}-${e.end} out of order`);
    if (!merged) {
      assert.match(text.slice(e.start, e.end), /^[ \t\r\n]*$/, 'an edit replaces whitespace only');
      assert.match(e.text, /^[ \t\r\n]*$/, 'an edit inserts whitespace only');
    } else assert.equal(e.text.replace(/\s+/g, ''), text.slice(e.start, e.end).replace(/\s+/g, ''));
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

type Lang = 'named' | 'dhcpd';
const SYNTAX: Record<Lang, BraceSyntax> = { named: NAMED_FORMAT_SYNTAX, dhcpd: DHCPD_FORMAT_SYNTAX };

/** The formatted text, through the same source the modes build (errors from their parsers). */
function format(lang: Lang, text: string, options = OPTION_SETS[0]!): string {
  const errors = lang === 'named' ? parseNamed(text).structure : parseDhcpd(text).blocks.errors;
  const raw = lang === 'named' ? rawBlocks(text) : [];
  let scan = text;
  for (const r of raw) scan = scan.slice(0, r.start + 1) + ' '.repeat(r.end - r.start - 2) + scan.slice(r.end - 1);
  return apply(text, formatBraces({ text, scan, errors, raw }, SYNTAX[lang], options));
}

const tokens = (lang: Lang, s: string) =>
  tokenize(s, { ...SYNTAX[lang].tokens, keepComments: true })
    .map((t) => t.text)
    .join('\u0000');
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Every invariant on one text; returns what broke. */
function invariants(lang: Lang, text: string, options = OPTION_SETS[0]!): string[] {
  const out: string[] = [];
  const once = format(lang, text, options);
  if (once.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) out.push('a non-whitespace character changed');
  if (tokens(lang, once) !== tokens(lang, text)) out.push('the tokens changed');
  if (format(lang, once, options) !== once) out.push('formatting twice differs from once');
  return out;
}

function corpusFiles(): Array<[Lang, string]> {
  const out: Array<[Lang, string]> = [];
  const walk = (dir: string, lang: Lang) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p, lang);
      else if (lang === 'dhcpd' || f.endsWith('.conf')) out.push([lang, p]);
    }
  };
  for (const d of ['bind-good', 'bind-bad', 'bind-9.16', 'bind-9.20']) walk(path.join(corpus, d), 'named');
  walk(path.join(corpus, 'dhcpd'), 'dhcpd');
  return out;
}

test('corpus: whitespace only, same tokens, idempotent, line endings kept (3 settings, LF and CRLF)', (t) => {
  const files = corpusFiles();
  if (!files.length) {
    if (process.env.CI === 'true') assert.fail(`corpus missing at ${corpus}`);
    t.skip('corpus missing');
    return;
  }
  const problems: string[] = [];
  let changed = 0;
  for (const [lang, file] of files) {
    const text = fs.readFileSync(file, 'latin1');
    for (const options of OPTION_SETS) {
      for (const p of invariants(lang, text, options)) problems.push(`${file} ${JSON.stringify(options)}: ${p}`);
      const lf = format(lang, text, options);
      if (lf !== text) changed++;
      const cr = format(lang, crlf(text), options);
      for (const p of invariants(lang, crlf(text), options)) problems.push(`${file} CRLF: ${p}`);
      if (/(^|[^\r])\n/.test(cr)) problems.push(`${file} CRLF: a bare LF in the result`);
      if (cr !== crlf(lf)) problems.push(`${file}: CRLF formats otherwise than LF`);
    }
  }
  console.log(
    `# ${files.length} corpus files × ${OPTION_SETS.length} settings: ${changed} results differ from the file`,
  );
  assert.deepEqual(problems, []);
});

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('random inputs: whitespace only, same tokens, idempotent', () => {
  const atoms = [
    '{',
    '}',
    ';',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '\r',
    '"',
    '"a b"',
    '#c',
    '//c',
    '/*',
    '*/',
    '/* x */',
    'zone',
    'opt',
    '10.0.0.1',
    '\\',
    'else',
    ',',
    '(',
    ')',
    '=',
    '\u00a0',
    '\u0000',
    '“',
    '”',
    '}\n;',
  ];
  const rnd = prng(22);
  const problems: string[] = [];
  for (let i = 0; i < 400; i++) {
    let text = '';
    const n = 5 + Math.floor(rnd() * 60);
    for (let k = 0; k < n; k++) text += atoms[Math.floor(rnd() * atoms.length)]!;
    for (const lang of ['named', 'dhcpd'] as const)
      for (const p of invariants(lang, text, OPTION_SETS[i % 3]))
        problems.push(`${lang} ${JSON.stringify(text)}: ${p}`);
  }
  assert.deepEqual(problems.slice(0, 10), []);
});

const NAMED = (text: string, options = OPTION_SETS[0]!) => format('named', text, options);

test('whitespace that is not plain spaces, tabs and line breaks is kept', () => {
  assert.equal(NAMED('options {\n\u00a0 directory "/x";\n};\n'), 'options {\n\u00a0 directory "/x";\n};\n');
  assert.equal(NAMED('a\u0000  b;\n'), 'a\u0000  b;\n');
});

test('the space after a word ending in a backslash is kept', () => {
  assert.equal(NAMED('options {\n  a\\   b;\n};\n'), 'options {\n    a\\   b;\n};\n');
  assert.equal(NAMED('a\\ ;\n'), 'a\\ ;\n');
});

test('a comment ending at a lone CR: the lines up to the next LF are kept', () => {
  const text = 'options {\n  # c\r  recursion   no;\n  notify   yes;\n};\n';
  assert.equal(NAMED(text), 'options {\n  # c\r  recursion   no;\n    notify yes;\n};\n');
});

test('blocks nested deeper than the parser reads are kept as they are', () => {
  const deep = `${'a {'.repeat(70)}\nb;\n${'};'.repeat(70)}\n`;
  assert.equal(NAMED(deep), deep);
});

test('a one-line block fits in 100 columns or is broken (the `;` after it counts)', () => {
  const fits = `acl x { ${'a'.repeat(88)}; };\n`;
  assert.equal(fits.length - 1, 100);
  assert.equal(NAMED(fits), fits);
  const over = `acl x { ${'a'.repeat(89)}; };\n`;
  assert.equal(NAMED(over), `acl x {\n    ${'a'.repeat(89)};\n};\n`);
});

test('thousands of edits come as one edit from the first change to the last', () => {
  const text = Array.from({ length: 6000 }, (_, i) => `zone "z${i}" {\n\ttype hint;\n};\n`).join('');
  const edits = formatBraces({ text, errors: [] }, NAMED_FORMAT_SYNTAX, OPTION_SETS[0]!);
  assert.equal(edits.length, 1);
  assert.equal(apply(text, edits, true), text.replace(/\t/g, '    '));
});

test('range formatting edits only the lines of the statements the range touches', () => {
  const text = 'a  1;\nb  {\n  c   2;\n};\nd  3;\n';
  const edits = formatBraces({ text, errors: [] }, NAMED_FORMAT_SYNTAX, OPTION_SETS[0]!, { from: 2, to: 2 });
  assert.equal(apply(text, edits), 'a  1;\nb  {\n    c 2;\n};\nd  3;\n');
});

test('any options and offsets: no throw, edits inside the text', () => {
  const text = 'options {\n directory "/x";\n};\n';
  for (const tabSize of [0, -3, NaN, 1.5, 1e9])
    for (const insertSpaces of [true, false]) {
      apply(text, formatBraces({ text, errors: [] }, NAMED_FORMAT_SYNTAX, { tabSize, insertSpaces }));
      for (const offset of [-5, 0, 12, text.length, text.length + 9])
        for (const ch of ['}', ';', '\n'])
          apply(
            text,
            formatBracesOnType({ text, errors: [] }, NAMED_FORMAT_SYNTAX, offset, ch, { tabSize, insertSpaces }),
          );
    }
  assert.deepEqual(formatBraces({ text: '', errors: [] }, NAMED_FORMAT_SYNTAX, OPTION_SETS[0]!), []);
  assert.deepEqual(formatBraces({ text: ' \n\n ', errors: [] }, NAMED_FORMAT_SYNTAX, OPTION_SETS[0]!), []);
});
