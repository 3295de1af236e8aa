/**
 * `infra-lsp format [--check | --write] [--indent N|tab] [--language ID] FILE|DIR|-...`: the same
 * formatting as the editor's Format Document. Prints the formatted text; `--write` rewrites each
 * file that changes (a temporary file beside it, then a rename: a reader never sees half a file);
 * `--check` changes nothing, names the files that would change and exits 1 if there are any.
 * The indentation: `--indent`, else the file's `.editorconfig`, else a tab (as named-checkconf -p).
 * Exit 0: done (or nothing to change); 1: --check found files to format; 2: usage error, or a
 * file that cannot be read, told or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeDeclared } from '../vmx/charsets';
import { languageForPath } from '../service/languages';
import { discoverFiles, languageByContent, readSmallFile } from '../service/discover';
import type { LanguageService } from '../service/languageService';
import type { FormatOptions } from '../service/types';
import { editorConfigFor } from './editorconfig';
import { UsageError } from './options';

export const FORMAT_USAGE = `usage: infra-lsp format [--check | --write] [--indent N|tab] [--language ID] FILE|DIR|-...
Formats named.conf, dhcpd.conf, .vmx and DNS zone files: only whitespace changes (and the field
names of a zone's SOA), never what the daemon loads. Prints the formatted text, or:
--write: rewrites the files that change (atomically: a temporary file, then a rename);
--check: changes nothing, names the files that would change, and exits 1 if there are any.
--indent N|tab: N spaces or a tab per level; by default what .editorconfig says, else a tab.
Exit 0: done; 1: --check found files to format; 2: usage error, or a file that cannot be read,
told or written.`;

interface FormatCliOptions {
  mode: 'print' | 'check' | 'write';
  indent: FormatOptions | undefined;
  language: string | undefined;
  files: string[];
}

export interface FormatIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  readStdin?: () => string;
}

function parseFormatArgs(args: string[], known: readonly string[]): FormatCliOptions {
  const o: FormatCliOptions = { mode: 'print', indent: undefined, language: undefined, files: [] };
  const value = (a: string, name: string) => (a.includes('=') ? a.slice(name.length + 1) : args.shift());
  while (args.length) {
    const a = args.shift()!;
    if (a === '--check' || a === '--write') {
      const m = a === '--check' ? 'check' : 'write';
      if (o.mode !== 'print' && o.mode !== m) throw new UsageError('--check and --write do not go together');
      o.mode = m;
    } else if (a === '--indent' || a.startsWith('--indent=')) {
      const v = value(a, '--indent');
      if (v === 'tab') o.indent = { tabSize: 4, insertSpaces: false };
      else if (v && /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 16)
        o.indent = { tabSize: Number(v), insertSpaces: true };
      else throw new UsageError(`--indent takes a number of spaces from 1 to 16, or tab; got ${v ?? 'nothing'}`);
    } else if (a === '--language' || a.startsWith('--language=')) {
      const v = value(a, '--language');
      if (!v || !known.includes(v))
        throw new UsageError(`--language takes one of ${known.join(', ')}; got ${v ?? 'nothing'}`);
      o.language = v;
    } else if (a === '--') o.files.push(...args.splice(0));
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.files.push(a);
  }
  if (!o.files.length) throw new UsageError('no files given');
  if (o.mode === 'write' && o.files.includes('-')) throw new UsageError('--write cannot rewrite standard input');
  return o;
}

export function runFormat(args: string[], io: FormatIO, service: LanguageService): number {
  const o = parseFormatArgs(args, service.languageIds());
  let status = 0;
  const fail = (message: string) => {
    io.err(`infra-lsp: ${message}`);
    status = 2;
  };
  const one = (abs: string, shown: string, text: string, language: string | undefined, explicit: boolean) => {
    if (!language || !service.modeFor(language)?.format) {
      if (explicit) fail(`${shown}: ${language ? `no formatting for ${language}` : 'cannot tell the language'}`);
      return;
    }
    const options = o.indent ?? editorConfigFor(abs) ?? { tabSize: 4, insertSpaces: false };
    const doc = TextDocument.create(pathToFileURL(abs).toString(), language, 1, text);
    const formatted = TextDocument.applyEdits(doc, service.format(doc, options));
    if (o.mode === 'print') return io.out(formatted.endsWith('\n') ? formatted.slice(0, -1) : formatted);
    if (formatted === text) return;
    if (o.mode === 'check') {
      io.out(shown);
      if (status === 0) status = 1;
      return;
    }
    if (notUtf8.has(abs)) return fail(`${shown}: not rewritten: its bytes are not UTF-8 (a declared legacy charset)`);
    try {
      writeAtomically(abs, formatted);
      io.out(`formatted ${shown}`);
    } catch (e) {
      fail(`${shown}: cannot write: ${(e as Error).message}`);
    }
  };
  for (const f of o.files) {
    if (f === '-') {
      const text = io.readStdin?.();
      if (text === undefined) fail('<stdin>: no standard input here');
      else one(path.join(io.cwd, '<stdin>'), '<stdin>', text, o.language ?? languageByContent(text), true);
      continue;
    }
    const abs = path.resolve(io.cwd, f);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) {
      fail(`${f}: cannot read: no such file`);
      continue;
    }
    const shownOf = (p: string) => {
      const rel = path.relative(io.cwd, p);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
    };
    if (st.isDirectory()) {
      for (const d of discoverFiles([abs], readSmallFile)) {
        const text = readText(d.path);
        if (text !== undefined) one(d.path, shownOf(d.path), text, d.languageId, false);
      }
      continue;
    }
    const text = st.isFile() ? readText(abs) : undefined;
    if (text === undefined) fail(`${f}: cannot read: not a regular file, or unreadable`);
    else one(abs, shownOf(abs), text, o.language ?? languageForPath(f) ?? languageByContent(text), true);
  }
  return status;
}

/** Files whose bytes are not their text in UTF-8 (a .vmx in a legacy charset): never rewritten. */
const notUtf8 = new Set<string>();

function readText(p: string): string | undefined {
  try {
    const bytes = fs.readFileSync(p);
    const text = decodeDeclared(bytes);
    if (!Buffer.from(text, 'utf8').equals(bytes)) notUtf8.add(p);
    return text;
  } catch {
    return undefined;
  }
}

/** Writes `text` over `file` through a temporary file in the same folder and a rename, keeping the file's mode. */
export function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.infra-lsp-${process.pid}-${Date.now()}.tmp`);
  const mode = fs.statSync(file).mode & 0o7777;
  try {
    fs.writeFileSync(tmp, text, { mode, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
