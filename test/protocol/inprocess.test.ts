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
  /** A clock that moves `step` ms on every reading: a validation seems to take `step` ms. */
  clock = 0;
  step = 0;
  now(): number {
    return (this.clock += this.step);
  }
  /** Run the timers set for at most `ms` milliseconds. */
  flushDue(ms: number): void {
    for (const [id, t] of [...this.queue.entries()]) {
      if (t.ms > ms) continue;
      this.queue.delete(id);
      t.fn();
    }
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
  const collections: number[] = [];
  startServer(serverConn, { timers, validationDelay: 200, collectGarbage: () => collections.push(timers.clock) });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  let notify: (() => void) | undefined;
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    notify?.();
  });
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
    p.items.map(() => ({ rules: { 'vmx-unknown-key': 'error' } })),
  );
  client.onRequest('client/registerCapability', () => null);
  client.listen();
  const nextPublish = () => new Promise<void>((r) => (notify = r));
  const tick = () => new Promise((r) => setImmediate(r));
  return {
    client,
    timers,
    published,
    nextPublish,
    tick,
    collections,
    dispose: () => (client.dispose(), serverConn.dispose()),
  };
}

test('in-process: changes are debounced into one validation per burst, and settings apply', async () => {
  const s = setup();
  try {
    await s.client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    void s.client.sendNotification('initialized', {});
    await s.tick();
    const uri = 'file:///inproc/a.vmx';
    void s.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'vmx', version: 1, text: 'memsize = "1024"\n' },
    });
    for (let v = 2; v <= 6; v++) {
      void s.client.sendNotification('textDocument/didChange', {
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

    // the document validates in no time (the clock stands still): the next change validates at once
    void s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ text: 'memsize = "1024"\n' }],
    });
    await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(
      [...s.timers.queue.values()].map((t) => t.ms),
      [0],
      'a cheap document is validated at once, not after the delay',
    );
    const again = s.nextPublish();
    s.timers.flush();
    await again;
    assert.equal(s.published.at(-1)!.version, 7);

    // closing clears the diagnostics
    const cleared = s.nextPublish();
    void s.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
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
    assert.equal(
      await s.client.sendRequest('textDocument/hover', { textDocument: td, position: { line: 99, character: 99 } }),
      null,
    );
    assert.equal(
      await s.client.sendRequest('textDocument/completion', { textDocument: td, position: { line: 0, character: 0 } }),
      null,
    );
    assert.equal(await s.client.sendRequest('textDocument/documentSymbol', { textDocument: td }), null);
  } finally {
    s.dispose();
  }
});

test('in-process: a slow document gets a quick re-check of the edited statement at once, then the full pass', async () => {
  const s = setup();
  try {
    await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    s.timers.step = 40; // every full validation seems to take 40 ms: slower than QUICK_AFTER_MS
    const uri = 'file:///inproc/named.conf';
    const zone = (i: number) => `zone "z${i}.example" {\n\ttype primary;\n\tfile "db.z${i}";\n};\n`;
    // (named-checkconf looks inside an acl only where it is used: options uses it)
    const text = [0, 1, 2].map(zone).join('') + 'acl a { bogus-acl; };\noptions { allow-query { a; }; };\n';
    let p = s.nextPublish();
    void s.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'named', version: 1, text },
    });
    await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    s.timers.flush();
    await p;
    const full1 = s.published.at(-1)!;
    assert.deepEqual(
      full1.diagnostics.map((d) => d.code),
      ['named-undefined-reference'],
      'the whole-file finding of the full pass',
    );
    // `type primary` → `type primar` in the second zone
    const at = text.indexOf('primary', text.indexOf('z1.example'));
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at) - 1 + 'primar'.length;
    void s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }],
    });
    await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const waits = [...s.timers.queue.values()].map((t) => t.ms).sort((a, b) => a - b);
    assert.deepEqual(waits, [0, 200], 'a quick re-check now, the full pass after a pause (max(delay, 2 × 40 ms))');
    p = s.nextPublish();
    s.timers.flushDue(0);
    await p;
    const quick = s.published.at(-1)!;
    assert.equal(quick.version, 2);
    const codes = (ds: typeof quick.diagnostics) => ds.map((d) => `${String(d.code)}@${d.range.start.line}`).sort();
    assert.ok(
      codes(quick.diagnostics).some(
        (c) => c.startsWith('named-invalid-value@') || c.startsWith('named-zone-missing-type@'),
      ),
      `the edited zone is re-checked: ${codes(quick.diagnostics)}`,
    );
    assert.ok(
      codes(quick.diagnostics).includes(`named-undefined-reference@${full1.diagnostics[0]!.range.start.line}`),
      'the whole-file finding is carried over',
    );
    p = s.nextPublish();
    s.timers.flush();
    await p;
    assert.deepEqual(
      codes(s.published.at(-1)!.diagnostics),
      codes(quick.diagnostics),
      'the full pass agrees with the quick one',
    );
    assert.equal(s.collections.length, 0, 'a 40 ms document is parsed again without a full collection first');
    // a document whose full pass takes 300 ms gets its old tree collected before it is parsed again
    s.timers.step = 300;
    for (const v of [3, 4]) {
      void s.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: text + ' '.repeat(v) }],
      });
      await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      p = s.nextPublish();
      s.timers.flush();
      await p;
    }
    // before the pass that followed a 300 ms pass, and after each 300 ms pass
    assert.equal(s.collections.length, 3, `collections: ${s.collections.length}`);
  } finally {
    s.dispose();
  }
});

test('in-process: a workspace tree is indexed; included files open in their language, and an unopened file’s errors are published there', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-ws-'));
  const bind = path.join(dir, 'etc', 'bind');
  fs.mkdirSync(bind, { recursive: true });
  const write = (name: string, text: string) => fs.writeFileSync(path.join(bind, name), text);
  write('named.conf', 'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/zones.local";\n');
  write('named.conf.options', 'acl trusted { 10.0.0.0/8; };\noptions {\n\tdirectory "/var/cache/bind"\n};\n');
  write(
    'zones.local',
    'zone "example.com" {\n\ttype primary;\n\tfile "fwd/example.com";\n\tallow-transfer { trusted; };\n};\n',
  );
  // the zone's file, where named opens it (the folder above etc/ stands for `/`)
  const zoneFile = path.join(dir, 'var', 'cache', 'bind', 'fwd', 'example.com');
  fs.mkdirSync(path.dirname(zoneFile), { recursive: true });
  fs.writeFileSync(zoneFile, '$TTL 1h\n@ SOA ns hostmaster 1 1h 15m 1w 1h\n@ NS ns\nns A 192.0.2.1\n');
  const uri = (name: string) => pathToFileURL(path.join(bind, name)).toString();
  const s = setup();
  const indexed = new Promise<void>((r) => s.client.onNotification('infraLsp/indexChanged', () => r()));
  try {
    await s.client.sendRequest('initialize', {
      processId: null,
      rootUri: pathToFileURL(dir).toString(),
      capabilities: {},
    });
    void s.client.sendNotification('initialized', {});
    await indexed;
    // zones.local says nothing by its name: the tree makes it named.conf
    assert.equal(await s.client.sendRequest('infraLsp/languageOf', { uri: uri('zones.local') }), 'named');
    assert.equal(await s.client.sendRequest('infraLsp/languageOf', { uri: uri('named.conf') }), null, 'a root');
    // a zone file whose name says nothing opens as a zone file: named.conf loads it
    const zoneUri = pathToFileURL(zoneFile).toString();
    assert.equal(await s.client.sendRequest('infraLsp/languageOf', { uri: zoneUri }), 'dns-zone');

    // the fragment alone would warn of an undefined acl: in its tree it does not
    const text = fs.readFileSync(path.join(bind, 'zones.local'), 'utf8');
    void s.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('zones.local'), languageId: 'named', version: 1, text },
    });
    await s.client.sendRequest('textDocument/hover', {
      textDocument: { uri: uri('zones.local') },
      position: { line: 0, character: 0 },
    });
    const p = s.nextPublish();
    s.timers.flushDue(0);
    await p;
    assert.deepEqual(s.published.at(-1)!.uri, uri('zones.local'));
    assert.deepEqual(s.published.at(-1)!.diagnostics, []);

    // then the other files of its tree, unopened, get their diagnostics: the missing `;` in options
    const waiting = new Promise<void>((r) => {
      const t = setInterval(() => {
        if (!s.published.some((x) => x.uri === uri('named.conf.options'))) return;
        clearInterval(t);
        r();
      }, 5);
    });
    s.timers.flush();
    await waiting;
    const options = s.published.find((x) => x.uri === uri('named.conf.options'))!;
    assert.deepEqual(
      options.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`),
      ['3 named-missing-semicolon'],
    );
    const root = s.published.find((x) => x.uri === uri('named.conf'))!;
    assert.deepEqual(
      root.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`),
      ['1 named-include-summary'],
    );
    // go to definition crosses files
    const def = (await s.client.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('zones.local') },
      position: { line: 3, character: 21 },
    })) as { uri: string } | null;
    assert.equal(def?.uri, uri('named.conf.options'));
  } finally {
    s.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('in-process: a file of a tree opened while the workspace is indexed waits for the index (no lone-file warnings first)', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-wait-'));
  const bind = path.join(dir, 'etc', 'bind');
  fs.mkdirSync(bind, { recursive: true });
  fs.writeFileSync(path.join(bind, 'named.conf'), 'acl trusted { 10.0.0.0/8; };\ninclude "/etc/bind/zones.local";\n');
  const zones = 'zone "example.com" {\n\ttype primary;\n\tfile "db.example";\n\tallow-transfer { trusted; };\n};\n';
  fs.writeFileSync(path.join(bind, 'zones.local'), zones);
  // the zone's file, at named's `/` (no directory option): not missing
  fs.writeFileSync(
    path.join(dir, 'db.example'),
    '$TTL 1h\n@ SOA ns hostmaster 1 1h 15m 1w 1h\n@ NS ns\nns A 192.0.2.1\n',
  );
  const uri = pathToFileURL(path.join(bind, 'zones.local')).toString();
  const s = setup();
  // the client answers the index's progress request only when told: the index is under way until then
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  s.client.onRequest('window/workDoneProgress/create', () => held.then(() => null));
  const indexed = new Promise<void>((r) => s.client.onNotification('infraLsp/indexChanged', () => r()));
  try {
    await s.client.sendRequest('initialize', {
      processId: null,
      rootUri: pathToFileURL(dir).toString(),
      capabilities: { window: { workDoneProgress: true } },
    });
    void s.client.sendNotification('initialized', {});
    void s.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'named', version: 1, text: zones },
    });
    // a request answered after the didOpen: the open has been handled; then every due check runs
    await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    s.timers.flush();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(
      s.published.filter((p) => p.uri === uri),
      [],
      'nothing is published for the fragment before the index is built',
    );
    release();
    await indexed;
    const p = s.nextPublish();
    s.timers.flush();
    await p;
    const mine = s.published.filter((x) => x.uri === uri);
    assert.ok(mine.length > 0);
    for (const x of mine) assert.deepEqual(x.diagnostics, [], 'never the undefined acl of the file alone');
  } finally {
    release();
    s.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
