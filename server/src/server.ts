/**
 * The language server's entry point (dist/server.js). `--stdio`, `--node-ipc` and
 * `--socket=N` choose the transport, as with every vscode-languageserver server.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './serverMain';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => connection.console.error(`infra-lsp: uncaught ${err?.stack ?? String(err)}`));
startServer(connection);
