import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, doc, bothEOL, withEOL, fixesOnly } from '../../helpers';

for (const [name, fn] of bothEOL('quick fixes: curly quotes, did-you-mean, semicolon', (eol) => {
  const d = doc(
    'dhcpd',
    withEOL('option domain-name “a.com”;\ndefualt-lease-time 600;\nmax-lease-time 7200\nping-check true;\n', eol),
  );
  const diags = service.doValidation(d);
  const titles = fixesOnly(service.getCodeActions(d, diags[0]!.range, { diagnostics: diags })).map((a) => a.title);
  assert.ok(titles.includes('Replace curly quotes with straight quotes'));
  assert.ok(titles.includes("Change to 'default-lease-time'"));
  assert.ok(titles.includes("Insert ';'"));
}))
  test(name, fn);

for (const [name, fn] of bothEOL('did-you-mean on an option of another space keeps the space', (eol) => {
  for (const text of ['option agent.circuit-idd "x";\n', 'if option agent.circuit-idd = "x" { }\n']) {
    const d = doc('dhcpd', withEOL(text, eol));
    const diag = service.doValidation(d).find((x) => x.code === 'dhcpd-unknown-option')!;
    const actions = fixesOnly(service.getCodeActions(d, diag.range, { diagnostics: [diag] }));
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Change to 'agent.circuit-id'"],
      text,
    );
    const edit = Object.values(actions[0]!.edit!.changes!)[0]![0]!;
    assert.equal(d.getText().slice(d.offsetAt(edit.range.start), d.offsetAt(edit.range.end)), 'agent.circuit-idd');
  }
})) {
  test(name, fn);
}
