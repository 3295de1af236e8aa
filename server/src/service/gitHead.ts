/**
 * A file's text in the HEAD commit of its git repository (FileAccess.committed), for the checks
 * that compare a file with what was committed (a zone's SOA serial).
 *
 * The HEAD commit id is read from the repository's files (`.git/HEAD`, the branch's ref, or
 * `packed-refs`; a worktree's or submodule's `.git` file is followed), which costs a few small
 * reads and no process. The text is then read once per (file, HEAD commit) with
 * `git cat-file blob HEAD:./<name>` run in the file's folder: no shell, a 2 s timeout, output
 * capped, the raw committed bytes (no pager, no textconv). Any failure (no repository, a file not
 * committed, git missing or slow, refs in a format not read here) is undefined, and remembered
 * for that commit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GitHeadOptions {
  /** The git program (tests: a missing one). */
  readonly git?: string;
  readonly timeoutMs?: number;
  readonly maxBytes: number;
  /** Bytes to text, as the file itself is read. */
  readonly decode: (bytes: Buffer) => string;
}

const MAX_REMEMBERED = 64;

/** The `.git` directory of the repository `dir` lies in, and the directory refs live in. */
function gitDirs(dir: string): { gitDir: string; commonDir: string } | undefined {
  for (let d = dir; ;) {
    const dotGit = path.join(d, '.git');
    const st = fs.statSync(dotGit, { throwIfNoEntry: false });
    if (st?.isDirectory()) return { gitDir: dotGit, commonDir: dotGit };
    if (st?.isFile()) {
      // a worktree or submodule: `gitdir: <path>`, and a worktree's `commondir` names the main one
      const m = /^gitdir: (.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      if (!m) return undefined;
      const gitDir = path.resolve(d, m[1]!.trim());
      const common = readOptional(path.join(gitDir, 'commondir'))?.trim();
      return { gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

function readOptional(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The commit id HEAD names, read from the files of the repository `dir` lies in. */
export function headCommit(dir: string): string | undefined {
  try {
    const dirs = gitDirs(dir);
    const head = dirs && readOptional(path.join(dirs.gitDir, 'HEAD'))?.trim();
    if (!dirs || !head) return undefined;
    if (OBJECT_ID.test(head)) return head; // detached
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    for (const d of new Set([dirs.gitDir, dirs.commonDir])) {
      const loose = readOptional(path.join(d, ref))?.trim();
      if (loose && OBJECT_ID.test(loose)) return loose;
    }
    const packed = readOptional(path.join(dirs.commonDir, 'packed-refs')) ?? '';
    for (const line of packed.split('\n')) {
      const [id, name] = line.trim().split(' ');
      if (name === ref && id && OBJECT_ID.test(id)) return id;
    }
    return undefined; // an unborn branch (no commit yet), or refs kept otherwise (reftable)
  } catch {
    return undefined;
  }
}

/** `committed(file)` for real paths of files (the caller checks they may be read). */
export function createGitHead(opts: GitHeadOptions): (file: string) => string | undefined {
  const remembered = new Map<string, string | undefined>();
  return (file) => {
    const dir = path.dirname(file);
    const head = headCommit(dir);
    if (!head) return undefined;
    const key = `${head}\0${file}`;
    if (remembered.has(key)) return remembered.get(key);
    const text = show(opts, dir, path.basename(file));
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, text);
    return text;
  };
}

function show(opts: GitHeadOptions, cwd: string, name: string): string | undefined {
  // git finds the repository from its folder, as headCommit did, whatever the server's own
  // environment names
  const env = { ...process.env };
  for (const v of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'])
    delete env[v];
  try {
    // loaded on first use: the server starts without it (test/unit/service/dist.test.ts)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, as modes.ts's
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const out = execFileSync(opts.git ?? 'git', ['cat-file', 'blob', `HEAD:./${name}`], {
      cwd,
      env,
      timeout: opts.timeoutMs ?? 2000,
      maxBuffer: opts.maxBytes,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
    return opts.decode(out);
  } catch {
    return undefined;
  }
}
