import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { bothEOL, doc, service, withEOL, fixesOnly } from '../../helpers';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};

function actionsFor(text: string, rule: string, nth = 0): { d: TextDocument; actions: CodeAction[]; diag: Diagnostic } {
  const d = doc('vmx', text);
  const diags = service.doValidation(d).filter((x) => x.code === rule);
  const diag = diags[nth]!;
  assert.ok(diag, `no ${rule} diagnostic`);
  return { d, diag, actions: fixesOnly(service.getCodeActions(d, diag.range, { diagnostics: [diag] })) };
}
function apply(d: TextDocument, a: CodeAction): string {
  const edits = a.edit!.changes![d.uri]!;
  return TextDocument.applyEdits(d, edits);
}

run('curly quotes: fix one line, or the whole file', (eol) => {
  const text = withEOL('serial0.present = “true”\nserial0.fileType = “pipe”\n', eol);
  const { d, actions } = actionsFor(text, 'vmx-curly-quotes');
  assert.equal(actions.length, 2);
  assert.equal(apply(d, actions[0]!), withEOL('serial0.present = "true"\nserial0.fileType = “pipe”\n', eol));
  assert.match(actions[1]!.title, /all 4 curly quotes/);
  assert.equal(apply(d, actions[1]!), withEOL('serial0.present = "true"\nserial0.fileType = "pipe"\n', eol));
  // after the fix the file is clean of curly-quote errors
  assert.equal(service.doValidation(doc('vmx', apply(d, actions[1]!))).filter((x) => x.severity === 1).length, 0);
});

run('curly quotes around a long value: the fix writes the whole value (the message does not)', (eol) => {
  const long = `/vmfs/volumes/${'datastore-with-a-long-name/'.repeat(4)}com1.pipe`;
  const { d, actions } = actionsFor(withEOL(`serial0.fileName = “${long}”\n`, eol), 'vmx-curly-quotes');
  assert.equal(apply(d, actions[0]!), withEOL(`serial0.fileName = "${long}"\n`, eol));
});

run('unknown key: did-you-mean replaces the key', (eol) => {
  const { d, actions } = actionsFor(withEOL('serial0.fileTpye = "pipe"\n', eol), 'vmx-unknown-key');
  assert.equal(actions[0]!.title, "Change key to 'serial0.fileType'");
  assert.equal(apply(d, actions[0]!), withEOL('serial0.fileType = "pipe"\n', eol));
});

run('duplicate key: remove the earlier line', (eol) => {
  const { d, actions } = actionsFor(
    withEOL('memsize = "1024"\nnumvcpus = "1"\nmemsize = "2048"\n', eol),
    'vmx-duplicate-key',
  );
  assert.equal(actions[0]!.title, 'Remove the earlier setting on line 1');
  assert.equal(apply(d, actions[0]!), withEOL('numvcpus = "1"\nmemsize = "2048"\n', eol));
});

run('bare value gets quotes; loose boolean becomes TRUE; memsize rounds', (eol) => {
  let r = actionsFor(withEOL('guestOS = rhel9-64\n', eol), 'vmx-unquoted-value');
  assert.equal(apply(r.d, r.actions[0]!), withEOL('guestOS = "rhel9-64"\n', eol));
  r = actionsFor(withEOL('tools.syncTime = "yes"\n', eol), 'vmx-nonstandard-boolean');
  assert.equal(apply(r.d, r.actions[0]!), withEOL('tools.syncTime = "TRUE"\n', eol));
  r = actionsFor(withEOL('memsize = "1023"\n', eol), 'vmx-memsize-multiple');
  assert.deepEqual(
    r.actions.map((a) => a.title),
    ['Change value to "1020"', 'Change value to "1024"'],
  );
  r = actionsFor(withEOL('serial0.fileType = "pipes"\n', eol), 'vmx-invalid-value');
  assert.equal(apply(r.d, r.actions[0]!), withEOL('serial0.fileType = "pipe"\n', eol));
});

run('missing serial keys and missing adapter are added', (eol) => {
  let r = actionsFor(
    withEOL('serial0.present = "TRUE"\nserial0.fileType = "pipe"\nserial0.fileName = "/p"\n', eol),
    'vmx-serial-incomplete',
  );
  assert.equal(r.actions[0]!.title, 'Add serial0.pipe.endPoint');
  assert.equal(
    apply(r.d, r.actions[0]!),
    withEOL(
      'serial0.present = "TRUE"\nserial0.fileType = "pipe"\nserial0.pipe.endPoint = "server"\nserial0.fileName = "/p"\n',
      eol,
    ),
  );
  r = actionsFor(withEOL('scsi0:0.present = "TRUE"\n', eol), 'vmx-missing-controller');
  assert.equal(apply(r.d, r.actions[0]!), withEOL('scsi0.present = "TRUE"\nscsi0:0.present = "TRUE"\n', eol));
});

test('no actions for diagnostics of other languages', () => {
  const d = doc('vmx', 'memsize = "4096"\n');
  const diag: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    message: 'x',
    code: 'dhcpd-foo',
  };
  assert.deepEqual(fixesOnly(service.getCodeActions(d, diag.range, { diagnostics: [diag] })), []);
});

run('single curly quotes and a straight value closed by a curly quote are fixed too', (eol) => {
  const text = withEOL('displayName = ‘Bob’s VM’\nguestOS = "rhel9-64”\nmemsize = “4096”\n', eol);
  const d = doc('vmx', text);
  const diags = service.doValidation(d);
  assert.deepEqual(
    diags.map((x) => `${x.range.start.line + 1} ${x.code}`),
    ['1 vmx-curly-quotes', '2 vmx-curly-quotes', '3 vmx-curly-quotes'],
  );
  const actions = fixesOnly(service.getCodeActions(d, diags[1]!.range, { diagnostics: [diags[1]!] }));
  assert.equal(
    apply(d, actions[0]!),
    withEOL('displayName = ‘Bob’s VM’\nguestOS = "rhel9-64"\nmemsize = “4096”\n', eol),
  );
  assert.match(actions[1]!.title, /all 3 values/);
  assert.equal(
    apply(d, actions[1]!),
    withEOL('displayName = "Bob’s VM"\nguestOS = "rhel9-64"\nmemsize = "4096"\n', eol),
  );
});
