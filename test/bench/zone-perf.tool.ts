/**
 * Micro-benchmark for DNS zone files: the phases of one validation, in process, on generated zones.
 *
 *   node scripts/build.mjs --tests=test/bench && node out/test/bench/zone-perf.tool.js [--runs=N] [--records=100000]
 *
 * Prints, per zone, the median over N runs of: parse, validate (the mode's doValidation on a
 * parsed tree), the whole service (parse + validate + diagnostics, as the CLI does it), a
 * one-character edit in the middle re-validated in full, and the same edit through the quick
 * re-check the editor runs at once (when the mode has one); then the heap in use after a run.
 * Not a test: no assertions, figures only. With `--out=DIR`, only writes the zones there (for
 * the CLI and named-checkzone: `/usr/bin/time -f '%e s %M KB' node dist/cli.js check DIR/zone-N.zone`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateZone } from './generate';
import { entryCount, parseZone } from '../../server/src/zone/parser';
import { isZoneTypeWord } from '../../server/src/zone/types';
import { zoneMode } from '../../server/src/zone/index';
import { createLanguageService } from '../../server/src/modes';
import { createFsAccess } from '../../server/src/service/fileAccess';
import { defaultSettings } from '../../server/src/service/types';
import { median, opt, time } from './micro';

const RUNS = Number(opt('runs', '5'));
const RECORDS = opt('records', '100000').split(',').map(Number);

const OUT = opt('out', '');
if (OUT) {
  for (const records of RECORDS) fs.writeFileSync(path.join(OUT, `zone-${records}.zone`), generateZone(records));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-perf-'));
const files = createFsAccess({ roots: () => [dir], allowOutside: () => false });
const ctx = { settings: defaultSettings, files };
const rows: string[][] = [
  ['zone', 'KB', 'parse', 'validate', 'service', 'edit full', 'edit quick', 'diags', 'heap MB'],
];

for (const records of RECORDS) {
  const text = generateZone(records);
  const name = `zone-${records}.zone`;
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const uri = 'file://' + file;
  const service = createLanguageService();
  const tParse: number[] = [],
    tVal: number[] = [],
    tSvc: number[] = [],
    tEdit: number[] = [],
    tQuick: number[] = [];
  let diags = 0;
  // a space typed at the end of a line in the middle (as the LSP bench does), and removed
  const mid = text.indexOf('\n', text.length >> 1);
  for (let r = 0; r < RUNS + 1; r++) {
    let tree!: ReturnType<typeof parseZone>;
    tParse.push(time(() => (tree = parseZone(text, isZoneTypeWord))));
    const doc = TextDocument.create(uri, 'dns-zone', r, text);
    tVal.push(time(() => zoneMode.doValidation(doc, tree, ctx)));
    const doc2 = TextDocument.create(uri, 'dns-zone', 1000 + r, text);
    tSvc.push(time(() => (diags = service.doValidation(doc2, { files }).length)));
    const edited = r % 2 ? text : text.slice(0, mid) + ' ' + text.slice(mid);
    const doc3 = TextDocument.create(uri, 'dns-zone', 2000 + r, edited);
    tEdit.push(time(() => service.doValidation(doc3, { files })));
    // the quick path: a full pass with its base, then the edit re-checked from it
    const doc4 = TextDocument.create(uri, 'dns-zone', 3000 + r, text);
    const { base } = service.validateWithBase(doc4, { files });
    const doc5 = TextDocument.create(uri, 'dns-zone', 4000 + r, text.slice(0, mid) + ' ' + text.slice(mid));
    let quick: unknown;
    const tq = time(() => (quick = base && service.quickValidation(doc5, base, { files })));
    tQuick.push(quick ? tq : NaN);
  }
  for (const a of [tParse, tVal, tSvc, tEdit, tQuick]) a.shift();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap = process.memoryUsage().heapUsed / 1048576;
  // the heap and the typed arrays' buffers outside it (a packed tree's columns)
  const held = () => {
    const m = process.memoryUsage();
    return (m.heapUsed + m.arrayBuffers) / 1048576;
  };
  if (gc) {
    const before = held();
    // what one parsed tree holds (run with --expose-gc)
    const kept = parseZone(text, isZoneTypeWord);
    gc();
    const mb = held() - before;
    console.log(`${name}: the tree holds ${mb.toFixed(0)} MB for ${entryCount(kept)} entries`);
  }
  rows.push([
    name,
    (text.length / 1024).toFixed(0),
    ...[tParse, tVal, tSvc, tEdit, tQuick].map((a) => median(a).toFixed(1)),
    String(diags),
    heap.toFixed(0),
  ]);
}
fs.rmSync(dir, { recursive: true, force: true });

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows)
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
console.log(
  `(ms, median of ${RUNS} runs after one warm-up; node ${process.version}; edit quick NaN: no quick re-check)`,
);
