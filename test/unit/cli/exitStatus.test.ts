import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-exit-'));
const write = (name: string, text: string) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
};
/** Two warnings (vmx-unknown-key, vmx-unquoted-value), nothing else. */
const warnings = write('warn.vmx', 'config.version = "8"\nmemsise = "1024"\nnumvcpus = 2\n');
/** One info (dhcpd-global-only), nothing else. */
const info = write('dhcpd.conf', 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  local-port 6767;\n}\n');
/** One error. */
const error = write('err.vmx', 'memsize = "lots"\n');
const clean = write('clean.vmx', 'config.version = "8"\nmemsize = "1024"\n');

test('the fixtures hold what the cases below count on', () => {
  assert.deepEqual(severities(warnings), ['warning', 'warning']);
  assert.deepEqual(severities(info), ['info']);
  assert.deepEqual(severities(error), ['error']);
  assert.deepEqual(severities(clean), []);
});

function severities(f: string): string[] {
  const r = run(['check', '--format', 'json', f]);
  const [file] = JSON.parse(r.out) as Array<{ diagnostics: Array<{ severity: string }> }>;
  return file!.diagnostics.map((d) => d.severity);
}

test('--fail-on: the lowest severity that fails (default error)', () => {
  const cases: Array<[string[], string, number]> = [
    [[], warnings, 0],
    [[], info, 0],
    [[], error, 1],
    [['--fail-on', 'error'], warnings, 0],
    [['--fail-on', 'warning'], warnings, 1],
    [['--fail-on=warning'], info, 0],
    [['--fail-on', 'warning'], error, 1],
    [['--fail-on', 'info'], info, 1],
    [['--fail-on', 'info'], warnings, 1],
    [['--fail-on', 'info'], clean, 0],
  ];
  for (const [opts, f, code] of cases) {
    const r = run(['check', ...opts, f]);
    assert.equal(r.code, code, `${opts.join(' ')} ${path.basename(f)}`);
    assert.equal(r.err, '');
  }
});

test('--max-warnings N: exit 1 when there are more than N warnings (over all files), with a note on stderr', () => {
  const cases: Array<[string, string[], number]> = [
    ['0', [warnings], 1],
    ['1', [warnings], 1],
    ['2', [warnings], 0],
    ['2', [warnings, `${tmp}/./warn.vmx`], 0], // the same file named twice counts once
    ['0', [info, clean], 0],
  ];
  for (const [n, files, code] of cases) {
    const r = run(['check', '--max-warnings', n, ...files]);
    assert.equal(r.code, code, `--max-warnings ${n}`);
    if (code === 1) assert.equal(r.err, `infra-lsp: 2 warnings, more than --max-warnings ${n}`);
    else assert.equal(r.err, '');
  }
  const second = write('warn2.vmx', 'numvcpus = 4\n');
  assert.equal(run(['check', '--max-warnings=2', warnings, second]).code, 1, 'three warnings in two files');
  assert.equal(run(['check', '--max-warnings=3', warnings, second]).code, 0);
  // an error still fails whatever the warnings
  assert.equal(run(['check', '--max-warnings', '100', error]).code, 1);
});

test('a file that cannot be read still exits 2, whatever the findings', () => {
  const r = run(['check', '--fail-on', 'info', '--max-warnings', '0', warnings, path.join(tmp, 'missing.vmx')]);
  assert.equal(r.code, 2);
});

test('--fail-on and --max-warnings with a wrong value are usage errors', () => {
  for (const args of [
    ['--fail-on', 'hint'],
    ['--fail-on'],
    ['--max-warnings', '-1'],
    ['--max-warnings', 'many'],
    ['--max-warnings', '1.5'],
    ['--max-warnings='],
  ]) {
    const r = run(['check', ...args, clean]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /^infra-lsp: --(fail-on|max-warnings) takes /);
  }
});
