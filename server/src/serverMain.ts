/**
 * Wires the pure language service to an LSP connection. Nothing language-specific lives
 * here. Validation is debounced per document with an injectable timer so tests never sleep.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type CancellationToken,
  DidChangeConfigurationNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './modes';
import { defaultSettings, type RuleSeverity, type ServiceSettings } from './service/types';
import { createFsAccess, uriToPath } from './service/fileAccess';
import { decodeStatusCodeMarkdown } from './vmklog/decode';
import { SERVER_NAME, SERVER_VERSION } from './service/version';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ServerOptions {
  /** Debounce for validation after a change, in ms. */
  readonly validationDelay?: number;
  readonly timers?: Timers;
}


interface UserConfig {
  rules?: Record<string, RuleSeverity>;
  inlayHints?: { enabled?: boolean };
  includes?: { allowOutsideWorkspace?: boolean };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const timers: Timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  const delay = options.validationDelay ?? 150;
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService({
    onError: (where, err) => connection.console.error(`infra-lsp: internal error in ${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  });
  let settings: ServiceSettings = defaultSettings;
  let allowOutside = false;
  let roots: string[] = [];
  let canPullConfig = false;
  let shutdown = false;
  const pending = new Map<string, unknown>();

  const files = createFsAccess({
    roots: () => roots,
    allowOutside: () => allowOutside,
    openDocument: (uri) => documents.get(uri)?.getText(),
  });
  const opts = (token?: CancellationToken) => ({ settings, files, token });
  // a client may send a didOpen without text or language: such a document is not served
  const served = (doc: TextDocument | undefined): doc is TextDocument =>
    !!doc && typeof doc.languageId === 'string' && typeof doc.getText() === 'string' && !!service.modeFor(doc.languageId);

  connection.onInitialize((params): InitializeResult => {
    canPullConfig = !!params.capabilities.workspace?.configuration;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!roots.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) roots = [p];
    }
    applyConfig(params.initializationOptions as UserConfig | undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', ':', '"', ' ', '='], resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'infraLsp' }).catch(() => undefined);
      void pullConfig();
    }
  });

  function applyConfig(cfg: UserConfig | undefined | null): void {
    if (!cfg || typeof cfg !== 'object') return;
    const rules: Record<string, RuleSeverity> = {};
    if (cfg.rules && typeof cfg.rules === 'object') for (const [k, v] of Object.entries(cfg.rules)) rules[k] = v;
    settings = { rules, inlayHints: cfg.inlayHints?.enabled !== false };
    allowOutside = cfg.includes?.allowOutsideWorkspace === true;
  }

  async function pullConfig(): Promise<void> {
    try {
      const [cfg] = await connection.workspace.getConfiguration([{ section: 'infraLsp' }]);
      applyConfig(cfg as UserConfig);
      for (const d of documents.all()) schedule(d, 0);
    } catch {
      /* a client without configuration support keeps the defaults */
    }
  }

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfig) void pullConfig();
    else {
      applyConfig((change.settings as { infraLsp?: UserConfig } | undefined)?.infraLsp);
      for (const d of documents.all()) schedule(d, 0);
    }
  });

  function validateNow(uri: string): void {
    pending.delete(uri);
    const doc = documents.get(uri);
    if (!served(doc) || shutdown) return;
    const version = doc.version;
    const diagnostics = service.doValidation(doc, opts());
    // a newer version arrived meanwhile: its own validation will publish
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(doc: TextDocument, ms = delay): void {
    const old = pending.get(doc.uri);
    if (old !== undefined) timers.clearTimeout(old);
    pending.set(doc.uri, timers.setTimeout(() => validateNow(doc.uri), ms));
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const old = pending.get(e.document.uri);
    if (old !== undefined) timers.clearTimeout(old);
    pending.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const get = (uri: string) => {
    const d = documents.get(uri);
    return served(d) ? d : undefined;
  };

  connection.onHover((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.doHover(d, p.position, opts(token)) : null;
  });
  connection.onCompletion((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.doComplete(d, p.position, opts(token)) : null;
  });
  connection.onDocumentSymbol((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.findDocumentSymbols(d, opts(token)) : null;
  });
  connection.onFoldingRanges((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.getFoldingRanges(d, opts(token)) : null;
  });
  connection.onCodeAction((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.getCodeActions(d, p.range, p.context, opts(token)) : null;
  });
  connection.onDefinition((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.findDefinition(d, p.position, opts(token)) : null;
  });
  connection.onReferences((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.findReferences(d, p.position, opts(token)) : null;
  });
  connection.onRenameRequest((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.doRename(d, p.position, p.newName, opts(token)) : null;
  });
  connection.onDocumentLinks((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.findDocumentLinks(d, opts(token)) : null;
  });
  connection.languages.inlayHint.on((p, token) => {
    const d = get(p.textDocument.uri);
    return d ? service.getInlayHints(d, p.range, opts(token)) : null;
  });
  // A custom request rather than workspace/executeCommand: advertising a command makes
  // vscode-languageclient register it in the client, where the extension's own command of the
  // same name already lives, and the client then fails to start.
  connection.onRequest('infraLsp/decodeStatusCode', (p: { code?: unknown }) => decodeStatusCodeMarkdown(String(p?.code ?? '')));

  connection.onShutdown(() => {
    shutdown = true;
    for (const h of pending.values()) timers.clearTimeout(h);
    pending.clear();
  });

  documents.listen(connection);
  connection.listen();
}
