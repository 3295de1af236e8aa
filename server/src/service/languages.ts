/**
 * The one list of the languages we serve. Everything else is derived from it: the registry of
 * modes (modes.ts, typed by `folder`), the build's mode bundles (scripts/build.mjs), the client's
 * document selector, and package.json's languages, grammars and snippets (`npm run
 * sync-package`; a test checks). The CLI picks a language from these file patterns.
 */
export interface LanguageInfo {
  readonly id: string;
  /** The name VS Code shows. */
  readonly name: string;
  /** The folder of server/src that holds its mode (bundled as dist/lib/modes/<folder>.js). */
  readonly folder: ModeFolder;
  readonly extensions: readonly string[];
  readonly filenames: readonly string[];
  /** Glob patterns on the file name only (`*` matches any run of characters but `/`). */
  readonly filenamePatterns: readonly string[];
  /** The TextMate scope of syntaxes/<id>.tmLanguage.json. */
  readonly scopeName: string;
  /** Whether snippets/<id>.json exists. */
  readonly snippets: boolean;
}

/** The folders of server/src that hold a language mode. */
export const MODE_FOLDERS = ['vmx', 'dhcpd', 'named', 'vmklog', 'iscsi', 'zone'] as const;
export type ModeFolder = (typeof MODE_FOLDERS)[number];

export const LANGUAGES: readonly LanguageInfo[] = [
  {
    id: 'vmx',
    name: 'VMware VMX',
    folder: 'vmx',
    extensions: ['.vmx', '.vmtx'],
    filenames: [],
    filenamePatterns: [],
    scopeName: 'source.vmx',
    // its snippets come from completion (vmx/data/snippets.ts), which fills in the next free index
    snippets: false,
  },
  {
    id: 'dhcpd',
    name: 'ISC dhcpd.conf',
    folder: 'dhcpd',
    extensions: [],
    filenames: ['dhcpd.conf', 'dhcpd6.conf'],
    filenamePatterns: ['dhcpd*.conf', 'dhcpd*.conf.*'],
    scopeName: 'source.dhcpd',
    snippets: true,
  },
  {
    id: 'named',
    name: 'BIND named.conf',
    folder: 'named',
    extensions: [],
    filenames: ['named.conf', 'rndc.key', 'rndc.conf', 'bind.keys'],
    filenamePatterns: ['named.conf.*', 'named*.conf'],
    scopeName: 'source.named',
    snippets: true,
  },
  {
    id: 'dns-zone',
    name: 'DNS zone file',
    folder: 'zone',
    extensions: ['.zone'],
    filenames: [],
    filenamePatterns: ['db.*', '*.db'],
    scopeName: 'source.dns-zone',
    snippets: true,
  },
  {
    id: 'vmkernel-log',
    name: 'ESX/ESXi log',
    folder: 'vmklog',
    extensions: [],
    filenames: ['vmkernel', 'vmkwarning', 'vmksummary', 'messages.vmkernel'],
    filenamePatterns: [
      'vmkernel*.log',
      'vmkwarning*.log',
      'vmksummary*.log',
      'vobd*.log',
      'hostd*.log',
      'vpxa*.log',
      'fdm*.log',
      'vmkernel.*',
      'vmkwarning.*',
    ],
    scopeName: 'text.log.vmkernel',
    snippets: false,
  },
  {
    id: 'iscsi-initiatorname',
    name: 'iSCSI initiator name',
    folder: 'iscsi',
    extensions: [],
    filenames: ['initiatorname.iscsi'],
    filenamePatterns: [],
    scopeName: 'source.iscsi-initiatorname',
    snippets: false,
  },
];

/** Languages of VS Code's own that a mode of ours serves: the built-in `log` is an ESX log. */
export const SERVED_ALIASES: Readonly<Record<string, string>> = { log: 'vmkernel-log' };

/** Every language id the client hands to the server: ours and the aliases. */
export const CLIENT_LANGUAGE_IDS: readonly string[] = [...LANGUAGES.map((l) => l.id), ...Object.keys(SERVED_ALIASES)];

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`, 'i');
}

const compiled = LANGUAGES.map((l) => ({ info: l, patterns: l.filenamePatterns.map(globToRegExp) }));

/**
 * The language for a path, by the same rules VS Code applies to our contributions
 * (exact file names first, then patterns, then extensions). `.log` files in general are
 * VS Code's `log` language, which we serve as `vmkernel-log` too.
 */
export function languageForPath(path: string): string | undefined {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path;
  const lower = base.toLowerCase();
  for (const { info } of compiled) if (info.filenames.some((f) => f.toLowerCase() === lower)) return info.id;
  for (const { info, patterns } of compiled) if (patterns.some((p) => p.test(base))) return info.id;
  for (const { info } of compiled) if (info.extensions.some((e) => lower.endsWith(e))) return info.id;
  if (lower.endsWith('.log')) return 'vmkernel-log';
  return undefined;
}
