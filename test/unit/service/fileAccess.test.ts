/**
 * Safe file access for `include`: workspace only unless allowed, never devices, FIFOs or
 * directories, a size cap, no escape through `..` or symlinks. And key secrets (TSIG / rndc
 * `secret`) never appear in hovers, completion docs, symbols or diagnostic messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent, MarkedString } from 'vscode-languageserver-types';
import { createFsAccess, DEFAULT_MAX_INCLUDE_BYTES, uriToPath } from '../../../server/src/service/fileAccess';
import { bothEOL, memoryFiles, withEOL } from '../../helpers';
import { recordingService } from '../../fuzz/harness';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-fa-'));
const ws = path.join(tmp, 'ws');
const ws2 = path.join(tmp, 'ws2'); // shares a prefix with ws: must not count as inside it
const outside = path.join(tmp, 'outside');
for (const d of [ws, ws2, outside, path.join(ws, 'sub')]) fs.mkdirSync(d, { recursive: true });
fs.writeFileSync(path.join(ws, 'named.conf'), 'include "sub/zones.conf";\n');
fs.writeFileSync(path.join(ws, 'sub', 'zones.conf'), 'zone "a" { type primary; file "a"; };\n');
fs.writeFileSync(path.join(ws2, 'other.conf'), 'ws2\n');
fs.writeFileSync(path.join(outside, 'secret.conf'), 'outside\n');
fs.symlinkSync(path.join(outside, 'secret.conf'), path.join(ws, 'link-out.conf'));
fs.symlinkSync('/dev/zero', path.join(ws, 'zero.conf'));
fs.symlinkSync(path.join(ws, 'sub', 'zones.conf'), path.join(ws, 'link-in.conf'));
const fifo = path.join(ws, 'fifo.conf');
const haveFifo = spawnSync('mkfifo', [fifo]).status === 0;
const url = (p: string) => pathToFileURL(p).toString();

process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

function access(
  opts: { allowOutside?: boolean; maxBytes?: number; roots?: string[]; open?: Record<string, string> } = {},
) {
  return createFsAccess({
    roots: () => opts.roots ?? [ws],
    allowOutside: () => opts.allowOutside ?? false,
    maxBytes: opts.maxBytes,
    openDocument: opts.open ? (u) => opts.open![u] : undefined,
  });
}

test('reads a file inside the workspace, resolved relative to the including file', () => {
  const fa = access();
  const u = fa.resolve(url(path.join(ws, 'named.conf')), 'sub/zones.conf');
  assert.equal(u, url(path.join(ws, 'sub', 'zones.conf')));
  assert.match(fa.read(u!) ?? '', /zone "a"/);
  assert.match(fa.read(url(path.join(ws, 'link-in.conf'))) ?? '', /zone "a"/, 'a symlink that stays inside is fine');
});

test('never reads outside the workspace unless allowed', () => {
  const fa = access();
  const from = url(path.join(ws, 'named.conf'));
  assert.equal(fa.read(fa.resolve(from, '../outside/secret.conf')!), undefined, '.. escape');
  assert.equal(fa.read(fa.resolve(from, path.join(outside, 'secret.conf'))!), undefined, 'absolute path');
  assert.equal(fa.read(fa.resolve(from, 'sub/../../outside/secret.conf')!), undefined, 'dots in the middle');
  assert.equal(fa.read(url(path.join(ws, 'link-out.conf'))), undefined, 'symlink pointing outside');
  assert.equal(fa.read(url(path.join(ws2, 'other.conf'))), undefined, 'a sibling folder sharing the prefix');
  assert.equal(fa.read(url('/etc/passwd')), undefined);
  assert.equal(access({ roots: [] }).read(url(path.join(ws, 'named.conf'))), undefined, 'no workspace folder: nothing');
  const allowed = access({ allowOutside: true });
  assert.equal(allowed.read(url(path.join(outside, 'secret.conf'))), 'outside\n', 'the setting allows it');
  assert.equal(allowed.read(url(path.join(ws, 'link-out.conf'))), 'outside\n');
});

test('never reads devices, FIFOs or directories, even when outside reads are allowed', (t) => {
  for (const fa of [access(), access({ allowOutside: true })]) {
    assert.equal(fa.read(url('/dev/zero')), undefined, '/dev/zero');
    assert.equal(fa.read(url('/dev/null')), undefined, '/dev/null');
    assert.equal(fa.read(url('/dev/urandom')), undefined, '/dev/urandom');
    assert.equal(fa.read(url(path.join(ws, 'zero.conf'))), undefined, 'a symlink to /dev/zero');
    assert.equal(fa.read(url(ws)), undefined, 'a directory');
    assert.equal(fa.read(url('/proc/self/fd/0')), undefined, 'stdin through /proc');
    if (haveFifo) assert.equal(fa.read(url(fifo)), undefined, 'a FIFO (reading it would block forever)');
  }
  if (!haveFifo) t.diagnostic('mkfifo is not available; the FIFO case was skipped');
});

test('caps the size of what it reads', () => {
  const big = path.join(ws, 'big.conf');
  fs.writeFileSync(big, 'x'.repeat(1001));
  assert.equal(access({ maxBytes: 1000 }).read(url(big)), undefined, 'over the cap');
  assert.equal(access({ maxBytes: 1001 }).read(url(big))?.length, 1001, 'exactly the cap');
  assert.ok(
    DEFAULT_MAX_INCLUDE_BYTES > 0 && DEFAULT_MAX_INCLUDE_BYTES <= 64 * 1024 * 1024,
    'the default cap is set and sane',
  );
  const huge = path.join(ws, 'sparse.conf');
  const fd = fs.openSync(huge, 'w');
  fs.ftruncateSync(fd, DEFAULT_MAX_INCLUDE_BYTES + 1); // sparse: costs no disk
  fs.closeSync(fd);
  assert.equal(access().read(url(huge)), undefined, 'the default cap applies');
});

test('odd paths and URIs give undefined, never a throw', () => {
  const fa = access({ allowOutside: true });
  const from = url(path.join(ws, 'named.conf'));
  assert.equal(fa.resolve(from, ''), undefined);
  assert.equal(fa.resolve(from, 'a\0b'), undefined, 'NUL in a path');
  assert.equal(fa.resolve('untitled:Untitled-1', 'x.conf'), undefined, 'relative to an unsaved buffer');
  for (const u of [
    'untitled:Untitled-1',
    'http://example.com/x',
    'file://remote-host/x',
    'file:///no/such/file',
    'not a uri',
    '',
    'file:///%00',
  ]) {
    assert.equal(fa.read(u), undefined, u);
  }
  assert.equal(uriToPath('http://x/y'), undefined);
});

test('open editor buffers win over the disk', () => {
  const u = url(path.join(ws, 'sub', 'zones.conf'));
  assert.equal(access({ open: { [u]: 'edited' } }).read(u), 'edited');
});

// ------------------------------------------------------------------------------- secrets

const SECRET = 'c2VjcmV0LXRzaWcta2V5LWRvLW5vdC1zaG93LXRoaXMtMTIzNDU2Nzg5MA==';
const SECRET_CORE = SECRET.slice(8, 40); // any recognisable piece counts as a leak

const KEY_DOCS: Record<string, string[]> = {
  named: [
    `key "rndc-key" {\n\talgorithm hmac-sha256;\n\tsecret "${SECRET}";\n};\n`,
    `key "xfer" {\n\talgorithm hmac-sha256;\n\tsecret "${SECRET}"\n};\nzone "a" { type primary; file "a"; allow-transfer { key "xfer"; }; };\n`,
    `key xfer { algorithm hmac-sha512; secret ${SECRET}; };\nserver 192.0.2.1 { keys { xfer; }; };\n`,
    `include "/etc/bind/rndc.key";\ncontrols { inet 127.0.0.1 allow { 127.0.0.1; } keys { "rndc-key"; }; };\n`,
  ],
  dhcpd: [
    `key "ddns" {\n  algorithm hmac-md5;\n  secret "${SECRET}";\n};\nzone example.com. { primary 127.0.0.1; key ddns; }\n`,
    `key ddns { algorithm hmac-sha256; secret ${SECRET}; }\nomapi-key ddns;\n`,
    `key "ddns" { algorithm hmac-sha256; secret "${SECRET}" }\n`,
  ],
};

const included = memoryFiles({
  'file:///etc/bind/rndc.key': `key "rndc-key" {\n\talgorithm hmac-sha256;\n\tsecret "${SECRET}";\n};\n`,
});

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const one = (c: MarkupContent | MarkedString): string => (typeof c === 'string' ? c : c.value);
  return Array.isArray(h.contents) ? h.contents.map(one).join('\n') : one(h.contents);
}

for (const [lang, docs] of Object.entries(KEY_DOCS)) {
  for (const [name, fn] of bothEOL(
    `${lang}: hovers, completions, symbols and messages never show a key secret`,
    (eol) => {
      const svc = recordingService();
      const mode = svc.service.modeFor(lang);
      if (!mode) return;
      docs.forEach((text0, i) => {
        const text = withEOL(text0, eol);
        const doc = TextDocument.create(`file:///etc/bind/case${i}.conf`, lang, 1, text);
        const leaks: string[] = [];
        const check = (what: string, s: string | undefined) => {
          if (s && s.includes(SECRET_CORE)) leaks.push(`${what}: ${s.slice(0, 200)}`);
        };
        for (const d of svc.service.doValidation(doc, { files: included }))
          check(`diagnostic ${String(d.code)}`, d.message);
        const walk = (ss: ReturnType<typeof svc.service.findDocumentSymbols>) => {
          for (const s of ss) {
            check(`symbol ${s.name}`, `${s.name} ${s.detail ?? ''}`);
            if (s.children) walk(s.children);
          }
        };
        walk(svc.service.findDocumentSymbols(doc, { files: included }));
        for (let off = 0; off <= text.length; off++) {
          const pos = doc.positionAt(off);
          check(`hover at ${pos.line}:${pos.character}`, hoverText(svc.service.doHover(doc, pos, { files: included })));
        }
        for (const off of [text.indexOf(SECRET), text.indexOf(SECRET) + 10, text.indexOf('secret'), text.length]) {
          const pos = doc.positionAt(Math.max(0, off));
          for (const it of svc.service.doComplete(doc, pos, { files: included }).items) {
            const docText = typeof it.documentation === 'string' ? it.documentation : it.documentation?.value;
            check(`completion ${it.label}`, `${it.label} ${it.detail ?? ''} ${docText ?? ''}`);
          }
        }
        assert.deepEqual(leaks, [], `case ${i}:\n${text}`);
        assert.deepEqual(svc.errors, []);
      });
    },
  ))
    test(name, fn);
}
