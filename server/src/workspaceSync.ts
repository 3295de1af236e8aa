/**
 * Keeps the workspace model (service/workspace.ts) in step with the editor and the disk: indexes
 * the workspace folders in the background with progress, follows file events, and publishes the
 * diagnostics of the files of open documents' trees that are not open themselves (an error in
 * named.conf.options shows in that file while named.conf is edited).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService, CallOptions } from './service/languageService';
import type { Workspace, WorkspaceHost } from './service/workspace';
import { discoverFiles } from './service/discover';
import { uriOfPath } from './service/trees';
import { uriToPath } from './service/fileAccess';
import type { Timers } from './validationScheduler';

export interface SyncDeps {
  readonly service: LanguageService;
  readonly workspace: Workspace;
  readonly host: WorkspaceHost;
  readonly timers: Timers;
  options(): CallOptions;
  /** Whether a URI is open in the editor (its own validation publishes its diagnostics). */
  isOpen(uri: string): boolean;
  /** The URIs open in the editor. */
  openUris(): string[];
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** Progress of the first indexing (begin, report, done). */
  progress(): Promise<{ report(percent: number, message: string): void; done(): void }>;
  /** The index changed (files found, changed on disk): open documents are checked again. */
  changed(): void;
}

/** Files indexed between two yields to the event loop. */
const BATCH = 50;
/** Quiet time before the files of open documents' trees are checked and published. */
const PUBLISH_AFTER_MS = 400;

export class WorkspaceSync {
  /** URIs whose diagnostics this class published (cleared when they leave every tree). */
  private readonly published = new Set<string>();
  private pending: unknown;
  private indexed = false;

  constructor(private readonly deps: SyncDeps) {}

  /** Whether the first indexing has finished. */
  get ready(): boolean {
    return this.indexed;
  }

  /** Whether the first indexing is on its way (announced, not finished nor failed). */
  private coming = false;
  get indexing(): boolean {
    return this.coming && !this.indexed;
  }

  /** The first indexing will start (the client is initialized; the settings may be pulled first). */
  expectIndex(): void {
    this.coming = true;
  }

  /** The first indexing failed: nothing waits for it any more. */
  giveUp(): void {
    this.coming = false;
  }

  /** Finds and indexes every configuration file of the folders, a batch at a time. */
  async indexAll(): Promise<void> {
    const { service, workspace, host } = this.deps;
    const progress = await this.deps.progress();
    const found = discoverFiles(host.folders(), (p) => host.read(p)).filter(
      (f) => !!service.modeFor(f.languageId)?.loads,
    );
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      workspace.update(f.path, f.languageId);
      if (i % BATCH === BATCH - 1) {
        progress.report(Math.round((100 * i) / found.length), `${i + 1} of ${found.length} files`);
        await new Promise((r) => setImmediate(r));
      }
    }
    progress.done();
    this.indexed = true;
    this.deps.changed();
  }

  /** A file created, changed or deleted on disk (workspace/didChangeWatchedFiles). */
  fileEvent(uri: string, deleted: boolean, languageOf: (path: string) => string | undefined): void {
    const p = uriToPath(uri);
    if (!p) return;
    if (deleted) this.deps.workspace.remove(p);
    else {
      const lang = this.deps.workspace.languageOf(p) ?? languageOf(p);
      if (lang && this.deps.service.modeFor(lang)?.loads) this.deps.workspace.update(p, lang);
    }
    this.deps.changed();
  }

  /** The files of every tree that holds `uri` (itself among them), as URIs. */
  private treeUris(uri: string): string[] {
    const p = uriToPath(uri);
    return p ? this.deps.workspace.filesWith(p).map(uriOfPath) : [];
  }

  /** The open documents that share a tree with `uri` (their names and includes may depend on it). */
  neighbours(uri: string): string[] {
    return this.treeUris(uri).filter((u) => u !== uri && this.deps.isOpen(u));
  }

  /** After a document's validation: check and publish the files of its trees that are not open, once things are quiet. */
  afterValidation(uri: string): void {
    const { timers } = this.deps;
    // a document just closed: an open document of the same trees shows them (the closed one
    // among them); with none, the files only its trees showed lose their diagnostics
    if (!this.deps.isOpen(uri)) {
      const other = this.neighbours(uri)[0];
      if (other === undefined) return this.clearStale(uri);
      uri = other;
    }
    // a file alone in its tree (most files): nothing else to check
    if (!this.neighbours(uri).length && !this.inTreeWithOthers(uri)) return;
    if (this.pending !== undefined) timers.clearTimeout(this.pending);
    this.pending = timers.setTimeout(() => {
      this.pending = undefined;
      this.publishTrees(uri);
    }, PUBLISH_AFTER_MS);
  }

  /** Whether an indexed file shares a tree with other files (or diagnostics of other files are out). */
  private inTreeWithOthers(uri: string): boolean {
    const p = uriToPath(uri);
    if (!p || !this.deps.workspace.has(p)) return false;
    return this.treeUris(uri).length > 1 || this.published.size > 0;
  }

  private publishTrees(uri: string): void {
    const p = uriToPath(uri);
    if (!p || !this.deps.workspace.has(p)) return;
    const { service, workspace } = this.deps;
    const now = new Set<string>();
    const results = service.checkTrees(workspace, p, this.deps.options(), (f) => this.deps.isOpen(uriOfPath(f)));
    for (const r of results) {
      const u = uriOfPath(r.file);
      now.add(u);
      this.deps.publish(u, r.diagnostics);
    }
    for (const u of now) this.published.add(u);
    this.clearStale(uri);
  }

  /** Clears the diagnostics published for files that are neither open nor in the trees of an open document. */
  private clearStale(except: string): void {
    const shown = this.filesOfOpenTrees();
    for (const u of [...this.published]) {
      if (u === except || shown.has(u) || this.deps.isOpen(u)) continue;
      this.deps.publish(u, []);
      this.published.delete(u);
    }
  }

  private filesOfOpenTrees(): Set<string> {
    return new Set(this.deps.openUris().flatMap((u) => this.treeUris(u)));
  }
}
