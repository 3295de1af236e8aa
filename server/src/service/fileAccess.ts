/**
 * FileAccess on the real file system, with the safety rules the server promises:
 * only regular files (never devices, FIFOs or sockets), at most `maxBytes`, and only inside
 * the allowed roots unless `allowOutside` is set. Used by the server and the CLI.
 */
import { decodeDeclared } from '../vmx/charsets';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileAccess } from './types';
import type { WorkspaceHost } from './workspace';
import { createGitHead } from './gitHead';

export interface FsAccessOptions {
  /** Directories whose files may be read (workspace folders). Empty with allowOutside=false: none. */
  readonly roots: () => readonly string[];
  readonly allowOutside: () => boolean;
  readonly maxBytes?: number;
  /** Open editor buffers win over the disk. */
  readonly openDocument?: (uri: string) => string | undefined;
  /** The git program `committed` runs (tests: a missing one). */
  readonly git?: string;
}

export const DEFAULT_MAX_INCLUDE_BYTES = 8 * 1024 * 1024;

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function inside(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real paths of the roots (a root that cannot be resolved as given). */
function realRoots(roots: readonly string[]): string[] {
  return roots.map((r) => {
    try {
      return fs.realpathSync(r);
    } catch {
      return r;
    }
  });
}

export function createFsAccess(opts: FsAccessOptions): FileAccess {
  const max = opts.maxBytes ?? DEFAULT_MAX_INCLUDE_BYTES;
  const gitHead = createGitHead({ git: opts.git, maxBytes: max, decode: decodeDeclared });
  return {
    resolve(fromUri, p) {
      if (!p || p.includes('\0')) return undefined;
      const from = uriToPath(fromUri);
      const abs = path.isAbsolute(p) ? p : from ? path.resolve(path.dirname(from), p) : undefined;
      return abs ? pathToFileURL(abs).toString() : undefined;
    },
    exists(uri) {
      if (opts.openDocument?.(uri) !== undefined) return true;
      const p = uriToPath(uri);
      if (!p) return undefined;
      const roots = () =>
        opts.roots().map((r) => {
          try {
            return fs.realpathSync(r);
          } catch {
            return r;
          }
        });
      const allowed = (x: string) => opts.allowOutside() || [...opts.roots(), ...roots()].some((r) => inside(x, r));
      try {
        // nothing there: say so only for a path inside the roots, as written and in a real folder
        if (!fs.lstatSync(p, { throwIfNoEntry: false })) {
          let dir = path.dirname(p);
          while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
          return allowed(p) && allowed(fs.realpathSync(dir)) ? false : undefined;
        }
        // something there: only where it really is inside the roots; a stat, never an open
        const real = fs.realpathSync(p);
        return allowed(real) ? fs.statSync(real).isFile() : undefined;
      } catch {
        return undefined;
      }
    },
    read(uri) {
      const open = opts.openDocument?.(uri);
      if (open !== undefined) return open;
      const p = uriToPath(uri);
      if (!p) return undefined;
      try {
        const real = fs.realpathSync(p);
        if (!opts.allowOutside() && !realRoots(opts.roots()).some((r) => inside(real, r))) return undefined;
        // open without blocking and check what was opened (not the path, which may have been
        // swapped for a FIFO or device since): only regular files, at most `max` bytes
        const fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
        try {
          const st = fs.fstatSync(fd);
          if (!st.isFile() || st.size > max) return undefined;
          const buf = Buffer.alloc(st.size);
          let got = 0;
          while (got < buf.length) {
            const n = fs.readSync(fd, buf, got, buf.length - got, got);
            if (n <= 0) break;
            got += n;
          }
          // UTF-8, or the charset a .vmx declares in its `.encoding` line
          return decodeDeclared(buf.subarray(0, got));
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        return undefined;
      }
    },
    // only for regular files inside the workspace folders, whatever allowOutside says (git is
    // run in the file's folder)
    committed(uri) {
      const p = uriToPath(uri);
      try {
        const real = p && fs.realpathSync(p);
        if (!real || !fs.statSync(real).isFile()) return undefined;
        return realRoots(opts.roots()).some((r) => inside(real, r)) ? gitHead(real) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export interface FsHostOptions extends FsAccessOptions {
  /** The folder that stands for the daemons' `/` (infraLsp.includes.root, `--root`). */
  readonly includeRoot?: () => string | undefined;
}

/**
 * The workspace model's host on the real file system, with the same safety: it reads only what
 * `createFsAccess` reads (regular files, bounded, inside the folders unless allowed), and it tells
 * a missing path from a directory or a device without opening either.
 */
export function createFsHost(opts: FsHostOptions): WorkspaceHost {
  const files = createFsAccess(opts);
  return {
    folders: () => opts.roots(),
    kind(p) {
      try {
        const st = fs.statSync(p, { throwIfNoEntry: false });
        return !st ? 'missing' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
      } catch {
        return 'missing';
      }
    },
    read: (p) => files.read(pathToFileURL(p).toString()),
    allowOutside: opts.allowOutside,
    includeRoot: () => opts.includeRoot?.(),
  };
}
