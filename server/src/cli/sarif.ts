/**
 * `infra-lsp check --format sarif`: one SARIF 2.1.0 log (OASIS Static Analysis Results
 * Interchange Format) with a run of infra-lsp, the rules its results name, and one result per
 * finding. Paths under the current folder are relative to `%SRCROOT%`, the others absolute.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { RuleDef, RuleSeverity } from '../service/rules';
import { SERVER_NAME, SERVER_VERSION } from '../service/version';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** One checked file: its absolute path and its diagnostics (in the order they are listed). */
export interface CheckedFile {
  readonly abs: string;
  readonly diagnostics: readonly Diagnostic[];
}

type Level = 'error' | 'warning' | 'note' | 'none';

const RESULT_LEVEL: Record<number, Level> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

const RULE_LEVEL: Record<RuleSeverity, Level> = { error: 'error', warning: 'warning', info: 'note', ignore: 'none' };

/**
 * The SARIF log of `files`. `ruleOf` gives a rule's description and default severity;
 * `problems` are the files that could not be checked (tool execution notifications).
 */
export function sarifLog(
  files: readonly CheckedFile[],
  cwd: string,
  ruleOf: (id: string) => RuleDef | undefined,
  problems: readonly string[],
): object {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(id, i);
      rules.push(ruleDescriptor(id, ruleOf(id)));
    }
    return i;
  };
  const results: object[] = [];
  for (const f of files) {
    const artifactLocation = artifactOf(f.abs, cwd);
    for (const d of f.diagnostics) {
      const id = d.code === undefined ? undefined : String(d.code);
      results.push({
        ...(id === undefined ? {} : { ruleId: id, ruleIndex: indexOf(id) }),
        level: RESULT_LEVEL[d.severity ?? DiagnosticSeverity.Error] ?? 'error',
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: regionOf(d) } }],
      });
    }
  }
  const notifications = problems.map((text) => ({ level: 'error', message: { text } }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: SERVER_NAME, version: SERVER_VERSION, rules } },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function ruleDescriptor(id: string, def: RuleDef | undefined): object {
  if (!def) return { id };
  const level = RULE_LEVEL[def.defaultSeverity];
  return {
    id,
    shortDescription: { text: def.description },
    defaultConfiguration: level === 'none' ? { enabled: false, level } : { level },
  };
}

/** LSP ranges are 0-based with an exclusive end; SARIF's are 1-based, the end column exclusive too. */
function regionOf(d: Diagnostic): object {
  return {
    startLine: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

function artifactOf(abs: string, cwd: string): object {
  const rel = path.relative(cwd, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
