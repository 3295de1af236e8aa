import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from './runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-stdin-'));

test('- reads standard input, in the language given, shown as <stdin>', () => {
  const r = run(['check', '--language', 'named', '-'], tmp, 'options { recursion maybe; };\n');
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  assert.match(r.out, /^<stdin>:1:21: error: .*'maybe'.* \[named-invalid-value\]$/);
});

test('- without --language: the language is told from the text', () => {
  const dhcpd = run(['check', '-'], tmp, 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.5;\n}\n');
  assert.match(dhcpd.out, /^<stdin>:2:\d+: \w+: .+ \[dhcpd-[a-z-]+\]$/m);
  const vmx = run(['check', '-'], tmp, 'config.version = "8"\nvirtualHW.version = "19"\nmemsize = "lots"\n');
  assert.equal(vmx.code, 1);
  assert.match(vmx.out, /^<stdin>:3:\d+: error: .+ \[vmx-invalid-value\]$/m);
});

test('- whose language cannot be told exits 2 and names --language', () => {
  for (const text of ['', 'hello world\n']) {
    const r = run(['check', '-'], tmp, text);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^infra-lsp: <stdin>: cannot tell the language from its text; use --language \(.*named.*\)$/);
  }
});

test("the includes of standard input are read from the current folder, and the included files' findings shown", () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'tree-'));
  fs.writeFileSync(path.join(dir, 'zones.conf'), 'zone "a" { type bogus; file "a.db"; };\n');
  const r = run(['check', '--language', 'named', '-'], dir, 'options { recursion yes; };\ninclude "zones.conf";\n');
  assert.equal(r.code, 1);
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /^<stdin>:2:9: info: 1 error in zones\.conf.* \[named-include-summary\]$/);
  assert.match(lines[1]!, /^zones\.conf:1:17: error: .*'bogus'.* \[named-invalid-value\]$/);
  const missing = run(['check', '--language', 'named', '-'], dir, 'include "nowhere.conf";\n');
  assert.match(
    missing.out,
    new RegExp(`named opens '${path.join(dir, 'nowhere.conf').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`),
  );
});

test('- in json output is the file <stdin>', () => {
  const r = run(['check', '--format', 'json', '--language', 'vmx', '-'], tmp, 'memsize = "1024"\n');
  assert.equal(r.code, 0);
  const parsed = JSON.parse(r.out) as Array<{ file: string; language: string }>;
  assert.deepEqual(
    parsed.map((f) => [f.file, f.language]),
    [['<stdin>', 'vmx']],
  );
});

test('- with files: both are checked; - twice is a usage error', () => {
  const f = path.join(tmp, 'a.vmx');
  fs.writeFileSync(f, 'memsize = "x"\n');
  const r = run(['check', '--language', 'vmx', f, '-'], tmp, 'memsize = "y"\n');
  assert.match(r.out, /^a\.vmx:1:\d+: error: /m);
  assert.match(r.out, /^<stdin>:1:\d+: error: /m);
  const twice = run(['check', '--language', 'vmx', '-', '-'], tmp, '');
  assert.equal(twice.code, 2);
  assert.match(twice.err, /^infra-lsp: - \(standard input\) is given more than once/);
});

test('- where there is no standard input to read exits 2', () => {
  const r = run(['check', '--language', 'vmx', '-'], tmp);
  assert.equal(r.code, 2);
  assert.match(r.err, /^infra-lsp: <stdin>: cannot read: /);
});

test(
  "dist/cli.js as a process: a pipe into 'check -'",
  { skip: !fs.existsSync('dist/cli.js') && 'dist/cli.js is not built' },
  () => {
    const cli = path.resolve('dist/cli.js');
    const r = spawnSync(process.execPath, [cli, 'check', '--language', 'vmx', '-'], {
      input: 'config.version = "8"\nmemsize = "lots"\n',
      cwd: tmp,
      encoding: 'utf8',
    });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^<stdin>:2:\d+: error: .+ \[vmx-invalid-value\]\n$/);
    // an empty pipe is an empty file: no findings
    const empty = spawnSync(process.execPath, [cli, 'check', '--language', 'named', '-'], { input: '', cwd: tmp });
    assert.equal(empty.status, 0);
  },
);
