/**
 * The contract between the language-independent service layer and each language.
 *
 * Everything here is pure: a mode gets text (through a TextDocument) and returns LSP types.
 * No mode may import from `vscode-languageserver` (the connection library) — only from
 * `vscode-languageserver-types`, re-exported by `vscode-languageserver-textdocument`'s
 * sibling package `vscode-languageserver/node` would drag the connection in.
 */
import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  CompletionList,
  Definition,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixData } from '../common/fixes';
import type { DdnsFacts, DdnsFile } from '../common/ddns';
import type { FileLoads, IncludeEdge, ZoneFileEdge } from './workspace';

/** The part of LSP's CancellationToken the modes use (no connection library needed). */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export type { RuleDef, RuleScope, RuleSeverity, RuleSpec } from './rules';
import type { RuleDef, RuleSeverity } from './rules';

/** User settings the modes see; severities keyed by rule id. */
/** The BIND release series named.conf is checked as (`infraLsp.named.version`). */
export type BindVersion = '9.16' | '9.18' | '9.20';
export const BIND_VERSIONS: readonly BindVersion[] = ['9.16', '9.18', '9.20'];
export const DEFAULT_BIND_VERSION: BindVersion = '9.20';

export interface ServiceSettings {
  readonly rules: Readonly<Record<string, RuleSeverity | undefined>>;
  /** Inlay hints for VMkernel status codes in logs. */
  readonly inlayHints: boolean;
  /** The BIND version named.conf files are checked as, unless a file names its own. */
  readonly bindVersion: BindVersion;
  /** Formatting (`infraLsp.format.enable`); undefined: on. */
  readonly format?: boolean;
}

export const defaultSettings: ServiceSettings = { rules: {}, inlayHints: true, bindVersion: DEFAULT_BIND_VERSION };

/**
 * What a mode may ask of the outside world. The server implements it with the safety
 * rules (workspace only, no devices or FIFOs, size cap); tests implement it with a map.
 * Returning undefined means "not available" and must never be an error by itself.
 */
export interface FileAccess {
  /** Resolve `path` as written in `fromUri` (relative paths against the including file). */
  resolve(fromUri: string, path: string): string | undefined;
  /** Read a file by URI, or undefined when it may not or cannot be read. */
  read(uri: string): string | undefined;
  /**
   * Whether a regular file is at `uri`, looked up without reading it (a named.conf may name 50,000
   * zone files): false when nothing or something else (a folder) is there, undefined when that
   * may not be looked at (outside the workspace) or is not known.
   */
  exists?(uri: string): boolean | undefined;
  /**
   * The file's text in the HEAD commit of the git repository it lies in, or undefined (not in a
   * repository, not committed, git missing, outside the workspace, or not implemented).
   */
  committed?(uri: string): string | undefined;
}

export const noFileAccess: FileAccess = { resolve: () => undefined, read: () => undefined };

/** A diagnostic before severity settings are applied: the rule says the severity. */
export interface Finding<Rule extends string = string> {
  /** The rule's id; a mode types it with the union of its ids (`RuleIdOf`), so a misspelt one does not compile. */
  readonly rule: Rule;
  readonly range: Range;
  readonly message: string;
  /** What its quick fixes need (common/fixes.ts); the client sends it back with the code-action request. */
  readonly data?: FixData;
  readonly related?: Diagnostic['relatedInformation'];
  readonly tags?: Diagnostic['tags'];
}

/** At most this many findings of one rule are listed per document (see common/findings.ts). */
export { MAX_FINDINGS_PER_RULE } from '../common/findings';

/**
 * The most symbols an outline lists (every language). A file of a million statements would
 * otherwise make a million symbols: seconds of work, and more than an outline view can show
 * (VS Code's JSON service stops at 5,000). Past it, the outline says how many it left out.
 */
export const MAX_OUTLINE_SYMBOLS = 10_000;

/** The context every feature function receives. */
export interface ModeContext {
  readonly settings: ServiceSettings;
  readonly files: FileAccess;
  readonly token?: CancellationToken;
  /** The configuration trees the document is loaded in (languages with `findLoads`). */
  readonly tree?: TreeContext;
  /** The clock of the call (tests set it; undefined: the system clock). */
  readonly now?: () => Date;
  /** The origin of a zone file, where the caller knows it (`infra-lsp check --origin`, a named.conf's zone). */
  readonly zoneOrigin?: string;
  /** Where `zoneOrigin` comes from, in words (`the zone statement in named.conf, line 12`). */
  readonly zoneOriginFrom?: string;
  /**
   * The URI of the folder a zone file's relative `$INCLUDE` paths are read from first, where a
   * named.conf loads it: named's working directory (its `directory`). Without it, or where the
   * file is not there, they are read beside the including file (as named-checkzone run there).
   */
  readonly zoneIncludeBase?: string;
  /**
   * The dynamic-DNS facts of every workspace file loaded as `languageId` (common/ddns.ts), this
   * document's own from its current text; made on first call, absent without a workspace.
   */
  readonly ddns?: (languageId: string) => readonly DdnsFile[];
  /**
   * The other zone files of the workspace, for the zone checks that follow a name out of the
   * checked zone (an MX or NS target): whether the zone that holds `absoluteName` (ending in a
   * dot) gives it an A or AAAA record; undefined when no zone of the workspace holds the name
   * (then nothing is reported). Absent: no other zones are known.
   */
  readonly zones?: { hasAddress(absoluteName: string): boolean | undefined };
}

/**
 * A document as part of the trees of files the daemon loads it in (service/workspace.ts): the
 * other files of those trees, parsed in the document's language, and its own includes resolved.
 */
export interface TreeContext {
  /**
   * The other files, in load order: `before`, loaded before this document in its first tree (and
   * not through it); `via`, loaded through this document's include `edges[via]`; `until`, for a
   * file whose include leads to this document, where that include stands (what follows it in
   * that file is read after this document).
   */
  readonly files: ReadonlyArray<{
    readonly uri: string;
    readonly tree: unknown;
    readonly before: boolean;
    readonly via?: number;
    readonly until?: number;
  }>;
  readonly edges: readonly IncludeEdge[];
  /** The zone files the document's zones read, resolved (named.conf's `file` clauses). */
  readonly zoneFiles?: readonly ZoneFileEdge[];
  /** Whether an include anywhere in the trees could not be followed (names may be missing). */
  readonly incomplete: boolean;
  /** The block the include that loads this document stands in (IncludeSite.scope; absent: the top level). */
  readonly scope?: string;
}

/**
 * One language. `parse` runs once per document version; the result is handed to every
 * feature. Every function must be total: any text in, a result out, never a throw
 * (the facade guards anyway and logs a throw as a bug).
 */
export interface LanguageMode<Tree = unknown, Rule extends string = string> {
  /** The VS Code language id. */
  readonly id: string;
  readonly rules: readonly RuleDef<Rule>[];
  parse(doc: TextDocument): Tree;
  doValidation(doc: TextDocument, tree: Tree, ctx: ModeContext): Finding<Rule>[];
  doHover?(doc: TextDocument, tree: Tree, pos: Position, ctx: ModeContext): Hover | null;
  doComplete?(doc: TextDocument, tree: Tree, pos: Position, ctx: ModeContext): CompletionList | null;
  /**
   * Fill in what a completion item left out to keep long lists small (its documentation). The
   * item's `data` is `{ mode: <this mode's id>, ... }`: the resolve request names no document.
   */
  resolveCompletion?(item: CompletionItem, ctx: ModeContext): CompletionItem;
  findDocumentSymbols?(doc: TextDocument, tree: Tree, ctx: ModeContext): DocumentSymbol[];
  getFoldingRanges?(doc: TextDocument, tree: Tree, ctx: ModeContext): FoldingRange[];
  /** `diagnostics` are the ones in the request context, already carrying our codes and data. */
  getCodeActions?(
    doc: TextDocument,
    tree: Tree,
    range: Range,
    context: CodeActionContext,
    ctx: ModeContext,
  ): CodeAction[];
  findDefinition?(doc: TextDocument, tree: Tree, pos: Position, ctx: ModeContext): Definition | null;
  findReferences?(doc: TextDocument, tree: Tree, pos: Position, ctx: ModeContext): Location[];
  /** The other places of the symbol under the cursor in the same document (the editor marks them). */
  findDocumentHighlights?(doc: TextDocument, tree: Tree, pos: Position, ctx: ModeContext): DocumentHighlight[];
  doRename?(doc: TextDocument, tree: Tree, pos: Position, newName: string, ctx: ModeContext): WorkspaceEdit | null;
  findDocumentLinks?(doc: TextDocument, tree: Tree, ctx: ModeContext): DocumentLink[];
  getInlayHints?(doc: TextDocument, tree: Tree, range: Range, ctx: ModeContext): InlayHint[];
  /**
   * What the file loads (its `include`s, and named's `directory`), for the workspace model;
   * `rules.missing` reports an include that cannot be followed, `rules.summary` the errors of an
   * included file on its include line.
   */
  readonly loads?: {
    /** The program that loads the files, as messages name it (`named`, `dhcpd`). */
    readonly daemon: string;
    find(doc: TextDocument, tree: Tree): FileLoads;
    readonly rules: { readonly missing: Rule; readonly summary: Rule };
  };
  /**
   * Formatting (issue 22): edits that change whitespace only, never what the daemon loads; the
   * whole document, or the statements that touch `range`. Lines around a syntax error stay as
   * they are. Formatting the result again gives no edit.
   */
  format?(doc: TextDocument, tree: Tree, options: FormatOptions, range?: Range): TextEdit[];
  /** After typing `ch` (one of the mode's `onTypeTriggers`) at `pos`: the edits for that line. */
  formatOnType?(doc: TextDocument, tree: Tree, pos: Position, ch: string, options: FormatOptions): TextEdit[];
  /** The characters that trigger formatOnType (`}`, `;`, newline). */
  readonly onTypeTriggers?: readonly string[];
  /** The absolute names (lower case, final dot) that own an A or AAAA record in a zone of `origin` (zone files). */
  addressOwners?(doc: TextDocument, tree: Tree, origin: string): ReadonlySet<string>;
  /** The zones and keys dynamic DNS between dhcpd and named depends on (common/ddns.ts). */
  ddnsFacts?(doc: TextDocument, tree: Tree): DdnsFacts;
  /** Build what hover and navigation look up, while the editor is idle after a validation. */
  prepare?(doc: TextDocument, tree: Tree): void;
  /** Re-validation of one statement after a small edit in a large file (service/quick.ts). */
  readonly quick?: QuickSupport<Tree>;
}

/** How to indent: the editor's `tabSize` and `insertSpaces` (LSP FormattingOptions), or `.editorconfig`'s. */
export interface FormatOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/** A mode's feature, typed by the contract: `const getCodeActions: Feature<Tree, 'getCodeActions'> = (doc, ...) => ...`. */
export type Feature<Tree, K extends keyof LanguageMode<Tree>> = NonNullable<LanguageMode<Tree>[K]>;

/** A statement as offsets in the text it was parsed from; `body` is between its `{` and `}`. */
export interface StatementSpan {
  readonly start: number;
  readonly end: number;
  readonly body?: { readonly start: number; readonly end: number };
}

/**
 * What a mode tells the facade so that, after an edit inside one statement of a large file, only
 * that statement is parsed and checked again (the rest of the file left out, the headers of the
 * blocks around it kept) while the findings elsewhere are carried over from the last full pass.
 */
export interface QuickSupport<Tree> {
  /**
   * The statements that contain the range [start, end] of the tree's text (touching ends count),
   * outermost first; each one lies in the body of the one before. A statement that cannot be
   * checked without its neighbours (dhcpd's `if`/`elsif`/`else` chain) is given as one span.
   */
  statementPath(tree: Tree, start: number, end: number): StatementSpan[];
  /**
   * Statements are lines (logs): no character moves a statement's bounds but a line break, and
   * the path already spans the lines the edit touches; braces, quotes and `;` need no care.
   */
  readonly lineBased?: boolean;
  /**
   * Parse the fragment (service/quick.ts, projectExcept); `whole` is the last full tree and
   * `region` the checked statement in its text (for what the file defines before it, such as
   * dhcpd's option formats). Undefined: the statement cannot be checked on its own (it defines
   * something the rest depends on).
   */
  parseFragment?(doc: TextDocument, whole: Tree, region: StatementSpan): Tree | undefined;
}
