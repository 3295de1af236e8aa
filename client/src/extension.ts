/**
 * The thin client: starts the bundled language server over IPC for our languages and for
 * VS Code's built-in `log` language. No language logic lives here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_LANGUAGE_IDS } from '../../server/src/service/languages';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('infra-lsp');
  const clientOptions: LanguageClientOptions = {
    documentSelector: CLIENT_LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'infraLsp' },
    initializationOptions: vscode.workspace.getConfiguration('infraLsp'),
    outputChannel,
  };
  client = new LanguageClient('infraLsp', 'infra-lsp', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('infraLsp.decodeStatusCode', async () => {
      const code = await vscode.window.showInputBox({
        title: 'Decode VMkernel status code',
        prompt: 'A VMkernel status code: hex (0xbad0001), decimal (195887105) or name (VMK_FAILURE)',
      });
      if (!code || !client) return;
      const answer = await client.sendRequest<string | null>('infraLsp/decodeStatusCode', { code });
      if (!answer) {
        void vscode.window.showWarningMessage(`"${code}" is not a VMkernel status code we know.`);
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: answer });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    }),
  );
  await client.start();
  const c = client;
  // a file some named.conf or dhcpd.conf includes opens in that language, whatever its name
  // (named.conf.local, subnets.conf): the server's workspace model knows which files those are
  const adopt = async (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== 'file' || CLIENT_LANGUAGE_IDS.includes(doc.languageId)) return;
    const id = await c.sendRequest<string | null>('infraLsp/languageOf', { uri: doc.uri.toString() });
    if (id && id !== doc.languageId && CLIENT_LANGUAGE_IDS.includes(id))
      await vscode.languages.setTextDocumentLanguage(doc, id);
  };
  const adoptAll = () => vscode.workspace.textDocuments.forEach((d) => void adopt(d).catch(() => undefined));
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void adopt(d).catch(() => undefined)),
    c.onNotification('infraLsp/indexChanged', adoptAll),
  );
  adoptAll();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
