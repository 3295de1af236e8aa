/**
 * Which BIND version a named.conf is checked as: the file's own first-line comment
 * (`// infra-lsp: bind 9.18`, also with `#` or `/* ... *\/`), else the setting
 * `infraLsp.named.version` (ServiceSettings.bindVersion).
 */
import {
  BIND_VERSIONS,
  DEFAULT_BIND_VERSION,
  type BindVersion,
  type ServiceSettings,
  type TreeContext,
} from '../service/types';

/** The directive on the first line: `infra-lsp: bind X` in a comment of any of named.conf's three kinds. */
const DIRECTIVE = /^[ \t]*(?:\/\/|#|\/\*)[ \t]*infra-lsp:[ \t]*bind[ \t]+([^\s*]*)/i;

export interface VersionDirective {
  /** The version it names, when it is one we check as. */
  readonly version?: BindVersion;
  /** The text written for the version, and where. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The `infra-lsp: bind X` directive on the file's first line, if there is one. */
export function versionDirective(text: string): VersionDirective | undefined {
  const eol = text.search(/\r?\n/);
  const first = eol < 0 ? text.slice(0, 200) : text.slice(0, Math.min(eol, 200));
  const m = DIRECTIVE.exec(first);
  if (!m) return undefined;
  const written = m[1]!;
  const start = m.index + m[0].length - written.length;
  const v = written.replace(/\.x$/i, '');
  return { version: BIND_VERSIONS.find((b) => b === v), text: written, start, end: start + written.length };
}

/**
 * The version the file is checked as: its own first line, else (a file included by another) the
 * first line of the file its tree starts from, else the setting.
 */
export function bindVersionOf(text: string, settings: ServiceSettings | undefined, tree?: TreeContext): BindVersion {
  const own = versionDirective(text)?.version;
  if (own) return own;
  const root = tree?.files[0];
  const rootText = root?.before ? (root.tree as { text?: unknown } | undefined)?.text : undefined;
  const inherited = typeof rootText === 'string' ? versionDirective(rootText)?.version : undefined;
  return inherited ?? settings?.bindVersion ?? DEFAULT_BIND_VERSION;
}
