/**
 * Zone-file formatting never changes what BIND loads (issue 22), over every file of the shared
 * corpus (../shared/corpus/zones, with the origins of its oracle.tsv):
 * - in process: formatting twice gives the text of formatting once; the tokens and comments are
 *   the same, in the same order, once the field comments formatting adds are left out (whitespace
 *   and parentheses are all that may change); with \r\n line ends, the result is the \n result
 *   with \r\n line ends;
 * - with the real tools, on each file formatting changed: `named-compilezone -q -i none -o -
 *   ORIGIN FILE` of BIND 9.18 (and of 9.20 for a fixed quarter of them; FORMAT_ORACLE_ALL=1 for
 *   all) prints the same zone (and exits the same) for the file as written and as formatted. Files with `$INCLUDE` run in a temporary copy of inc/, where
 *   their included files are. The files are read and written as latin1: byte for byte.
 *   What the tool prints for a text depends on nothing else (its version, the origin, the bytes;
 *   inc/ files also on their includes), so a zones/ text's result is kept in
 *   .cache/format-oracle/ under a hash of those, its output kept as a hash too: a second run
 *   starts the tool only for texts it has not seen (a cold run starts it about 3,500 times, which
 *   takes a minute on a busy 2-core machine). `FORMAT_ORACLE_CACHE=0` runs the tool on every file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, pool, service, withEOL } from '../helpers';
import { findChecker } from '../bindCheckers';
import { FIELD_COMMENTS } from '../../server/src/zone/format';

const corpus = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'zones');
const oracle = path.join(corpus, 'oracle.tsv');
const haveCorpus = fs.existsSync(oracle);
const OPTIONS = { tabSize: 8, insertSpaces: true };

function formatted(text: string): string {
  const d = doc('dns-zone', text);
  return TextDocument.applyEdits(d, service.format(d, OPTIONS));
}

/**
 * What BIND reads of a text besides blank space and parentheses: the words and quoted strings
 * (escapes kept), and the comments, in order. Read here independently of our parser.
 */
export function significant(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '(' || c === ')') i++;
    else if (c === ';') {
      let e = text.indexOf('\n', i);
      if (e < 0) e = n;
      out.push(text.slice(i, e).trimEnd());
      i = e;
    } else {
      const start = i;
      if (c === '"') {
        i++;
        while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
        i++;
      } else while (i < n && !' \t\r\n();"'.includes(text[i]!)) i += text[i] === '\\' && text[i + 1] !== '\n' ? 2 : 1;
      out.push(text.slice(start, i));
    }
  }
  return out;
}

/** `after` without the field comments formatting added (those `before` does not have there). */
export function withoutAdded(before: readonly string[], after: readonly string[]): string[] {
  const out: string[] = [];
  let b = 0;
  for (const a of after) {
    if (a === before[b]) {
      out.push(a);
      b++;
    } else if (!FIELD_COMMENTS.has(a)) out.push(a);
  }
  return out;
}

interface Row {
  readonly file: string;
  readonly origin: string;
}

function rows(): Row[] {
  return fs
    .readFileSync(oracle, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([file, origin]) => ({ file: file!, origin: origin === '_root' ? '.' : origin! }));
}

/** The corpus files formatting changes: [row, text as written, text formatted]. */
let changed: Array<[Row, string, string]> | undefined;

test(
  'every corpus zone file: formatting is stable, keeps every token and comment, and keeps \\r\\n',
  {
    skip: !haveCorpus && 'corpus missing',
  },
  () => {
    const problems: string[] = [];
    changed = [];
    let lines = 0;
    for (const r of rows()) {
      const text = fs.readFileSync(path.join(corpus, r.file), 'latin1');
      const once = formatted(text);
      if (once !== text) changed.push([r, text, once]);
      if (formatted(once) !== once) problems.push(`${r.file}: formatting again changes it`);
      const before = significant(text);
      if (JSON.stringify(withoutAdded(before, significant(once))) !== JSON.stringify(before))
        problems.push(`${r.file}: a token or comment changed`);
      if (formatted(withEOL(text, '\r\n')) !== withEOL(once, '\r\n')) problems.push(`${r.file}: differs with \\r\\n`);
      lines += once.split('\n').length;
    }
    console.log(`zone formatting: ${changed.length} of ${rows().length} corpus files changed (${lines} lines out)`);
    assert.deepEqual(problems, []);
  },
);

function compile(bin: string, cwd: string, origin: string, file: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(bin, ['-q', '-i', 'none', '-o', '-', origin, file], { cwd, timeout: 30000 }, (err, stdout) =>
      resolve(`exit ${err ? (err.code ?? 'killed') : 0}\n${stdout}`),
    );
  });
}

const sha = (s: string) => createHash('sha256').update(s, 'latin1').digest('hex');

/** The tool's results by hash of (version, origin, text): `exit N <hash of the output>`. */
class ResultCache {
  private readonly file: string;
  private readonly old: Record<string, string> = {};
  private readonly used: Record<string, string> = {};
  constructor(name: string) {
    this.file = path.resolve(process.cwd(), '.cache', 'format-oracle', `${name}.json`);
    if (process.env.FORMAT_ORACLE_CACHE === '0') return;
    try {
      this.old = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      // no cache yet
    }
  }
  async get(key: string | undefined, run: () => Promise<string>): Promise<string> {
    let got: string | undefined = key === undefined ? undefined : this.old[key];
    if (got === undefined) {
      const out = await run();
      got = `${out.split('\n')[0]} ${sha(out)}`;
    }
    if (key !== undefined) this.used[key] = got;
    return got;
  }
  /** Keeps the results of this run only (a changed formatter leaves old ones behind). */
  save(): void {
    if (process.env.FORMAT_ORACLE_CACHE === '0') return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(this.used));
  }
}

for (const version of ['9.18', '9.20'] as const)
  test(
    `named-compilezone ${version} loads each formatted corpus file as it loads the file as written`,
    {
      skip: !haveCorpus && 'corpus missing',
    },
    async (t) => {
      const { bin, why } = findChecker(version, 'named-compilezone');
      if (!bin) {
        if (process.env.CI === 'true') assert.fail(`named-compilezone ${version} is missing under CI: ${why}`);
        t.skip(`named-compilezone ${version} not here: ${why}`);
        return;
      }
      if (!changed) {
        changed = [];
        for (const r of rows()) {
          const text = fs.readFileSync(path.join(corpus, r.file), 'latin1');
          const once = formatted(text);
          if (once !== text) changed.push([r, text, once]);
        }
      }
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'format-zone-'));
      try {
        // inc/ copied whole: its files name their includes relative to that folder
        fs.cpSync(path.join(corpus, 'inc'), path.join(tmp, 'inc'), { recursive: true });
        fs.mkdirSync(path.join(tmp, 'zones'));
        const differ: string[] = [];
        let same = 0;
        let runs = 0;
        const cache = new ResultCache(`named-compilezone-${version}`);
        const id = execFileSync(bin, ['-v']).toString().trim();
        // 9.18 loads every changed file; 9.20 (which reads master files with the same code) a fixed
        // quarter of them, to keep the suite's time (FORMAT_ORACLE_ALL=1: all of them)
        const files =
          version === '9.18' || process.env.FORMAT_ORACLE_ALL === '1' ? changed : changed.filter((_, k) => k % 4 === 0);
        await pool(files, 4, async ([r, text, once]) => {
          const dir = path.join(tmp, path.dirname(r.file));
          const base = path.basename(r.file);
          const a = `${base}.before`;
          const b = `${base}.after`;
          fs.writeFileSync(path.join(dir, a), text, 'latin1');
          fs.writeFileSync(path.join(dir, b), once, 'latin1');
          // inc/ files read others: their results are not kept
          const key = (t: string) => (r.file.startsWith('inc/') ? undefined : sha(`${id}\0${r.origin}\0${t}`));
          const result = (file: string, t: string) =>
            cache.get(key(t), () => (runs++, compile(bin, dir, r.origin, file)));
          const [x, y] = await Promise.all([result(a, text), result(b, once)]);
          if (x === y) same++;
          else {
            const [ex, ey] = [x.split(' ')[1], y.split(' ')[1]];
            differ.push(
              `${r.file}: ${ex === ey ? `another zone loaded (exit ${ex})` : `exit ${ex} as written, ${ey} formatted`}`,
            );
          }
        });
        cache.save();
        console.log(
          `named-compilezone ${version}: ${same} of ${files.length} formatted files load the same (${runs} runs of the tool, the rest known)`,
        );
        assert.deepEqual(differ, []);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  );
