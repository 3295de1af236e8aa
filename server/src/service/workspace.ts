/**
 * The configuration trees of a workspace: which file includes which, with the paths resolved as
 * the daemons resolve them, and the roots each file is loaded from. A file that no other file
 * includes is a root. Pure but for its host (the file system in the server and the CLI, a map of
 * files in the tests).
 *
 * Paths as named and dhcpd resolve them (checked against named-checkconf -t and dhcpd -t):
 * - a relative `include` is read from the daemon's working directory, not from the including
 *   file's folder; named changes that directory when it reads `options { directory "…"; }`, and
 *   the includes after it follow;
 * - the daemon's `/` is a folder of the workspace: the `infraLsp.includes.root` setting (like
 *   named-checkconf -t), else the folder above the root file's `etc/` (a repository of configs
 *   keeps `etc/bind/named.conf`); its working directory starts at that `/`;
 * - with no such folder, the working directory is the root file's folder (as when the admin runs
 *   `named-checkconf named.conf` there), and an absolute path that is not in the workspace is
 *   looked for beside the including file, by its name.
 */
import * as path from 'node:path';

/** An `include` as written, and where its path is in the text (the path token). */
export interface IncludeSite {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The block the include stands in, as the language names it (named: `view`; absent: the top level). */
  readonly scope?: string;
}

/** A zone's master file as a named.conf names it (`zone "example.com" { file "db.example.com"; }`). */
export interface ZoneFileSite {
  readonly path: string;
  /** The path token (quotes included). */
  readonly start: number;
  readonly end: number;
  /** The zone's name, absolute (`example.com.`): the origin of its file. */
  readonly origin: string;
  /** The zone's type (`primary`, `hint`). */
  readonly type: string;
}

/** What a file says about the files it loads, in text order. */
export interface FileLoads {
  readonly includes: readonly IncludeSite[];
  /** named.conf's `directory` options, with where they are (the working directory changes there). */
  readonly directories?: ReadonlyArray<{ readonly path: string; readonly at: number }>;
  /** The zone files the daemon reads once its configuration is loaded (named's `file` clauses). */
  readonly zoneFiles?: readonly ZoneFileSite[];
}

export type IncludeProblem = 'missing' | 'outside' | 'unmapped' | 'not-a-file' | 'unreadable' | 'cycle' | 'too-many';

/** One include of a tree, resolved. */
export interface IncludeEdge {
  readonly site: IncludeSite;
  /** The path the daemon opens (absolute, in the daemon's view). */
  readonly daemonPath: string;
  /** The workspace file it resolved to; undefined with a problem. */
  readonly target?: string;
  /** How it was found when the daemon's path is not in the workspace as such. */
  readonly via?: 'root' | 'beside';
  /** `/dev/null`: the daemons read it as an empty file (and so do we, without opening it). */
  readonly empty?: boolean;
  readonly problem?: IncludeProblem;
}

/** A zone file resolved: read from named's final working directory (the last `directory`). */
export interface ZoneFileEdge {
  readonly site: ZoneFileSite;
  readonly daemonPath: string;
  /** The workspace file; undefined with a problem. */
  readonly target?: string;
  readonly problem?: 'missing' | 'outside' | 'unmapped' | 'not-a-file';
  /**
   * With a target: the folder named reads the zone file's relative `$INCLUDE` paths from (its
   * working directory, in the workspace), or the named.conf's folder where the zone file was
   * found beside it.
   */
  readonly base?: string;
}

/** A zone file as the trees load it: the first zone statement that names it. */
export interface ZoneLink {
  readonly origin: string;
  /** The named.conf file that names it, and where. */
  readonly from: string;
  readonly at: number;
  /** ZoneFileEdge.base. */
  readonly base?: string;
}

export type PathKind = 'file' | 'dir' | 'other' | 'missing';

export interface WorkspaceHost {
  /** The workspace folders (absolute paths). */
  folders(): readonly string[];
  /** What is at an absolute path (symbolic links followed). */
  kind(p: string): PathKind;
  /** A regular file's text (open editor buffers win), undefined when it cannot be read. */
  read(p: string): string | undefined;
  /** Whether files outside the folders may be read. */
  allowOutside(): boolean;
  /** The folder that stands for the daemons' `/` (infraLsp.includes.root), absolute. */
  includeRoot(): string | undefined;
  /** False when the host reads no files at all: a file it cannot find is not known to be missing. */
  readonly seesFiles?: boolean;
}

/** The languages whose files load others, with what a file of each loads. */
export type LoadsOf = (languageId: string, file: string, text: string) => FileLoads | undefined;

/** One root's tree: its files in load order and the includes of each. */
export interface ConfigTree {
  readonly root: string;
  readonly languageId: string;
  readonly files: readonly string[];
  readonly edges: ReadonlyMap<string, readonly IncludeEdge[]>;
  /** The zone files each file's zones read (files that name none are absent). */
  readonly zoneEdges: ReadonlyMap<string, readonly ZoneFileEdge[]>;
}

/** The most files one tree may hold, and how deep includes may nest. */
export const MAX_TREE_FILES = 1000;
/** The most bytes (characters) of text one tree may hold. */
export const MAX_TREE_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 64;

export function inside(child: string, folder: string): boolean {
  const rel = path.relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The folder standing for `/` for a tree whose root file is `root` (see the header). */
export function daemonRootFor(root: string, host: WorkspaceHost): string | undefined {
  const set = host.includeRoot();
  if (set) return set;
  // the nearest folder above the file that holds it under `etc/`, inside the workspace
  const parts = root.split(path.sep);
  for (let k = parts.length - 2; k >= 1; k--) {
    if (parts[k] !== 'etc') continue;
    const folder = parts.slice(0, k).join(path.sep) || path.sep;
    if (host.folders().some((f) => inside(folder, f))) return folder;
  }
  return undefined;
}

/** Walks the includes of one root as the daemon loads them. */
class TreeWalk {
  readonly files: string[] = [];
  readonly edges = new Map<string, IncludeEdge[]>();
  readonly zoneEdges = new Map<string, ZoneFileEdge[]>();
  private readonly zoneSites: Array<{ file: string; sites: readonly ZoneFileSite[] }> = [];
  private readonly onStack = new Set<string>();
  private readonly seen = new Set<string>();
  private cwd: string;
  /** The text read so far. */
  private bytes = 0;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly loads: (file: string, languageId: string) => { loads?: FileLoads; size: number },
    private readonly languageId: string,
    private readonly root: string,
    private readonly daemonRoot: string | undefined,
    /** A file's text, read once per build (undefined: it cannot be read). */
    private readonly textOf: (p: string) => string | undefined,
  ) {
    this.cwd = daemonRoot ? '/' : path.dirname(root);
  }

  run(): void {
    this.visit(this.root, 0);
    // named reads its zones once the whole configuration is loaded: from the last directory
    for (const { file, sites } of this.zoneSites) {
      const edges = sites.map((site) => this.resolveZoneFile(file, site));
      this.zoneEdges.set(file, edges);
    }
  }

  private visit(file: string, depth: number): void {
    this.files.push(file);
    this.seen.add(file);
    this.onStack.add(file);
    const out: IncludeEdge[] = [];
    this.edges.set(file, out);
    const { loads, size } = this.loads(file, this.languageId);
    this.bytes += size;
    const dirs = loads?.directories ?? [];
    if (loads?.zoneFiles?.length) this.zoneSites.push({ file, sites: loads.zoneFiles });
    let d = 0;
    for (const site of loads?.includes ?? []) {
      for (; d < dirs.length && dirs[d]!.at < site.start; d++) this.chdir(dirs[d]!.path);
      const edge = this.resolve(file, site);
      out.push(edge);
      const t = edge.target;
      if (!t) continue;
      if (this.onStack.has(t)) out[out.length - 1] = { ...edge, target: undefined, problem: 'cycle' };
      else if (this.files.length >= MAX_TREE_FILES || depth >= MAX_DEPTH || this.bytes >= MAX_TREE_BYTES)
        out[out.length - 1] = { ...edge, target: undefined, problem: 'too-many' };
      // a file included twice is read twice by the daemon; its names are known once here
      else if (!this.seen.has(t)) this.visit(t, depth + 1);
    }
    for (; d < dirs.length; d++) this.chdir(dirs[d]!.path);
    this.onStack.delete(file);
  }

  private readable(p: string): boolean {
    return this.textOf(p) !== undefined;
  }

  private chdir(p: string): void {
    this.cwd = this.daemonRoot ? path.posix.resolve(this.cwd, p) : path.resolve(this.cwd, p);
  }

  /** The workspace path of a daemon path (undefined: not in the workspace's view). */
  private toFs(daemonPath: string): string {
    return this.daemonRoot ? path.join(this.daemonRoot, daemonPath) : daemonPath;
  }

  /** The path the daemon opens for a path written in a file, from its working directory. */
  private daemonPathOf(written: string): string {
    if (this.daemonRoot) return path.posix.resolve(this.cwd, written);
    return path.isAbsolute(written) ? written : path.resolve(this.cwd, written);
  }

  /**
   * A zone file, as named opens it (its kind looked up, its text not read: a tree may name 50,000).
   * Where that path is not in the workspace (`directory "/var/cache/bind"` in a checkout of
   * /etc/bind), the file is looked for beside the named.conf that names it, as written.
   */
  private resolveZoneFile(from: string, site: ZoneFileSite): ZoneFileEdge {
    const { host } = this;
    const written = site.path;
    const daemonPath = this.daemonPathOf(written);
    const fsPath = this.toFs(daemonPath);
    const allowed = host.allowOutside() || host.folders().some((f) => inside(fsPath, f));
    const kind = allowed ? host.kind(fsPath) : 'missing';
    if (kind === 'file') return { site, daemonPath, target: fsPath, base: this.toFs(this.cwd) };
    if (kind !== 'missing') return { site, daemonPath, problem: 'not-a-file' };
    const beside = path.join(path.dirname(from), path.isAbsolute(written) ? path.posix.basename(written) : written);
    const besideAllowed = host.allowOutside() || host.folders().some((f) => inside(beside, f));
    if (beside !== fsPath && besideAllowed && host.kind(beside) === 'file')
      return { site, daemonPath, target: beside, base: path.dirname(from) };
    // known to be missing: under the folder the configuration itself comes from (a checkout of
    // /etc holds /etc/bind/db.example, not /usr/share/dns/root.hints or /var/lib/bind's files)
    const top = (p: string) => p.split('/').find(Boolean);
    const known = this.daemonRoot
      ? top(daemonPath) === top(path.relative(this.daemonRoot, this.root).split(path.sep).join('/'))
      : host.folders().some((f) => inside(fsPath, f)) || inside(fsPath, path.dirname(this.root));
    if (allowed && known && host.seesFiles !== false) return { site, daemonPath, problem: 'missing' };
    return { site, daemonPath, problem: path.isAbsolute(written) ? 'unmapped' : 'outside' };
  }

  private resolve(from: string, site: IncludeSite): IncludeEdge {
    const { host } = this;
    const written = site.path;
    const daemonPath = this.daemonPathOf(written);
    if (daemonPath === '/dev/null' && !this.daemonRoot) return { site, daemonPath, empty: true };
    const fsPath = this.toFs(daemonPath);
    const allowed = (p: string) => host.allowOutside() || host.folders().some((f) => inside(p, f));
    if (allowed(fsPath)) {
      const kind = host.kind(fsPath);
      // a file that cannot be read (a link that leads out of the workspace, a file over the size cap)
      if (kind === 'file' && !this.readable(fsPath)) return { site, daemonPath, problem: 'unreadable' };
      if (kind === 'file') return { site, daemonPath, target: fsPath, via: this.daemonRoot ? 'root' : undefined };
      if (kind === 'dir' || kind === 'other') return { site, daemonPath, problem: 'not-a-file' };
      if (this.daemonRoot || !path.isAbsolute(written)) return { site, daemonPath, problem: 'missing' };
    }
    // an absolute path with no `/` in the workspace: the file of that name beside the includer
    if (!this.daemonRoot && path.isAbsolute(written)) {
      const beside = path.join(path.dirname(from), path.posix.basename(written));
      if (beside !== from && host.kind(beside) === 'file') return { site, daemonPath, target: beside, via: 'beside' };
      return { site, daemonPath, problem: allowed(fsPath) ? 'missing' : 'unmapped' };
    }
    return { site, daemonPath, problem: 'outside' };
  }
}

/** Whether two files load the same (the same includes and directories, wherever they stand). */
function sameLoads(a: FileLoads | undefined, b: FileLoads | undefined): boolean {
  if (!a || !b) return a === b;
  const sameList = <T>(x: readonly T[], y: readonly T[], eq: (p: T, q: T) => boolean) =>
    x.length === y.length && x.every((p, k) => eq(p, y[k]!));
  const dirs = (l: FileLoads) => l.directories ?? [];
  const zones = (l: FileLoads) => l.zoneFiles ?? [];
  return (
    sameList(zones(a), zones(b), (p, q) => p.path === q.path && p.origin === q.origin && p.type === q.type) &&
    sameList(a.includes, b.includes, (p, q) => p.path === q.path && p.scope === q.scope) &&
    sameList(dirs(a), dirs(b), (p, q) => p.path === q.path) &&
    // a directory change moves the includes after it: their order against the includes counts
    sameList(a.includes, b.includes, (p, q) => dirs(a).every((d, k) => d.at < p.start === dirs(b)[k]!.at < q.start))
  );
}

/** A file the model knows: its language and what it loads. */
interface Entry {
  languageId: string;
  text: string;
  loads: FileLoads | undefined;
}

/**
 * The index: every config file of the workspace, its roots and their trees. `update` and
 * `remove` keep it current; trees are walked again when asked for after a change.
 */
export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private trees: Map<string, ConfigTree> | undefined;
  /** zone file → the zone statement that loads it first (made with the trees). */
  private links: Map<string, ZoneLink> | undefined;
  /** file → the roots whose trees hold it (made with the trees). */
  private rootsByFile = new Map<string, string[]>();

  constructor(
    private readonly host: WorkspaceHost,
    private readonly loadsOf: LoadsOf,
  ) {}

  /** Adds or refreshes a file (text undefined: read it through the host). */
  update(file: string, languageId: string, text?: string): void {
    const t = text ?? this.host.read(file);
    if (t === undefined) return this.remove(file);
    const old = this.entries.get(file);
    if (old && old.text === t && old.languageId === languageId) return;
    const loads = this.loadsOf(languageId, file, t);
    this.entries.set(file, { languageId, text: t, loads });
    this.generation++;
    // an edit that leaves the includes as they were (most keystrokes) moves their offsets only:
    // the trees stay, with the file's edges moved, rather than every root being walked again
    if (this.trees && old && old.languageId === languageId && sameLoads(old.loads, loads)) {
      for (const tree of this.trees.values()) {
        const edges = tree.edges.get(file);
        if (edges)
          (tree.edges as Map<string, readonly IncludeEdge[]>).set(
            file,
            edges.map((e, k) => ({ ...e, site: loads!.includes[k]! })),
          );
        const zoneEdges = tree.zoneEdges.get(file);
        if (zoneEdges)
          (tree.zoneEdges as Map<string, readonly ZoneFileEdge[]>).set(
            file,
            zoneEdges.map((e, k) => ({ ...e, site: loads!.zoneFiles![k]! })),
          );
      }
      this.links = undefined;
      return;
    }
    this.trees = undefined;
  }

  /** The host's settings changed (the folder standing for `/`, reading outside): walk every tree again. */
  refresh(): void {
    this.trees = undefined;
    this.generation++;
  }

  remove(file: string): void {
    if (!this.entries.delete(file)) return;
    this.trees = undefined;
    this.generation++;
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  /** Bumped on every change of the index (a cache of what depends on it compares it). */
  generation = 0;

  /** A file's text through the host (a file a tree reaches that the index does not hold). */
  readFile(file: string): string | undefined {
    return this.host.read(file);
  }

  /** The text the model holds for a file. */
  textOf(file: string): string | undefined {
    return this.entries.get(file)?.text;
  }

  /** The language a file is loaded as: its own, or that of a tree that includes it. */
  languageOf(file: string): string | undefined {
    const own = this.entries.get(file)?.languageId;
    const root = this.rootsOf(file)[0];
    return root && root !== file ? (this.treeOf(root)?.languageId ?? own) : own;
  }

  /** The roots whose trees hold `file` (itself when no file includes it). */
  rootsOf(file: string): string[] {
    this.build();
    return this.rootsByFile.get(file) ?? (this.entries.has(file) ? [file] : []);
  }

  /** The files of every tree that holds `file`, itself among them, each once. */
  filesWith(file: string): string[] {
    const out = new Set<string>();
    for (const root of this.rootsOf(file)) for (const f of this.treeOf(root)?.files ?? [root]) out.add(f);
    return [...out];
  }

  /** The block the include that loads `file` stands in, in its first tree (undefined: the top level). */
  scopeOf(file: string): string | undefined {
    const root = this.rootsOf(file)[0];
    const t = root === undefined ? undefined : this.treeOf(root);
    for (const list of t?.edges.values() ?? []) for (const e of list) if (e.target === file) return e.site.scope;
    return undefined;
  }

  /** The zone statement that loads `file` as a zone's master file (the first of the first tree). */
  zoneLinkOf(file: string): ZoneLink | undefined {
    return this.zoneLinks().get(file);
  }

  /** Every zone file the trees load, with the zone statement that loads it first. */
  zoneLinks(): ReadonlyMap<string, ZoneLink> {
    this.build();
    if (!this.links) {
      const m = (this.links = new Map());
      for (const t of this.trees!.values())
        for (const [from, list] of t.zoneEdges)
          for (const e of list)
            if (e.target && !m.has(e.target))
              m.set(e.target, { origin: e.site.origin, from, at: e.site.start, base: e.base });
    }
    return this.links;
  }

  treeOf(root: string): ConfigTree | undefined {
    this.build();
    return this.trees!.get(root);
  }

  allTrees(): ConfigTree[] {
    this.build();
    return [...this.trees!.values()];
  }

  /** Walks every file as a root; a file some other walk reaches is not one. */
  private build(): void {
    if (this.trees) return;
    const walks = new Map<string, TreeWalk>();
    const reached = new Set<string>();
    // the text of each file the walks reach, read once for all of them (the index's, else the host's)
    const read = new Map<string, string | undefined>();
    const textOf = (f: string): string | undefined => {
      const e = this.entries.get(f);
      if (e) return e.text;
      if (!read.has(f)) read.set(f, this.host.read(f));
      return read.get(f);
    };
    const loads = (f: string, languageId: string): { loads?: FileLoads; size: number } => {
      const e = this.entries.get(f);
      if (e && e.languageId === languageId) return { loads: e.loads, size: e.text.length };
      // a file the index holds in no language (or another) is read in its includer's
      const text = textOf(f);
      return text === undefined ? { size: 0 } : { loads: this.loadsOf(languageId, f, text), size: text.length };
    };
    for (const [file, e] of this.entries) {
      if (!e.loads) continue;
      const w = new TreeWalk(this.host, loads, e.languageId, file, daemonRootFor(file, this.host), textOf);
      w.run();
      walks.set(file, w);
      for (const f of w.files) if (f !== file) reached.add(f);
    }
    const trees = new Map<string, ConfigTree>();
    const byFile = new Map<string, string[]>();
    for (const [root, w] of walks) {
      if (reached.has(root) && !this.inCycleOnly(root, walks)) continue;
      const languageId = this.entries.get(root)!.languageId;
      trees.set(root, { root, languageId, files: w.files, edges: w.edges, zoneEdges: w.zoneEdges });
      for (const f of w.files) {
        const list = byFile.get(f) ?? [];
        list.push(root);
        byFile.set(f, list);
      }
    }
    this.trees = trees;
    this.rootsByFile = byFile;
    this.links = undefined;
  }

  /** Whether every walk that reaches `file` is one that `file` itself reaches (a cycle): then it stays a root. */
  private inCycleOnly(file: string, walks: Map<string, TreeWalk>): boolean {
    for (const [root, w] of walks) {
      if (root === file || !w.files.includes(file)) continue;
      if (!walks.get(file)!.files.includes(root)) return false;
    }
    return true;
  }
}
