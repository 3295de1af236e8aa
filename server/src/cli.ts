/**
 * `infra-lsp check [--format text|json|sarif] [--language ID] [--root DIR] [--fail-on SEVERITY]
 * [--max-warnings N] FILE|DIR|-...` (cli/options.ts has the usage).
 * The command-line checker: the same language service as the editor, one line per finding.
 * Exit 0: nothing that fails; 1: a finding at --fail-on or above (default: an error), or more
 * warnings than --max-warnings; 2: usage error, or a file that cannot be read or told.
 */
import { decodeDeclared } from './vmx/charsets';
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
import type { RuleDef } from './service/rules';
import type { Workspace } from './service/workspace';
import { defaultSettings } from './service/types';
import { SERVER_VERSION } from './service/version';
import { parseArgs, UsageError, USAGE, type CliOptions, type FailOn, type OutputFormat } from './cli/options';
import { sarifLog, type CheckedFile } from './cli/sarif';
import { FORMAT_USAGE, runFormat } from './cli/format';

const SEV: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

/** The highest DiagnosticSeverity number that fails the check, for each --fail-on. */
const FAILS_AT: Record<FailOn, number> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Hint,
};

/** How standard input is shown, and the name it stands under in the current folder. */
export const STDIN_NAME = '<stdin>';

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  /** The whole of standard input as text (read only for a `-` argument). */
  readStdin?: () => string;
}

export function runCli(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`infra-lsp: ${e.message}\n${argv[0] === 'format' ? FORMAT_USAGE : USAGE}`);
      return 2;
    }
    io.err(`infra-lsp: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

function run(argv: readonly string[], io: CliIO): number {
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h') {
    io.out(`${USAGE}\n\n${FORMAT_USAGE}`);
    return 0;
  }
  if (args[0] === '--version') {
    io.out(SERVER_VERSION);
    return 0;
  }
  const command = args.shift();
  if (command !== 'check' && command !== 'format')
    throw new UsageError(args.length || command ? 'the commands are `check` and `format`' : 'no command given');
  const service = createLanguageService({
    onError: (where, err) => io.err(`infra-lsp: internal error in ${where}: ${String(err)}`),
  });
  if (command === 'format') return runFormat(args, io, service);
  const o = parseArgs(args, service.languageIds(), io.cwd);
  const host = createFsHost({ roots: () => [io.cwd], allowOutside: () => true, includeRoot: () => o.root });
  const ws = service.createWorkspace(host);
  const rules = new Map(service.rules().map((r) => [r.id, r]));
  const report = new Report(io, o, (id) => rules.get(id));
  for (const f of o.files) {
    if (f === '-') checkStdin(o, service, ws, report, io);
    else checkArg(f, o, service, ws, report, io);
  }
  return report.finish();
}

/** What the CLI prints, each file once, and the exit code. */
class Report {
  private readonly counts = [0, 0, 0, 0, 0];
  private readonly done = new Set<string>();
  private readonly files: Array<CheckedFile & { shown: string; language: string }> = [];
  /** Files that could not be checked (exit 2). */
  private readonly problems: string[] = [];
  private readonly format: OutputFormat;
  constructor(
    private readonly io: CliIO,
    private readonly o: CliOptions,
    private readonly ruleOf: (id: string) => RuleDef | undefined,
  ) {
    this.format = o.format;
  }
  /** A file's diagnostics (not again if it was printed as part of an earlier tree). */
  add(abs: string, language: string, diags: Diagnostic[]): void {
    if (this.done.has(abs)) return;
    this.done.add(abs);
    const rel = path.relative(this.io.cwd, abs);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
    const sorted = [...diags].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    for (const d of sorted) this.counts[d.severity ?? DiagnosticSeverity.Error]!++;
    if (this.format === 'text') for (const d of sorted) this.io.out(formatText(shown, d));
    else this.files.push({ abs, shown, language, diagnostics: sorted });
  }
  /** A file that cannot be checked: said on stderr (and in the SARIF log), and the exit status is 2. */
  problem(message: string): void {
    this.io.err(`infra-lsp: ${message}`);
    this.problems.push(message);
  }
  finish(): number {
    if (this.format === 'json')
      this.io.out(
        JSON.stringify(
          this.files.map((f) => ({ file: f.shown, language: f.language, diagnostics: f.diagnostics.map(toJson) })),
          null,
          2,
        ),
      );
    if (this.format === 'sarif')
      this.io.out(JSON.stringify(sarifLog(this.files, this.io.cwd, this.ruleOf, this.problems), null, 2));
    if (this.problems.length) return 2;
    let failing = 0;
    for (let sev = DiagnosticSeverity.Error; sev <= FAILS_AT[this.o.failOn]; sev++) failing += this.counts[sev]!;
    const warnings = this.counts[DiagnosticSeverity.Warning]!;
    const max = this.o.maxWarnings;
    if (max !== undefined && warnings > max)
      this.io.err(`infra-lsp: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${max}`);
    return failing > 0 || (max !== undefined && warnings > max) ? 1 : 0;
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
    return cannotRead(f, e, report);
  }
  if (st.isDirectory()) {
    const found = discoverFiles([abs], readSmallFile);
    for (const d of found) if (service.modeFor(d.languageId)?.loads) ws.update(d.path, d.languageId);
    for (const d of found) checkFile(d.path, d.languageId, service, ws, report, o);
    return;
  }
  let text: string;
  try {
    if (!st.isFile()) throw new Error('not a regular file');
    text = decodeDeclared(fs.readFileSync(abs));
  } catch (e) {
    return cannotRead(f, e, report);
  }
  const lang = o.language ?? languageForPath(f) ?? languageByContent(text);
  if (!lang)
    return report.problem(
      `${f}: cannot tell the language from the file name or its text; use --language (${service.languageIds().join(', ')})`,
    );
  if (service.modeFor(lang)?.loads) {
    // the files beside it may hold its roots (named.conf beside named.conf.local): those that
    // name it at all (an include of it must), so that a folder of other configs is not parsed
    const name = path.basename(abs);
    for (const d of discoverFiles([path.dirname(abs)], readSmallFile, 2000, false)) {
      if (d.path === abs || !service.modeFor(d.languageId)?.loads) continue;
      const sibling = readSmallFile(d.path);
      if (sibling?.includes(name)) ws.update(d.path, d.languageId, sibling);
    }
    ws.update(abs, lang, text);
  }
  checkFile(abs, lang, service, ws, report, o, text);
}

/**
 * `-`: standard input, checked as a file named <stdin> in the current folder (so its includes
 * are read from there, and it is shown as <stdin>). It is a root of its own: no file includes it.
 */
function checkStdin(o: CliOptions, service: LanguageService, ws: Workspace, report: Report, io: CliIO): void {
  let text: string;
  try {
    if (!io.readStdin) throw new Error('no standard input here');
    text = io.readStdin();
  } catch (e) {
    return cannotRead(STDIN_NAME, e, report);
  }
  const lang = o.language ?? languageByContent(text);
  if (!lang)
    return report.problem(
      `${STDIN_NAME}: cannot tell the language from its text; use --language (${service.languageIds().join(', ')})`,
    );
  const abs = path.join(io.cwd, STDIN_NAME);
  if (service.modeFor(lang)?.loads) ws.update(abs, lang, text);
  checkFile(abs, lang, service, ws, report, o, text);
}

function checkFile(
  abs: string,
  lang: string,
  service: LanguageService,
  ws: Workspace,
  report: Report,
  o: CliOptions,
  text?: string,
): void {
  const settings = { ...defaultSettings, bindVersion: o.bindVersion };
  if (service.modeFor(lang)?.loads && ws.has(abs)) {
    for (const r of service.checkTrees(ws, abs, { workspace: ws, settings }))
      report.add(r.file, r.languageId, r.diagnostics);
    return;
  }
  const t =
    text ?? readSmallFile(abs) ?? (fs.statSync(abs).isFile() ? decodeDeclared(fs.readFileSync(abs)) : undefined);
  if (t === undefined) return;
  const doc = TextDocument.create(pathToFileURL(abs).toString(), lang, 1, t);
  // with the trees of the folder: a zone file takes its origin and named's working directory
  // from the named.conf that loads it
  const zone = o.origin ? { zoneOrigin: o.origin } : {};
  report.add(abs, lang, service.doValidation(doc, { files: FILES, settings, workspace: ws, ...zone }));
}

const FILES = createFsAccess({ roots: () => [], allowOutside: () => true });

function cannotRead(f: string, e: unknown, report: Report): void {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ? code : (e as Error).message;
  report.problem(`${f}: cannot read: ${why}`);
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
