/**
 * The workspace model: include paths resolved as named and dhcpd resolve them, roots, the
 * language of fragments, include problems, and each file checked in the context of its trees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/modes';
import type { PathKind, WorkspaceHost } from '../../../server/src/service/workspace';
import { uriOfPath } from '../../../server/src/service/trees';
import { brief } from '../../helpers';

/** A host over a map of absolute path → text ('DIR' and 'DEV' stand for a folder and a device). */
function memoryHost(files: Record<string, string>, o: { folders?: string[]; root?: string } = {}): WorkspaceHost {
  const kind = (p: string): PathKind =>
    files[p] === 'DIR' ? 'dir' : files[p] === 'DEV' ? 'other' : files[p] !== undefined ? 'file' : 'missing';
  return {
    folders: () => o.folders ?? ['/w'],
    kind,
    read: (p) => (kind(p) === 'file' ? files[p] : undefined),
    allowOutside: () => false,
    includeRoot: () => o.root,
  };
}

const service = createLanguageService();

function workspaceOf(files: Record<string, string>, o: { folders?: string[]; root?: string } = {}) {
  const ws = service.createWorkspace(memoryHost(files, o));
  for (const [p, t] of Object.entries(files))
    if (t !== 'DIR' && t !== 'DEV') {
      const lang = /dhcpd|subnets|keys/.test(path.basename(p)) ? 'dhcpd' : 'named';
      if (/named\.conf$|dhcpd\.conf$/.test(p)) ws.update(p, lang);
    }
  return ws;
}

/** Every file's diagnostics in the trees of `file`, as `name line:col severity code`. */
function check(ws: ReturnType<typeof workspaceOf>, file: string): string[] {
  return service
    .checkTrees(ws, file, { workspace: ws })
    .flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)} ${brief(d)}`));
}

const DEBIAN = {
  '/w/etc/bind/named.conf':
    'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/named.conf.local";\ninclude "/etc/bind/named.conf.default-zones";\n',
  '/w/etc/bind/named.conf.options': 'acl trusted { 10.0.0.0/8; };\noptions {\n\tdirectory "/var/cache/bind";\n};\n',
  '/w/etc/bind/named.conf.local':
    'zone "example.com" {\n\ttype primary;\n\tfile "/etc/bind/db.example.com";\n\tallow-transfer { trusted; };\n};\n',
  '/w/etc/bind/named.conf.default-zones': 'zone "localhost" {\n\ttype primary;\n\tfile "/etc/bind/db.local";\n};\n',
  // the zone files (a missing one would be an Information on its zone's file clause)
  '/w/etc/bind/db.example.com': '$TTL 1h\n@ SOA ns hostmaster 1 1h 15m 1w 1h\n@ NS ns\nns A 192.0.2.1\n',
  '/w/etc/bind/db.local': '$TTL 1h\n@ SOA @ root 1 1h 15m 1w 1h\n@ NS @\n@ A 127.0.0.1\n',
};

test('a Debian layout: the folder above etc/ stands for /, one root, names known across files', () => {
  const ws = workspaceOf(DEBIAN);
  // named.conf.local was indexed as a file of its own too (workspaceOf indexes only names ending in .conf)
  ws.update('/w/etc/bind/named.conf.local', 'named');
  assert.deepEqual(
    ws.allTrees().map((t) => t.root),
    ['/w/etc/bind/named.conf'],
  );
  assert.deepEqual(ws.rootsOf('/w/etc/bind/named.conf.local'), ['/w/etc/bind/named.conf']);
  assert.equal(ws.languageOf('/w/etc/bind/named.conf.options'), 'named');
  assert.deepEqual(check(ws, '/w/etc/bind/named.conf.local'), []);
  const edges = ws.treeOf('/w/etc/bind/named.conf')!.edges.get('/w/etc/bind/named.conf')!;
  assert.deepEqual(
    edges.map((e) => [e.daemonPath, e.target, e.via]),
    [
      ['/etc/bind/named.conf.options', '/w/etc/bind/named.conf.options', 'root'],
      ['/etc/bind/named.conf.local', '/w/etc/bind/named.conf.local', 'root'],
      ['/etc/bind/named.conf.default-zones', '/w/etc/bind/named.conf.default-zones', 'root'],
    ],
  );
});

test('the same fragment alone gets the undefined-acl warning its tree answers', () => {
  const ws = workspaceOf({ '/w/x/named.conf.local': DEBIAN['/w/etc/bind/named.conf.local'] });
  ws.update('/w/x/named.conf.local', 'named');
  assert.ok(check(ws, '/w/x/named.conf.local').some((l) => l.includes('named-undefined-reference')));
});

test('relative includes are read from the working directory, not the including file’s folder', () => {
  const files = {
    '/w/cfg/named.conf': 'include "sub/a.conf";\n',
    '/w/cfg/sub/a.conf': 'include "b.conf";\n',
    '/w/cfg/sub/b.conf': 'acl x { any; };\n',
  };
  // named-checkconf run in cfg/: b.conf is looked for in cfg/, not in cfg/sub/
  assert.deepEqual(check(workspaceOf(files), '/w/cfg/named.conf'), [
    'named.conf 1:9 info named-include-summary',
    'a.conf 1:9 error named-include-missing',
  ]);
  const beside = { ...files, '/w/cfg/b.conf': 'acl x { any; };\n' };
  assert.deepEqual(check(workspaceOf(beside), '/w/cfg/named.conf'), []);
});

test('named’s directory option moves the working directory for the includes after it', () => {
  const files = {
    '/w/etc/bind/named.conf': 'options { directory "/etc/bind/zones"; };\ninclude "extra.conf";\n',
    '/w/etc/bind/zones/extra.conf': 'acl x { any; };\n',
  };
  assert.deepEqual(check(workspaceOf(files), '/w/etc/bind/named.conf'), []);
  const before = {
    ...files,
    '/w/etc/bind/named.conf': 'include "extra.conf";\noptions { directory "/etc/bind/zones"; };\n',
  };
  assert.deepEqual(check(workspaceOf(before), '/w/etc/bind/named.conf'), [
    'named.conf 1:9 error named-include-missing',
  ]);
});

test('include problems: missing, a folder, a device, a cycle, outside, unmapped; each one Error that says which', () => {
  const ws = workspaceOf(
    {
      '/w/etc/bind/named.conf':
        'include "/etc/bind/none.conf";\ninclude "/etc/bind/dir";\ninclude "/etc/bind/dev";\ninclude "/etc/bind/a.conf";\n',
      '/w/etc/bind/dir': 'DIR',
      '/w/etc/bind/dev': 'DEV',
      '/w/etc/bind/a.conf': 'include "/etc/bind/b.conf";\n',
      '/w/etc/bind/b.conf': 'include "/etc/bind/a.conf";\n',
    },
    {},
  );
  const problems = ws
    .allTrees()
    .flatMap((t) => [...t.edges.values()].flat())
    .map((e) => e.problem ?? 'ok');
  assert.deepEqual(problems, ['missing', 'not-a-file', 'not-a-file', 'ok', 'ok', 'cycle']);
  const msgs = service
    .checkTrees(ws, '/w/etc/bind/named.conf', { workspace: ws })
    .flatMap((r) => r.diagnostics.filter((d) => d.code === 'named-include-missing').map((d) => d.message));
  assert.match(msgs[0]!, /does not exist/);
  assert.match(msgs[1]!, /not a regular file/);
  assert.ok(msgs.some((m) => /include cycle/.test(m)));

  // no folder stands for /: an absolute path outside the workspace is unmapped, and the file of
  // that name beside the includer is taken where there is one
  const flat = workspaceOf({
    '/w/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/other.conf";\n',
    '/w/named.conf.options': 'acl trusted { any; };\n',
  });
  const e = flat.treeOf('/w/named.conf')!.edges.get('/w/named.conf')!;
  assert.deepEqual(
    e.map((x) => [x.target, x.via, x.problem]),
    [
      ['/w/named.conf.options', 'beside', undefined],
      [undefined, undefined, 'unmapped'],
    ],
  );
  const unmapped = service
    .checkTrees(flat, '/w/named.conf', { workspace: flat })[0]!
    .diagnostics.find((d) => d.code === 'named-include-missing')!;
  assert.match(unmapped.message, /infraLsp\.includes\.root/);

  // a relative path that leaves the workspace
  const out = workspaceOf({ '/w/named.conf': 'include "../secret.conf";\n' });
  assert.equal(out.treeOf('/w/named.conf')!.edges.get('/w/named.conf')![0]!.problem, 'outside');
});

test('infraLsp.includes.root stands for /', () => {
  const files = {
    '/w/srv/ns1/named.conf': 'include "/etc/bind/keys.conf";\n',
    '/w/srv/ns1/etc/bind/keys.conf': 'key "k" { algorithm hmac-sha256; secret "aGVsbG8="; };\n',
  };
  assert.deepEqual(check(workspaceOf(files), '/w/srv/ns1/named.conf'), ['named.conf 1:9 error named-include-missing']);
  assert.deepEqual(check(workspaceOf(files, { root: '/w/srv/ns1' }), '/w/srv/ns1/named.conf'), []);
});

test('an error in an included file is reported in that file, and summarised on the include line', () => {
  const ws = workspaceOf({
    ...DEBIAN,
    '/w/etc/bind/named.conf.options': 'acl trusted { 10.0.0.0/8; };\noptions {\n\tdirectory "/var/cache/bind"\n};\n',
  });
  assert.deepEqual(check(ws, '/w/etc/bind/named.conf'), [
    'named.conf 1:9 info named-include-summary',
    'named.conf.options 3:29 error named-missing-semicolon',
  ]);
});

test('dhcpd: keys from the files loaded before count, a key defined only in a later file does not', () => {
  const key = 'key ddns { algorithm hmac-md5; secret "aGVsbG8="; }\n';
  const zone = 'zone example.com. { primary 127.0.0.1; key ddns; }\n';
  const ws = workspaceOf({
    '/w/etc/dhcp/dhcpd.conf': 'include "/etc/dhcp/keys.conf";\ninclude "/etc/dhcp/subnets.conf";\n',
    '/w/etc/dhcp/keys.conf': key,
    '/w/etc/dhcp/subnets.conf': zone,
  });
  assert.deepEqual(check(ws, '/w/etc/dhcp/subnets.conf'), []);
  const late = workspaceOf({
    '/w/etc/dhcp/dhcpd.conf': 'include "/etc/dhcp/subnets.conf";\ninclude "/etc/dhcp/keys.conf";\n',
    '/w/etc/dhcp/keys.conf': key,
    '/w/etc/dhcp/subnets.conf': zone,
  });
  assert.deepEqual(check(late, '/w/etc/dhcp/subnets.conf'), [
    'dhcpd.conf 1:9 info dhcpd-include-summary',
    'subnets.conf 1:44 error dhcpd-undefined-key',
  ]);
});

test('hover on an include says which file it loads; definition and references cross files', () => {
  const ws = workspaceOf(DEBIAN);
  const read = (p: string) => (DEBIAN as Record<string, string>)[p]!;
  const root = TextDocument.create(uriOfPath('/w/etc/bind/named.conf'), 'named', 1, read('/w/etc/bind/named.conf'));
  const h = service.doHover(root, { line: 0, character: 12 }, { workspace: ws });
  assert.match(JSON.stringify(h?.contents), /\/w\/etc\/bind\/named.conf.options/);
  const local = TextDocument.create(
    uriOfPath('/w/etc/bind/named.conf.local'),
    'named',
    1,
    read('/w/etc/bind/named.conf.local'),
  );
  const def = service.findDefinition(local, { line: 3, character: 21 }, { workspace: ws }) as { uri: string };
  assert.equal(def?.uri, uriOfPath('/w/etc/bind/named.conf.options'));
  const refs = service.findReferences(local, { line: 3, character: 21 }, { workspace: ws });
  assert.deepEqual(refs.map((r) => path.basename(new URL(r.uri).pathname)).sort(), [
    'named.conf.local',
    'named.conf.options',
  ]);
});

test('a statement that may appear once, set in two files of a tree: the Error is where named reads it second', () => {
  const first = workspaceOf({
    '/w/etc/bind/named.conf': 'include "/etc/bind/a.conf";\noptions { recursion no; };\n',
    '/w/etc/bind/a.conf': 'options { recursion yes; };\n',
  });
  assert.deepEqual(check(first, '/w/etc/bind/named.conf'), ['named.conf 2:1 error named-duplicate-statement']);
  const second = workspaceOf({
    '/w/etc/bind/named.conf': 'options { recursion no; };\ninclude "/etc/bind/a.conf";\n',
    '/w/etc/bind/a.conf': 'options { recursion yes; };\n',
  });
  assert.deepEqual(check(second, '/w/etc/bind/named.conf'), [
    'named.conf 2:9 info named-include-summary',
    'a.conf 1:1 error named-duplicate-statement',
  ]);
});

test('workspace symbols: the definitions of every indexed file, filtered as VS Code filters', () => {
  const ws = workspaceOf(DEBIAN);
  const names = (q: string) =>
    service
      .workspaceSymbols(ws, q)
      .map((s) => `${s.name} ${path.basename(new URL(s.location.uri).pathname)}`)
      .sort();
  assert.ok(names('').length >= 4);
  assert.deepEqual(names('trusted'), ['trusted named.conf.options']);
  assert.ok(names('exmpl').includes('example.com named.conf.local'), names('exmpl').join(', '));
});

test('an edit that keeps the includes moves their findings with the text; one that changes them walks the tree again', () => {
  const files: Record<string, string> = {
    '/w/etc/bind/named.conf': 'include "/etc/bind/none.conf";\n',
    '/w/etc/bind/a.conf': 'acl a { any; };\n',
  };
  const ws = workspaceOf(files);
  assert.deepEqual(check(ws, '/w/etc/bind/named.conf'), ['named.conf 1:9 error named-include-missing']);
  ws.update('/w/etc/bind/named.conf', 'named', '# a comment\n\ninclude "/etc/bind/none.conf";\n');
  assert.deepEqual(check(ws, '/w/etc/bind/named.conf'), ['named.conf 3:9 error named-include-missing']);
  ws.update('/w/etc/bind/named.conf', 'named', '# a comment\n\ninclude "/etc/bind/a.conf";\n');
  assert.deepEqual(check(ws, '/w/etc/bind/named.conf'), []);
  assert.deepEqual(ws.treeOf('/w/etc/bind/named.conf')!.files, ['/w/etc/bind/named.conf', '/w/etc/bind/a.conf']);
});
