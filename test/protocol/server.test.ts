/**
 * The whole server as an editor sees it: dist/server.js over stdio,
 * initialize → didOpen → diagnostics → hover → completion → shutdown → exit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startStdioServer } from './lspClient';

const SERVER = 'dist/server.js';

test(
  'dist/server.js speaks LSP over stdio',
  { skip: !fs.existsSync(SERVER) && 'dist/server.js is not built (npm run build)' },
  async () => {
    const s = startStdioServer();
    try {
      const init = (await s.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      })) as {
        capabilities: Record<string, unknown>;
        serverInfo: { name: string };
      };
      assert.equal(init.serverInfo.name, 'infra-lsp');
      assert.ok(init.capabilities.hoverProvider);
      assert.ok(init.capabilities.completionProvider);
      assert.ok(init.capabilities.textDocumentSync);
      // a server-advertised command is registered by vscode-languageclient in the client: it must
      // not collide with a command the extension contributes itself (activation would fail)
      const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
        contributes: { commands: Array<{ command: string }> };
      };
      const advertised =
        (init.capabilities.executeCommandProvider as { commands?: string[] } | undefined)?.commands ?? [];
      for (const c of pkg.contributes.commands)
        assert.ok(!advertised.includes(c.command), `${c.command} is both a client and a server command`);
      void s.conn.sendNotification('initialized', {});

      const uri = 'file:///protocol/test.vmx';
      const text = 'serial0.fileType = “pipe”\nmemsize = "1024"\n';
      const diagsP = s.diagnostics(uri, 1);
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'vmx', version: 1, text },
      });
      const diags = await diagsP;
      assert.ok(diags.length > 0, 'the curly quotes are reported');
      assert.ok(diags.every((d) => d.source === 'infra-lsp' && typeof d.code === 'string'));

      const hover = (await s.conn.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 1, character: 2 },
      })) as { contents: unknown } | null;
      assert.ok(
        hover && JSON.stringify(hover.contents).toLowerCase().includes('memory'),
        `hover on memsize: ${JSON.stringify(hover)}`,
      );

      const logUri = 'file:///protocol/vmkernel.log';
      const logDiags = s.diagnostics(logUri, 1);
      void s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: logUri, languageId: 'log', version: 1, text: 'cpu1:4096)WARNING: status 0xbad0014\n' },
      });
      await logDiags;
      const logHover = (await s.conn.sendRequest('textDocument/hover', {
        textDocument: { uri: logUri },
        position: { line: 0, character: 30 },
      })) as { contents: unknown } | null;
      assert.ok(
        logHover && JSON.stringify(logHover.contents).includes('VMK_NO_MEMORY'),
        `hover on 0xbad0014: ${JSON.stringify(logHover)}`,
      );

      const completion = (await s.conn.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: 2, character: 0 },
      })) as { items: unknown[] };
      assert.ok(completion.items.length > 0);

      await s.conn.sendRequest('shutdown');
      const exited = new Promise<number | null>((r) => s.proc.on('exit', (code) => r(code)));
      void s.conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      s.kill();
    }
  },
);
