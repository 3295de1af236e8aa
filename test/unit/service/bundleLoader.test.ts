/** boot/bundleLoader.ts: bundles run like CommonJS modules, and the code cache never gets in the way. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBundle } from '../../../server/src/boot/bundleLoader';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-loader-'));

/** A fresh directory with the given files (each test its own: loaded bundles stay loaded). */
function bundles(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

test('a bundle runs once, with CommonJS globals, and requires its neighbours and Node built-ins', () => {
  const dir = bundles('plain', {
    'lib/main.js':
      '"use strict";\nconst b = require("./modes/b.js");\nexports.sum = b.n + 1;\nexports.file = __filename;\nexports.dir = __dirname;\nexports.sep = require("node:path").sep;\nexports.self = this === exports;\nexports.b = b;',
    'lib/modes/b.js': 'module.exports = { n: 41, runs: (globalThis.__bRuns = (globalThis.__bRuns ?? 0) + 1) };',
  });
  const cache = path.join(dir, '.code-cache');
  const main = loadBundle(path.join(dir, 'lib/main.js'), cache) as Record<string, unknown>;
  assert.equal(main.sum, 42);
  assert.equal(main.file, path.join(dir, 'lib/main.js'));
  assert.equal(main.dir, path.join(dir, 'lib'));
  assert.equal(main.sep, path.sep);
  assert.equal(main.self, true);
  assert.equal(loadBundle(path.join(dir, 'lib/modes/b.js'), cache), main.b, 'one module per file');
  assert.equal((main.b as { runs: number }).runs, 1);
  assert.equal(loadBundle(path.join(dir, 'lib/main.js'), cache), main);
  assert.deepEqual(fs.readdirSync(cache).sort(), ['lib-main.js.bin', 'modes-b.js.bin']);
});

test("line and column numbers in stack traces are the bundle's own", () => {
  const dir = bundles('stack', { 'x.js': 'exports.where = () => new Error("here").stack;' });
  const stack = (loadBundle(path.join(dir, 'x.js'), path.join(dir, 'cache')) as { where(): string }).where();
  assert.match(stack, new RegExp(`${path.join(dir, 'x.js').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:1:23`));
});

test('a cache made from other source of the same length is not used, but replaced', () => {
  const cache = path.join(tmp, 'shared-cache');
  const one = bundles('one', { 'lib/a.js': 'exports.v = "1";' });
  const two = bundles('two', { 'lib/a.js': 'exports.v = "2";' });
  const cacheFile = path.join(cache, 'lib-a.js.bin');
  const holds = (text: string) => fs.readFileSync(cacheFile).includes(`${text.length}\n${text}`);
  assert.equal((loadBundle(path.join(one, 'lib/a.js'), cache) as { v: string }).v, '1');
  assert.ok(holds('exports.v = "1";'));
  assert.equal((loadBundle(path.join(two, 'lib/a.js'), cache) as { v: string }).v, '2');
  assert.ok(holds('exports.v = "2";'), 'rewritten for the new source');
  // the right source but data V8 refuses: ignored and rewritten
  const good = fs.readFileSync(cacheFile);
  const junk = Buffer.concat([good.subarray(0, good.indexOf('exports.v = "2";') + 16), Buffer.alloc(64, 7)]);
  fs.writeFileSync(cacheFile, junk);
  const three = bundles('three', { 'lib/a.js': 'exports.v = "2";' });
  assert.equal((loadBundle(path.join(three, 'lib/a.js'), cache) as { v: string }).v, '2');
  assert.ok(!fs.readFileSync(cacheFile).equals(junk));
  assert.ok(holds('exports.v = "2";'));
  assert.deepEqual(fs.readdirSync(cache), ['lib-a.js.bin'], 'no temporary files left');
});

test('a cache directory that cannot be made costs nothing but the cache', () => {
  const dir = bundles('unwritable', { 'c.js': 'exports.v = "c";', file: '' });
  assert.equal((loadBundle(path.join(dir, 'c.js'), path.join(dir, 'file', 'cache')) as { v: string }).v, 'c');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['c.js', 'file']);
});

test('a bundle that throws is not kept: the next load runs it again', () => {
  const dir = bundles('throws', {
    't.js':
      'globalThis.__tRuns = (globalThis.__tRuns ?? 0) + 1; if (globalThis.__tRuns === 1) throw new Error("first");\nexports.ok = true;',
  });
  assert.throws(() => loadBundle(path.join(dir, 't.js'), path.join(dir, 'cache')), /first/);
  assert.equal((loadBundle(path.join(dir, 't.js'), path.join(dir, 'cache')) as { ok: boolean }).ok, true);
});

test('cleanup', () => fs.rmSync(tmp, { recursive: true, force: true }));
