/**
 * named.conf and the zone files its zones load (issue 21): the origin of a zone file comes from
 * the zone statement that loads it, the `file` clause is a document link, a missing zone file is
 * an Information, and a file whose name says nothing is still a zone file to the client.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/modes';
import type { PathKind, WorkspaceHost } from '../../../server/src/service/workspace';
import { uriOfPath } from '../../../server/src/service/trees';
import { brief, EOLS, memoryFiles, withEOL } from '../../helpers';

function memoryHost(files: Record<string, string>, folders = ['/w']): WorkspaceHost {
  const kind = (p: string): PathKind => (files[p] === 'DIR' ? 'dir' : files[p] !== undefined ? 'file' : 'missing');
  return {
    folders: () => folders,
    kind,
    read: (p) => (kind(p) === 'file' ? files[p] : undefined),
    allowOutside: () => false,
    includeRoot: () => undefined,
  };
}

const service = createLanguageService();

const ZONE = '$TTL 1h\n@ SOA ns1 hostmaster 2024010101 1h 15m 1w 1h\n@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.2\n';

function setup(files: Record<string, string>, eol: '\n' | '\r\n' = '\n') {
  const all = Object.fromEntries(Object.entries(files).map(([p, t]) => [p, withEOL(t, eol)]));
  const ws = service.createWorkspace(memoryHost(all));
  for (const p of Object.keys(all)) if (p.endsWith('named.conf')) ws.update(p, 'named');
  const open = (p: string, lang: string) => TextDocument.create(uriOfPath(p), lang, 1, all[p]!);
  return { ws, open };
}

for (const eol of EOLS) {
  test(`a zone file named after nothing takes its origin from the zone statement (${JSON.stringify(eol)})`, () => {
    const { ws, open } = setup(
      {
        '/w/named.conf':
          'options {\n\tdirectory "/var/cache/bind";\n};\nzone "example.com" {\n\ttype primary;\n\tfile "zones/fwd";\n};\n',
        '/w/zones/fwd': ZONE,
      },
      eol,
    );
    const at = ws.textOf('/w/named.conf')!.indexOf('"zones/fwd"');
    // /var/cache/bind is not in the workspace: the file was found beside named.conf, whose folder
    // stands for named's working directory
    assert.deepEqual(ws.zoneLinkOf('/w/zones/fwd'), { origin: 'example.com.', from: '/w/named.conf', at, base: '/w' });
    const zone = open('/w/zones/fwd', 'dns-zone');
    // with no origin the apex is unknown: the zone checks say nothing; with named.conf's, they pass
    assert.deepEqual(service.doValidation(zone, { workspace: ws }).map(brief), []);
    const hover = service.doHover(zone, { line: 4, character: 1 }, { workspace: ws });
    const text = JSON.stringify(hover?.contents);
    assert.match(text, /www\.example\.com\./);
    assert.match(text, /the zone statement in named\.conf, line 6/);
    // the file clause links to it
    const named = open('/w/named.conf', 'named');
    const links = service.findDocumentLinks(named, { workspace: ws });
    assert.deepEqual(
      links.map((l) => [l.target, l.range.start.line, l.range.start.character, l.range.end.character]),
      [[uriOfPath('/w/zones/fwd'), 5, 7, 16]],
    );
  });

  test(`a zone statement's origin wins over $ORIGIN and the file name (${JSON.stringify(eol)})`, () => {
    const { ws, open } = setup(
      {
        '/w/named.conf': 'zone "example.org" {\n\ttype primary;\n\tfile "db.example.com";\n};\n',
        '/w/db.example.com': `$ORIGIN example.net.\n${ZONE}`,
      },
      eol,
    );
    const zone = open('/w/db.example.com', 'dns-zone');
    // $ORIGIN example.net. before the records puts them outside example.org: named ignores them
    const found = service.doValidation(zone, { workspace: ws }).map(brief);
    assert.ok(
      found.some((d) => d.includes('dns-zone-out-of-zone')),
      found.join('\n'),
    );
  });
}

test('a missing zone file of a primary or hint zone is an Information; a secondary writes its own', () => {
  const { ws, open } = setup({
    '/w/named.conf':
      'zone "example.com" {\n\ttype primary;\n\tfile "db.example.com";\n};\n' +
      'zone "." {\n\ttype hint;\n\tfile "root.hints";\n};\n' +
      'zone "example.net" {\n\ttype secondary;\n\tprimaries { 192.0.2.1; };\n\tfile "db.example.net";\n};\n' +
      'zone "example.org" {\n\ttype primary;\n\tmasterfile-format raw;\n\tfile "db.example.org";\n};\n',
  });
  const named = open('/w/named.conf', 'named');
  const found = service.doValidation(named, { workspace: ws }).filter((d) => d.code === 'named-zone-file-missing');
  assert.deepEqual(
    found.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.message}`),
    [
      "3 3 Zone 'example.com': its file 'db.example.com' does not exist (named opens '/w/db.example.com'): named would fail to load this zone. Create it, or correct the path (relative paths are read from the 'directory' of options).",
      "7 3 Zone '.': its file 'root.hints' does not exist (named opens '/w/root.hints'): named would fail to load this zone. Create it, or correct the path (relative paths are read from the 'directory' of options).",
    ],
  );
});

test('a zone file under a directory outside the workspace is looked for beside named.conf; unknown places say nothing', () => {
  const { ws, open } = setup({
    '/w/named.conf':
      'options {\n\tdirectory "/var/cache/bind";\n};\n' +
      'zone "example.com" {\n\ttype primary;\n\tfile "db.example.com";\n};\n' +
      'zone "example.net" {\n\ttype primary;\n\tfile "db.example.net";\n};\n' +
      'zone "example.org" {\n\ttype primary;\n\tfile "/srv/dns/db.example.org";\n};\n',
    '/w/db.example.com': ZONE,
  });
  assert.deepEqual([...ws.zoneLinks().keys()], ['/w/db.example.com']);
  const edges = ws.treeOf('/w/named.conf')!.zoneEdges.get('/w/named.conf')!;
  assert.deepEqual(
    edges.map((e) => [e.daemonPath, e.target ?? e.problem]),
    [
      ['/var/cache/bind/db.example.com', '/w/db.example.com'],
      ['/var/cache/bind/db.example.net', 'outside'],
      ['/srv/dns/db.example.org', 'unmapped'],
    ],
  );
  const named = open('/w/named.conf', 'named');
  assert.deepEqual(
    service.doValidation(named, { workspace: ws }).filter((d) => d.code === 'named-zone-file-missing'),
    [],
  );
});

test('zones inside views, and a zone file read in the last directory named sets', () => {
  const { ws } = setup({
    '/w/etc/named.conf':
      'options {\n\tdirectory "/var/named";\n};\nview "inside" {\n\tzone "example.com" {\n\t\ttype master;\n\t\tfile "inside/example.com";\n\t};\n};\n',
    '/w/var/named/inside/example.com': ZONE,
  });
  assert.deepEqual(ws.zoneLinkOf('/w/var/named/inside/example.com')?.origin, 'example.com.');
});

for (const eol of EOLS)
  test(`an MX target in another workspace zone with no address there is a Warning (${JSON.stringify(eol)})`, () => {
    const named =
      'zone "example.com" {\n\ttype primary;\n\tfile "db.com";\n};\nzone "example.net" {\n\ttype primary;\n\tfile "db.net";\n};\n';
    const com = `${ZONE}@ MX 10 mail.example.net.\n@ MX 20 mx.example.org.\n`;
    const check = (net: string) => {
      const { ws, open } = setup({ '/w/named.conf': named, '/w/db.com': com, '/w/db.net': net }, eol);
      return service
        .doValidation(open('/w/db.com', 'dns-zone'), { workspace: ws })
        .filter((d) => d.code === 'dns-zone-target-no-address')
        .map((d) => `${d.range.start.line + 1} ${d.message}`);
    };
    // example.org is no zone of the workspace: nothing is said of mx.example.org.
    const found = check(ZONE);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^6 .*mail\.example\.net/);
    assert.deepEqual(check(`${ZONE}mail A 192.0.2.25\n`), []);
  });

test('a checkout of /etc: a missing zone file under /etc is an Information, one under /usr or /var is not known', () => {
  const { ws, open } = setup({
    '/w/etc/bind/named.conf':
      'zone "." {\n\ttype hint;\n\tfile "/usr/share/dns/root.hints";\n};\n' +
      'zone "example.com" {\n\ttype primary;\n\tfile "/etc/bind/db.missing";\n};\n' +
      'zone "example.org" {\n\ttype primary;\n\tfile "/var/lib/bind/db.example.org";\n};\n',
  });
  const named = open('/w/etc/bind/named.conf', 'named');
  assert.deepEqual(
    service
      .doValidation(named, { workspace: ws })
      .filter((d) => d.code === 'named-zone-file-missing')
      .map((d) => d.range.start.line + 1),
    [7],
  );
});

test("a linked zone file's relative $INCLUDE is read from named's working directory, then beside the file", () => {
  const files = {
    '/w/etc/bind/named.conf':
      'options {\n\tdirectory "/var/cache/bind";\n};\nzone "example.com" {\n\ttype primary;\n\tfile "/etc/bind/zones/db.example";\n};\n',
    '/w/etc/bind/zones/db.example': `${ZONE}$INCLUDE "keys/extra.inc"\n$INCLUDE "local.inc"\nmail A 192.0.2.9\n`,
    // named opens keys/extra.inc in its working directory, /var/cache/bind
    '/w/var/cache/bind/keys/extra.inc': 'ftp A 192.0.2.3\n',
    // local.inc is only beside the zone file: read from there, as before
    '/w/etc/bind/zones/local.inc': 'ntp A 192.0.2.4\n',
  };
  const host = { ...memoryHost(files, ['/w']), includeRoot: () => '/w' };
  const ws = service.createWorkspace(host);
  ws.update('/w/etc/bind/named.conf', 'named');
  assert.equal(ws.zoneLinkOf('/w/etc/bind/zones/db.example')?.base, '/var/cache/bind'.replace(/^/, '/w'));
  const access = memoryFiles(Object.fromEntries(Object.entries(files).map(([p, t]) => [uriOfPath(p), t])));
  const zone = TextDocument.create(
    uriOfPath('/w/etc/bind/zones/db.example'),
    'dns-zone',
    1,
    files['/w/etc/bind/zones/db.example'],
  );
  assert.deepEqual(service.doValidation(zone, { workspace: ws, files: access }).map(brief), []);
  // go to definition follows the include to where named reads it
  const ftp = service.findDefinition(
    TextDocument.create(zone.uri, 'dns-zone', 2, `${zone.getText()}www2 CNAME ftp\n`),
    { line: 8, character: 13 },
    { workspace: ws, files: access },
  );
  const got = ftp === null ? [] : Array.isArray(ftp) ? ftp : [ftp];
  assert.deepEqual(
    got.map((l) => l.uri),
    [uriOfPath('/w/var/cache/bind/keys/extra.inc')],
  );
  // without the link (no named.conf), the include is looked for beside the file only: not there
  const alone = service.doValidation(zone, { files: access }).map(brief);
  assert.ok(alone.includes('6:10 info dns-zone-include-unread'), alone.join('\n'));
});
