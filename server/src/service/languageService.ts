/**
 * The facade: one object that hands out every feature for every registered language.
 * It parses once per document version, applies severity settings, adds the features that
 * cut across languages (iSCSI names), and guards every call so no input can crash a caller.
 */
import {
  DiagnosticSeverity,
  type CodeAction,
  type CodeActionContext,
  type CompletionItem,
  type CompletionList,
  type Definition,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type TextEdit,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  chooseRegion,
  editWindow,
  hasSemicolon,
  nextTokenEnd,
  projectExcept,
  semicolonAfterBlock,
  startsWithin,
  touchesStructure,
} from './quick';
import { lineCountOf, offsetAt, plainText, positionAt } from '../common/text';
import {
  defaultSettings,
  type FormatOptions,
  type Finding,
  type LanguageMode,
  type ModeContext,
  type RuleDef,
  type RuleSeverity,
  type ServiceSettings,
} from './types';
import { includeFindings, includeHover, TreeChecks, workspaceSymbolsOf } from './trees';
import { uriToPath } from './fileAccess';
import { append, clampFindings, limitFindings } from './findingList';
import { applySuppressions, SUPPRESSION_RULES, suppressionActions } from './suppressions';
import { Workspace, type WorkspaceHost } from './workspace';
import { ModeContexts, type CallOptions } from './contexts';
import { textHighlights, type DocumentHighlight } from '../common/highlights';

/** A feature that works on the raw text of a document in any language (e.g. iSCSI names). */
export interface TextFeature<Rule extends string = string> {
  readonly rules: readonly RuleDef<Rule>[];
  /** Languages the feature skips because their mode already covers it. */
  readonly skipLanguages?: readonly string[];
  doValidation(doc: TextDocument, ctx: ModeContext): Finding<Rule>[];
  doHover?(doc: TextDocument, pos: Position, ctx: ModeContext): Hover | null;
  getCodeActions?(doc: TextDocument, range: Range, context: CodeActionContext, ctx: ModeContext): CodeAction[];
}

export interface ServiceOptions {
  /** Called with every exception a mode throws; the caller still gets an empty answer. */
  readonly onError?: (where: string, err: unknown) => void;
  /** Language ids that are served by another mode (VS Code's `log` → `vmkernel-log`). */
  readonly aliases?: Readonly<Record<string, string>>;
}

export type { CallOptions } from './contexts';

const SEVERITY: Record<Exclude<RuleSeverity, 'ignore'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'infra-lsp';

/** What a full validation leaves for later quick ones (see quickValidation). */
export interface ValidationBase {
  readonly uri: string;
  readonly languageId: string;
  /** The validated text. */
  readonly text: string;
  readonly tree: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /** Start and end offset of every diagnostic, in pairs (the old text's positions are not kept). */
  readonly offsets: Int32Array;
  readonly settings: ServiceSettings;
}

/** Statements longer than this are not re-checked on their own (the full pass does it). */
export const QUICK_STATEMENT_LIMIT = 64 * 1024;

export class LanguageService {
  private readonly modes = new Map<string, LanguageMode>();
  private readonly ruleIndex = new Map<string, RuleDef>();
  private readonly trees = new WeakMap<TextDocument, { version: number; tree: unknown }>();
  private readonly aliases: Readonly<Record<string, string>>;
  /** Rules of the cross-language text features (each finding is about one name: statement-scoped). */
  private readonly textRules = new Set<string>();
  private readonly treeChecks = new TreeChecks({
    modeFor: (id) => this.modeFor(id),
    parse: (mode, doc) => this.guard(`parse ${doc.uri}`, undefined, () => mode.parse(doc)),
  });

  private readonly contexts = new ModeContexts(
    (id) => this.modeFor(id),
    this.treeChecks,
    (where, fn) => this.guard(where, undefined, fn),
  );

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each mode has its own tree type
    modes: readonly LanguageMode<any>[],
    private readonly textFeatures: readonly TextFeature[] = [],
    private readonly options: ServiceOptions = {},
  ) {
    for (const m of modes) {
      if (this.modes.has(m.id)) throw new Error(`two modes for language ${m.id}`);
      this.modes.set(m.id, m);
      for (const r of m.rules) this.addRule(r);
    }
    for (const f of textFeatures) {
      for (const r of f.rules) {
        this.addRule(r);
        this.textRules.add(r.id);
      }
    }
    for (const r of SUPPRESSION_RULES) this.addRule(r);
    this.aliases = options.aliases ?? {};
  }

  private addRule(r: RuleDef): void {
    if (this.ruleIndex.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
    this.ruleIndex.set(r.id, r);
  }

  /** How far a rule's findings look, for a quick re-check; undefined: the whole file. */
  private scopeOf(rule: string): 'statement' | 'block' | undefined {
    const scope = this.ruleIndex.get(rule)?.scope;
    return scope === 'file' ? undefined : scope;
  }

  /** A workspace model over `host` whose files are parsed by this service's modes. */
  createWorkspace(host: WorkspaceHost): Workspace {
    return new Workspace(host, (languageId, file, text) => this.treeChecks.loadsOf(languageId, file, text));
  }

  /**
   * The diagnostics of every file of the trees `file` is loaded in, each file once, in load
   * order (the CLI prints them so; the server publishes them for the files that are not open).
   */
  checkTrees(
    ws: Workspace,
    file: string,
    o?: CallOptions,
    skip?: (file: string) => boolean,
  ): Array<{ file: string; languageId: string; diagnostics: Diagnostic[] }> {
    const inTree = { ...o, workspace: ws };
    return this.treeChecks.checkTrees(ws, file, (d) => this.doValidation(d, inTree), skip);
  }

  /** workspace/symbol: the symbols of every file the workspace model indexed. */
  workspaceSymbols(ws: Workspace, query: string): SymbolInformation[] {
    return this.guard('workspace-symbols', [] as SymbolInformation[], () =>
      workspaceSymbolsOf(this.treeChecks, ws, query, (id) => this.modeFor(id)),
    );
  }

  /** Every language id served, aliases included. */
  languageIds(): string[] {
    return [...this.modes.keys(), ...Object.keys(this.aliases)];
  }

  rules(): RuleDef[] {
    return [...this.ruleIndex.values()];
  }

  modeFor(languageId: string): LanguageMode | undefined {
    return this.modes.get(this.aliases[languageId] ?? languageId);
  }

  private guard<T>(where: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      this.options.onError?.(where, err);
      return fallback;
    }
  }

  /**
   * Build the lookups for hover and navigation (the server calls this after a full validation;
   * the CLI never needs them): the line table every position comes from, and the mode's own.
   */
  prepare(doc: TextDocument): void {
    lineCountOf(doc);
    const cached = this.trees.get(doc);
    const mode = this.modeFor(doc.languageId);
    if (!cached || cached.version !== doc.version || !mode?.prepare) return;
    this.guard(`prepare ${doc.uri}`, undefined, () => mode.prepare!(doc, cached.tree));
  }

  /** Let go of the parsed tree of a document (before re-parsing a large one, so both never live at once). */
  forget(doc: TextDocument): void {
    this.trees.delete(doc);
    this.treeChecks.forget(doc.uri);
  }

  /** The parsed tree for this document version (parsed at most once per version). */
  parse(doc: TextDocument): { mode: LanguageMode; tree: unknown } | undefined {
    const mode = this.modeFor(doc.languageId);
    if (!mode) return undefined;
    const cached = this.trees.get(doc);
    if (cached && cached.version === doc.version) return { mode, tree: cached.tree };
    // let the old tree go before the new one is built (two trees of a large file at once is the peak)
    if (cached) this.trees.delete(doc);
    const tree = this.treeChecks.cachedTree(doc) ?? this.guard(`parse ${doc.uri}`, undefined, () => mode.parse(doc));
    if (tree === undefined) return undefined;
    this.trees.set(doc, { version: doc.version, tree });
    return { mode, tree };
  }

  private severityOf(rule: string, settings: ServiceSettings): RuleSeverity {
    const def = this.ruleIndex.get(rule);
    const valid = (v: unknown): v is RuleSeverity => v === 'ignore' || v === 'info' || v === 'warning' || v === 'error';
    const fallback = def?.defaultSeverity ?? 'error';
    const user = settings.rules[rule];
    // a setting under the rule's former id still applies; VS Code sends every setting with its
    // default, so a value that differs from the default wins over one that is just the default
    const formers = (def?.formerIds ?? []).map((f) => settings.rules[f]).filter(valid);
    if (valid(user) && (user !== fallback || !formers.some((o) => o !== fallback))) return user;
    const changed = formers.find((o) => o !== fallback);
    return changed ?? (valid(user) ? user : (formers[0] ?? fallback));
  }

  /** Turn findings into diagnostics, with the rule id as code and the user's severity. */
  toDiagnostics(findings: readonly Finding[], settings: ServiceSettings): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const f of findings) {
      const sev = this.severityOf(f.rule, settings);
      if (sev === 'ignore') continue;
      const d: Diagnostic = {
        range: f.range,
        severity: SEVERITY[sev],
        code: f.rule,
        source: DIAGNOSTIC_SOURCE,
        // the Problems panel shows plain text: code spans become quotes (hovers keep Markdown)
        message: plainText(f.message),
      };
      if (f.data !== undefined) d.data = f.data;
      if (f.related) d.relatedInformation = f.related;
      if (f.tags) d.tags = f.tags;
      out.push(d);
    }
    return out;
  }

  doValidation(doc: TextDocument, o?: CallOptions): Diagnostic[] {
    const findings: Finding[] = [];
    const p = this.parse(doc);
    const ws = p?.mode.loads ? this.contexts.workspaceOf(o) : undefined;
    const ctx = this.contexts.in(doc, p, ws ? { ...o, workspace: ws } : o);
    if (p)
      append(
        findings,
        this.guard(`validate ${doc.uri}`, [] as Finding[], () => p.mode.doValidation(doc, p.tree, ctx)),
      );
    if (p && ws && ctx.tree) {
      // each included file is checked in the same trees (and its findings shown there)
      const inTree = { ...o, workspace: ws };
      const errorsIn = (file: string) =>
        this.treeChecks.diagnosticsOf(ws, file, p.mode.id, (d) => this.doValidation(d, inTree));
      append(
        findings,
        this.guard(`includes ${doc.uri}`, [] as Finding[], () =>
          includeFindings(p.mode, doc, ctx.tree!.edges, errorsIn),
        ),
      );
    }
    for (const f of this.textFeatures) {
      if (ctx.token?.isCancellationRequested) break;
      if (f.skipLanguages?.includes(this.aliases[doc.languageId] ?? doc.languageId)) continue;
      append(
        findings,
        this.guard(`text-validate ${doc.uri}`, [] as Finding[], () => f.doValidation(doc, ctx)),
      );
    }
    const kept = applySuppressions(doc, findings, true);
    return this.toDiagnostics(clampFindings(doc, limitFindings(kept)), ctx.settings);
  }

  /** doValidation, plus what quickValidation needs to re-check a later small edit. */
  validateWithBase(
    doc: TextDocument,
    o?: CallOptions,
  ): { diagnostics: Diagnostic[]; base: ValidationBase | undefined } {
    const diagnostics = this.doValidation(doc, o);
    const cached = this.trees.get(doc);
    const mode = this.modeFor(doc.languageId);
    if (!mode?.quick || !cached || cached.version !== doc.version) return { diagnostics, base: undefined };
    const offsets = new Int32Array(diagnostics.length * 2);
    diagnostics.forEach((d, i) => {
      offsets[2 * i] = offsetAt(doc, d.range.start);
      offsets[2 * i + 1] = offsetAt(doc, d.range.end);
    });
    const base = {
      uri: doc.uri,
      languageId: doc.languageId,
      text: doc.getText(),
      tree: cached.tree,
      diagnostics,
      offsets,
      settings: o?.settings ?? defaultSettings,
    };
    return { diagnostics, base };
  }

  /**
   * Diagnostics for `doc` after a small edit of `base`'s text, without a full pass: only the
   * statement around the edit is parsed and checked again (see quick.ts). Undefined when the
   * edit does not allow it (it touches braces, quotes or `;`, or spans statements, or the
   * statement is long, or the settings changed): the caller then runs doValidation.
   */
  quickValidation(doc: TextDocument, base: ValidationBase, o?: CallOptions): Diagnostic[] | undefined {
    return this.guard(`quick-validate ${doc.uri}`, undefined, () => this.quick(doc, base, o));
  }

  private quick(doc: TextDocument, base: ValidationBase, o?: CallOptions): Diagnostic[] | undefined {
    const ctx = this.contexts.base(o);
    const mode = this.modeFor(doc.languageId);
    const quick = mode?.quick;
    if (!mode || !quick || base.languageId !== doc.languageId || base.uri !== doc.uri || ctx.settings !== base.settings)
      return undefined;
    // a file included inside a block is checked as that block's statements: the full pass does it
    const file = uriToPath(doc.uri);
    if (mode.loads && o?.workspace && file && o.workspace.scopeOf(file)) return undefined;
    const before = base.text;
    const after = doc.getText();
    const w = editWindow(before, after);
    if (w.start === w.oldEnd && w.start === w.newEnd) return base.diagnostics.slice();
    if (!quick.lineBased && (touchesStructure(before, w.start, w.oldEnd) || touchesStructure(after, w.start, w.newEnd)))
      return undefined;
    const region = chooseRegion(quick.statementPath(base.tree, w.start, w.oldEnd), QUICK_STATEMENT_LIMIT);
    if (!region) return undefined;
    const r = region.stmt;
    if (w.start < r.start || w.oldEnd > r.end) return undefined;
    if (!quick.lineBased) {
      if (hasSemicolon(before, w.start, w.oldEnd) && !(r.body && w.start >= r.body.start && w.oldEnd <= r.body.end))
        return undefined;
      for (let i = w.start; i < w.newEnd; i++)
        if (after.charCodeAt(i) === 0x3b && semicolonAfterBlock(after, i)) return undefined;
    }
    const delta = w.newEnd - w.oldEnd;
    // the fragment: ancestors' headers, the statement itself, ancestors' trailers
    const keep: Array<[number, number]> = [];
    for (const a of region.ancestors) keep.push([a.start, a.body!.start]);
    // and the token after it, which a finding at its end may reach to
    keep.push([r.start, quick.lineBased ? r.end + delta : nextTokenEnd(after, r.end + delta)]);
    for (let k = region.ancestors.length - 1; k >= 0; k--) {
      const a = region.ancestors[k]!;
      keep.push([a.body!.end + delta, a.end + delta]);
    }
    const part = projectExcept(doc, keep);
    const tree = quick.parseFragment ? quick.parseFragment(part, base.tree, r) : mode.parse(part);
    if (tree === undefined) return undefined;
    const found: Finding[] = [];
    append(found, mode.doValidation(part, tree, ctx));
    for (const f of this.textFeatures) {
      if (f.skipLanguages?.includes(this.aliases[doc.languageId] ?? doc.languageId)) continue;
      append(found, f.doValidation(part, ctx));
    }
    const scopeOf = (rule: unknown): 'statement' | 'block' | undefined =>
      typeof rule !== 'string' ? undefined : this.textRules.has(rule) ? 'statement' : this.scopeOf(rule);
    // a finding belongs to the statement its range starts in (a missing `;` may reach past it)
    const newFrom = positionAt(doc, r.start);
    const newTo = positionAt(doc, r.end + delta);
    const moved = (o: number) => (o >= w.oldEnd ? o + delta : o);
    const newBody = r.body && ([positionAt(doc, moved(r.body.start)), positionAt(doc, moved(r.body.end))] as const);
    const fresh = found.filter((f) => {
      const scope = scopeOf(f.rule);
      if (scope === 'statement') return startsWithin(f.range, newFrom, newTo);
      return scope === 'block' && !!newBody && startsWithin(f.range, newBody[0], newBody[1]);
    });
    // carry over the rest of the last full pass, moved past the edit; a finding that ends where
    // the edit starts (or starts where it ends) is about a word the edit may have changed, unless
    // a space or a `}` `;` lies between them
    const touchLeft = w.start > 0 && joinsWord(before.charCodeAt(w.start - 1));
    const touchRight = w.oldEnd < before.length && joinsWord(before.charCodeAt(w.oldEnd));
    const out: Diagnostic[] = [];
    base.diagnostics.forEach((d, i) => {
      const start = base.offsets[2 * i]!;
      const end = base.offsets[2 * i + 1]!;
      const scope = scopeOf(d.code);
      if (scope === 'statement' && start >= r.start && start <= r.end) return;
      if (scope === 'block' && r.body && start >= r.body.start && start <= r.body.end) return;
      // a finding that touches the edited text waits for the full pass
      if (end < w.start || (end === w.start && !touchLeft)) out.push(d);
      else if (start > w.oldEnd || (start === w.oldEnd && !touchRight))
        out.push({ ...d, range: { start: positionAt(doc, start + delta), end: positionAt(doc, end + delta) } });
    });
    const kept = applySuppressions(doc, fresh, false);
    append(out, this.toDiagnostics(clampFindings(doc, limitFindings(kept)), ctx.settings));
    return out;
  }

  doHover(doc: TextDocument, pos: Position, o?: CallOptions): Hover | null {
    const p = this.parse(doc);
    const ctx = this.contexts.in(doc, p, o);
    const inc = ctx.tree ? includeHover(doc, ctx.tree.edges, offsetAt(doc, pos)) : null;
    if (inc) return inc;
    const h = p?.mode.doHover ? this.guard('hover', null, () => p.mode.doHover!(doc, p.tree, pos, ctx)) : null;
    if (h) return h;
    for (const f of this.textFeatures) {
      if (!f.doHover) continue;
      const th = this.guard('text-hover', null, () => f.doHover!(doc, pos, ctx));
      if (th) return th;
    }
    return null;
  }

  doComplete(doc: TextDocument, pos: Position, o?: CallOptions): CompletionList {
    const empty: CompletionList = { isIncomplete: false, items: [] };
    const p = this.parse(doc);
    if (!p?.mode.doComplete) return empty;
    const ctx = this.contexts.in(doc, p, o);
    return this.guard('complete', empty, () => p.mode.doComplete!(doc, p.tree, pos, ctx) ?? empty);
  }

  /** completionItem/resolve: the mode that made the item (named in its data) fills it in. */
  resolveCompletion(item: CompletionItem, o?: CallOptions): CompletionItem {
    const id = (item?.data as { mode?: unknown } | undefined)?.mode;
    const mode = typeof id === 'string' ? this.modes.get(id) : undefined;
    if (!mode?.resolveCompletion) return item;
    const ctx = this.contexts.base(o);
    return this.guard('resolve-completion', item, () => mode.resolveCompletion!(item, ctx));
  }

  findDocumentSymbols(doc: TextDocument, o?: CallOptions): DocumentSymbol[] {
    const p = this.parse(doc);
    if (!p?.mode.findDocumentSymbols) return [];
    const ctx = this.contexts.of(doc, o);
    return this.guard('symbols', [] as DocumentSymbol[], () => p.mode.findDocumentSymbols!(doc, p.tree, ctx));
  }

  getFoldingRanges(doc: TextDocument, o?: CallOptions): FoldingRange[] {
    const p = this.parse(doc);
    if (!p?.mode.getFoldingRanges) return [];
    const ctx = this.contexts.base(o);
    return this.guard('folding', [] as FoldingRange[], () => p.mode.getFoldingRanges!(doc, p.tree, ctx));
  }

  getCodeActions(doc: TextDocument, range: Range, context: CodeActionContext, o?: CallOptions): CodeAction[] {
    const ctx = this.contexts.of(doc, o);
    const out: CodeAction[] = [];
    const p = this.parse(doc);
    if (p?.mode.getCodeActions)
      append(
        out,
        this.guard('code-actions', [] as CodeAction[], () => p.mode.getCodeActions!(doc, p.tree, range, context, ctx)),
      );
    for (const f of this.textFeatures) {
      if (f.getCodeActions)
        append(
          out,
          this.guard('text-code-actions', [] as CodeAction[], () => f.getCodeActions!(doc, range, context, ctx)),
        );
    }
    for (const a of out) a.title = plainText(a.title);
    // after the fixes: silence a finding here or in the whole file
    for (const d of context.diagnostics)
      if (d.source === DIAGNOSTIC_SOURCE)
        append(
          out,
          this.guard('suppress', [] as CodeAction[], () => suppressionActions(doc, d)),
        );
    return out;
  }

  /** textDocument/formatting and rangeFormatting (and `infra-lsp format`): whitespace edits only. */
  format(doc: TextDocument, options: FormatOptions, range?: Range): TextEdit[] {
    const p = this.parse(doc);
    if (!p?.mode.format) return [];
    return this.guard('format', [] as TextEdit[], () => p.mode.format!(doc, p.tree, options, range));
  }

  /** textDocument/onTypeFormatting. */
  formatOnType(doc: TextDocument, pos: Position, ch: string, options: FormatOptions): TextEdit[] {
    const p = this.parse(doc);
    if (!p?.mode.formatOnType || !p.mode.onTypeTriggers?.includes(ch)) return [];
    return this.guard('format-on-type', [] as TextEdit[], () => p.mode.formatOnType!(doc, p.tree, pos, ch, options));
  }

  findDefinition(doc: TextDocument, pos: Position, o?: CallOptions): Definition | null {
    const p = this.parse(doc);
    if (!p?.mode.findDefinition) return null;
    const ctx = this.contexts.in(doc, p, o);
    return this.guard('definition', null, () => p.mode.findDefinition!(doc, p.tree, pos, ctx));
  }

  findReferences(doc: TextDocument, pos: Position, o?: CallOptions): Location[] {
    const p = this.parse(doc);
    if (!p?.mode.findReferences) return [];
    const ctx = this.contexts.in(doc, p, o);
    return this.guard('references', [] as Location[], () => p.mode.findReferences!(doc, p.tree, pos, ctx));
  }

  findDocumentHighlights(doc: TextDocument, pos: Position, o?: CallOptions): DocumentHighlight[] {
    const p = this.parse(doc);
    const own = p?.mode.findDocumentHighlights?.bind(p.mode, doc, p.tree, pos);
    return this.guard('highlights', [], () => (own ? own(this.contexts.in(doc, p, o)) : textHighlights(doc, pos)));
  }

  doRename(doc: TextDocument, pos: Position, newName: string, o?: CallOptions): WorkspaceEdit | null {
    const p = this.parse(doc);
    if (!p?.mode.doRename) return null;
    const ctx = this.contexts.in(doc, p, o);
    return this.guard('rename', null, () => p.mode.doRename!(doc, p.tree, pos, newName, ctx));
  }

  findDocumentLinks(doc: TextDocument, o?: CallOptions): DocumentLink[] {
    const p = this.parse(doc);
    if (!p?.mode.findDocumentLinks) return [];
    const ctx = this.contexts.in(doc, p, o);
    return this.guard('links', [] as DocumentLink[], () => p.mode.findDocumentLinks!(doc, p.tree, ctx));
  }

  getInlayHints(doc: TextDocument, range: Range, o?: CallOptions): InlayHint[] {
    const p = this.parse(doc);
    if (!p?.mode.getInlayHints) return [];
    const ctx = this.contexts.base(o);
    if (!ctx.settings.inlayHints) return [];
    return this.guard('inlay-hints', [] as InlayHint[], () => p.mode.getInlayHints!(doc, p.tree, range, ctx));
  }
}

/** A character that an adjacent edit would make part of the same word (not a space or punctuation). */
function joinsWord(c: number): boolean {
  return (
    c > 0x20 &&
    c !== 0x7b &&
    c !== 0x7d &&
    c !== 0x3b &&
    c !== 0x2c &&
    c !== 0x28 &&
    c !== 0x29 &&
    c !== 0x3d &&
    c !== 0x22
  );
}
