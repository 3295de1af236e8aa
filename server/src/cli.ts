/**
 * `infra-lsp check [--format text|json] [--language ID] [--root DIR] FILE|DIR...`
 * The command-line checker: the same language service as the editor, one line per finding.
 * Exit 0: no errors; 1: at least one error; 2: usage error or a file that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from './modes';
import { languageForPath } from './service/languages';
import { createFsAccess, createFsHost } from './service/fileAccess';
import { discoverFiles, languageByContent, readSmallFile } from './service/discover';
import type { LanguageService } from './service/languageService';
import type { Workspace } from './service/workspace';
import { SERVER_VERSION } from './service/version';

const USAGE = `usage: infra-lsp check [--format text|json] [--language ID] [--root DIR] FILE|DIR...
       infra-lsp --version | --help
Checks VMware .vmx, ISC dhcpd.conf, BIND named.conf, ESX/ESXi logs and iSCSI initiator names.
A named.conf or dhcpd.conf is checked with the files it includes, as the daemon loads them; a
folder, every configuration tree and file under it. --root DIR: the folder that stands for /
in absolute include paths (as named-checkconf -t DIR).
Output: path:line:col: error|warning|info: message [rule-id]. Exit 1 when any file has an error.`;

const SEV: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
}

class UsageError extends Error {}

export function runCli(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`infra-lsp: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.err(`infra-lsp: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

function run(argv: readonly string[], io: CliIO): number {
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (args[0] === '--version') {
    io.out(SERVER_VERSION);
    return 0;
  }
  if (args.shift() !== 'check') throw new UsageError(args.length ? 'the only command is `check`' : 'no command given');
  const service = createLanguageService({
    onError: (where, err) => io.err(`infra-lsp: internal error in ${where}: ${String(err)}`),
  });
  const o = parseArgs(args, service.languageIds(), io.cwd);
  const host = createFsHost({ roots: () => [io.cwd], allowOutside: () => true, includeRoot: () => o.root });
  const ws = service.createWorkspace(host);
  const report = new Report(io, o.format);
  for (const f of o.files) checkArg(f, o, service, ws, report, io);
  return report.finish();
}

interface CliOptions {
  format: 'text' | 'json';
  language: string | undefined;
  root: string | undefined;
  files: string[];
}

function parseArgs(args: string[], known: readonly string[], cwd: string): CliOptions {
  const o: CliOptions = { format: 'text', language: undefined, root: undefined, files: [] };
  const value = (a: string, name: string) => (a.includes('=') ? a.slice(name.length + 1) : args.shift());
  while (args.length) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value(a, '--format');
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format takes text or json, not ${v ?? 'nothing'}`);
      o.format = v;
    } else if (a === '--language' || a.startsWith('--language=')) {
      const v = value(a, '--language');
      if (!v || !known.includes(v))
        throw new UsageError(`--language takes one of ${known.join(', ')}; got ${v ?? 'nothing'}`);
      o.language = v;
    } else if (a === '--root' || a.startsWith('--root=')) {
      const v = value(a, '--root');
      if (!v) throw new UsageError('--root takes the folder that stands for / (as named-checkconf -t)');
      o.root = path.resolve(cwd, v);
    } else if (a === '--') {
      o.files.push(...args.splice(0));
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else o.files.push(a);
  }
  if (!o.files.length) throw new UsageError('no files given');
  return o;
}

/** What the CLI prints, each file once, and the exit code. */
class Report {
  private errors = 0;
  unreadable = false;
  private readonly done = new Set<string>();
  private readonly json: Array<{ file: string; language: string; diagnostics: object[] }> = [];
  constructor(
    private readonly io: CliIO,
    private readonly format: 'text' | 'json',
  ) {}
  /** A file's diagnostics (not again if it was printed as part of an earlier tree). */
  add(abs: string, language: string, diags: Diagnostic[]): void {
    if (this.done.has(abs)) return;
    this.done.add(abs);
    const rel = path.relative(this.io.cwd, abs);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
    const sorted = [...diags].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    this.errors += sorted.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    if (this.format === 'json') this.json.push({ file: shown, language, diagnostics: sorted.map(toJson) });
    else for (const d of sorted) this.io.out(formatText(shown, d));
  }
  finish(): number {
    if (this.format === 'json') this.io.out(JSON.stringify(this.json, null, 2));
    if (this.unreadable) return 2;
    return this.errors > 0 ? 1 : 0;
  }
}

/**
 * One FILE or DIR argument. A named.conf or dhcpd.conf is checked with its whole tree (the files
 * it includes, and the roots that include it among the files beside it); a folder, every tree
 * and file under it.
 */
function checkArg(f: string, o: CliOptions, service: LanguageService, ws: Workspace, report: Report, io: CliIO): void {
  const abs = path.resolve(io.cwd, f);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    return cannotRead(f, e, report, io);
  }
  if (st.isDirectory()) {
    const found = discoverFiles([abs], readSmallFile);
    for (const d of found) if (service.modeFor(d.languageId)?.loads) ws.update(d.path, d.languageId);
    for (const d of found) checkFile(d.path, d.languageId, service, ws, report);
    return;
  }
  let text: string;
  try {
    if (!st.isFile()) throw new Error('not a regular file');
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    return cannotRead(f, e, report, io);
  }
  const lang = o.language ?? languageForPath(f) ?? languageByContent(text);
  if (!lang) {
    io.err(
      `infra-lsp: ${f}: cannot tell the language from the file name or its text; use --language (${service.languageIds().join(', ')})`,
    );
    report.unreadable = true;
    return;
  }
  if (service.modeFor(lang)?.loads) {
    // the files beside it may hold its roots (named.conf beside named.conf.local)
    for (const d of discoverFiles([path.dirname(abs)], readSmallFile, 2000, false))
      if (d.path !== abs && service.modeFor(d.languageId)?.loads) ws.update(d.path, d.languageId);
    ws.update(abs, lang, text);
  }
  checkFile(abs, lang, service, ws, report, text);
}

function checkFile(
  abs: string,
  lang: string,
  service: LanguageService,
  ws: Workspace,
  report: Report,
  text?: string,
): void {
  if (service.modeFor(lang)?.loads && ws.has(abs)) {
    for (const r of service.checkTrees(ws, abs, { workspace: ws })) report.add(r.file, r.languageId, r.diagnostics);
    return;
  }
  const t = text ?? readSmallFile(abs) ?? (fs.statSync(abs).isFile() ? fs.readFileSync(abs, 'utf8') : undefined);
  if (t === undefined) return;
  const doc = TextDocument.create(pathToFileURL(abs).toString(), lang, 1, t);
  report.add(abs, lang, service.doValidation(doc, { files: FILES }));
}

const FILES = createFsAccess({ roots: () => [], allowOutside: () => true });

function cannotRead(f: string, e: unknown, report: Report, io: CliIO): void {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ? code : (e as Error).message;
  io.err(`infra-lsp: ${f}: cannot read: ${why}`);
  report.unreadable = true;
}

export function formatText(file: string, d: Diagnostic): string {
  // one line per finding: split and trim (a whitespace-newline-whitespace regex backtracks on long blanks)
  const msg = d.message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEV[d.severity ?? 1]}: ${msg} [${String(d.code ?? '')}]`;
}

function toJson(d: Diagnostic): object {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEV[d.severity ?? 1],
    rule: d.code,
    message: d.message,
  };
}
