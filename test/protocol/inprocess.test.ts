/**
 * The whole server in-process (as bash-language-server tests it): a real LSP connection over
 * in-memory streams, with injected timers so the validation debounce runs without sleeping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type Timers } from '../../server/src/serverMain';

class ManualTimers implements Timers {
  private next = 1;
  readonly queue = new Map<number, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.queue.set(id, { fn, ms });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.queue.delete(h as number);
  }
  /** Run every timer due so far. */
  flush(): void {
    const due = [...this.queue.entries()];
    this.queue.clear();
    for (const [, t] of due) t.fn();
  }
}

function setup() {
  const up = new PassThrough();
  const down = new PassThrough();
  const timers = new ManualTimers();
  const serverConn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConn, { timers, validationDelay: 200 });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  let notify: (() => void) | undefined;
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    notify?.();
  });
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: { 'vmx-unknown-key': 'error' } })));
  client.onRequest('client/registerCapability', () => null);
  client.listen();
  const nextPublish = () => new Promise<void>((r) => (notify = r));
  const tick = () => new Promise((r) => setImmediate(r));
  return { client, timers, published, nextPublish, tick, dispose: () => (client.dispose(), serverConn.dispose()) };
}

test('in-process: changes are debounced into one validation per burst, and settings apply', async () => {
  const s = setup();
  try {
    await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
    s.client.sendNotification('initialized', {});
    await s.tick();
    const uri = 'file:///inproc/a.vmx';
    s.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'vmx', version: 1, text: 'memsize = "1024"\n' } });
    for (let v = 2; v <= 6; v++) {
      s.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: `memsize = "1024"\nbogusKey${v} = "x"\n` }],
      });
    }
    // a request is answered after every earlier notification was handled: a barrier
    await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(s.published.length, 0, 'no validation before the debounce fires');
    assert.equal(s.timers.queue.size, 1, 'one pending validation for the document');
    const p = s.nextPublish();
    s.timers.flush();
    await p;
    assert.equal(s.published.length, 1);
    assert.equal(s.published[0]!.version, 6);
    const d = s.published[0]!.diagnostics.find((x) => x.code === 'vmx-unknown-key');
    assert.ok(d, 'unknown key reported');
    assert.equal(d.severity, 1, 'the user setting raised it to error');

    // closing clears the diagnostics
    const cleared = s.nextPublish();
    s.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    assert.deepEqual(s.published.at(-1)!.diagnostics, []);
  } finally {
    s.dispose();
  }
});

test('in-process: requests on unknown documents answer empty, never fail', async () => {
  const s = setup();
  try {
    await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    const td = { uri: 'file:///nowhere.vmx' };
    assert.equal(await s.client.sendRequest('textDocument/hover', { textDocument: td, position: { line: 99, character: 99 } }), null);
    assert.equal(await s.client.sendRequest('textDocument/completion', { textDocument: td, position: { line: 0, character: 0 } }), null);
    assert.equal(await s.client.sendRequest('textDocument/documentSymbol', { textDocument: td }), null);
  } finally {
    s.dispose();
  }
});
