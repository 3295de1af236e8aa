/**
 * Grammar snapshot tests: every file in test/grammar/<language-id>/ (but *.snap) is tokenized
 * by vscode-tmgrammar-snap (which runs vscode-textmate) with that language's grammar and
 * compared with its .snap file. Snapshots change only through `npm run update-grammar-snapshots`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Grammar {
  language: string;
  scopeName: string;
  path: string;
}

const update = process.argv.includes('--update');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: { grammars: Grammar[] } };
const bin = path.join('node_modules', '.bin', 'vscode-tmgrammar-snap');
let failed = 0;
let cases = 0;
for (const g of pkg.contributes.grammars) {
  const dir = path.join('test', 'grammar', g.language);
  if (!fs.existsSync(g.path)) {
    console.error(`grammar ${g.path} for ${g.language} is missing`);
    failed++;
    continue;
  }
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => !f.endsWith('.snap'))
        .map((f) => path.join(dir, f))
    : [];
  if (!files.length) {
    console.error(`no grammar test cases in ${dir}`);
    failed++;
    continue;
  }
  cases += files.length;
  const args = ['-s', g.scopeName, '-g', g.path, ...(update ? ['--updateSnapshot'] : []), ...files];
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  if (r.status !== 0) {
    failed++;
    console.error(`✗ ${g.language}: grammar snapshots differ\n${out}`);
  } else console.log(`✓ ${g.language}: ${files.length} snapshot case(s)${update ? ' updated' : ''}`);
}
console.log(`grammar snapshots: ${cases} cases, ${failed ? `${failed} language(s) failed` : 'all match'}`);
process.exitCode = failed ? 1 : 0;
