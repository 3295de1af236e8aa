import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli, formatText } from '../../../server/src/cli';

function run(args: string[], cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-cli-'));

test('usage errors exit 2 with a message', () => {
  for (const args of [
    [],
    ['lint', 'x'],
    ['check'],
    ['check', '--format', 'xml', 'a.vmx'],
    ['check', '--language', 'cobol', 'a'],
    ['check', '--bogus', 'a.vmx'],
  ]) {
    const r = run(args);
    assert.equal(r.code, 2, `args ${args.join(' ')}`);
    assert.match(r.err, /^infra-lsp: /);
    assert.doesNotMatch(r.err, /\bat .+:\d+:\d+\)/, 'no stack trace');
  }
});

test('an unreadable path exits 2 with a one-line message', () => {
  const r = run(['check', path.join(tmp, 'missing.vmx')]);
  assert.equal(r.code, 2);
  assert.equal(r.err.split('\n').length, 1);
  assert.match(r.err, /missing\.vmx: cannot read: no such file/);
  const fifo = path.join(tmp, 'fifo.vmx');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    const p = run(['check', fifo]);
    fs.rmSync(fifo);
    assert.equal(p.code, 2);
    assert.match(p.err, /fifo\.vmx: cannot read: not a regular file/);
  }
});

test('a file whose language cannot be told exits 2 and names --language', () => {
  const f = path.join(tmp, 'notes.txt');
  fs.writeFileSync(f, 'hello');
  const r = run(['check', f]);
  assert.equal(r.code, 2);
  assert.match(r.err, /--language/);
});

test('text output: path:line:col: severity: message [rule]; exit 1 on errors', () => {
  const f = path.join(tmp, 'pipe.vmx');
  fs.writeFileSync(f, 'serial0.present = “TRUE”\n');
  const r = run(['check', f]);
  assert.equal(r.code, 1);
  assert.match(
    r.out,
    new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: error: .+ \\[vmx-[a-z-]+\\]$`, 'm'),
  );
});

test('json output and --language', () => {
  const f = path.join(tmp, 'guest.cfg');
  fs.writeFileSync(f, 'memsize = "1024"\n');
  const r = run(['check', '--format', 'json', '--language', 'vmx', f]);
  assert.equal(r.code, 0);
  const parsed = JSON.parse(r.out) as Array<{ file: string; language: string; diagnostics: unknown[] }>;
  assert.equal(parsed[0]!.language, 'vmx');
  assert.ok(Array.isArray(parsed[0]!.diagnostics));
});

test('formatText is 1-based and keeps one line', () => {
  const line = formatText('a.conf', {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    message: 'two\nlines',
    severity: 2,
    code: 'x-y',
  });
  assert.equal(line, 'a.conf:1:1: warning: two lines [x-y]');
});

test(
  'dist/cli.js as a process: unreadable path exits 2',
  { skip: !fs.existsSync('dist/cli.js') && 'dist/cli.js is not built' },
  () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'check', '/nonexistent/dhcpd.conf'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), 'infra-lsp: /nonexistent/dhcpd.conf: cannot read: no such file');
  },
);

test(
  "dist/cli.js as a process: a reader that goes away ('| head -1') ends it quietly",
  { skip: !fs.existsSync('dist/cli.js') && 'dist/cli.js is not built' },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-cli-'));
    try {
      // 1,001 findings: far more output than the pipe holds before `head` exits
      const file = path.join(dir, 'named.conf');
      fs.writeFileSync(file, 'unknown-word;\n'.repeat(5000));
      const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" dist/cli.js check "${file}" | head -1`], {
        encoding: 'utf8',
      });
      assert.match(r.stdout, /named\.conf:1:1: error: Unknown statement 'unknown-word'/);
      assert.equal(r.stderr, '', 'no stack trace on EPIPE');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
