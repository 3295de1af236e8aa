/**
 * The server (dist/server.js over stdio) survives bad LSP traffic: positions past the end or
 * negative, unknown URIs, changes to closed documents, edits with ranges outside the text,
 * unknown methods, malformed JSON, requests after shutdown. After each kind of abuse it must
 * still answer a good request, and it must never log an internal error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { startStdioServer, type StdioServer } from './lspClient';
import { languageIds, loadSeeds } from '../fuzz/harness';

const SERVER = path.resolve('dist/server.js');
const haveServer = fs.existsSync(SERVER);
const POSITIONS = [
  { line: 1_000_000, character: 1_000_000 },
  { line: 0, character: 1_000_000 },
  { line: 2 ** 31 - 1, character: 0 },
  { line: -1, character: -5 },
  { line: 0.5, character: 1.5 },
];
const RANGE_PAST_END = { start: { line: 999, character: 0 }, end: { line: 1_000_000, character: 5 } };

function positionRequests(uri: string, position: unknown): Array<[string, unknown]> {
  const td = { uri };
  return [
    ['textDocument/hover', { textDocument: td, position }],
    ['textDocument/completion', { textDocument: td, position }],
    ['textDocument/definition', { textDocument: td, position }],
    ['textDocument/references', { textDocument: td, position, context: { includeDeclaration: true } }],
    ['textDocument/rename', { textDocument: td, position, newName: 'renamed' }],
  ];
}

function documentRequests(uri: string): Array<[string, unknown]> {
  const td = { uri };
  return [
    ['textDocument/documentSymbol', { textDocument: td }],
    ['textDocument/foldingRange', { textDocument: td }],
    ['textDocument/documentLink', { textDocument: td }],
    ['textDocument/inlayHint', { textDocument: td, range: RANGE_PAST_END }],
    ['textDocument/codeAction', { textDocument: td, range: RANGE_PAST_END, context: { diagnostics: [] } }],
    [
      'textDocument/codeAction',
      {
        textDocument: td,
        range: RANGE_PAST_END,
        context: {
          diagnostics: [{ range: RANGE_PAST_END, message: 'x', code: 'no-such-rule', data: { bogus: [1, null] } }],
        },
      },
    ],
  ];
}

/** Send each request; every one must get an answer: a result or a JSON-RPC error, never silence or a dead server. */
async function allAnswered(s: StdioServer, reqs: Array<[string, unknown]>): Promise<string[]> {
  const bad: string[] = [];
  const settled = await Promise.allSettled(reqs.map(([m, p]) => s.conn.sendRequest(m, p)));
  settled.forEach((r, i) => {
    if (r.status === 'rejected' && !(r.reason instanceof ResponseError))
      bad.push(`${reqs[i]![0]}: ${String(r.reason)}`);
  });
  return bad;
}

function harden(s: StdioServer): { logs: string[] } {
  const logs: string[] = [];
  s.conn.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  return { logs };
}

async function init(s: StdioServer): Promise<void> {
  await s.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
  void s.conn.sendNotification('initialized', {});
}

const seeds = loadSeeds();
const sample = (lang: string) => (seeds.get(lang) ?? [])[0]?.text ?? '';

test(
  'stdio server survives bad positions, unknown URIs and edits to closed documents',
  { skip: !haveServer && 'dist/server.js is not built', timeout: 60_000 },
  async () => {
    const s = startStdioServer(SERVER);
    const { logs } = harden(s);
    try {
      await init(s);
      const bad: string[] = [];
      for (const lang of languageIds()) {
        const uri = `file:///robust/doc.${lang}`;
        const got = s.diagnostics(uri, 1);
        void s.conn.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: lang, version: 1, text: sample(lang) },
        });
        await got;
        for (const pos of POSITIONS)
          bad.push(
            ...(await allAnswered(s, positionRequests(uri, pos))).map((b) => `${lang} ${JSON.stringify(pos)} ${b}`),
          );
        bad.push(...(await allAnswered(s, documentRequests(uri))).map((b) => `${lang} ${b}`));

        // an edit whose range lies past the end, then a normal one: diagnostics still arrive
        void s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: RANGE_PAST_END, text: '\n;}"\0' }],
        });
        void s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 3 },
          contentChanges: [{ range: { start: { line: 5, character: 99 }, end: { line: 2, character: 0 } }, text: 'x' }],
        });
        const after = s.diagnostics(uri, 4);
        void s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 4 },
          contentChanges: [{ text: sample(lang) + '\n' }],
        });
        await after;
        void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
        void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
        // changes to a closed document, and to one never opened
        void s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 5 },
          contentChanges: [{ text: 'late' }],
        });
        void s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri: 'file:///never/opened.conf', version: 1 },
          contentChanges: [{ range: RANGE_PAST_END, text: 'x' }],
        });
        // requests on the closed document and on unknown URIs answer null or empty
        for (const u of [uri, 'file:///never/opened.conf', 'untitled:Untitled-9', 'weird:%%%', '']) {
          bad.push(
            ...(await allAnswered(s, [...positionRequests(u, { line: 0, character: 0 }), ...documentRequests(u)])).map(
              (b) => `${lang} ${u}: ${b}`,
            ),
          );
        }
      }
      // opening the same URI twice, with an unknown language, and with a missing text
      const twice = 'file:///robust/twice.named.conf';
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: twice, languageId: 'named', version: 1, text: 'options { };' },
      });
      const v2 = s.diagnostics(twice, 2);
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: twice, languageId: 'named', version: 2, text: 'options { ' },
      });
      await v2;
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///robust/x.txt', languageId: 'plaintext', version: 1, text: 'hello' },
      });
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///robust/none.vmx', languageId: 'vmx', version: 1 },
      });
      bad.push(...(await allAnswered(s, positionRequests('file:///robust/x.txt', { line: 0, character: 2 }))));
      // unknown methods get an error, unknown notifications are ignored; odd command arguments answer
      await assert.rejects(s.conn.sendRequest('infraLsp/noSuchRequest', {}), ResponseError);
      void s.conn.sendNotification('infraLsp/noSuchNotification', { x: 1 });
      void s.conn.sendNotification('$/cancelRequest', { id: 987654 });
      bad.push(
        ...(await allAnswered(s, [
          ['workspace/executeCommand', { command: 'infraLsp.decodeStatusCode', arguments: [null] }],
          ['workspace/executeCommand', { command: 'infraLsp.decodeStatusCode', arguments: [{ a: 1 }] }],
          [
            'workspace/executeCommand',
            { command: 'infraLsp.decodeStatusCode', arguments: ['0x' + 'f'.repeat(100_000)] },
          ],
          ['workspace/executeCommand', { command: 'infraLsp.decodeStatusCode' }],
          ['workspace/executeCommand', { command: 'no.such.command', arguments: [] }],
          ['infraLsp/decodeStatusCode', null],
          ['infraLsp/decodeStatusCode', { code: { toString: 1 } }],
          ['workspace/didChangeConfiguration', { settings: null }],
        ])),
      );
      void s.conn.sendNotification('workspace/didChangeConfiguration', {
        settings: { infraLsp: { rules: 'not an object', inlayHints: 7, includes: null } },
      });
      void s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      // still alive and useful
      const ok = 'file:///robust/final.vmx';
      const got = s.diagnostics(ok, 1);
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: ok, languageId: 'vmx', version: 1, text: 'memsize = "1024"\n' },
      });
      assert.ok(Array.isArray(await got));
      assert.equal(s.proc.exitCode, null, 'the server is still running');
      assert.deepEqual(bad, []);
      assert.deepEqual(
        logs.filter((l) => /internal error|uncaught/i.test(l)),
        [],
        'the server logged an internal error',
      );
    } finally {
      s.kill();
    }
  },
);

test(
  'stdio server answers requests after shutdown without crashing, then exits 0',
  { skip: !haveServer && 'dist/server.js is not built', timeout: 30_000 },
  async () => {
    const s = startStdioServer(SERVER);
    const { logs } = harden(s);
    try {
      await init(s);
      const uri = 'file:///robust/after.named.conf';
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'named', version: 1, text: sample('named') },
      });
      await s.conn.sendRequest('shutdown');
      // after shutdown: requests get an answer (an error or an empty result), notifications are ignored
      void s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'zone {' }],
      });
      const bad = await allAnswered(s, [
        ...positionRequests(uri, { line: 0, character: 0 }),
        ...documentRequests(uri),
        ['shutdown', null],
      ]);
      assert.deepEqual(bad, []);
      assert.equal(s.proc.exitCode, null);
      const exited = new Promise<number | null>((r) => s.proc.once('exit', (code) => r(code)));
      void s.conn.sendNotification('exit');
      assert.equal(await exited, 0, 'exit after shutdown is a clean exit');
      assert.deepEqual(
        logs.filter((l) => /internal error|uncaught/i.test(l)),
        [],
      );
    } finally {
      s.kill();
    }
  },
);

test(
  'stdio server survives malformed JSON-RPC frames',
  { skip: !haveServer && 'dist/server.js is not built', timeout: 30_000 },
  async () => {
    const s = startStdioServer(SERVER);
    try {
      await init(s);
      const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      // well-framed garbage: bad JSON, a non-object, a request without a method, a response nobody asked for
      for (const body of [
        '{{{{',
        '[]',
        '42',
        '{"jsonrpc":"2.0","id":77}',
        '{"jsonrpc":"2.0","id":"x","result":null}',
        '{"jsonrpc":"2.0","method":"textDocument/hover","id":5,"params":"nope"}',
      ]) {
        s.proc.stdin!.write(frame(body));
      }
      // well-formed JSON with missing or mistyped params: answered (a guarded mode may log it), server alive
      const uri = 'file:///robust/params.named.conf';
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'named', version: 1, text: sample('named') },
      });
      for (const position of [undefined, null, 'x', { line: 'a', character: {} }])
        assert.deepEqual(await allAnswered(s, positionRequests(uri, position)), []);
      assert.deepEqual(
        await allAnswered(s, [
          ['textDocument/hover', null],
          ['textDocument/documentSymbol', {}],
          ['textDocument/codeAction', { textDocument: { uri } }],
        ]),
        [],
      );
      const answer = await s.conn.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///none' },
        position: { line: 0, character: 0 },
      });
      assert.equal(answer, null, 'still answering after malformed frames');
      assert.equal(s.proc.exitCode, null);
    } finally {
      s.kill();
    }
  },
);
