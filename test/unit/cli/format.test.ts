/** `infra-lsp format`: printing, --check, --write (atomic, mode kept), --indent, .editorconfig, and its errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-format-'));
const SLOPPY_VMX = 'config.version="8"\nmemsize   =   "2048"\n\n\n\ndisplayName= "web"\n';
const TIDY_VMX = 'config.version = "8"\nmemsize = "2048"\n\ndisplayName = "web"\n';
const ZONE = '$TTL 1h\n@ IN SOA ns1 hostmaster 1 1h 15m 1w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';

function dir(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(tmp, 'case-'));
  for (const [n, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, n)), { recursive: true });
    fs.writeFileSync(path.join(d, n), t);
  }
  return d;
}

test('format prints the formatted text, and --check names what would change (exit 1)', () => {
  const d = dir({ 'web.vmx': SLOPPY_VMX, 'tidy.vmx': TIDY_VMX });
  const p = run(['format', 'web.vmx'], d);
  assert.equal(p.code, 0, p.err);
  assert.equal(`${p.out}\n`, TIDY_VMX);
  const c = run(['format', '--check', 'web.vmx', 'tidy.vmx'], d);
  assert.equal(c.code, 1);
  assert.equal(c.out, 'web.vmx');
  assert.equal(fs.readFileSync(path.join(d, 'web.vmx'), 'utf8'), SLOPPY_VMX, '--check changes nothing');
  assert.equal(run(['format', '--check', 'tidy.vmx'], d).code, 0);
});

test('--write rewrites through a rename, keeps the mode, leaves no temporary file, and is idempotent', () => {
  const d = dir({ 'web.vmx': SLOPPY_VMX });
  const f = path.join(d, 'web.vmx');
  fs.chmodSync(f, 0o640);
  const before = fs.statSync(f).ino;
  const w = run(['format', '--write', 'web.vmx'], d);
  assert.equal(w.code, 0, w.err);
  assert.equal(w.out, 'formatted web.vmx');
  assert.equal(fs.readFileSync(f, 'utf8'), TIDY_VMX);
  assert.equal(fs.statSync(f).mode & 0o777, 0o640);
  assert.notEqual(fs.statSync(f).ino, before, 'a new file renamed over the old one');
  assert.deepEqual(fs.readdirSync(d), ['web.vmx']);
  assert.equal(run(['format', '--check', 'web.vmx'], d).code, 0);
});

test('a folder: every file with a formatter; files without one are left alone', () => {
  const d = dir({ 'vm/web.vmx': SLOPPY_VMX, 'vmkernel.log': '2026-11-26T04:00:01.123Z cpu2:1)x\n' });
  const c = run(['format', '--check', '.'], d);
  assert.equal(c.code, 1, c.err);
  assert.equal(c.out, path.join('vm', 'web.vmx'));
});

test('indentation: --indent N or tab, else .editorconfig, else a tab', () => {
  const d = dir({
    'db.example.com': ZONE,
    'sub/db.example.com': ZONE,
    'sub/.editorconfig': '[*]\nindent_style = space\nindent_size = 2\n',
  });
  const tab = run(['format', 'db.example.com'], d);
  assert.equal(tab.code, 0, tab.err);
  assert.match(tab.out, /\t/);
  const spaces = run(['format', '--indent', '2', 'db.example.com'], d);
  assert.doesNotMatch(spaces.out, /\t/);
  const ec = run(['format', 'sub/db.example.com'], d);
  assert.doesNotMatch(ec.out, /\t/);
  assert.equal(ec.out, spaces.out, '.editorconfig says 2 spaces, as --indent 2');
  assert.match(run(['format', '--indent=tab', 'sub/db.example.com'], d).out, /\t/, '--indent wins over .editorconfig');
});

test('a .vmx whose bytes are not UTF-8 is printed but never rewritten', () => {
  const d = dir({});
  const f = path.join(d, 'kr.vmx');
  // "이름" in EUC-KR, declared by the file
  const bytes = Buffer.concat([
    Buffer.from('.encoding="EUC-KR"\ndisplayName=   "'),
    Buffer.from([0xc0, 0xcc, 0xb8, 0xa7]),
    Buffer.from('"\n'),
  ]);
  fs.writeFileSync(f, bytes);
  const p = run(['format', 'kr.vmx'], d);
  assert.equal(p.code, 0, p.err);
  assert.match(p.out, /displayName = "이름"/);
  const w = run(['format', '--write', 'kr.vmx'], d);
  assert.equal(w.code, 2);
  assert.match(w.err, /kr\.vmx: not rewritten: its bytes are not UTF-8/);
  assert.deepEqual(fs.readFileSync(f), bytes);
});

test('errors: a language without formatting, an unreadable file, and usage', () => {
  const d = dir({ 'vmkernel.log': 'x\n' });
  const l = run(['format', 'vmkernel.log'], d);
  assert.equal(l.code, 2);
  assert.match(l.err, /vmkernel\.log: no formatting for vmkernel-log/);
  const m = run(['format', 'missing.vmx'], d);
  assert.equal(m.code, 2);
  assert.match(m.err, /missing\.vmx: cannot read: no such file/);
  for (const args of [
    ['format'],
    ['format', '--check', '--write', 'a.vmx'],
    ['format', '--indent', '0', 'a.vmx'],
    ['format', '--indent', 'x', 'a.vmx'],
    ['format', '--write', '-'],
    ['format', '--bogus', 'a.vmx'],
  ]) {
    const r = run(args, d);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /^infra-lsp: .*\nusage: infra-lsp format/);
  }
});

test('standard input: printed, with --language or by its text', () => {
  const r = run(['format', '--language', 'vmx', '-'], tmp, SLOPPY_VMX);
  assert.equal(r.code, 0, r.err);
  assert.equal(`${r.out}\n`, TIDY_VMX);
});
