/**
 * The cases of checkconfCases.ts: our findings as recorded, with LF and CRLF, an Error exactly
 * where named-checkconf fails; and, where named-checkconf is installed, its verdicts as recorded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { bothEOL, brief, validate, withEOL } from '../../helpers';
import { defaultSettings } from '../../../server/src/service/types';
import { CURLY_CASES, REFERENCE_CASES, type CheckconfCase } from './checkconfCases';

const CHECKCONF = ['/usr/bin/named-checkconf', '/usr/sbin/named-checkconf'].find((p) => fs.existsSync(p));

const AS_918 = { ...defaultSettings, bindVersion: '9.18' as const };

const ALL: ReadonlyArray<[string, readonly CheckconfCase[]]> = [
  ['references', REFERENCE_CASES],
  ['curly quotes', CURLY_CASES],
];

for (const [group, cases] of ALL)
  for (const [name, fn] of bothEOL(`named-checkconf cases: ${group}`, (eol) => {
    const problems: string[] = [];
    for (const c of cases) {
      // the verdicts are named-checkconf 9.18's: checked as 9.18
      const found = validate('named', withEOL(c.text, eol), { settings: AS_918 }).map(brief);
      if (found.join('\n') !== c.ours.join('\n'))
        problems.push(`${JSON.stringify(c.text)}: ${JSON.stringify(found)}, recorded ${JSON.stringify(c.ours)}`);
      const error = found.some((b) => b.includes(' error '));
      if (error !== (c.checkconf !== 'pass'))
        problems.push(
          `${JSON.stringify(c.text)}: named-checkconf says ${c.checkconf}, we ${error ? 'do' : 'do not'} give an Error`,
        );
    }
    assert.deepEqual(problems, []);
  }))
    test(name, fn);

function runCheckconf(file: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(CHECKCONF!, [file], { cwd: path.dirname(file), timeout: 20000 }, (err, stdout, stderr) => {
      const first = `${stdout}${stderr}`.trim().split('\n')[0] ?? '';
      // the file named as in the records: named.conf
      resolve(
        err
          ? first
              .split(file)
              .join('named.conf')
              .replace(/^named\.conf:/, '')
          : 'pass',
      );
    });
  });
}

test(
  'named-checkconf cases: the recorded verdicts are named-checkconf 9.18 verdicts',
  { skip: !CHECKCONF && 'named-checkconf is not installed' },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'named-cases-'));
    const problems: string[] = [];
    try {
      const cases = ALL.flatMap(([, cs]) => cs);
      let next = 0;
      // two at a time
      const worker = async () => {
        for (let k = next++; k < cases.length; k = next++) {
          const c = cases[k]!;
          const file = path.join(dir, `case${k}.conf`);
          fs.writeFileSync(file, c.text);
          const verdict = await runCheckconf(file);
          if (verdict !== c.checkconf) problems.push(`${JSON.stringify(c.text)}: ${verdict}, recorded ${c.checkconf}`);
        }
      };
      await Promise.all([worker(), worker()]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(problems, []);
  },
);
