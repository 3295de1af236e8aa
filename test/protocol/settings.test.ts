/**
 * infraLsp.rules.<id> over a real LSP connection (in-process): the aliases of the severities apply,
 * and a value or rule id the server does not understand is said in the output channel
 * (window/logMessage, a Warning) once, while the rule keeps its default.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { MessageType, type LogMessageParams, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { readBindVersion, readRuleSettings, startServer } from '../../server/src/serverMain';

function setup(pulled: () => unknown = () => null) {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConn, { validationDelay: 0 });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const logs: LogMessageParams[] = [];
  client.onNotification('window/logMessage', (p: LogMessageParams) => logs.push(p));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  let anyPublish: Array<(p: PublishDiagnosticsParams) => void> = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    waiting.get(p.version ?? -1)?.(p);
    waiting.delete(p.version ?? -1);
    for (const r of anyPublish) r(p);
    anyPublish = [];
  });
  /** The next diagnostics published (after a settings change, the open documents are checked again). */
  const nextPublish = async (): Promise<Record<string, number | undefined>> => {
    const p = await new Promise<PublishDiagnosticsParams>((r) => anyPublish.push(r));
    return Object.fromEntries(p.diagnostics.map((d) => [String(d.code), d.severity]));
  };
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => pulled()));
  client.onRequest('client/registerCapability', () => null);
  // the workspace index ends with this; then nothing is left running once the server shuts down
  const indexed = new Promise<void>((r) => client.onNotification('infraLsp/indexChanged', () => r()));
  client.listen();
  let version = 1;
  let opened = false;
  /** The diagnostics of TEXT (a new version of the document) as code → severity. */
  const check = async (
    text: string,
    uri = 'file:///settings/a.vmx',
    languageId = 'vmx',
  ): Promise<Record<string, number | undefined>> => {
    const published = new Promise<PublishDiagnosticsParams>((r) => waiting.set(version, r));
    if (!opened) {
      opened = true;
      void client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: version++, text },
      });
    } else
      void client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: version++ },
        contentChanges: [{ text }],
      });
    const p = await published;
    return Object.fromEntries(p.diagnostics.map((d) => [String(d.code), d.severity]));
  };
  const warnings = () => logs.filter((l) => l.type === MessageType.Warning).map((l) => l.message);
  const dispose = async () => {
    await indexed;
    await client.sendRequest('shutdown');
    client.dispose();
    serverConn.dispose();
  };
  return { client, check, warnings, indexed, dispose, nextPublish };
}

const TEXT = [
  'memsize = "4097"', // vmx-memsize-multiple, Error by default
  'bogus.key = "1"', // vmx-unknown-key, Warning
  'guestOS = rhel9-64', // vmx-unquoted-value, Warning
  'numvcpus = "2"',
  'numvcpus = "2"', // vmx-duplicate-key, Warning
  'displayName = “web01”', // vmx-curly-quotes, Error
  '',
].join('\n');

const ALIASES = {
  'vmx-unknown-key': 'off',
  'vmx-unquoted-value': 'hint',
  'vmx-memsize-multiple': 'warn',
  'vmx-duplicate-key': ' Error ',
  'vmx-curly-quotes': 'loud',
  'vmx-unknwn-key': 'error',
};

test('settings: severity aliases apply, and what is not understood is said once in the output channel', async () => {
  const s = setup();
  try {
    await s.client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: { rules: ALIASES },
    });
    void s.client.sendNotification('initialized', {});
    assert.deepEqual(await s.check(TEXT), {
      'vmx-memsize-multiple': 2, // warn = warning
      'vmx-unquoted-value': 3, // hint = info
      'vmx-duplicate-key': 1, // case and blanks aside
      'vmx-curly-quotes': 1, // "loud" is not a severity: the default
    });
    assert.deepEqual(s.warnings(), [
      'infra-lsp: infraLsp.rules.vmx-curly-quotes is "loud", which is not a severity; the rule keeps its default (error). Use "ignore", "info", "warning" or "error".',
      'infra-lsp: infraLsp.rules.vmx-unknwn-key names no rule, so it has no effect: did you mean vmx-unknown-key?',
    ]);
    for (const w of s.warnings()) assert.ok(!w.includes('`'), 'the output channel is plain text');

    // the same settings again: nothing new is said; a new mistake is
    void s.client.sendNotification('workspace/didChangeConfiguration', { settings: { infraLsp: { rules: ALIASES } } });
    assert.equal((await s.check(TEXT + '\n'))['vmx-unquoted-value'], 3);
    assert.equal(s.warnings().length, 2);
    void s.client.sendNotification('workspace/didChangeConfiguration', {
      settings: { infraLsp: { rules: { 'vmx-unknown-key': 'none', 'vmx-unquoted-value': 0 } } },
    });
    assert.deepEqual(await s.check(TEXT), {
      'vmx-memsize-multiple': 1,
      'vmx-unquoted-value': 2,
      'vmx-duplicate-key': 2,
      'vmx-curly-quotes': 1,
    });
    assert.deepEqual(s.warnings().slice(2), [
      'infra-lsp: infraLsp.rules.vmx-unquoted-value is 0, which is not a severity; the rule keeps its default (warning). Use "ignore", "info", "warning" or "error".',
    ]);
  } finally {
    await s.dispose();
  }
});

test('settings: aliases apply to settings the server pulls (workspace/configuration) and to former rule ids', async () => {
  const s = setup(() => ({ rules: { 'vmx-unknown-key': 'OFF', 'vmx-out-of-range': 'information' } }));
  try {
    await s.client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    void s.client.sendNotification('initialized', {});
    // the settings are pulled before the index starts, and the index ends with infraLsp/indexChanged
    await s.indexed;
    const codes = await s.check('bogus.key = "1"\nnumvcpus = "1000"\n');
    assert.deepEqual(codes, { 'vmx-value-out-of-range': 3 });
    assert.deepEqual(s.warnings(), []);
  } finally {
    await s.dispose();
  }
});

test('settings: infraLsp.named.version decides what named.conf is checked as; a value not understood is said', async () => {
  let pulled: unknown = { named: { version: '9.18' } };
  const s = setup(() => pulled);
  try {
    await s.client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    void s.client.sendNotification('initialized', {});
    await s.indexed;
    const uri = 'file:///settings/named.conf';
    const text = 'options {\n\tglue-cache yes;\n};\n';
    assert.deepEqual(await s.check(text, uri, 'named'), { 'named-deprecated-statement': 2 });
    pulled = { named: { version: '9.20' } };
    const again = s.nextPublish();
    void s.client.sendNotification('workspace/didChangeConfiguration', { settings: { infraLsp: pulled } });
    assert.deepEqual(await again, { 'named-removed-statement': 1 });
    // the file's first line wins over the setting
    assert.deepEqual(await s.check(`// infra-lsp: bind 9.18\n${text}`, uri, 'named'), {
      'named-deprecated-statement': 2,
    });
    pulled = { named: { version: '9.22' } };
    const third = s.nextPublish();
    void s.client.sendNotification('workspace/didChangeConfiguration', { settings: { infraLsp: pulled } });
    assert.deepEqual(await third, { 'named-deprecated-statement': 2 }); // still the file's own 9.18
    assert.deepEqual(await s.check(text, uri, 'named'), { 'named-removed-statement': 1 });
    assert.deepEqual(s.warnings(), [
      'infra-lsp: infraLsp.named.version is "9.22", which is not a BIND version we check as; named.conf files are checked as 9.20. Use "9.16", "9.18" or "9.20".',
    ]);
  } finally {
    await s.dispose();
  }
});

test('readBindVersion: the three versions (also written 9.18.x), else the default', () => {
  assert.deepEqual(readBindVersion('9.16'), { version: '9.16' });
  assert.deepEqual(readBindVersion(' 9.18.x '), { version: '9.18' });
  assert.deepEqual(readBindVersion(undefined), { version: '9.20' });
  assert.equal(readBindVersion(9.18).version, '9.18');
  assert.equal(readBindVersion('bind9').version, '9.20');
  assert.ok(readBindVersion('bind9').warning);
});

test('readRuleSettings: the documented words, and nothing else', () => {
  const rules = [{ id: 'vmx-a', defaultSeverity: 'warning' as const, formerIds: ['vmx-old-a'] }];
  const read = (v: unknown) => readRuleSettings({ 'vmx-a': v }, rules);
  const words: Array<[string, string]> = [
    ['ignore', 'ignore'],
    ['off', 'ignore'],
    ['none', 'ignore'],
    ['info', 'info'],
    ['information', 'info'],
    ['hint', 'info'],
    ['warning', 'warning'],
    ['warn', 'warning'],
    ['error', 'error'],
    ['WARN', 'warning'],
  ];
  for (const [w, sev] of words) assert.deepEqual(read(w), { rules: { 'vmx-a': sev }, warnings: [] }, w);
  for (const bad of ['err', 'disabled', '', 'constructor', '__proto__', true, 2, { level: 'error' }]) {
    const r = read(bad);
    assert.deepEqual(r.rules, {}, String(bad));
    assert.equal(r.warnings.length, 1, String(bad));
  }
  // unset values and former ids are fine
  assert.deepEqual(readRuleSettings({ 'vmx-a': null, 'vmx-old-a': 'off' }, rules), {
    rules: { 'vmx-old-a': 'ignore' },
    warnings: [],
  });
  assert.deepEqual(readRuleSettings(undefined, rules), { rules: {}, warnings: [] });
  assert.equal(readRuleSettings('error', rules).warnings.length, 1);
});
