/**
 * The indentation `.editorconfig` files give a file (editorconfig.org's format): the files from the
 * file's folder up to one that says `root = true` (or the file system's root), the nearer file
 * winning, and within a file the later section. Only what formatting needs is read:
 * `indent_style` (tab | space), `indent_size` (a number, or `tab`) and `tab_width`.
 *
 * Section globs: `*` (no `/`), `**`, `?`, `[abc]`, `{a,b}` and `{n..m}` are supported; a glob
 * without `/` matches the file's name in any folder below the .editorconfig.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FormatOptions } from '../service/types';

interface Section {
  readonly glob: string;
  readonly props: Record<string, string>;
}

/** A whole .editorconfig: whether it is a root, and its sections in order. */
export function parseEditorConfig(text: string): { root: boolean; sections: Section[] } {
  let root = false;
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      current = { glob: line.slice(1, -1), props: {} };
      sections.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    const value = line.slice(eq + 1).trim();
    if (current) current.props[key] = value.toLowerCase();
    else if (key === 'root') root = value.toLowerCase() === 'true';
  }
  return { root, sections };
}

/** A section glob as a regular expression over the path relative to the .editorconfig's folder (with `/`). */
export function globToRegExp(glob: string): RegExp {
  const anchored = glob.includes('/') ? convert(glob.replace(/^\//, '')) : `(?:[^]*/)?${convert(glob)}`;
  return new RegExp(`^${anchored}$`);
}

/** A glob's pattern, unanchored. */
function convert(g: string): string {
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      // `**/` also matches no folder at all
      out += g[i + 2] === '/' ? '(?:[^]*/)?' : '[^]*';
      i += g[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[' && g.indexOf(']', i + 1) > i) {
      const end = g.indexOf(']', i + 1);
      out += `[${g
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{' && g.indexOf('}', i + 1) > i) {
      const end = g.indexOf('}', i + 1);
      const body = g.slice(i + 1, end);
      const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
      const alternatives: string[] = [];
      if (range) {
        const [lo, hi] = [Number(range[1]), Number(range[2])].sort((x, y) => x - y);
        for (let n = lo!; n <= hi! && alternatives.length < 1000; n++) alternatives.push(String(n));
      } else alternatives.push(...body.split(',').map(convert));
      out += `(?:${alternatives.join('|')})`;
      i = end;
    } else out += /[\\^$.|+()[\]{}]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** The indentation `.editorconfig` files give `file`, or undefined where none says anything. */
export function editorConfigFor(
  file: string,
  read: (p: string) => string | undefined = readSmall,
): FormatOptions | undefined {
  const props: Record<string, string> = {};
  const found: Array<{ dir: string; sections: Section[] }> = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const text = read(path.join(dir, '.editorconfig'));
    if (text !== undefined) {
      const ec = parseEditorConfig(text);
      found.push({ dir, sections: ec.sections });
      if (ec.root) break;
    }
    if (path.dirname(dir) === dir) break;
  }
  // the farthest first: nearer files and later sections override
  for (const { dir, sections } of found.reverse()) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    for (const s of sections) if (matches(s.glob, rel)) Object.assign(props, s.props);
  }
  const style = props['indent_style'];
  const size = props['indent_size'];
  const tabWidth = Number(props['tab_width']);
  if (!style && !size) return undefined;
  const width = size && size !== 'tab' && Number(size) > 0 ? Number(size) : tabWidth > 0 ? tabWidth : 4;
  return { insertSpaces: style ? style === 'space' : size !== 'tab', tabSize: Math.min(width, 16) };
}

/** Whether a section's glob takes `rel` (a glob that makes no valid pattern, `[z-a]`, takes nothing). */
function matches(glob: string, rel: string): boolean {
  try {
    return globToRegExp(glob).test(rel);
  } catch {
    return false;
  }
}

function readSmall(p: string): string | undefined {
  try {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    return st?.isFile() && st.size < 256 * 1024 ? fs.readFileSync(p, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
