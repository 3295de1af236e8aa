/**
 * Formatting never changes what named loads (issue 22), proved by named-checkconf itself:
 * for every named.conf of the corpus (BIND 9.18's suite, and 9.16's and 9.20's) that formatting
 * changes, `named-checkconf -p` prints the same canonical configuration before and after, under
 * BIND 9.18 (on PATH) and BIND 9.20 (test/bindCheckers.ts); for a file it refuses, the verdict and
 * the first line of its complaint are the same (its line number aside: formatting may move a
 * statement to a line of its own). The formatted file is checked with LF and with CRLF line
 * endings (the CRLF one against the CRLF original where that prints otherwise: named prints a
 * dyndb block's raw text with its `\r`s). Each suite folder is copied to a temp dir (its files include their neighbours), and
 * the neighbours are formatted too.
 *
 * The suites are written with tabs: they are formatted with tabs, so that the files that change
 * are those where formatting does more than re-indent (the unit tests format the whole corpus
 * with other options, and check that no token changes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pool, service } from '../helpers';
import { findChecker } from '../bindCheckers';

const corpus = path.resolve(process.cwd(), '..', 'shared', 'corpus');
const FOLDERS = ['bind-good', 'bind-bad', 'bind-9.16/good', 'bind-9.16/bad', 'bind-9.20/good', 'bind-9.20/bad'];
const OPTIONS = { tabSize: 8, insertSpaces: false };

function format(text: string): string {
  const d = TextDocument.create('file:///format/named.conf', 'named', 1, text);
  return TextDocument.applyEdits(d, service.format(d, OPTIONS));
}

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

interface Copy {
  readonly folder: string;
  /** Where the originals, the formatted files and the formatted CRLF files are. */
  readonly dirs: {
    readonly original: string;
    readonly formatted: string;
    readonly crlf: string;
    readonly crlfOriginal: string;
  };
  /** The files formatting changes. */
  readonly changed: string[];
}

function prepare(tmp: string): Copy[] {
  return FOLDERS.filter((f) => fs.existsSync(path.join(corpus, f))).map((folder, k) => {
    const src = path.join(corpus, folder);
    const dirs = {
      original: path.join(tmp, `${k}-original`),
      formatted: path.join(tmp, `${k}-formatted`),
      crlf: path.join(tmp, `${k}-crlf`),
      crlfOriginal: path.join(tmp, `${k}-crlf-original`),
    };
    for (const d of Object.values(dirs)) fs.mkdirSync(d);
    const changed: string[] = [];
    for (const name of fs.readdirSync(src).sort()) {
      const file = path.join(src, name);
      if (!fs.statSync(file).isFile()) continue;
      const text = fs.readFileSync(file, 'utf8');
      fs.copyFileSync(file, path.join(dirs.original, name));
      fs.writeFileSync(path.join(dirs.crlfOriginal, name), name.endsWith('.conf') ? crlf(text) : text);
      if (!name.endsWith('.conf')) {
        fs.copyFileSync(file, path.join(dirs.formatted, name));
        fs.copyFileSync(file, path.join(dirs.crlf, name));
        continue;
      }
      const lf = format(text);
      const cr = format(crlf(text));
      fs.writeFileSync(path.join(dirs.formatted, name), lf);
      fs.writeFileSync(path.join(dirs.crlf, name), cr);
      if (lf !== text || cr !== crlf(text)) changed.push(name);
    }
    return { folder, dirs, changed };
  });
}

interface Verdict {
  readonly ok: boolean;
  /** The canonical print (accepted) or the first line of the complaint, its line number left out. */
  readonly out: string;
}

function checkconf(bin: string, dir: string, name: string): Promise<Verdict> {
  return new Promise((resolve) => {
    execFile(bin, ['-p', name], { cwd: dir, timeout: 30000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, out: String(stdout) });
      const first = `${String(stderr)}\n${String(stdout)}`.split('\n').find((l) => l.trim()) ?? '';
      resolve({ ok: false, out: first.replace(/(\.conf):\d+/g, '$1:#').trim() });
    });
  });
}

const copies = (() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'format-named-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  return fs.existsSync(corpus) ? prepare(tmp) : [];
})();

for (const version of ['9.18', '9.20'] as const) {
  test(`formatting keeps named-checkconf ${version}'s canonical print of every corpus file`, async (t) => {
    const { bin, why } = findChecker(version);
    if (!bin || !copies.length) {
      const reason = `named-checkconf ${version} or the corpus is missing: ${why ?? 'no corpus'}`;
      if (process.env.CI === 'true') assert.fail(reason);
      console.log(`# ${reason}: skipped`);
      t.skip(reason);
      return;
    }
    const jobs = copies.flatMap((c) => c.changed.map((name) => ({ c, name })));
    const problems: string[] = [];
    let accepted = 0;
    await pool(jobs, 3, async ({ c, name }) => {
      const before = await checkconf(bin, c.dirs.original, name);
      if (before.ok) accepted++;
      for (const kind of ['formatted', 'crlf'] as const) {
        const after = await checkconf(bin, c.dirs[kind], name);
        // the CRLF file is compared with the CRLF original where they differ (raw dyndb text keeps its \r)
        const was =
          kind === 'crlf' && (after.ok !== before.ok || after.out !== before.out)
            ? await checkconf(bin, c.dirs.crlfOriginal, name)
            : before;
        if (after.ok !== was.ok) problems.push(`${c.folder}/${name} (${kind}): verdict ${was.ok} → ${after.ok}`);
        else if (after.out !== was.out)
          problems.push(
            `${c.folder}/${name} (${kind}): ${was.ok ? 'canonical print differs' : `"${was.out}" → "${after.out}"`}`,
          );
      }
    });
    const total = copies.reduce((n, c) => n + c.changed.length, 0);
    console.log(
      `# named-checkconf ${version}: ${total} corpus files changed by formatting (${accepted} accepted, ${total - accepted} refused), ${problems.length} differ`,
    );
    assert.ok(total > 20, `only ${total} files changed: the test proves little`);
    assert.deepEqual(problems, []);
  });
}
