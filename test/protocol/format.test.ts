/**
 * Formatting over LSP, the whole server in process: the capabilities, textDocument/formatting,
 * rangeFormatting and onTypeFormatting in the editor's options, and infraLsp.format.enable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../server/src/serverMain';

const URI = 'file:///fmt/named.conf';
const TEXT = 'options{\ndirectory "/var/cache/bind";\n  recursion yes;allow-query{any;};\n};\n';

async function setup(formatEnable: boolean) {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConn, { validationDelay: 0 });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
    p.items.map(() => ({ format: { enable: formatEnable } })),
  );
  // the document's validation runs on a real timer: the test ends after it has published, so
  // that nothing is sent over the connection once it is disposed
  let published!: () => void;
  const validated = new Promise<void>((r) => (published = r));
  client.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (p.uri === URI) published();
  });
  client.listen();
  const init = await client.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
  });
  await client.sendNotification('initialized', {});
  await client.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'named', version: 1, text: TEXT },
  });
  await validated;
  return { client, init, dispose: () => (client.dispose(), serverConn.dispose()) };
}

const apply = (edits: TextEdit[] | null) =>
  TextDocument.applyEdits(TextDocument.create(URI, 'named', 1, TEXT), edits ?? []);

test('formatting, range formatting and on-type formatting over LSP, in the editor options', async () => {
  const s = await setup(true);
  try {
    const caps = s.init.capabilities;
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    assert.deepEqual(caps.documentOnTypeFormattingProvider, {
      firstTriggerCharacter: '}',
      moreTriggerCharacter: [';', '\n'],
    });
    const options = { tabSize: 2, insertSpaces: true };
    // (a hover first: the configuration has been pulled once it answers)
    await s.client.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 0, character: 0 },
    });
    const whole = await s.client.sendRequest<TextEdit[] | null>('textDocument/formatting', {
      textDocument: { uri: URI },
      options,
    });
    assert.equal(
      apply(whole),
      'options {\n  directory "/var/cache/bind";\n  recursion yes;\n  allow-query { any; };\n};\n',
    );
    const tabs = await s.client.sendRequest<TextEdit[] | null>('textDocument/formatting', {
      textDocument: { uri: URI },
      options: { tabSize: 8, insertSpaces: false },
    });
    assert.match(apply(tabs), /\n\tdirectory/);
    // only the second line's statement
    const range = await s.client.sendRequest<TextEdit[] | null>('textDocument/rangeFormatting', {
      textDocument: { uri: URI },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
      options,
    });
    assert.equal(apply(range), 'options{\n  directory "/var/cache/bind";\n  recursion yes;allow-query{any;};\n};\n');
    // `;` typed at the end of line 2: that line is indented
    const typed = await s.client.sendRequest<TextEdit[] | null>('textDocument/onTypeFormatting', {
      textDocument: { uri: URI },
      position: { line: 1, character: 28 },
      ch: ';',
      options,
    });
    assert.ok((typed ?? []).length > 0, 'an edit for the line');
    assert.match(apply(typed), /^options\{\n {2}directory/);
  } finally {
    s.dispose();
  }
});

test('infraLsp.format.enable false: no formatting edits', async () => {
  const s = await setup(false);
  try {
    await s.client.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 0, character: 0 },
    });
    const whole = await s.client.sendRequest<TextEdit[] | null>('textDocument/formatting', {
      textDocument: { uri: URI },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(whole ?? [], []);
  } finally {
    s.dispose();
  }
});
