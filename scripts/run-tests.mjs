// Runs every built test (out/**/*.test.js) with Node's test runner and prints one closing line,
// `tests: N passed, N failed`. Files whose assertions include time budgets (the robustness
// suite: hang and regex-linearity checks) run in a second pass on their own, so the rest of the
// suite does not compete with them for the two cores; everything else runs two files at a time.
// Node 20 would also run any .js under a folder named `test` when given a directory, so the
// files are listed explicitly (tools such as out/test/bench/bench.tool.js are not tests).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (p.endsWith('.test.js')) out.push(p);
  }
  return out;
}
const files = find(process.argv[2] ?? 'out').sort();
const timed = (f) => f.includes(`${sep}robustness${sep}`);
const passes = [
  { files: files.filter((f) => !timed(f)), concurrency: 2 },
  { files: files.filter(timed), concurrency: 1 },
].filter((p) => p.files.length);

const tmp = mkdtempSync(join(tmpdir(), 'infra-lsp-tests-'));
let passed = 0,
  failed = 0,
  status = 0;
passes.forEach((p, i) => {
  const tap = join(tmp, `pass${i}.tap`);
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${p.concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...p.files,
    ],
    { stdio: 'inherit' },
  );
  const text = readFileSync(tap, 'utf8');
  passed += Number(/^# pass (\d+)$/m.exec(text)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)$/m.exec(text)?.[1] ?? 0);
  if (r.status !== 0) status = r.status ?? 1;
});
rmSync(tmp, { recursive: true, force: true });
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(status || (failed ? 1 : 0));
