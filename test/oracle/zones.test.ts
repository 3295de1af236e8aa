/**
 * Zone files against named-checkzone (issue 21): BIND's zone test files with the verdicts of
 * `named-checkzone -q ORIGIN FILE` 9.18.49 and 9.20.23 (../shared/corpus/zones/oracle.tsv), each
 * checked as that version with the origin BIND's tests give it. A file named-checkzone accepts
 * gets no Error from us; of the files it refuses, those we give no Error are listed with the
 * reason in zone-fixtures/missed.tsv (a listed file that gets one fails the test: update the list).
 * `PRINT_MISSED=1` prints the files we miss, `PRINT_FLAGGED=1` each refused file's first Error beside BIND's message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { doc, errorsOf, service } from '../helpers';
import { defaultSettings, type BindVersion, type FileAccess } from '../../server/src/service/types';
import { fileURLToPath, pathToFileURL } from 'node:url';

const corpus = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'zones');
const oracle = path.join(corpus, 'oracle.tsv');
/** $INCLUDE files beside the zone file, as named-checkzone read them (run in the file's folder). */
const corpusFiles: FileAccess = {
  resolve: (from, p) => new URL(p, from).toString(),
  read: (uri) => {
    const f = fileURLToPath(uri);
    if (!f.startsWith(corpus + path.sep)) return undefined;
    try {
      return fs.statSync(f).isFile() ? fs.readFileSync(f, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  exists: (uri) => {
    const f = fileURLToPath(uri);
    if (!f.startsWith(corpus + path.sep)) return undefined;
    return fs.statSync(f, { throwIfNoEntry: false })?.isFile() ?? false;
  },
};
const missedFile = path.resolve(process.cwd(), 'test', 'oracle', 'zone-fixtures', 'missed.tsv');

for (const version of ['9.18', '9.20'] as const)
  test(
    `BIND's zone files, checked as ${version}: no Error where named-checkzone ${version} accepts`,
    { skip: !fs.existsSync(oracle) && 'corpus missing' },
    () => {
      const col = version === '9.18' ? 2 : 4;
      const rows = fs
        .readFileSync(oracle, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      const listed = new Set(
        fs
          .readFileSync(missedFile, 'utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .filter((l) => l.split('\t')[1] === version)
          .map((l) => l.split('\t')[0]),
      );
      const falseErrors: string[] = [];
      const missed: string[] = [];
      let accepted = 0;
      let refused = 0;
      for (const r of rows) {
        const [file, origin] = r;
        const text = fs.readFileSync(path.join(corpus, file!), 'utf8');
        const zoneOrigin = origin === '_root' || origin === '.' ? '.' : `${origin}.`;
        const errs = errorsOf(
          service.doValidation(doc('dns-zone', text, pathToFileURL(path.join(corpus, file!)).toString()), {
            settings: { ...defaultSettings, bindVersion: version as BindVersion },
            zoneOrigin,
            files: corpusFiles,
          }),
        );
        if (r[col] === '0') {
          accepted++;
          if (errs.length) falseErrors.push(`${file}: ${errs[0]!.range.start.line + 1}: ${errs[0]!.message}`);
        } else {
          refused++;
          // to compare our reason with BIND's: PRINT_FLAGGED=1
          if (errs.length && process.env.PRINT_FLAGGED)
            console.log(
              `FLAGGED\t${file}\t${version}\t${r[col + 1]}\t${errs[0]!.range.start.line + 1}: ${errs[0]!.message}`,
            );
          if (!errs.length && !listed.has(file!)) missed.push(`${file}\t${version}\t${r[col + 1]}`);
          if (errs.length && listed.has(file!))
            missed.push(`${file}\t${version}: listed as missed, but now gets an Error`);
        }
      }
      const flagged = refused - listed.size;
      console.log(
        `named-checkzone ${version}: ${accepted} accepted files, ${falseErrors.length} with an Error from us; ${refused} refused, ${flagged} flagged (${((100 * flagged) / refused).toFixed(0)}%)`,
      );
      if (process.env.PRINT_MISSED) for (const m of missed) console.log(`MISSED\t${m}`);
      assert.deepEqual(falseErrors, []);
      assert.deepEqual(missed, []);
    },
  );
