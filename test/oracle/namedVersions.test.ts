/**
 * BIND 9.20 and 9.16 (issue 20): each version's own checkconf suite, checked as that version.
 *  - 9.20: the verdicts of BIND 9.20.23's named-checkconf (oracle-named-checkconf-versions.tsv):
 *    no Error on a file it accepts; an Error on a file it refuses, on the line it names where it
 *    names one in the same file. Disagreements are listed, with the reason, in
 *    named-fixtures/disagreements-9.20.tsv (a listed one that agrees again fails the test).
 *  - 9.16: no live binary: BIND's naming (good passes, bad fails).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesByName, listedDisagreements, validate, errorsOf } from '../helpers';
import { defaultSettings, type BindVersion } from '../../server/src/service/types';

const corpus = path.resolve(process.cwd(), '..', 'shared', 'corpus');
const fixtures = path.resolve(process.cwd(), 'test', 'oracle', 'named-fixtures');
const oracle = path.join(corpus, 'oracle-named-checkconf-versions.tsv');
const haveCorpus = fs.existsSync(oracle);

interface Verdict {
  file: string;
  pass: boolean;
  message: string;
}

function verdicts(version: BindVersion): Verdict[] {
  return fs
    .readFileSync(oracle, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c[1] === version)
    .map(([file, , expected, , verdict, , message]) => ({
      file: file!,
      // 9.20: what the live tool said; 9.16: what BIND's naming says
      pass: verdict === '-' ? expected === 'pass' : verdict!.startsWith('pass'),
      message: message ?? '',
    }));
}

/** How our Errors disagree with a verdict, or undefined when they agree. */
function disagreement(v: Verdict, version: BindVersion): string | undefined {
  const full = path.join(corpus, v.file);
  const text = fs.readFileSync(full, 'utf8');
  const settings = { ...defaultSettings, bindVersion: version };
  const errs = errorsOf(
    validate('named', text, {
      files: filesByName(['good', 'bad'].map((d) => path.join(path.dirname(path.dirname(full)), d))),
      uri: `file://${full}`,
      settings,
    }),
  );
  if (v.pass)
    return errs.length
      ? `false Error: ${errs.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | ')}`
      : undefined;
  if (!errs.length) return `no Error (named-checkconf ${version}: ${v.message})`;
  const m = /^([^:]+):(\d+):/.exec(v.message);
  if (!m || m[1] !== path.basename(v.file)) return undefined;
  const lines = errs.map((d) => d.range.start.line + 1);
  return lines.includes(Number(m[2])) ? undefined : `Errors on ${lines.join(',')}, named-checkconf names ${m[2]}`;
}

for (const version of ['9.20', '9.16'] as const) {
  test(`BIND ${version}'s checkconf suite, checked as ${version}`, { skip: !haveCorpus && 'corpus missing' }, () => {
    const known = listedDisagreements(path.join(fixtures, `disagreements-${version}.tsv`));
    const problems: string[] = [];
    const seen: string[] = [];
    let good = 0,
      bad = 0,
      agree = 0;
    for (const v of verdicts(version)) {
      if (v.pass) good++;
      else bad++;
      const d = disagreement(v, version);
      if (!d) {
        agree++;
        if (known.has(v.file)) problems.push(`${v.file}: listed as a disagreement, but now agrees`);
        continue;
      }
      seen.push(`${v.file}\t${d}`);
      if (!known.has(v.file)) problems.push(`${v.file}: ${d}`);
    }
    console.log(
      `BIND ${version} suite: ${agree} of ${good + bad} agree (${good} good, ${bad} bad), ${seen.length} listed`,
    );
    if (process.env.PRINT_DISAGREEMENTS) console.log(seen.join('\n'));
    assert.deepEqual(problems, []);
  });
}
