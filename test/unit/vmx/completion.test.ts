import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { bothEOL, cursor, doc, service, withEOL } from '../../helpers';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};
function complete(textWithBar: string): CompletionItem[] {
  const c = cursor(textWithBar);
  return service.doComplete(doc('vmx', c.text), c.pos).items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

run('after `serial0.` only the serial0 keys', (eol) => {
  const items = complete(withEOL('memsize = "4096"\nserial0.|\n', eol));
  const ls = labels(items);
  assert.ok(ls.includes('serial0.fileType'));
  assert.ok(ls.includes('serial0.pipe.endPoint'));
  assert.ok(
    ls.every((l) => l.startsWith('serial0.')),
    ls.join(','),
  );
  const ft = items.find((i) => i.label === 'serial0.fileType')!;
  assert.equal(edit(ft), 'serial0.fileType = "${1|device,file,pipe,network,thinprint|}"');
  const fn = items.find((i) => i.label === 'serial0.fileName')!;
  assert.equal(edit(fn), 'serial0.fileName = "$1"');
  assert.deepEqual((ft.textEdit as TextEdit).range, {
    start: { line: 1, character: 0 },
    end: { line: 1, character: 8 },
  });
});

run('a new device takes the next free index', (eol) => {
  const ls = labels(complete(withEOL('ethernet0.present = "TRUE"\nethernet1.present = "TRUE"\neth|\n', eol)));
  assert.ok(ls.includes('ethernet2.present'), ls.filter((l) => l.startsWith('eth')).join(','));
  assert.ok(!ls.includes('ethernet0.present'));
});

run('a new disk takes the next free unit, skipping unit 7', (eol) => {
  const text = [
    'scsi0.present = "TRUE"',
    ...[0, 1, 2, 3, 4, 5, 6].map((u) => `scsi0:${u}.present = "TRUE"`),
    'scsi0:|',
  ].join('\n');
  const ls = labels(complete(withEOL(text, eol)));
  assert.ok(
    ls.includes('scsi0:8.fileName'),
    ls
      .filter((l) => l.startsWith('scsi0:'))
      .slice(0, 5)
      .join(','),
  );
});

run('keys with ` = ""` and the cursor inside; not when `=` already follows', (eol) => {
  const items = complete(withEOL('display|\n', eol));
  const dn = items.find((i) => i.label === 'displayName')!;
  assert.equal(edit(dn), 'displayName = "$1"');
  assert.equal(dn.insertTextFormat, 2);
  const items2 = complete(withEOL('display| = "x"\n', eol));
  assert.equal(edit(items2.find((i) => i.label === 'displayName')!), 'displayName');
});

run('values: enum, TRUE/FALSE, guestOS list, inside the quotes', (eol) => {
  const e = complete(withEOL('serial0.pipe.endPoint = "|"\n', eol));
  assert.deepEqual(labels(e), ['server', 'client']);
  assert.deepEqual((e[0]!.textEdit as TextEdit).range, {
    start: { line: 0, character: 25 },
    end: { line: 0, character: 25 },
  });
  assert.equal(edit(e[0]!), 'server');
  const b = complete(withEOL('tools.syncTime = "T|RUE"\n', eol));
  assert.deepEqual(labels(b), ['TRUE', 'FALSE']);
  assert.deepEqual((b[0]!.textEdit as TextEdit).range, {
    start: { line: 0, character: 18 },
    end: { line: 0, character: 22 },
  });
  const g = complete(withEOL('guestOS = |\n', eol));
  assert.ok(labels(g).includes('rhel9-64'));
  assert.equal(edit(g.find((i) => i.label === 'rhel9-64')!), '"rhel9-64"');
  assert.equal(g.find((i) => i.label === 'windows9-64')!.detail, 'Windows 10 (64-bit)');
});

run('snippets are offered at a key start, with the next free serial index', (eol) => {
  const items = complete(withEOL('serial0.present = "TRUE"\nser|\n', eol));
  const sn = items.find((i) => i.label === 'serial-pipe-server')!;
  assert.ok(sn);
  assert.match(
    edit(sn),
    /^serial\$\{1:1\}\.present = "TRUE"\nserial\$\{1:1\}\.yieldOnMsrRead = "TRUE"\nserial\$\{1:1\}\.fileType = "pipe"/,
  );
  assert.match(edit(sn), /pipe\.endPoint = "server"/);
  assert.ok(items.some((i) => i.label === 'serial-pipe-client'));
  assert.ok(!complete(withEOL('serial0.|\n', eol)).some((i) => i.kind === 15));
});

run('nothing in comments', (eol) => {
  assert.deepEqual(complete(withEOL('# seri|\n', eol)), []);
});

run('after `sched.` the per-disk keys name a disk that exists', (eol) => {
  const ls = labels(complete(withEOL('scsi0.present = "TRUE"\nscsi0:3.present = "TRUE"\nsched.|\n', eol)));
  assert.ok(ls.includes('sched.scsi0:3.shares'), ls.join(','));
  assert.ok(ls.includes('sched.cpu.shares'));
  assert.ok(ls.every((l) => l.startsWith('sched.')));
});

run('key documentation comes with completionItem/resolve, not in the list', (eol) => {
  const items = complete(withEOL('memsize = "4096"\nserial0.|\n', eol));
  const ft = items.find((i) => i.label === 'serial0.fileType')!;
  assert.equal(ft.documentation, undefined, 'the list stays small');
  const resolved = service.resolveCompletion(JSON.parse(JSON.stringify(ft)) as CompletionItem);
  const md = resolved.documentation as { kind: string; value: string };
  assert.equal(md.kind, 'markdown');
  assert.match(md.value, /serial0\.fileType/);
  assert.match(md.value, /pipe/);
  assert.equal(resolved.label, ft.label);
  // an item the server did not make comes back as it is
  const foreign = { label: 'x', data: { mode: 'vmx', key: 'no.such.key' } };
  assert.deepEqual(service.resolveCompletion(foreign), foreign);
  assert.deepEqual(service.resolveCompletion({ label: 'y' }), { label: 'y' });
});

run('keys already set elsewhere are not offered again; the key on the cursor line is', (eol) => {
  const ls = labels(complete(withEOL('memsize = "4096"\nnumvcpus = "2"\nmem|\n', eol)));
  assert.ok(!ls.includes('memsize'), 'memsize is set on line 1');
  const own = labels(complete(withEOL('memsize = "4096"\nnumvc|pus = "2"\n', eol)));
  assert.ok(own.includes('numvcpus'), 'the key being edited is still offered');
});
