/**
 * Wires the pure language service to an LSP connection. Nothing language-specific lives
 * here. Validation is scheduled per document with injectable timers so tests never sleep:
 *  - a document whose full validation takes a few ms is validated at once after every change;
 *    one a little slower at once when it has been quiet for `validationDelay` ms, else once
 *    typing pauses for that long;
 *  - a document whose full validation is slow (a file of thousands of zones or hosts) gets a
 *    quick re-check of the edited statement at once (LanguageService.quickValidation) and the
 *    full pass once typing pauses for twice as long as a full pass takes.
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
import type { ValidationBase } from './service/languageService';
import { defaultSettings, type RuleSeverity, type ServiceSettings } from './service/types';
import { createFsAccess, uriToPath } from './service/fileAccess';
import { decodeStatusCodeMarkdown } from './vmklog/decode';
import { SERVER_NAME, SERVER_VERSION } from './service/version';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds on a monotonic clock (default: performance.now). */
  now?(): number;
}

/** A full pass faster than this runs after every change, without waiting for a pause. */
const CHEAP_MS = 10;
/** A full pass slower than this makes a document use quick re-checks after an edit. */
export const QUICK_AFTER_MS = 30;
/** The longest wait for a pause before a slow full pass runs anyway. */
const MAX_FULL_DELAY_MS = 2000;

interface DocState {
  /** The last full validation, for quick re-checks. */
  base?: ValidationBase;
  /** How long the last full validation took, and when it ended. */
  fullMs: number;
  lastRun: number;
  full?: unknown;
  /** The pending full validation runs as soon as possible (it will read the newest text). */
  fullSoon?: boolean;
  quick?: unknown;
}

export interface ServerOptions {
  /** Debounce for validation after a change, in ms. */
  readonly validationDelay?: number;
  readonly timers?: Timers;
  /**
   * A full garbage collection, run before a slow document is parsed again once its old tree is
   * let go (without it the heap grows to hold the old tree's garbage and the new tree together),
   * and after its validation has been published.
   */
  readonly collectGarbage?: () => void;
}

/** A full pass slower than this frees the old tree's memory before parsing again. */
const COLLECT_AFTER_MS = 250;

interface UserConfig {
  rules?: Record<string, RuleSeverity>;
  inlayHints?: { enabled?: boolean };
  includes?: { allowOutsideWorkspace?: boolean };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const timers: Timers = options.timers ?? {
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
  const delay = options.validationDelay ?? 150;
  const now = () => (timers.now ? timers.now() : performance.now());
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService({
    onError: (where, err) =>
      connection.console.error(
        `infra-lsp: internal error in ${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      ),
  });
  let settings: ServiceSettings = defaultSettings;
  let allowOutside = false;
  let roots: string[] = [];
  let canPullConfig = false;
  let shutdown = false;
  const states = new Map<string, DocState>();
  const stateOf = (uri: string): DocState => {
    let st = states.get(uri);
    if (!st) states.set(uri, (st = { fullMs: 0, lastRun: -Infinity }));
    return st;
  };

  const files = createFsAccess({
    roots: () => roots,
    allowOutside: () => allowOutside,
    openDocument: (uri) => documents.get(uri)?.getText(),
  });
  const opts = (token?: CancellationToken) => ({ settings, files, token });
  // a client may send a didOpen without text or language: such a document is not served
  const served = (doc: TextDocument | undefined): doc is TextDocument =>
    !!doc &&
    typeof doc.languageId === 'string' &&
    typeof doc.getText() === 'string' &&
    !!service.modeFor(doc.languageId);

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
        completionProvider: { triggerCharacters: ['.', ':', '"', ' ', '='], resolveProvider: true },
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
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'infraLsp' })
        .catch(() => undefined);
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

  function clearTimers(st: DocState): void {
    if (st.full !== undefined) timers.clearTimeout(st.full);
    if (st.quick !== undefined) timers.clearTimeout(st.quick);
    st.full = st.quick = undefined;
  }

  function validateNow(uri: string): void {
    const st = stateOf(uri);
    clearTimers(st);
    const doc = documents.get(uri);
    if (!served(doc) || shutdown) return;
    const version = doc.version;
    st.base = undefined; // let the old tree go before the new one is built
    if (st.fullMs >= COLLECT_AFTER_MS && options.collectGarbage) {
      service.forget(doc);
      options.collectGarbage();
    }
    const t0 = now();
    const { diagnostics, base } = service.validateWithBase(doc, opts());
    st.lastRun = now();
    st.fullMs = st.lastRun - t0;
    st.base = base;
    // a newer version arrived meanwhile: its own validation will publish
    if (documents.get(uri)?.version !== version) return;
    // hover and navigation lookups; for a large document, the parse's garbage collected now
    // (a small part of a slow pass) rather than as marking work spread over the next requests
    service.prepare(doc);
    if (st.fullMs >= COLLECT_AFTER_MS) options.collectGarbage?.();
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function quickNow(uri: string): void {
    const st = stateOf(uri);
    st.quick = undefined;
    const doc = documents.get(uri);
    if (!served(doc) || shutdown || !st.base) return;
    const diagnostics = service.quickValidation(doc, st.base, opts());
    // an edit that moves statement boundaries waits for the full pass (already scheduled for
    // the next pause: starting a pass of seconds after every short pause would stall typing)
    if (diagnostics) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  function scheduleFull(uri: string, ms: number): void {
    const st = stateOf(uri);
    if (st.full !== undefined) timers.clearTimeout(st.full);
    st.full = timers.setTimeout(() => validateNow(uri), ms);
    st.fullSoon = ms === 0;
  }

  /** After a change (or a settings change with ms = 0). */
  function schedule(doc: TextDocument, ms?: number): void {
    const st = stateOf(doc.uri);
    if (ms !== undefined) return scheduleFull(doc.uri, ms);
    if (st.base && st.fullMs >= QUICK_AFTER_MS) {
      // several changes in one batch make one quick re-check
      if (st.quick === undefined) st.quick = timers.setTimeout(() => quickNow(doc.uri), 0);
      return scheduleFull(doc.uri, Math.min(MAX_FULL_DELAY_MS, Math.max(delay, 2 * st.fullMs)));
    }
    // a validation about to run will see this change too (didOpen is also a content change)
    if (st.full !== undefined && st.fullSoon) return;
    // a document that validates in a few ms: at once, every time; otherwise at once when it has
    // been quiet for a while, and once typing pauses while it is being typed in
    const cheap = st.lastRun > -Infinity && st.fullMs < CHEAP_MS;
    const idle = st.full === undefined && now() - st.lastRun >= delay;
    scheduleFull(doc.uri, cheap || idle ? 0 : delay);
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const st = states.get(e.document.uri);
    if (st) clearTimers(st);
    states.delete(e.document.uri);
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
  connection.onCompletionResolve((item, token) => service.resolveCompletion(item, opts(token)));
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
  connection.onRequest('infraLsp/decodeStatusCode', (p: { code?: unknown }) =>
    decodeStatusCodeMarkdown(String(p?.code ?? '')),
  );

  connection.onShutdown(() => {
    shutdown = true;
    for (const st of states.values()) clearTimers(st);
    states.clear();
  });

  documents.listen(connection);
  connection.listen();
}
