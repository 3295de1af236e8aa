/**
 * The language server's entry point (dist/server.js). `--stdio`, `--node-ipc` and
 * `--socket=N` choose the transport, as with every vscode-languageserver server.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './serverMain';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => connection.console.error(`infra-lsp: uncaught ${err?.stack ?? String(err)}`));
// a full collection before a large document is parsed again (see ServerOptions.collectGarbage)
v8.setFlagsFromString('--expose-gc');
startServer(connection, { collectGarbage: vm.runInNewContext('gc') as () => void });
