/**
 * Differential test against BIND 9.18's named-checkconf.
 *  1. The corpus: every bind-good file gets no Error from us; every bind-bad file gets at least
 *     one Error, on the line named-checkconf names (oracle-named-checkconf.tsv), or on one of the
 *     lines listed in named-fixtures/bad-lines.json where the oracle's first line is a warning.
 *  2. Deterministic mutations of the good files, judged live by /usr/bin/named-checkconf
 *     (skipped with one line when it is missing; a failure under CI=true).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { filesByName, validate, errorsOf } from '../helpers';
import { defaultSettings, type ServiceSettings } from '../../server/src/service/types';
import { findChecker } from '../bindCheckers';

const shared = path.resolve(process.cwd(), '..', 'shared');
const corpus = path.join(shared, 'corpus');
const fixtures = path.resolve(process.cwd(), 'test', 'oracle', 'named-fixtures');
/** The suite and the live tool here are BIND 9.18's: files are checked as 9.18. */
const AS_918 = { ...defaultSettings, bindVersion: '9.18' as const };

function check(file: string, text: string, settings: ServiceSettings = AS_918, files = filesByName(CORPUS_DIRS)) {
  return errorsOf(validate('named', text, { files, uri: `file://${file}`, settings }));
}

/** The suite's folders: its files include their neighbours by name. */
const CORPUS_DIRS = ['bind-bad', 'bind-good'].map((d) => path.join(corpus, d));

const haveCorpus = fs.existsSync(path.join(corpus, 'oracle-named-checkconf.tsv'));

test(
  'corpus: no Error on bind-good, an Error on the named line of every bind-bad file',
  { skip: !haveCorpus && 'corpus missing' },
  () => {
    const rows = fs
      .readFileSync(path.join(corpus, 'oracle-named-checkconf.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const alt = JSON.parse(fs.readFileSync(path.join(fixtures, 'bad-lines.json'), 'utf8')) as Record<
      string,
      { lines: number[]; reason: string }
    >;
    const problems: string[] = [];
    let agree = 0;
    for (const [file, kind, , , , , , msg] of rows as string[][]) {
      const full = path.join(corpus, file!);
      const text = fs.readFileSync(full, 'utf8');
      const errs = check(full, text);
      // the same verdict, on the same lines, with CRLF line endings
      const crlf = check(full, text.replace(/\r?\n/g, '\r\n')).map((d) => `${d.range.start.line}:${d.code}`);
      if (crlf.join() !== errs.map((d) => `${d.range.start.line}:${d.code}`).join())
        problems.push(`${file}: CRLF changes the verdict`);
      if (kind === 'bind-good') {
        if (errs.length)
          problems.push(`${file}: ${errs.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
        else agree++;
        continue;
      }
      const m = /^([^:]+):(\d+):/.exec(msg ?? '');
      const sameFile = m && m[1] === path.basename(file!);
      const want = new Set<number>(sameFile ? [Number(m[2])] : []);
      for (const l of alt[path.basename(file!)]?.lines ?? []) want.add(l);
      const lines = errs.map((d) => d.range.start.line + 1);
      if (!errs.length) problems.push(`${file}: no Error (named-checkconf: ${msg})`);
      else if (want.size && !lines.some((l) => want.has(l)))
        problems.push(`${file}: Errors on ${lines.join(',')}, named-checkconf names ${[...want].join(',')}`);
      else agree++;
    }
    console.log(`named corpus agreement: ${agree}/${rows.length} (${((100 * agree) / rows.length).toFixed(1)}%)`);
    assert.deepEqual(problems, []);
  },
);

// ---------------------------------------------------------------------------------------
// Mutations

interface Mutation {
  readonly name: string;
  readonly text: string;
}

/** Deterministic mutations of one file: syntax slips, wrong types, misplaced statements, broken references. */
export function mutate(text: string, index = 0): Mutation[] {
  const out: Mutation[] = [];
  const lines = text.split('\n');
  const firstLine = (re: RegExp) => lines.findIndex((l) => re.test(l) && !/^\s*(#|\/\/|\*|\/\*)/.test(l));
  // 1. drop the `;` ending the first simple statement inside a block
  const semi = firstLine(/^\s+[a-z][a-z0-9-]*\s+[^{};]+;\s*$/);
  if (semi >= 0)
    out.push({
      name: `drop-semicolon@${semi + 1}`,
      text: lines.map((l, i) => (i === semi ? l.replace(/;\s*$/, '') : l)).join('\n'),
    });
  // 2. misspell the first statement name inside a block
  const stmt = firstLine(/^\s+[a-z][a-z0-9-]*\s/);
  if (stmt >= 0)
    out.push({
      name: `misspell@${stmt + 1}`,
      text: lines.map((l, i) => (i === stmt ? l.replace(/^(\s+[a-z][a-z0-9-]*)/, '$1x') : l)).join('\n'),
    });
  // 3. drop the last `};`
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (/^\};\s*$/.test(lines[i]!)) {
      last = i;
      break;
    }
  if (last >= 0) out.push({ name: `drop-close@${last + 1}`, text: lines.filter((_, i) => i !== last).join('\n') });
  // 4. a boolean statement gets a non-boolean value
  const bool = firstLine(/^\s+[a-z][a-z0-9-]*\s+(yes|no);/);
  if (bool >= 0)
    out.push({
      name: `bad-boolean@${bool + 1}`,
      text: lines.map((l, i) => (i === bool ? l.replace(/\s(yes|no);/, ' maybe;') : l)).join('\n'),
    });
  // the reference-level mutations on every other file, to keep the named-checkconf runs near 300
  if (index % 2 === 1) return out;
  // 5. drop the `type` line of the first zone
  const type = firstLine(/^\s+type\s+[a-z-]+;/);
  if (type >= 0) out.push({ name: `drop-type@${type + 1}`, text: lines.filter((_, i) => i !== type).join('\n') });
  // 6. an invalid IPv4 address
  const ip = firstLine(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
  if (ip >= 0)
    out.push({
      name: `bad-address@${ip + 1}`,
      text: lines
        .map((l, i) => (i === ip ? l.replace(/\b\d{1,3}\.(\d{1,3}\.\d{1,3}\.\d{1,3})\b/, '300.$1') : l))
        .join('\n'),
    });
  // 7. a zone-only statement inside options
  const opts = firstLine(/^options\s*\{/);
  if (opts >= 0)
    out.push({
      name: `zone-option-in-options@${opts + 1}`,
      text: lines.map((l, i) => (i === opts ? `${l}\n\tfile "x.db";` : l)).join('\n'),
    });
  // 8. an undefined acl in options
  if (opts >= 0)
    out.push({
      name: `undefined-acl@${opts + 1}`,
      text: lines.map((l, i) => (i === opts ? `${l}\n\tblackhole { no-such-acl; };` : l)).join('\n'),
    });
  // 9. the first zone statement twice
  const zone = lines.findIndex((l) => /^zone\s+\S+\s*(in\s*)?\{\s*$/i.test(l));
  if (zone >= 0) {
    const end = lines.findIndex((l, i) => i > zone && /^\};\s*$/.test(l));
    if (end > zone)
      out.push({ name: `duplicate-zone@${zone + 1}`, text: [...lines, ...lines.slice(zone, end + 1)].join('\n') });
  }
  return out;
}

function runCheckconf(bin: string, dir: string, file: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(bin, [file], { cwd: dir, timeout: 20000 }, (err) => resolve(!err));
  });
}

/** Each live named-checkconf, the good files of its own suite, and the mutations we disagree on. */
const MUTATION_RUNS = [
  { version: '9.18', good: 'bind-good', known: 'mutation-disagreements.json' },
  { version: '9.20', good: path.join('bind-9.20', 'good'), known: 'mutation-disagreements-9.20.json' },
] as const;

for (const run of MUTATION_RUNS)
  test(`mutations of the good files agree with named-checkconf ${run.version}`, async (t) => {
    const { bin, why } = findChecker(run.version);
    if (!bin || !haveCorpus) {
      if (process.env.CI === 'true')
        assert.fail(`named-checkconf ${run.version} or the corpus is missing under CI: ${why}`);
      console.log(`named-checkconf ${run.version} not here (${why ?? 'no corpus'}): skipping its mutation test`);
      t.skip(why ?? 'corpus missing');
      return;
    }
    const goodDir = path.join(corpus, run.good);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'named-mut-'));
    for (const f of fs.readdirSync(goodDir)) fs.copyFileSync(path.join(goodDir, f), path.join(tmp, f));
    const knownFile = path.join(fixtures, run.known);
    const known = (fs.existsSync(knownFile) ? JSON.parse(fs.readFileSync(knownFile, 'utf8')) : {}) as Record<
      string,
      string
    >;
    const settings = { ...defaultSettings, bindVersion: run.version };
    const files = run.version === '9.18' ? filesByName(CORPUS_DIRS) : filesByName([tmp]);
    const jobs: Array<{ id: string; file: string; text: string }> = [];
    const goodFiles = fs
      .readdirSync(goodDir)
      .filter((f) => f.endsWith('.conf'))
      .sort();
    for (const [index, f] of goodFiles.entries()) {
      for (const m of mutate(fs.readFileSync(path.join(goodDir, f), 'utf8'), index))
        jobs.push({ id: `${f}:${m.name}`, file: f, text: m.text });
    }
    let agree = 0;
    let falseErrors = 0;
    let missed = 0;
    const problems: string[] = [];
    const seen = new Set<string>();
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const j = jobs[next++]!;
        const name = `mut-${next}-${j.file}`;
        fs.writeFileSync(path.join(tmp, name), j.text);
        const pass = await runCheckconf(bin, tmp, name);
        const ours = check(path.join(tmp, name), j.text, settings, files).length === 0;
        if (pass === ours) {
          agree++;
          continue;
        }
        if (pass) falseErrors++;
        else missed++;
        seen.add(j.id);
        if (!(j.id in known))
          problems.push(`${j.id}: named-checkconf ${pass ? 'accepts' : 'rejects'}, we ${ours ? 'accept' : 'reject'}`);
      }
    };
    await Promise.all([worker(), worker()]);
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const id of Object.keys(known)) if (!seen.has(id)) problems.push(`${id}: listed, but now agrees`);
    console.log(
      `named ${run.version} mutation agreement: ${agree}/${jobs.length} (${((100 * agree) / jobs.length).toFixed(1)}%); false Errors ${falseErrors}, missed ${missed}; ${Object.keys(known).length} listed disagreements`,
    );
    assert.deepEqual(problems, []);
  });
