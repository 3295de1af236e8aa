// Runs every built test (out/**/*.test.js) with Node's test runner, two files at a time.
// Node 20 would also run any .js under a folder named `test` when given a directory, so the
// files are listed explicitly (tools such as out/test/bench/bench.tool.js are not tests).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
