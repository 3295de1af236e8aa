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
import type { IncrementSerialResult } from '../../server/src/zoneSerial';

let client: LanguageClient | undefined;

/** The scheme of the read-only documents that show a decoded status code. */
const DECODED_SCHEME = 'infra-lsp-status-code';

/**
 * The decoded status codes as read-only Markdown documents (infra-lsp-status-code:/VMK_FAILURE.md?code=...):
 * never dirty, so closing them asks nothing. The server's answer is kept for the preview; after a
 * reload the code in the query is decoded again.
 */
class DecodedCodes implements vscode.TextDocumentContentProvider {
  private readonly answers = new Map<string, string>();
  constructor(private readonly decode: (code: string) => Promise<string | null>) {}

  remember(code: string, markdown: string): vscode.Uri {
    const name = code.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'status-code';
    const uri = vscode.Uri.from({
      scheme: DECODED_SCHEME,
      path: `/${name}.md`,
      query: new URLSearchParams({ code }).toString(),
    });
    this.answers.set(uri.toString(), markdown);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const kept = this.answers.get(uri.toString());
    if (kept !== undefined) return kept;
    const code = new URLSearchParams(uri.query).get('code') ?? '';
    return (await this.decode(code).catch(() => null)) ?? `"${code}" is not a VMkernel status code we know.`;
  }
}

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

  const decode = async (code: string): Promise<string | null> =>
    client ? client.sendRequest<string | null>('infraLsp/decodeStatusCode', { code }) : null;
  const decoded = new DecodedCodes(decode);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, decoded),
    vscode.commands.registerCommand('infraLsp.decodeStatusCode', async () => {
      const code = await vscode.window.showInputBox({
        title: 'Decode VMkernel status code',
        prompt: 'A VMkernel status code: hex (0xbad0001), decimal (195887105) or name (VMK_FAILURE)',
      });
      if (!code?.trim()) return;
      const answer = await decode(code.trim());
      if (!answer) {
        void vscode.window.showWarningMessage(`"${code}" is not a VMkernel status code we know.`);
        return;
      }
      // a read-only document of our own scheme: no Untitled tab, nothing to save when it closes
      const uri = decoded.remember(code.trim(), answer);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        // without the built-in Markdown extension: the read-only text itself
        await vscode.window.showTextDocument(uri, { preview: true });
      }
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('infraLsp.zone.incrementSerial', () => client && incrementSerial(client)),
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

/**
 * infraLsp.zone.incrementSerial: the server says which edit increments the serial of the active
 * zone file (server/src/zoneSerial.ts); it is applied if the file has not changed meanwhile.
 */
async function incrementSerial(c: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  if (!doc || doc.languageId !== 'dns-zone') {
    void vscode.window.showWarningMessage('Open a DNS zone file to increment its SOA serial.');
    return;
  }
  const answer = await c.sendRequest<IncrementSerialResult | null>('infraLsp/incrementSerial', {
    uri: doc.uri.toString(),
  });
  if (!answer?.edit) {
    void vscode.window.showWarningMessage(answer?.message ?? 'The SOA serial could not be incremented.');
    return;
  }
  if (answer.version !== doc.version) {
    void vscode.window.showWarningMessage('The file changed while the serial was computed: run the command again.');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, c.protocol2CodeConverter.asRange(answer.edit.range), answer.edit.newText);
  if (await vscode.workspace.applyEdit(edit)) vscode.window.setStatusBarMessage(answer.message, 5000);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
