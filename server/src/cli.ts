/**
 * `infra-lsp check [--format text|json] [--language ID] FILE...`
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
import { createFsAccess } from './service/fileAccess';
import { SERVER_VERSION } from './service/version';

const USAGE = `usage: infra-lsp check [--format text|json] [--language ID] FILE...
       infra-lsp --version | --help
Checks VMware .vmx, ISC dhcpd.conf, BIND named.conf, ESX/ESXi logs and iSCSI initiator names.
Output: path:line:col: error|warning|info: message [rule-id]. Exit 1 when any error is found.`;

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
  let format: 'text' | 'json' = 'text';
  let language: string | undefined;
  const files: string[] = [];
  const service = createLanguageService({
    onError: (where, err) => io.err(`infra-lsp: internal error in ${where}: ${String(err)}`),
  });
  const known = service.languageIds();
  while (args.length) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(9) : args.shift();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format takes text or json, not ${v ?? 'nothing'}`);
      format = v;
    } else if (a === '--language' || a.startsWith('--language=')) {
      const v = a.includes('=') ? a.slice(11) : args.shift();
      if (!v || !known.includes(v))
        throw new UsageError(`--language takes one of ${known.join(', ')}; got ${v ?? 'nothing'}`);
      language = v;
    } else if (a === '--') {
      files.push(...args.splice(0));
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else files.push(a);
  }
  if (!files.length) throw new UsageError('no files given');

  const files$ = createFsAccess({ roots: () => [], allowOutside: () => true });
  let errors = 0;
  let unreadable = false;
  const json: Array<{ file: string; language: string; diagnostics: object[] }> = [];
  for (const f of files) {
    const lang = language ?? languageForPath(f);
    if (!lang) {
      io.err(`infra-lsp: ${f}: cannot tell the language from the file name; use --language (${known.join(', ')})`);
      unreadable = true;
      continue;
    }
    let text: string;
    try {
      const abs = path.resolve(io.cwd, f);
      const st = fs.statSync(abs);
      if (!st.isFile()) throw new Error(st.isDirectory() ? 'is a directory' : 'not a regular file');
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : code
              ? code
              : (e as Error).message;
      io.err(`infra-lsp: ${f}: cannot read: ${why}`);
      unreadable = true;
      continue;
    }
    const uri = pathToFileURL(path.resolve(io.cwd, f)).toString();
    const doc = TextDocument.create(uri, lang, 1, text);
    const diags = service.doValidation(doc, { files: files$ });
    diags.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    errors += diags.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    if (format === 'json') json.push({ file: f, language: lang, diagnostics: diags.map(toJson) });
    else for (const d of diags) io.out(formatText(f, d));
  }
  if (format === 'json') io.out(JSON.stringify(json, null, 2));
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
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
