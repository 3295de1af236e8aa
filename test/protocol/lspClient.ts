/**
 * A small LSP client over stdio for protocol tests and benchmarks: spawns dist/server.js,
 * speaks JSON-RPC through vscode-jsonrpc, and collects published diagnostics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface StdioServer {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  /** The next diagnostics published for `uri` (optionally: for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  stderr(): string;
  kill(): void;
}

export function startStdioServer(serverJs = path.resolve('dist/server.js')): StdioServer {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: Array<{ uri: string; version?: number; resolve: (d: Diagnostic[]) => void }> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i--, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  return {
    proc,
    conn,
    diagnostics(uri, version, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const w = { uri, version, resolve: (d: Diagnostic[]) => (clearTimeout(timer), resolve(d)) };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${err}`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    stderr: () => err,
    kill() {
      conn.dispose();
      proc.kill();
    },
  };
}
