/**
 * The language server's entry point (dist/server.js). `--stdio`, `--node-ipc` and
 * `--socket=N` choose the transport, as with every vscode-languageserver server.
 */
import * as vm from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './serverMain';
import { setServerV8Flags } from './boot/v8Flags';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => connection.console.error(`infra-lsp: uncaught ${err?.stack ?? String(err)}`));
setServerV8Flags();
startServer(connection, { collectGarbage: vm.runInNewContext('gc') as () => void });
