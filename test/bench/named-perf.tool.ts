/**
 * Micro-benchmark for named.conf: the phases of one validation, in process, on generated files.
 *
 *   node scripts/build.mjs --tests=test/bench && node out/test/bench/named-perf.tool.js [--runs=N] [--zones=5000,50000]
 *
 * Prints, per file, the median over N runs of: tokenize, parse (tokens + blocks + clauses),
 * validate (the mode's doValidation on a parsed tree), the whole service (parse + validate +
 * diagnostics, as the CLI and the editor do it), and a one-character edit re-validated from
 * scratch; then the heap in use after a run. Not a test: no assertions, figures only.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateNamedConf } from './generate';
import { tokenize } from '../../server/src/common/tokenizer';
import { parseNamed, TOKEN_OPTIONS } from '../../server/src/named/parser';
import { namedMode } from '../../server/src/named/index';
import { createLanguageService } from '../../server/src/modes';
import { createFsAccess } from '../../server/src/service/fileAccess';
import { defaultSettings } from '../../server/src/service/types';
import { median, opt, time } from './micro';

const RUNS = Number(opt('runs', '7'));
const ZONES = opt('zones', '5000,50000').split(',').map(Number);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'named-perf-'));
const files = createFsAccess({ roots: () => [dir], allowOutside: () => false });
const ctx = { settings: defaultSettings, files };
const rows: string[][] = [
  ['file', 'KB', 'tokenize', 'parse', 'validate', 'service', 'edit+revalidate', 'diags', 'heap MB'],
];

for (const zones of ZONES) {
  for (const views of [0, 2]) {
    const text = generateNamedConf({ zones, views, acls: 20, keys: 10, directory: dir });
    const name = `named-${zones}-${views ? 'views' : 'flat'}.conf`;
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const uri = 'file://' + file;
    const service = createLanguageService();
    const tTok: number[] = [],
      tParse: number[] = [],
      tVal: number[] = [],
      tSvc: number[] = [],
      tEdit: number[] = [];
    let diags = 0;
    // a one-character edit in the middle of the file: `primary` -> `primarx` and back
    const mid = text.indexOf('type primary;', text.length >> 1) + 11;
    for (let r = 0; r < RUNS + 1; r++) {
      tTok.push(time(() => tokenize(text, { ...TOKEN_OPTIONS, keepComments: true })));
      let tree!: ReturnType<typeof parseNamed>;
      tParse.push(time(() => (tree = parseNamed(text))));
      const doc = TextDocument.create(uri, 'named', r, text);
      tVal.push(time(() => namedMode.doValidation(doc, tree, ctx)));
      const doc2 = TextDocument.create(uri, 'named', 1000 + r, text);
      tSvc.push(time(() => (diags = service.doValidation(doc2, { files }).length)));
      const edited = text.slice(0, mid) + (r % 2 ? 'y' : 'x') + text.slice(mid + 1);
      const doc3 = TextDocument.create(uri, 'named', 2000 + r, edited);
      tEdit.push(time(() => service.doValidation(doc3, { files })));
    }
    // drop the warm-up run
    for (const a of [tTok, tParse, tVal, tSvc, tEdit]) a.shift();
    (globalThis as { gc?: () => void }).gc?.();
    const heap = process.memoryUsage().heapUsed / 1048576;
    rows.push([
      name,
      (text.length / 1024).toFixed(0),
      ...[tTok, tParse, tVal, tSvc, tEdit].map((a) => median(a).toFixed(1)),
      String(diags),
      heap.toFixed(0),
    ]);
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows)
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
console.log(`(ms, median of ${RUNS} runs after one warm-up; node ${process.version})`);
