/**
 * Wires the pure language service to an LSP connection. Nothing language-specific lives here:
 * validation is scheduled by ValidationScheduler, and every request goes to the facade.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type CancellationToken,
  DidChangeConfigurationNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './modes';
import type { CallOptions, LanguageService } from './service/languageService';
import {
  BIND_VERSIONS,
  DEFAULT_BIND_VERSION,
  defaultSettings,
  type BindVersion,
  type RuleSeverity,
  type ServiceSettings,
} from './service/types';
import { createFsAccess, createFsHost, uriToPath } from './service/fileAccess';
import { languageByContent, readSmallFile } from './service/discover';
import { languageForPath } from './service/languages';
import { WorkspaceSync, type SyncDeps } from './workspaceSync';
import type { Workspace } from './service/workspace';
import * as path from 'node:path';
import { decodeStatusCodeMarkdown } from './vmklog/decode';
import { SERVER_NAME, SERVER_VERSION } from './service/version';
import { realTimers, ValidationScheduler, type Timers } from './validationScheduler';
import { orList, suggestionsFor } from './common/text';
import { registerZoneSerial } from './zoneSerial';

export { QUICK_AFTER_MS, type Timers } from './validationScheduler';

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
  /** The clock of the SOA serial's increments (tests set it; undefined: the system clock). */
  readonly now?: () => Date;
}

interface UserConfig {
  rules?: Record<string, unknown>;
  inlayHints?: { enabled?: boolean };
  includes?: { allowOutsideWorkspace?: boolean; root?: string };
  named?: { version?: unknown };
  zone?: { incrementSerialOnSave?: unknown };
  format?: { enable?: unknown };
}

/** The service settings of the user's `infraLsp` configuration. */
function readSettings(
  cfg: UserConfig,
  readRules: (raw: unknown) => ServiceSettings['rules'],
  warn: (message: string) => void,
): ServiceSettings {
  const bind = readBindVersion(cfg.named?.version);
  if (bind.warning) warn(bind.warning);
  return {
    rules: readRules(cfg.rules),
    inlayHints: cfg.inlayHints?.enabled !== false,
    bindVersion: bind.version,
    format: cfg.format?.enable !== false,
  };
}

/** `infraLsp.named.version` as a BIND version; anything else keeps the default (and is said once). */
export function readBindVersion(raw: unknown): { version: BindVersion; warning?: string } {
  if (raw === undefined || raw === null || raw === '') return { version: DEFAULT_BIND_VERSION };
  const v = String(raw).trim();
  const found = BIND_VERSIONS.find((b) => b === v || `${b}.x` === v);
  if (found) return { version: found };
  return {
    version: DEFAULT_BIND_VERSION,
    warning: `infraLsp.named.version is ${JSON.stringify(raw)}, which is not a BIND version we check as; named.conf files are checked as ${DEFAULT_BIND_VERSION}. Use ${orList([...BIND_VERSIONS], '"')}.`,
  };
}

/**
 * The severity words infraLsp.rules.<id> accepts, case and blanks aside: the schema's four and
 * the obvious aliases (ESLint's off and warn, LSP's hint and information). There is no hint
 * severity of our own: hint is info.
 */
export const SEVERITY_WORDS: ReadonlyMap<string, RuleSeverity> = new Map([
  ['ignore', 'ignore'],
  ['off', 'ignore'],
  ['none', 'ignore'],
  ['info', 'info'],
  ['information', 'info'],
  ['hint', 'info'],
  ['warning', 'warning'],
  ['warn', 'warning'],
  ['error', 'error'],
]);

/**
 * The rule severities of the settings, with the aliases read as their severity, and a warning for
 * each value or rule id that is not understood (the rule keeps its default).
 */
export function readRuleSettings(
  raw: unknown,
  rules: readonly { id: string; formerIds?: readonly string[]; defaultSeverity: RuleSeverity }[],
): { rules: Record<string, RuleSeverity>; warnings: string[] } {
  const out: Record<string, RuleSeverity> = {};
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { rules: out, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push('infraLsp.rules is not an object of rule ids and severities; every rule keeps its default.');
    return { rules: out, warnings };
  }
  const byId = new Map<string, RuleSeverity>();
  for (const r of rules) for (const id of [r.id, ...(r.formerIds ?? [])]) byId.set(id, r.defaultSeverity);
  for (const [id, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    const fallback = byId.get(id);
    if (fallback === undefined) {
      const near = suggestionsFor(id, [...byId.keys()], 1);
      warnings.push(
        `infraLsp.rules.${id} names no rule, so it has no effect${near.length ? `: did you mean ${near[0]}?` : '.'}`,
      );
      continue;
    }
    const sev = typeof value === 'string' ? SEVERITY_WORDS.get(value.trim().toLowerCase()) : undefined;
    if (sev) out[id] = sev;
    else
      warnings.push(
        `infraLsp.rules.${id} is ${JSON.stringify(value)}, which is not a severity; the rule keeps its default (${fallback}). Use ${orList(['ignore', 'info', 'warning', 'error'], '"')}.`,
      );
  }
  return { rules: out, warnings };
}

/**
 * readRuleSettings for the connection: what it does not understand goes to the output channel,
 * once, not again on every settings change that leaves it as it was.
 */
function ruleSettingsReader(
  connection: Connection,
  service: LanguageService,
): (raw: unknown) => ServiceSettings['rules'] {
  let said = '';
  return (raw) => {
    const { rules, warnings } = readRuleSettings(raw, service.rules());
    const now = warnings.join('\n');
    if (now !== said) for (const w of warnings) connection.console.warn(`infra-lsp: ${w}`);
    said = now;
    return rules;
  };
}

const CAPABILITIES: InitializeResult['capabilities'] = {
  // willSaveWaitUntil and save: the SOA serial's increment on save (zoneSerial.ts)
  textDocumentSync: {
    openClose: true,
    change: TextDocumentSyncKind.Incremental,
    willSaveWaitUntil: true,
    save: { includeText: false },
  },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['.', ':', '"', ' ', '='], resolveProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: true,
  documentLinkProvider: { resolveProvider: false },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '}', moreTriggerCharacter: [';', '\n'] },
  inlayHintProvider: true,
  workspaceSymbolProvider: true,
};

/** The workspace folders of an initialize request, as paths (its rootUri where it has none). */
function workspaceRoots(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null }): string[] {
  const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  const root = !roots.length && params.rootUri ? uriToPath(params.rootUri) : undefined;
  return root ? [root] : roots;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService({
    onError: (where, err) =>
      connection.console.error(
        `infra-lsp: internal error in ${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      ),
  });
  let settings: ServiceSettings = defaultSettings;
  let allowOutside = false;
  let includeRoot: string | undefined;
  let roots: string[] = [];
  let canPullConfig = false;
  const readRules = ruleSettingsReader(connection, service);

  const access = {
    roots: () => roots,
    allowOutside: () => allowOutside,
    openDocument: (uri: string) => documents.get(uri)?.getText(),
  };
  const files = createFsAccess(access);
  const host = createFsHost({ ...access, includeRoot: () => includeRoot });
  const workspace = service.createWorkspace(host);
  const opts = (token?: CancellationToken): CallOptions => ({ settings, files, token, workspace, now: options.now });
  // a client may send a didOpen without text or language: such a document is not served
  const get = (uri: string): TextDocument | undefined => {
    const d = documents.get(uri);
    const served = !!d && typeof d.languageId === 'string' && typeof d.getText() === 'string';
    return served && service.modeFor(d.languageId) ? d : undefined;
  };
  const scheduler = new ValidationScheduler({
    service,
    timers: options.timers ?? realTimers,
    delay: options.validationDelay ?? 150,
    document: get,
    options: () => opts(),
    publish: (uri, version, diagnostics) => {
      void connection.sendDiagnostics({ uri, version, diagnostics });
      sync.afterValidation(uri);
    },
    collectGarbage: options.collectGarbage,
  });
  const sync = new WorkspaceSync({
    service,
    workspace,
    host,
    timers: options.timers ?? realTimers,
    options: () => opts(),
    isOpen: (uri) => !!get(uri),
    openUris: () => documents.keys(),
    ...lspSyncDeps(connection, () => revalidateAll()),
  });
  const zoneSerial = registerZoneSerial(connection, documents, { get, now: options.now });

  function applyConfig(cfg: UserConfig | undefined | null): void {
    if (!cfg || typeof cfg !== 'object') return;
    settings = readSettings(cfg, readRules, (w) => connection.console.warn(`infra-lsp: ${w}`));
    allowOutside = cfg.includes?.allowOutsideWorkspace === true;
    const r = typeof cfg.includes?.root === 'string' ? cfg.includes.root.trim() : '';
    // relative to the first workspace folder, `~` not expanded (a setting is not a shell)
    includeRoot = r ? path.resolve(roots[0] ?? '/', r) : undefined;
    zoneSerial.configure(cfg.zone);
    workspace.refresh();
  }
  const revalidateAll = () => {
    for (const d of documents.all()) scheduler.schedule(d, 0);
  };
  async function pullConfig(): Promise<void> {
    try {
      const [cfg] = await connection.workspace.getConfiguration([{ section: 'infraLsp' }]);
      applyConfig(cfg as UserConfig);
      revalidateAll();
    } catch {
      /* a client without configuration support keeps the defaults */
    }
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfig = !!params.capabilities.workspace?.configuration;
    roots = workspaceRoots(params);
    applyConfig(params.initializationOptions as UserConfig | undefined);
    return { capabilities: CAPABILITIES, serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });
  connection.onInitialized(() => {
    sync.expectIndex();
    // the index waits for the settings (infraLsp.includes.root decides how paths resolve)
    const index = () => {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .catch(() => undefined);
      void sync.indexAll().catch((err) => {
        connection.console.error(`infra-lsp: indexing failed: ${String(err)}`);
        // the files that waited for it are checked alone
        sync.giveUp();
        revalidateAll();
      });
    };
    if (!canPullConfig) return index();
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'infraLsp' })
      .catch(() => undefined);
    void pullConfig().then(index);
  });
  connection.onDidChangeConfiguration((change) => {
    if (canPullConfig) return void pullConfig();
    applyConfig((change.settings as { infraLsp?: UserConfig } | undefined)?.infraLsp);
    revalidateAll();
  });

  watchDocuments(documents, scheduler, sync, service, get);
  registerWorkspaceRequests(connection, sync, workspace, service);
  documents.onDidClose((e) => scheduler.close(e.document.uri));
  registerRequests(connection, service, get, opts);
  connection.onShutdown(() => scheduler.stop());

  documents.listen(connection);
  connection.listen();
}

/** What the workspace sync asks of the connection: publishing, progress, and telling the client the index changed. */
function lspSyncDeps(
  connection: Connection,
  revalidateAll: () => void,
): Pick<SyncDeps, 'publish' | 'progress' | 'changed'> {
  return {
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    progress: async () => {
      const p = await connection.window.createWorkDoneProgress();
      p.begin('infra-lsp: indexing configuration files', 0, '', false);
      return { report: (pct, msg) => p.report(pct, msg), done: () => p.done() };
    },
    changed: () => {
      revalidateAll();
      void connection.sendNotification('infraLsp/indexChanged', {});
    },
  };
}

function registerWorkspaceRequests(
  connection: Connection,
  sync: WorkspaceSync,
  workspace: Workspace,
  service: LanguageService,
): void {
  connection.onWorkspaceSymbol((p) => service.workspaceSymbols(workspace, p.query ?? ''));
  connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) sync.fileEvent(c.uri, c.type === FileChangeType.Deleted, fileLanguage);
  });
  // the language a file is loaded as, for a file the editor opened as another (named.conf.local
  // as plain text, a zone file named `example.com` that a named.conf loads): the client sets it
  connection.onRequest('infraLsp/languageOf', (p: { uri?: unknown }) => {
    const file = typeof p?.uri === 'string' ? uriToPath(p.uri) : undefined;
    if (!file) return null;
    if (workspace.rootsOf(file).some((r) => r !== file)) return workspace.languageOf(file) ?? null;
    return workspace.zoneLinkOf(file) ? 'dns-zone' : null;
  });
}

/** A file's language by its name, else by its text (a file created on disk). */
function fileLanguage(p: string): string | undefined {
  const byName = languageForPath(p);
  if (byName) return byName;
  const text = readSmallFile(p);
  return text === undefined ? undefined : languageByContent(text);
}

/** Every request on a document goes to the facade; a document we do not serve gets null. */
function registerRequests(
  connection: Connection,
  service: LanguageService,
  get: (uri: string) => TextDocument | undefined,
  opts: (token?: CancellationToken) => CallOptions,
): void {
  const withDoc =
    <P extends { textDocument: { uri: string } }, R>(answer: (d: TextDocument, p: P, o: CallOptions) => R) =>
    (p: P, token: CancellationToken): R | null => {
      const d = get(p.textDocument.uri);
      return d ? answer(d, p, opts(token)) : null;
    };
  connection.onHover(withDoc((d, p, o) => service.doHover(d, p.position, o)));
  connection.onCompletion(withDoc((d, p, o) => service.doComplete(d, p.position, o)));
  connection.onCompletionResolve((item, token) => service.resolveCompletion(item, opts(token)));
  connection.onDocumentSymbol(withDoc((d, _p, o) => service.findDocumentSymbols(d, o)));
  connection.onFoldingRanges(withDoc((d, _p, o) => service.getFoldingRanges(d, o)));
  connection.onCodeAction(withDoc((d, p, o) => service.getCodeActions(d, p.range, p.context, o)));
  connection.onDefinition(withDoc((d, p, o) => service.findDefinition(d, p.position, o)));
  connection.onReferences(withDoc((d, p, o) => service.findReferences(d, p.position, o)));
  connection.onDocumentHighlight(withDoc((d, p, o) => service.findDocumentHighlights(d, p.position, o)));
  connection.onRenameRequest(withDoc((d, p, o) => service.doRename(d, p.position, p.newName, o)));
  connection.onDocumentLinks(withDoc((d, _p, o) => service.findDocumentLinks(d, o)));
  connection.languages.inlayHint.on(withDoc((d, p, o) => service.getInlayHints(d, p.range, o)));
  const formatting = (o: CallOptions) => o.settings?.format !== false;
  connection.onDocumentFormatting(withDoc((d, p, o) => (formatting(o) ? service.format(d, p.options) : [])));
  connection.onDocumentRangeFormatting(
    withDoc((d, p, o) => (formatting(o) ? service.format(d, p.options, p.range) : [])),
  );
  connection.onDocumentOnTypeFormatting(
    withDoc((d, p, o) => (formatting(o) ? service.formatOnType(d, p.position, p.ch, p.options) : [])),
  );
  // A custom request rather than workspace/executeCommand: advertising a command makes
  // vscode-languageclient register it in the client, where the extension's own command of the
  // same name already lives, and the client then fails to start.
  connection.onRequest('infraLsp/decodeStatusCode', (p: { code?: unknown }) =>
    decodeStatusCodeMarkdown(String(p?.code ?? '')),
  );
}

/** Opened and edited documents are checked; so are the open files of the same trees after an edit. */
function watchDocuments(
  documents: TextDocuments<TextDocument>,
  scheduler: { schedule(d: TextDocument, delay?: number): void },
  sync: WorkspaceSync,
  service: LanguageService,
  get: (uri: string) => TextDocument | undefined,
): void {
  // a file of a configuration tree waits for the first indexing (its end checks every open file):
  // checked alone first, it would show for a moment the names its tree defines as undefined
  const waitsForIndex = (d: TextDocument) => sync.indexing && !!service.modeFor(d.languageId)?.loads;
  documents.onDidOpen((e) => {
    if (!waitsForIndex(e.document)) scheduler.schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (waitsForIndex(e.document)) return;
    scheduler.schedule(e.document);
    // the open files of the same trees read names from this one
    for (const u of sync.neighbours(e.document.uri)) {
      const d = get(u);
      if (d) scheduler.schedule(d);
    }
  });
}
