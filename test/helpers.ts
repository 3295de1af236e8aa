/**
 * Test helpers shared by every feature test.
 *
 * Cursor convention: a `|` in the text marks the position (`cursor('serial0.|')`).
 * Every case can be run twice, with `\n` and with `\r\n` line endings (`bothEOL`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/modes';
import type { FileAccess, ServiceSettings } from '../server/src/service/types';
import { defaultSettings } from '../server/src/service/types';

export const service = createLanguageService({
  onError: (where, err) => {
    throw new Error(`mode threw in ${where}: ${err instanceof Error ? err.stack : String(err)}`);
  },
});

let seq = 0;
export function doc(languageId: string, text: string, uri?: string): TextDocument {
  return TextDocument.create(uri ?? `file:///test/${++seq}.${languageId}`, languageId, 1, text);
}

/** Split `a|b` into the text `ab` and the position of the `|`. */
export function cursor(textWithBar: string): { text: string; pos: Position; offset: number } {
  const offset = textWithBar.indexOf('|');
  if (offset < 0) throw new Error('no | cursor in test text');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  const d = TextDocument.create('file:///cursor', 'x', 1, text);
  return { text, pos: d.positionAt(offset), offset };
}

export type EOL = '\n' | '\r\n';
export const EOLS: readonly EOL[] = ['\n', '\r\n'];

/** The text with its line endings changed to `eol`. */
export function withEOL(text: string, eol: EOL): string {
  return text.replace(/\r?\n/g, eol);
}

/** Run `fn` once per line-ending style; the name gets the style appended. */
export function bothEOL(
  name: string,
  fn: (eol: EOL, name: string) => void | Promise<void>,
): Array<[string, () => void | Promise<void>]> {
  return EOLS.map((eol) => [`${name} (${eol === '\n' ? 'LF' : 'CRLF'})`, () => fn(eol, name)]);
}

export function validate(
  languageId: string,
  text: string,
  opts: { settings?: ServiceSettings; files?: FileAccess; uri?: string } = {},
): Diagnostic[] {
  return service.doValidation(doc(languageId, text, opts.uri), {
    settings: opts.settings ?? defaultSettings,
    files: opts.files,
  });
}

/** A FileAccess over an in-memory map of URI → text. */
export function memoryFiles(files: Record<string, string>): FileAccess {
  return {
    resolve: (from, p) => (p.startsWith('/') ? `file://${p}` : new URL(p, from).toString()),
    read: (uri) => files[uri],
  };
}

/** `line:col severity code` for compact assertions (1-based like the CLI). */
export function brief(d: Diagnostic): string {
  const sev = ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1];
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${sev} ${String(d.code)}`;
}

export function errorsOf(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 1);
}

/** The code actions that fix something (the suppression comments every finding also offers left out). */
export function fixesOnly<A extends { title: string }>(actions: A[]): A[] {
  return actions.filter((a) => !/^Disable [a-z0-9-]+ for this (line|file)$/.test(a.title));
}

/** `fn` over `items` with at most `n` calls running at once (the real tools run in parallel), results in order. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * A disagreements list of the oracle tests (`name<TAB>reason` lines; `#` comments and blank lines
 * skipped): name → reason. A missing file lists nothing.
 */
export function listedDisagreements(file: string): Map<string, string> {
  const m = new Map<string, string>();
  if (!fs.existsSync(file)) return m;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, reason] = line.split('\t');
    if (name) m.set(name, reason ?? '');
  }
  return m;
}

/** A FileAccess that finds an included file by its base name in the first of `dirs` that holds it. */
export function filesByName(dirs: readonly string[]): FileAccess {
  return {
    resolve: (from, p) => new URL(p, from).toString(),
    read: (uri) => {
      const b = path.basename(new URL(uri).pathname);
      for (const d of dirs) {
        const f = path.join(d, b);
        if (fs.existsSync(f)) return fs.readFileSync(f, 'utf8');
      }
      return undefined;
    },
  };
}
