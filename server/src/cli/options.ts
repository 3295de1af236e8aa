/** The command line of `infra-lsp check`: its usage text and its options. */
import { BIND_VERSIONS, DEFAULT_BIND_VERSION, type BindVersion } from '../service/types';
import * as path from 'node:path';

export const USAGE = `usage: infra-lsp check [--format text|json|sarif] [--language ID] [--root DIR]
                       [--fail-on error|warning|info] [--max-warnings N] [--bind-version 9.16|9.18|9.20]
                       [--origin NAME] FILE|DIR|-...
       infra-lsp format [--check | --write] [--indent N|tab] FILE|DIR|-...   (see infra-lsp --help)
       infra-lsp --version | --help
Checks VMware .vmx, ISC dhcpd.conf, BIND named.conf, DNS zone files, ESX/ESXi logs and iSCSI
initiator names.
A named.conf or dhcpd.conf is checked with the files it includes, as the daemon loads them; a
folder, every configuration tree and file under it. A file whose name says nothing is
recognised by its text (named.conf, dhcpd.conf, .vmx), else give --language.
-: read standard input (shown as <stdin>; its includes are read from the current folder); its
language comes from --language or its text.
--root DIR: the folder that stands for / in absolute include paths (as named-checkconf -t DIR).
--bind-version V: check named.conf files as BIND V would (default: 9.20); a file's first line may
say otherwise: // infra-lsp: bind 9.18
--origin NAME: the origin of DNS zone files (as named-checkzone ORIGIN FILE); by default a
$ORIGIN before the first record, else the file name (db.example.com, example.com.zone).
--fail-on SEVERITY: the lowest severity that makes the exit status 1 (default: error).
--max-warnings N: exit 1 also when there are more than N warnings.
Output: path:line:col: error|warning|info: message [rule-id]; json: a list of files and their
findings; sarif: one SARIF 2.1.0 log.
Exit 0: nothing that fails; 1: a finding at --fail-on or above, or too many warnings; 2: usage
error, or a file that cannot be read or whose language cannot be told.`;

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info';

export interface CliOptions {
  format: OutputFormat;
  language: string | undefined;
  root: string | undefined;
  failOn: FailOn;
  maxWarnings: number | undefined;
  /** The BIND version named.conf files are checked as (`--bind-version`). */
  bindVersion: BindVersion;
  /** The origin of zone files (`--origin`, as named-checkzone takes it). */
  origin: string | undefined;
  /** FILE or DIR arguments; `-` is standard input. */
  files: string[];
}

export class UsageError extends Error {}

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly string[] = ['error', 'warning', 'info'];

export function parseArgs(args: string[], known: readonly string[], cwd: string): CliOptions {
  const o: CliOptions = {
    format: 'text',
    language: undefined,
    root: undefined,
    failOn: 'error',
    maxWarnings: undefined,
    bindVersion: DEFAULT_BIND_VERSION,
    origin: undefined,
    files: [],
  };
  const isOpt = (a: string, name: string) => a === name || a.startsWith(name + '=');
  const value = (a: string, name: string) => (a.includes('=') ? a.slice(name.length + 1) : args.shift());
  while (args.length) {
    const a = args.shift()!;
    if (isOpt(a, '--format')) {
      const v = value(a, '--format');
      if (!v || !FORMATS.includes(v)) throw new UsageError(`--format takes text, json or sarif, not ${v ?? 'nothing'}`);
      o.format = v as OutputFormat;
    } else if (isOpt(a, '--language')) {
      const v = value(a, '--language');
      if (!v || !known.includes(v))
        throw new UsageError(`--language takes one of ${known.join(', ')}; got ${v ?? 'nothing'}`);
      o.language = v;
    } else if (isOpt(a, '--root')) {
      const v = value(a, '--root');
      if (!v) throw new UsageError('--root takes the folder that stands for / (as named-checkconf -t)');
      o.root = path.resolve(cwd, v);
    } else if (isOpt(a, '--fail-on')) {
      const v = value(a, '--fail-on');
      if (!v || !FAIL_ON.includes(v))
        throw new UsageError(`--fail-on takes error, warning or info, not ${v ?? 'nothing'}`);
      o.failOn = v as FailOn;
    } else if (isOpt(a, '--max-warnings')) {
      const v = value(a, '--max-warnings');
      if (!v || !/^\d{1,9}$/.test(v))
        throw new UsageError(`--max-warnings takes a whole number of 0 or more, not ${v ?? 'nothing'}`);
      o.maxWarnings = Number(v);
    } else if (isOpt(a, '--bind-version')) {
      const v = value(a, '--bind-version');
      const found = BIND_VERSIONS.find((b) => b === v);
      if (!found) throw new UsageError(`--bind-version takes ${BIND_VERSIONS.join(', ')}, not ${v ?? 'nothing'}`);
      o.bindVersion = found;
    } else if (isOpt(a, '--origin')) {
      const v = value(a, '--origin');
      if (!v || !/^[A-Za-z0-9_.-]+$/.test(v) || v.includes('..'))
        throw new UsageError(`--origin takes the zone's name, e.g. example.com, not ${v ?? 'nothing'}`);
      o.origin = v === '.' || v.endsWith('.') ? v : `${v}.`;
    } else if (a === '--') {
      o.files.push(...args.splice(0));
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else o.files.push(a);
  }
  if (!o.files.length) throw new UsageError('no files given');
  if (o.files.filter((f) => f === '-').length > 1) throw new UsageError('- (standard input) is given more than once');
  return o;
}
