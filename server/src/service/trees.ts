/**
 * A document checked as part of its configuration trees (service/workspace.ts): the context its
 * mode sees (the other files of its trees, parsed), the findings about its own includes (one that
 * cannot be followed, one whose file has errors), and the hover on an include.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { uriToPath } from './fileAccess';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import {
  defaultSettings,
  noFileAccess,
  type FileAccess,
  type Finding,
  type LanguageMode,
  type ModeContext,
  type TreeContext,
} from './types';
import { Workspace, type IncludeEdge, type IncludeProblem, type WorkspaceHost, type ZoneFileEdge } from './workspace';

export function uriOfPath(p: string): string {
  return pathToFileURL(p).toString();
}

/** A workspace host over a FileAccess (the callers that hand no workspace: tests, one-off checks). */
export function fileAccessHost(files: FileAccess): WorkspaceHost {
  const read = (p: string) => files.read(uriOfPath(p));
  return {
    folders: () => [],
    kind: (p) => ((files.exists ? files.exists(uriOfPath(p)) : read(p) !== undefined) ? 'file' : 'missing'),
    read,
    allowOutside: () => true,
    includeRoot: () => undefined,
    seesFiles: files !== noFileAccess,
  };
}

/** What the facade lends: a parse of a file of a tree in a language, cached by its text. */
export type ParseFile = (file: string, languageId: string, text: string) => unknown;

/** The context of `file` in the trees of `ws` (files parsed through `parseFile`). */
export function treeContextOf(ws: Workspace, file: string, parseFile: ParseFile): TreeContext {
  const roots = ws.rootsOf(file);
  const files: Array<{ uri: string; tree: unknown; before: boolean; via?: number; until?: number }> = [];
  const seen = new Set<string>([file]);
  let edges: readonly IncludeEdge[] = [];
  let zoneFiles: readonly ZoneFileEdge[] | undefined;
  let via = new Map<string, number>();
  let incomplete = false;
  const scope = ws.scopeOf(file);
  /** The files whose includes lead to this one, and where in each that include stands. */
  let chain = new Map<string, number>();
  roots.forEach((root, r) => {
    const t = ws.treeOf(root);
    if (!t) return;
    if (r === 0) {
      edges = t.edges.get(file) ?? [];
      zoneFiles = t.zoneEdges.get(file);
      via = loadedThrough(t.edges, edges, file);
      chain = includers(t.edges, file);
    }
    let before = true;
    for (const f of t.files) {
      if (f === file) before = false;
      for (const e of t.edges.get(f) ?? []) if (e.problem) incomplete = true;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = ws.textOf(f) ?? ws.readFile(f);
      if (text === undefined) continue;
      const k = via.get(f);
      const until = r === 0 ? chain.get(f) : undefined;
      files.push({
        uri: uriOfPath(f),
        tree: parseFile(f, t.languageId, text),
        before: r === 0 && before && k === undefined,
        ...(k === undefined ? {} : { via: k }),
        ...(until === undefined ? {} : { until }),
      });
    }
  });
  return { files, edges, incomplete, ...(scope ? { scope } : {}), ...(zoneFiles ? { zoneFiles } : {}) };
}

/** The files whose includes lead to `file` (its includer, that one's, ...), each with the offset of that include. */
function includers(all: ReadonlyMap<string, readonly IncludeEdge[]>, file: string): Map<string, number> {
  const parentOf = new Map<string, { from: string; at: number }>();
  for (const [from, list] of all)
    for (const e of list) if (e.target && !parentOf.has(e.target)) parentOf.set(e.target, { from, at: e.site.start });
  const out = new Map<string, number>();
  for (let x = parentOf.get(file); x && !out.has(x.from); x = parentOf.get(x.from)) out.set(x.from, x.at);
  return out;
}

/** For each file loaded through one of `file`'s own includes: that include's index in `own`. */
function loadedThrough(
  all: ReadonlyMap<string, readonly IncludeEdge[]>,
  own: readonly IncludeEdge[],
  file: string,
): Map<string, number> {
  const out = new Map<string, number>();
  own.forEach((e, k) => {
    const stack = e.target ? [e.target] : [];
    while (stack.length) {
      const f = stack.pop()!;
      if (f === file || out.has(f)) continue;
      out.set(f, k);
      for (const x of all.get(f) ?? []) if (x.target) stack.push(x.target);
    }
  });
  return out;
}

/** Why an include cannot be followed, and what would put it right. */
export function problemMessage(e: IncludeEdge, daemon: string): string {
  const p = e.site.path;
  const opens = e.daemonPath === p ? '' : ` (${daemon} opens \`${e.daemonPath}\`)`;
  const why: Record<IncludeProblem, string> = {
    missing: `\`${p}\` does not exist${opens}: ${daemon} stops here. Create it, or correct the path (relative paths are read from ${daemon}'s working directory, not from this file's folder).`,
    outside: `\`${p}\` (\`${e.daemonPath}\`) lies outside the workspace, so it is not read: set infraLsp.includes.allowOutsideWorkspace to read it, or open the folder that holds it.`,
    unmapped: `\`${p}\` is an absolute path, and no workspace folder stands for \`/\`: set infraLsp.includes.root to the folder that holds \`etc/\` (as named-checkconf -t does), or keep the file beside this one.`,
    'not-a-file': `\`${p}\` (\`${e.daemonPath}\`) is not a regular file (a directory or a device): ${daemon} cannot read it as a configuration file.`,
    unreadable: `\`${p}\` (\`${e.daemonPath}\`) cannot be read here: it is a link that leads out of the workspace, or it is larger than infra-lsp reads (8 MB). Set infraLsp.includes.allowOutsideWorkspace, or check the file itself.`,
    cycle: `\`${p}\` includes this file again (an include cycle): ${daemon} would read it without end. Remove one of the includes.`,
    'too-many': `\`${p}\` is not followed: the tree has more files, text or levels of includes than infra-lsp reads (1,000 files, 64 MB, 64 levels).`,
  };
  return why[e.problem!];
}

/** The findings about a document's own includes: the ones that cannot be followed, and the errors of those that can. */
export function includeFindings(
  mode: LanguageMode,
  doc: TextDocument,
  edges: readonly IncludeEdge[],
  errorsIn: (file: string) => Diagnostic[],
): Finding[] {
  const rules = mode.loads!.rules;
  const daemon = mode.loads!.daemon;
  const out: Finding[] = [];
  for (const e of edges) {
    const range = rangeOf(doc, e.site.start, e.site.end);
    if (e.problem) {
      out.push({ rule: rules.missing, range, message: problemMessage(e, daemon) });
      continue;
    }
    if (!e.target) continue;
    const errors = errorsIn(e.target!).filter((d) => d.severity === DiagnosticSeverity.Error);
    if (!errors.length) continue;
    const first = errors[0]!;
    out.push({
      rule: rules.summary,
      range,
      message: `${errors.length} error${errors.length === 1 ? '' : 's'} in ${path.basename(e.target!)}, shown in that file; the first, line ${first.range.start.line + 1}: ${first.message.split('\n')[0]}`,
    });
  }
  return out;
}

/** Hover on an include's path: the file it loads, as the daemon resolves it. */
export function includeHover(doc: TextDocument, edges: readonly IncludeEdge[], offset: number): Hover | null {
  const e = edges.find((x) => x.site.start <= offset && offset <= x.site.end);
  if (!e) return null;
  const lines = [`Loads \`${e.daemonPath}\``];
  if (e.target) {
    const how =
      e.via === 'beside'
        ? ' (the file of that name beside this one: no workspace folder stands for `/`; set `infraLsp.includes.root`)'
        : '';
    lines.push(`from the workspace file \`${e.target}\`${how}.`);
  } else if (e.empty) lines.push('— read as an empty file.');
  else lines.push(`— not followed: ${e.problem}.`);
  return { contents: { kind: 'markdown', value: lines.join(' ') }, range: rangeOf(doc, e.site.start, e.site.end) };
}

/** What the facade lends the tree checks. */
export interface TreeDeps {
  modeFor(languageId: string): LanguageMode | undefined;
  /** A full parse of a document (guarded: undefined when the mode throws). */
  parse(mode: LanguageMode, doc: TextDocument): unknown;
}

const MAX_CACHED = 2000;

/**
 * The parsed trees and the diagnostics of the files a document is loaded with, kept by their
 * text (and, for diagnostics, by the index's generation): a keystroke in one file parses the
 * others of its tree once, not on every pass.
 */
export class TreeChecks {
  private readonly parsed = new Map<string, { languageId: string; text: string; tree: unknown }>();
  private readonly checked = new Map<
    string,
    { ws: Workspace; text: string; generation: number; diagnostics: Diagnostic[] }
  >();
  /** The document being checked: its tree is the facade's (a large file is never parsed twice). */
  private current: { file: string; text: string; tree: unknown } | undefined;
  /**
   * The last document checked, for the checks of its neighbours that follow (an open file of the
   * same tree must not parse it again); let go with `forget` before it is parsed anew.
   */
  private last: { file: string; text: string; tree: unknown } | undefined;

  constructor(private readonly deps: TreeDeps) {}

  /** A workspace of one document, read through `files` (callers that hand none). */
  adHoc(files: FileAccess): Workspace {
    return new Workspace(fileAccessHost(files), (languageId, file, text) => this.loadsOf(languageId, file, text));
  }

  loadsOf(languageId: string, file: string, text: string) {
    const mode = this.deps.modeFor(languageId);
    if (!mode?.loads) return undefined;
    const tree = this.parseFile(file, languageId, text);
    if (tree === undefined) return undefined;
    return mode.loads.find(documentOf(file, languageId, text), tree);
  }

  readonly parseFile = (file: string, languageId: string, text: string): unknown => {
    for (const cur of [this.current, this.last]) if (cur && cur.file === file && cur.text === text) return cur.tree;
    const hit = this.parsed.get(file);
    if (hit && hit.text === text && hit.languageId === languageId) return hit.tree;
    const mode = this.deps.modeFor(languageId);
    if (!mode) return undefined;
    const tree = this.deps.parse(mode, documentOf(file, languageId, text));
    remember(this.parsed, file, { languageId, text, tree });
    return tree;
  };

  /** The tree a document would get from the cache (the file of a tree, opened). */
  cachedTree(doc: TextDocument): unknown {
    const file = uriToPath(doc.uri);
    const hit = file === undefined ? undefined : this.parsed.get(file);
    return hit && hit.languageId === doc.languageId && hit.text === doc.getText() ? hit.tree : undefined;
  }

  /** The document's context in the trees of `ws` (undefined: it has no path, or its language loads nothing). */
  contextOf(ws: Workspace, doc: TextDocument, mode: LanguageMode, tree: unknown): TreeContext | undefined {
    const file = uriToPath(doc.uri);
    if (!mode.loads || file === undefined) return undefined;
    const text = doc.getText();
    this.current = { file, text, tree };
    try {
      ws.update(file, mode.id, text);
      return treeContextOf(ws, file, this.parseFile);
    } finally {
      this.last = this.current;
      this.current = undefined;
    }
  }

  /** Lets go of a document's tree (LanguageService.forget). */
  forget(uri: string): void {
    if (this.last && uriOfPath(this.last.file) === uri) this.last = undefined;
  }

  checkTrees(
    ws: Workspace,
    file: string,
    validate: (doc: TextDocument) => Diagnostic[],
    skip?: (file: string) => boolean,
  ): Array<{ file: string; languageId: string; diagnostics: Diagnostic[] }> {
    return checkTreesOf(this, ws, file, validate, skip);
  }

  /** The diagnostics of a file of a tree, as the facade validates it (cached by text and index). */
  diagnosticsOf(
    ws: Workspace,
    file: string,
    languageId: string,
    validate: (doc: TextDocument) => Diagnostic[],
  ): Diagnostic[] {
    const text = ws.textOf(file) ?? ws.readFile(file);
    if (text === undefined) return [];
    const hit = this.checked.get(file);
    if (hit && hit.ws === ws && hit.text === text && hit.generation === ws.generation) return hit.diagnostics;
    // (a placeholder first: a tree whose files include each other stops here, not in a loop)
    remember(this.checked, file, { ws, text, generation: ws.generation, diagnostics: [] });
    const diagnostics = validate(documentOf(file, languageId, text));
    remember(this.checked, file, { ws, text, generation: ws.generation, diagnostics });
    return diagnostics;
  }
}

/** The diagnostics of every file of the trees `file` is in (see LanguageService.checkTrees). */
export function checkTreesOf(
  checks: TreeChecks,
  ws: Workspace,
  file: string,
  validate: (doc: TextDocument) => Diagnostic[],
  skip?: (file: string) => boolean,
): Array<{ file: string; languageId: string; diagnostics: Diagnostic[] }> {
  const out: Array<{ file: string; languageId: string; diagnostics: Diagnostic[] }> = [];
  const seen = new Set<string>();
  for (const root of ws.rootsOf(file)) {
    const t = ws.treeOf(root);
    for (const f of t?.files ?? [root]) {
      if (seen.has(f) || skip?.(f)) continue;
      seen.add(f);
      const languageId = ws.languageOf(f) ?? t?.languageId;
      if (languageId) out.push({ file: f, languageId, diagnostics: checks.diagnosticsOf(ws, f, languageId, validate) });
    }
  }
  return out;
}

function documentOf(file: string, languageId: string, text: string): TextDocument {
  return TextDocument.create(uriOfPath(file), languageId, 0, text);
}

function remember<V>(m: Map<string, V>, k: string, v: V): void {
  m.delete(k);
  m.set(k, v);
  if (m.size > MAX_CACHED) m.delete(m.keys().next().value!);
}

/** The most workspace symbols one query answers. */
const MAX_WORKSPACE_SYMBOLS = 2000;

/** Whether the letters of `query` appear in `name` in order (case ignored): VS Code's own filter. */
function fuzzy(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let k = 0;
  for (let i = 0; i < n.length && k < query.length; i++) if (n[i] === query[k]) k++;
  return k === query.length;
}

/**
 * workspace/symbol (Ctrl+T): the named and dhcpd symbols of every indexed file (acls, keys,
 * views, zones, subnets, hosts, ...), each file's outline and the level below it.
 */
export function workspaceSymbolsOf(
  checks: TreeChecks,
  ws: Workspace,
  query: string,
  modeFor: (languageId: string) => LanguageMode | undefined,
): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  // the indexed files and the files their trees include
  const files = new Set(ws.files());
  for (const t of ws.allTrees()) for (const f of t.files) files.add(f);
  for (const file of files) {
    const languageId = ws.languageOf(file);
    const mode = languageId ? modeFor(languageId) : undefined;
    const text = ws.textOf(file) ?? ws.readFile(file);
    if (!mode?.findDocumentSymbols || !languageId || text === undefined) continue;
    const doc = documentOf(file, languageId, text);
    const tree = checks.parseFile(file, languageId, text);
    if (tree === undefined) continue;
    const visit = (symbols: readonly DocumentSymbol[], container: string | undefined, depth: number) => {
      for (const s of symbols) {
        if (out.length >= MAX_WORKSPACE_SYMBOLS) return;
        if (fuzzy(s.name, q))
          out.push({
            name: s.name,
            kind: s.kind,
            location: { uri: doc.uri, range: s.selectionRange },
            ...(container ? { containerName: container } : {}),
          });
        if (depth < 1 && s.children) visit(s.children, s.name, depth + 1);
      }
    };
    visit(mode.findDocumentSymbols(doc, tree, { settings: defaultSettings, files: noFileAccess }), undefined, 0);
  }
  return out;
}

/** A zone file that a named.conf of the workspace loads: its origin is that zone's name. */
export function withZoneLink(ctx: ModeContext, ws: Workspace, uri: string): ModeContext {
  const file = uriToPath(uri);
  const link = file === undefined ? undefined : ws.zoneLinkOf(file);
  if (!link) return ctx;
  const text = ws.textOf(link.from) ?? '';
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < link.at; i = text.indexOf('\n', i + 1)) line++;
  return {
    ...ctx,
    zoneOrigin: link.origin,
    zoneOriginFrom: `the zone statement in ${path.basename(link.from)}, line ${line}`,
    ...(link.base ? { zoneIncludeBase: pathToFileURL(link.base).toString() } : {}),
  };
}
