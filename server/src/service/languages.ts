/**
 * The languages we contribute: ids, names and file patterns. The extension's package.json
 * `contributes.languages` must say the same (a test checks), and the CLI picks a language
 * from these patterns.
 */
export interface LanguageInfo {
  readonly id: string;
  readonly name: string;
  readonly extensions: readonly string[];
  readonly filenames: readonly string[];
  /** Glob patterns on the file name only (`*` matches any run of characters but `/`). */
  readonly filenamePatterns: readonly string[];
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { id: 'vmx', name: 'VMware VMX', extensions: ['.vmx', '.vmtx'], filenames: [], filenamePatterns: [] },
  {
    id: 'dhcpd',
    name: 'ISC dhcpd.conf',
    extensions: [],
    filenames: ['dhcpd.conf', 'dhcpd6.conf'],
    filenamePatterns: ['dhcpd*.conf', 'dhcpd*.conf.*'],
  },
  {
    id: 'named',
    name: 'BIND named.conf',
    extensions: [],
    filenames: ['named.conf', 'rndc.key', 'rndc.conf', 'bind.keys'],
    filenamePatterns: ['named.conf.*', 'named*.conf'],
  },
  {
    id: 'vmkernel-log',
    name: 'ESX/ESXi log',
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
  },
  {
    id: 'iscsi-initiatorname',
    name: 'iSCSI initiator name',
    extensions: [],
    filenames: ['initiatorname.iscsi'],
    filenamePatterns: [],
  },
];

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
