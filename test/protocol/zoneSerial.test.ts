/**
 * The SOA serial over a real LSP connection (in-process, the clock injected): the
 * `infraLsp/incrementSerial` request behind the `infraLsp.zone.incrementSerial` command, the code
 * action, and `infraLsp.zone.incrementSerialOnSave` through willSaveWaitUntil.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  TextDocumentSaveReason,
  type CodeAction,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../server/src/serverMain';
import type { IncrementSerialResult } from '../../server/src/zoneSerial';
import { commandContributions, configurationProperties } from '../../scripts/contributions';

const JUNE_15 = new Date(2025, 5, 15, 10, 30);
const URI = 'file:///zones/db.example';
const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster (',
  '        2025061400 ; serial',
  '        3600 600 86400 300 )',
  '@ NS ns1',
  'ns1 A 192.0.2.1',
  '',
].join('\n');

function setup() {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConn, { validationDelay: 0, now: () => JUNE_15 });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest('client/registerCapability', () => null);
  client.onNotification('textDocument/publishDiagnostics', () => undefined);
  const indexed = new Promise<void>((r) => client.onNotification('infraLsp/indexChanged', () => r()));
  client.listen();
  // the client's copy of the zone file, kept in step with the server's
  let doc = TextDocument.create(URI, 'dns-zone', 1, ZONE);
  const open = () =>
    client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'dns-zone', version: doc.version, text: doc.getText() },
    });
  const edit = (edits: TextEdit[]) => {
    doc = TextDocument.update(doc, [{ text: TextDocument.applyEdits(doc, edits) }], doc.version + 1);
    return client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: doc.version },
      contentChanges: [{ text: doc.getText() }],
    });
  };
  /** Replace the first `from` of the text with `to`. */
  const replace = (from: string, to: string) => {
    const at = doc.getText().indexOf(from);
    assert.ok(at >= 0, from);
    return edit([{ range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, newText: to }]);
  };
  /** A save as the client makes it: willSaveWaitUntil, its edits applied, didSave. */
  const save = async (reason: TextDocumentSaveReason = TextDocumentSaveReason.Manual): Promise<TextEdit[]> => {
    const edits = await client.sendRequest<TextEdit[] | null>('textDocument/willSaveWaitUntil', {
      textDocument: { uri: URI },
      reason,
    });
    if (edits?.length) await edit(edits);
    await client.sendNotification('textDocument/didSave', { textDocument: { uri: URI } });
    return edits ?? [];
  };
  const serial = () => /(\d+) ; serial/.exec(doc.getText())?.[1];
  const dispose = async () => {
    await indexed;
    await client.sendRequest('shutdown');
    client.dispose();
    serverConn.dispose();
  };
  return { client, open, edit, replace, save, serial, doc: () => doc, dispose };
}

test('zone serial: the command request, the code action, and the capabilities they need', async () => {
  const s = setup();
  try {
    const init = await s.client.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
    });
    const sync = init.capabilities.textDocumentSync;
    assert.ok(typeof sync === 'object' && sync.willSaveWaitUntil === true && !!sync.save);
    const actions = init.capabilities.codeActionProvider;
    assert.ok(typeof actions === 'object' && actions.codeActionKinds?.includes('refactor.rewrite'));
    await s.client.sendNotification('initialized', {});
    await s.open();

    const answer = await s.client.sendRequest<IncrementSerialResult | null>('infraLsp/incrementSerial', { uri: URI });
    assert.deepEqual(answer, {
      version: 1,
      edit: { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } }, newText: '2025061500' },
      message: 'SOA serial 2025061400 → 2025061500',
    });

    const at = { line: 2, character: 5 };
    const offered = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    });
    const action = offered.find((a) => a.title === 'Increment SOA serial');
    assert.equal(action?.kind, 'refactor.rewrite');
    assert.deepEqual(action?.edit?.changes?.[URI], [answer!.edit]);

    // a file not served, a file of another language, a zone without an SOA
    assert.equal(await s.client.sendRequest('infraLsp/incrementSerial', { uri: 'file:///nowhere.zone' }), null);
    // and what a confused client may send
    assert.equal(await s.client.sendRequest('infraLsp/incrementSerial', null), null);
    assert.equal(await s.client.sendRequest('infraLsp/incrementSerial', { uri: 5 }), null);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { infraLsp: { zone: 7 } } });
    const unopened = { textDocument: { uri: 'file:///nowhere.zone' }, reason: 1 };
    assert.deepEqual((await s.client.sendRequest('textDocument/willSaveWaitUntil', unopened)) ?? [], []);
    await s.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///vm/a.vmx', languageId: 'vmx', version: 1, text: 'memsize = "4096"\n' },
    });
    const vmx = await s.client.sendRequest<IncrementSerialResult>('infraLsp/incrementSerial', {
      uri: 'file:///vm/a.vmx',
    });
    assert.deepEqual(vmx, { version: 1, message: 'The SOA serial can be incremented in a DNS zone file only.' });
    await s.replace('2025061400', 'serial');
    const none = await s.client.sendRequest<IncrementSerialResult>('infraLsp/incrementSerial', { uri: URI });
    assert.deepEqual(none, { version: 2, message: 'This zone file has no SOA record with a numeric serial.' });
  } finally {
    await s.dispose();
  }
});

test('zone serial on save: off by default; on, once per saved change, not after a hand-made bump or an auto-save', async () => {
  const s = setup();
  try {
    await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await s.client.sendNotification('initialized', {});
    await s.open();
    await s.replace('ns1 A 192.0.2.1', 'ns1 A 192.0.2.2');
    assert.deepEqual(await s.save(), [], 'off by default');

    const on = (value: unknown) =>
      s.client.sendNotification('workspace/didChangeConfiguration', {
        settings: { infraLsp: { zone: { incrementSerialOnSave: value } } },
      });
    await on(true);
    assert.deepEqual(await s.save(), [], 'no change since the last save');
    await s.replace('ns1 A 192.0.2.2', 'ns1 A 192.0.2.3');
    assert.deepEqual(await s.save(TextDocumentSaveReason.AfterDelay), [], 'auto-save after a delay');
    await s.replace('ns1 A 192.0.2.3', 'ns1 A 192.0.2.33');
    assert.deepEqual(await s.save(TextDocumentSaveReason.AfterDelay), [], 'and again');
    // the next save by hand bumps once for what the auto-saves wrote
    const [bump] = await s.save();
    assert.deepEqual(bump?.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } });
    assert.equal(s.serial(), '2025061500');
    assert.deepEqual(await s.save(), [], 'saved again without a change');

    await s.replace('ns1 A 192.0.2.33', 'ns1 A 192.0.2.4');
    await s.save(TextDocumentSaveReason.FocusOut);
    assert.equal(s.serial(), '2025061501', 'a save on focus change');

    // the serial went up by hand since the last save: left as written
    await s.replace('2025061501', '2025061507');
    await s.replace('ns1 A 192.0.2.4', 'ns1 A 192.0.2.5');
    assert.deepEqual(await s.save(), []);
    assert.equal(s.serial(), '2025061507');
    // but one written lower is bumped from where it stands
    await s.replace('2025061507', '2025061503');
    await s.save();
    assert.equal(s.serial(), '2025061504');

    await on('yes'); // only true turns it on
    await s.replace('ns1 A 192.0.2.5', 'ns1 A 192.0.2.6');
    assert.deepEqual(await s.save(), []);
  } finally {
    await s.dispose();
  }
});

test('zone serial: the setting and the command are contributed, and package.json has them (npm run sync-package)', () => {
  const setting = configurationProperties()['infraLsp.zone.incrementSerialOnSave'] as {
    type: string;
    default: unknown;
  };
  assert.deepEqual([setting.type, setting.default], ['boolean', false]);
  const want = commandContributions() as {
    commands: Array<{ command: string }>;
    menus: { commandPalette: Array<{ command: string; when: string }> };
  };
  assert.ok(want.commands.some((c) => c.command === 'infraLsp.zone.incrementSerial'));
  assert.deepEqual(want.menus.commandPalette, [
    { command: 'infraLsp.zone.incrementSerial', when: 'editorLangId == dns-zone' },
  ]);
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  assert.deepEqual(pkg.contributes.commands, want.commands);
  assert.deepEqual(pkg.contributes.menus, want.menus);
  assert.deepEqual(pkg.contributes.configuration.properties['infraLsp.zone.incrementSerialOnSave'], setting);
});
