// Bundles the extension (dist/) and, with --tests, every test and tool script (out/).
// Usage: node scripts/build.mjs [--tests] [--dev]
//
// dist/server.js and dist/cli.js are small loaders (server/src/boot/) that run the bundles
// dist/lib/server.js and dist/lib/cli.js through V8's code cache. Each language mode is a file of
// its own, dist/lib/modes/<folder>.js, which the bundles require on first use.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
};

/** The mode folders, from the one list of languages (server/src/service/languages.ts). */
async function modeFolders() {
  const out = await esbuild.build({
    entryPoints: ['server/src/service/languages.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).MODE_FOLDERS;
}
const MODES = await modeFolders();
const modeFiles = new Map(MODES.map((m) => [resolve('server/src', m, 'index.ts'), `./modes/${m}.js`]));
/** A `require()` (not an import) of a mode's index.ts is left to run time: ./modes/<folder>.js. */
const lazyModes = {
  name: 'lazy-modes',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, async (args) => {
      if (args.kind !== 'require-call' || args.pluginData === 'lazy-modes') return undefined;
      const r = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'lazy-modes',
      });
      return modeFiles.has(r.path) ? { path: modeFiles.get(r.path), external: true } : undefined;
    });
  },
};
/**
 * Node built-ins that the protocol libraries require at load time but use only for transports
 * and helpers the server does not start with (`crypto` names a random pipe, `child_process`
 * finds global node_modules): loading them costs about 13 ms of every start. Within those
 * libraries they resolve to a stand-in that loads the real module on first use. Their code
 * only reads functions off the module (`(0, crypto_1.randomBytes)(...)`), which the stand-in
 * passes through.
 */
const LAZY_BUILTINS = /^(?:node:)?(crypto|child_process)$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)/.test(args.importer)
        ? { path: LAZY_BUILTINS.exec(args.path)[1], namespace: 'lazy-builtin' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Object.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});`,
      loader: 'js',
    }));
  },
};
const lib = { ...common, outdir: 'dist/lib', minify: !dev, sourcemap: dev };

const builds = [
  esbuild.build({
    ...common,
    entryPoints: { client: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    minify: !dev,
    sourcemap: dev,
  }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/boot/server.ts' },
    outdir: 'dist',
    minify: !dev,
    sourcemap: dev,
  }),
  esbuild.build({
    ...common,
    entryPoints: { cli: 'server/src/boot/cli.ts' },
    outdir: 'dist',
    minify: !dev,
    sourcemap: dev,
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...lib,
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cliMain.ts' },
    plugins: [lazyModes, lazyBuiltins],
  }),
  esbuild.build({
    ...lib,
    entryPoints: Object.fromEntries(MODES.map((m) => [`modes/${m}`, `server/src/${m}/index.ts`])),
  }),
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
