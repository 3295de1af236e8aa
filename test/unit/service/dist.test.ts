/**
 * The built layout (scripts/build.mjs): the server and CLI bundles leave each language mode to a
 * file of its own, loaded on first use, and the loaders' code cache changes no output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startStdioServer } from '../../protocol/lspClient';

const built = fs.existsSync('dist/lib/cli.js') && fs.existsSync('dist/lib/server.js');
const skip = !built && 'dist/ is not built';

/** A string from each mode's tables, found in no other file. */
const MARKERS: Record<string, string> = {
  vmx: 'windows9-64',
  dhcpd: 'domain-name-servers',
  named: 'allow-query-cache',
  vmklog: 'VMK_NO_MEMORY',
  iscsi: 'xn--',
  zone: 'Public cryptocurrency wallet addresses',
};

test('the server and CLI bundles hold no mode, only a require of each mode file', { skip }, () => {
  assert.deepEqual(
    fs
      .readdirSync('dist/lib/modes')
      .filter((f) => f.endsWith('.js'))
      .sort(),
    Object.keys(MARKERS)
      .map((m) => `${m}.js`)
      .sort(),
  );
  for (const main of ['dist/lib/server.js', 'dist/lib/cli.js']) {
    const js = fs.readFileSync(main, 'utf8');
    for (const [mode, marker] of Object.entries(MARKERS)) {
      assert.ok(js.includes(`require("./modes/${mode}.js")`), `${main} requires ${mode}`);
      assert.ok(!js.includes(marker), `${main} holds no ${mode} tables`);
      assert.ok(fs.readFileSync(`dist/lib/modes/${mode}.js`, 'utf8').includes(marker), `${mode}.js holds its tables`);
    }
  }
});

/** A copy of dist/ without its cache (so that it starts empty and no other test races it), removed after `fn`. */
async function withCopy(fn: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-dist-'));
  try {
    fs.cpSync('dist', dir, { recursive: true, filter: (f) => !f.includes('.code-cache') && !f.endsWith('.map') });
    await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test(
  'starting loads no mode: the server answers initialize, the CLI --version, with neither compiled',
  { skip },
  async () => {
    await withCopy(async (dir) => {
      const cli = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      const server = startStdioServer(path.join(dir, 'server.js'));
      try {
        await server.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      } finally {
        server.kill();
      }
      // the loaders cache what they compile: the two bundles, no mode
      assert.deepEqual(fs.readdirSync(path.join(dir, '.code-cache')).sort(), ['lib-cli.js.bin', 'lib-server.js.bin']);
    });
  },
);

test(
  'dist/cli.js through the code cache prints what the bundle alone prints; the cache is written once',
  { skip },
  async () => {
    await withCopy((dir) => {
      const samples = [
        'samples/vmx/appserver-mistakes.vmx',
        'samples/named/named.conf',
        'samples/dhcpd/dhcpd.conf',
        'samples/iscsi/initiatorname.iscsi',
      ];
      const run = (js: string) =>
        spawnSync(process.execPath, [path.join(dir, js), 'check', '--format', 'json', ...samples], {
          encoding: 'utf8',
        });
      const plain = run('lib/cli.js');
      assert.ok(plain.stdout.length > 100, plain.stderr);
      const cacheDir = path.join(dir, '.code-cache');
      assert.ok(!fs.existsSync(cacheDir), 'the bundle alone writes no cache');
      const first = run('cli.js');
      assert.deepEqual([first.status, first.stdout, first.stderr], [plain.status, plain.stdout, plain.stderr]);
      const written = fs.readdirSync(cacheDir).sort();
      assert.deepEqual(written, [
        'lib-cli.js.bin',
        'modes-dhcpd.js.bin',
        'modes-iscsi.js.bin',
        'modes-named.js.bin',
        'modes-vmx.js.bin',
      ]);
      const stamps = written.map((f) => fs.statSync(path.join(cacheDir, f)).mtimeMs);
      const second = run('cli.js');
      assert.deepEqual([second.status, second.stdout, second.stderr], [plain.status, plain.stdout, plain.stderr]);
      assert.deepEqual(
        written.map((f) => fs.statSync(path.join(cacheDir, f)).mtimeMs),
        stamps,
        'the cache was used, not rewritten',
      );
    });
  },
);

test('dist/server.js writes its code cache once: the next start uses it', { skip }, async () => {
  await withCopy(async (dir) => {
    const start = async () => {
      const server = startStdioServer(path.join(dir, 'server.js'));
      try {
        await server.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
        // the cache is written after the bundle has run, before initialize is answered
      } finally {
        server.kill();
      }
    };
    const cacheFile = path.join(dir, '.code-cache', 'lib-server.js.bin');
    await start();
    const first = fs.readFileSync(cacheFile);
    await start();
    // a cache V8 rejects (its flags changed after the bundle was compiled) would be written anew, and differ
    assert.ok(fs.readFileSync(cacheFile).equals(first), 'the second start used the cache instead of writing a new one');
  });
});

test(
  'starting the server loads neither node:crypto nor node:child_process (the protocol libraries get them on first use)',
  { skip },
  async () => {
    // a preload that reports, as the process exits, which built-in modules it loaded
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-builtins-'));
    try {
      const hook = path.join(dir, 'report.js');
      fs.writeFileSync(
        hook,
        "process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n",
      );
      const proc = spawn(process.execPath, ['-r', hook, path.resolve('dist/server.js'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let err = '';
      proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
      conn.listen();
      await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await conn.sendRequest('shutdown');
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      await conn.sendNotification('exit');
      await exited;
      conn.dispose();
      const loaded = JSON.parse(/LOADED (.*)/.exec(err)?.[1] ?? 'null') as string[] | null;
      assert.ok(loaded, `the preload reported nothing: ${err.slice(0, 500)}`);
      assert.ok(loaded.includes('NativeModule fs'), 'the report lists built-ins as NativeModule <name>');
      assert.deepEqual(
        loaded.filter((m) => /^NativeModule (crypto|child_process)$/.test(m)),
        [],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
