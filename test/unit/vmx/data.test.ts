import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { KEYS, FAMILIES } from '../../../server/src/vmx/data/keys';
import { ENUMS } from '../../../server/src/vmx/data/enums';
import { GUEST_OS } from '../../../server/src/vmx/data/guestOS';
import { RULES as RULE_LIST } from '../../../server/src/vmx/rules';
import { SNIPPETS } from '../../../server/src/vmx/data/snippets';
import { lookupKey } from '../../../server/src/vmx/schema';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { cursor, doc, service, validate } from '../../helpers';

function noDuplicates(name: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    assert.ok(!seen.has(id.toLowerCase()), `${name}: duplicate ${id}`);
    seen.add(id.toLowerCase());
  }
}

test('every key has docs, a known enum table, and no duplicates', () => {
  noDuplicates(
    'keys',
    KEYS.map((k) => k.key),
  );
  for (const k of KEYS) {
    assert.ok(k.doc.length > 5, `${k.key} has no doc`);
    if (k.values) assert.ok(ENUMS[k.values], `${k.key}: no enum table ${k.values}`);
    if (k.type === 'enum') assert.ok(k.values, `${k.key} is an enum without values`);
    if (k.min !== undefined && k.max !== undefined) assert.ok(k.min <= k.max, k.key);
    const fam = /^(?:sched\.)?([A-Za-z_]+)(?:\{n\}|:\{u\})/.exec(k.key)?.[1];
    if (k.key.includes('{'))
      assert.ok(
        FAMILIES.some((f) => f.name === fam),
        `${k.key}: no family ${fam}`,
      );
    // a concrete key must find itself
    if (!k.key.includes('*'))
      assert.equal(lookupKey(k.key.replace('{n}', '0').replace('{u}', '0')).match?.def, k, k.key);
  }
  noDuplicates(
    'families',
    FAMILIES.map((f) => f.name),
  );
});

test('every enum value and guestOS id has docs, no duplicates', () => {
  for (const [name, values] of Object.entries(ENUMS)) {
    noDuplicates(
      name,
      values.map((v) => v.value),
    );
    for (const v of values) assert.ok(v.doc.length > 2, `${name}.${v.value} has no doc`);
  }
  noDuplicates(
    'guestOS',
    GUEST_OS.map((g) => g.id),
  );
  for (const g of GUEST_OS) assert.ok(g.name.length > 2, g.id);
  assert.ok(GUEST_OS.length > 250);
});

test('every rule has a vmx- id, a description and a unique id', () => {
  noDuplicates(
    'rules',
    RULE_LIST.map((r) => r.id),
  );
  for (const r of RULE_LIST) {
    assert.match(r.id, /^vmx-[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(r.description.endsWith('.'), r.id);
  }
});

test('vmx snippets have one source: completion offers them, package.json contributes none', () => {
  assert.ok(!fs.existsSync('snippets/vmx.json'), 'snippets/vmx.json would list every snippet twice in VS Code');
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
    contributes: { snippets: Array<{ language: string }> };
  };
  assert.deepEqual(
    pkg.contributes.snippets.filter((s) => s.language === 'vmx'),
    [],
  );
  const c = cursor('|\n');
  const offered = service
    .doComplete(doc('vmx', c.text), c.pos)
    .items.filter((i) => i.kind === CompletionItemKind.Snippet);
  assert.deepEqual(
    offered.map((i) => [i.label, i.detail]),
    SNIPPETS.map((s) => [s.prefix, s.name]),
  );
  noDuplicates(
    'snippet prefixes',
    SNIPPETS.map((s) => s.prefix),
  );
});

test('each snippet, with its placeholders filled, is a clean .vmx fragment', () => {
  for (const s of SNIPPETS) {
    const text = s.body
      .join('\n')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$0/g, '');
    assert.deepEqual(
      validate('vmx', text).map((d) => `${s.prefix}: ${d.message}`),
      [],
    );
  }
});

test('the pipe snippets pair two VMs exactly like the reference example', () => {
  const server = SNIPPETS.find((s) => s.prefix === 'serial-pipe-server')!.body.join('\n');
  const client = SNIPPETS.find((s) => s.prefix === 'serial-pipe-client')!.body.join('\n');
  for (const k of ['present', 'yieldOnMsrRead', 'fileType = "pipe"', 'fileName', 'tryNoRxLoss']) {
    assert.ok(server.includes(k) && client.includes(k), k);
  }
  assert.equal(server.replace('"server"', '"client"'), client);
});

test('language configuration and grammar are valid JSON with the right ids', () => {
  const conf = JSON.parse(fs.readFileSync('languages/vmx.language-configuration.json', 'utf8'));
  assert.equal(conf.comments.lineComment, '#');
  assert.ok(conf.autoClosingPairs.some((p: { open: string }) => p.open === '"'));
  const g = JSON.parse(fs.readFileSync('syntaxes/vmx.tmLanguage.json', 'utf8'));
  assert.equal(g.scopeName, 'source.vmx');
});

test("the VM settings of VMware's hardening guide are known keys", () => {
  const hardening = [
    'isolation.tools.copy.disable = "TRUE"',
    'isolation.tools.paste.disable = "TRUE"',
    'isolation.tools.dnd.disable = "TRUE"',
    'isolation.tools.setGUIOptions.enable = "FALSE"',
    'isolation.tools.diskShrink.disable = "TRUE"',
    'isolation.tools.diskWiper.disable = "TRUE"',
    'isolation.device.connectable.disable = "TRUE"',
    'isolation.device.edit.disable = "TRUE"',
    'RemoteDisplay.maxConnections = "1"',
    'RemoteDisplay.vnc.enabled = "FALSE"',
    'tools.setInfo.sizeLimit = "1048576"',
    'tools.guestlib.enableHostInfo = "FALSE"',
    'log.keepOld = "10"',
    'log.rotateSize = "2048000"',
    'mks.enable3d = "FALSE"',
    'sched.mem.pshare.salt = "x"',
    'isolation.tools.unity.push.update.disable = "TRUE"',
    'isolation.tools.ghi.launchmenu.change = "TRUE"',
    'isolation.tools.memSchedFakeSampleStats.disable = "TRUE"',
    'isolation.tools.getCreds.disable = "TRUE"',
    'isolation.tools.ghi.autologon.disable = "TRUE"',
    'isolation.bios.bbs.disable = "TRUE"',
    'isolation.tools.hgfsServerSet.disable = "TRUE"',
    'isolation.ghi.host.shellAction.disable = "TRUE"',
    'isolation.tools.dispTopoRequest.disable = "TRUE"',
    'isolation.tools.trashFolderState.disable = "TRUE"',
    'isolation.tools.ghi.trayicon.disable = "TRUE"',
    'isolation.tools.unity.disable = "TRUE"',
    'isolation.tools.unityInterlockOperation.disable = "TRUE"',
    'isolation.tools.unity.taskbar.disable = "TRUE"',
    'isolation.tools.unityActive.disable = "TRUE"',
    'isolation.tools.unity.windowContents.disable = "TRUE"',
    'isolation.tools.vmxDnDVersionGet.disable = "TRUE"',
    'isolation.tools.guestDnDVersionSet.disable = "TRUE"',
    'isolation.tools.vixMessage.disable = "TRUE"',
    'isolation.tools.autoInstall.disable = "TRUE"',
    'isolation.tools.ghi.protocolhandler.info.disable = "TRUE"',
    'isolation.monitor.control.disable = "TRUE"',
    'vmci0.unrestricted = "FALSE"',
    'tools.guest.desktop.autolock = "TRUE"',
    'svga.vgaOnly = "TRUE"',
    'pciPassthru0.present = "FALSE"',
    'floppy0.present = "FALSE"',
    'serial0.present = "FALSE"',
    'parallel0.present = "FALSE"',
    'usb.present = "FALSE"',
    'ide0:0.present = "FALSE"',
    'ethernet0.filter1.name = "dv-filter1"',
    'vmsafe.enable = "FALSE"',
    'sched.swap.vmxSwapEnabled = "FALSE"',
  ].join('\n');
  assert.deepEqual(
    validate('vmx', hardening).map((d) => `${d.range.start.line + 1}: ${d.message}`),
    [],
  );
});
