/**
 * Loads our bundles (dist/lib/*.js and the mode files they require) like Node's `require`, but
 * through V8's code cache: the first run compiles as usual and saves what V8 compiled in
 * `cacheDir`; later runs skip most of the compiling. Node 20 has no module.enableCompileCache.
 *
 * V8 checks a cache against its own version and flags, but against the source only by length.
 * So a cache file holds the bundle's whole text before V8's data, and is used only where that
 * text is the bundle's, byte for byte: comparing costs less than hashing would (node:crypto
 * takes milliseconds to load, and the CLI does not need it otherwise). A missing, stale or
 * unwritable cache costs only the time it would save, never a failure. The cache lives beside
 * the bundles, so it is exactly as trusted as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface Loaded {
  exports: unknown;
}

/** One module object per bundle file, as Node's require cache keeps. */
const loaded = new Map<string, Loaded>();

/** The CommonJS wrapper, on a line of its own so that line and column numbers stay the bundle's. */
const HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const TAIL = '\n})';

/**
 * For the entry files dist/server.js and dist/cli.js (this folder, bundled into dist/): runs
 * dist/lib/<name> with the cache in dist/.code-cache/.
 */
export function runBundle(name: string): void {
  loadBundle(path.join(__dirname, 'lib', name), path.join(__dirname, '.code-cache'));
}

type Wrapper = (
  exports: unknown,
  require: (id: string) => unknown,
  module: Loaded,
  filename: string,
  dirname: string,
) => void;

/**
 * Runs the CommonJS bundle `file` once and returns its exports. The bundle's own `require`
 * loads relative paths (other bundles) the same way and everything else with Node's require.
 */
export function loadBundle(file: string, cacheDir: string): unknown {
  file = path.resolve(file);
  const known = loaded.get(file);
  if (known) return known.exports;
  const source = fs.readFileSync(file);
  const key = Buffer.concat([Buffer.from(`infra-lsp ${process.version} ${process.arch} ${source.length}\n`), source]);
  const cacheFile = path.join(cacheDir, `${path.basename(path.dirname(file))}-${path.basename(file)}.bin`);
  const cached = readCache(cacheFile, key);
  const script = new vm.Script(HEAD + source.toString('utf8') + TAIL, {
    filename: file,
    lineOffset: -1,
    cachedData: cached,
  });
  const dir = path.dirname(file);
  const module: Loaded = { exports: {} };
  const req = (id: string): unknown =>
    id.startsWith('./') || id.startsWith('../') ? loadBundle(path.join(dir, id), cacheDir) : require(id);
  loaded.set(file, module);
  try {
    (script.runInThisContext() as Wrapper).call(module.exports, module.exports, req, module, file, dir);
  } catch (err) {
    loaded.delete(file);
    throw err;
  }
  // after the run, so that the cache also holds the functions the bundle's start-up compiled
  if (!cached || script.cachedDataRejected) writeCache(cacheFile, key, script);
  return module.exports;
}

/** V8's data from the cache file, if the file starts with `key`. */
function readCache(cacheFile: string, key: Buffer): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFile);
    return data.length > key.length && key.equals(data.subarray(0, key.length)) ? data.subarray(key.length) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile: string, key: Buffer, script: vm.Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.accessSync(path.dirname(cacheFile), fs.constants.W_OK);
    fs.writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
    // a rename, so that a process starting meanwhile reads the old file or the new one, whole
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to clean up */
    }
  }
}
