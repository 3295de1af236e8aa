// Bundles the extension (dist/) and, with --tests, every test and tool script (out/).
// Usage: node scripts/build.mjs [--tests] [--dev]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');

function find(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

const builds = [
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], minify: !dev, sourcemap: dev }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', minify: !dev, sourcemap: dev }),
  esbuild.build({ ...common, entryPoints: { cli: 'server/src/cliMain.ts' }, outdir: 'dist', minify: !dev, sourcemap: dev, banner: { js: '#!/usr/bin/env node' } }),
];
const testsArg = process.argv.slice(2).find((a) => a === '--tests' || a.startsWith('--tests='));
if (testsArg) {
  // --tests builds every test; --tests=DIR only those under DIR (helpers working side by side)
  if (args.has('--clean')) rmSync('out', { recursive: true, force: true });
  const root = testsArg.includes('=') ? testsArg.slice(8) : 'test';
  const entries = [...find(root, '.test.ts'), ...find(root, '.tool.ts'), ...find(root, '.entry.ts')];
  if (root === 'test') entries.push(...find('scripts', '.ts').filter((p) => !p.endsWith('.d.ts')));
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: entries,
      outdir: 'out',
      outbase: '.',
      packages: 'external',
      sourcemap: 'inline',
    }),
  );
}
await Promise.all(builds);
