/**
 * What package.json contributes, derived from the code: the languages, grammars and snippets
 * from service/languages.ts, the settings from the rule tables. `npm run sync-package` writes
 * them; a test fails when package.json differs.
 */
import { createLanguageService } from '../server/src/modes';
import { LANGUAGES } from '../server/src/service/languages';
import { BIND_VERSIONS, DEFAULT_BIND_VERSION } from '../server/src/service/types';

export function languageContributions(): { languages: object[]; grammars: object[]; snippets: object[] } {
  const languages = LANGUAGES.map((l) => ({
    id: l.id,
    aliases: [l.name, l.id],
    ...(l.extensions.length ? { extensions: l.extensions } : {}),
    ...(l.filenames.length ? { filenames: l.filenames } : {}),
    ...(l.filenamePatterns.length ? { filenamePatterns: l.filenamePatterns } : {}),
    configuration: `./languages/${l.id}.language-configuration.json`,
  }));
  const grammars = LANGUAGES.map((l) => ({
    language: l.id,
    scopeName: l.scopeName,
    path: `./syntaxes/${l.id}.tmLanguage.json`,
  }));
  const snippets = LANGUAGES.filter((l) => l.snippets).map((l) => ({
    language: l.id,
    path: `./snippets/${l.id}.json`,
  }));
  return { languages, grammars, snippets };
}

/** The commands, and where the command palette offers them. */
export function commandContributions(): { commands: object[]; menus: object } {
  return {
    commands: [
      { command: 'infraLsp.decodeStatusCode', title: 'Decode VMkernel status code', category: 'infra-lsp' },
      { command: 'infraLsp.zone.incrementSerial', title: 'Increment SOA serial', category: 'infra-lsp' },
    ],
    menus: {
      commandPalette: [{ command: 'infraLsp.zone.incrementSerial', when: 'editorLangId == dns-zone' }],
    },
  };
}

export function configurationProperties(): Record<string, object> {
  const props: Record<string, object> = {
    'infraLsp.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      description: 'Log the messages between VS Code and the infra-lsp language server to the output channel.',
    },
    'infraLsp.inlayHints.enabled': {
      type: 'boolean',
      default: true,
      description: 'Show the name of a VMkernel status code (VMK_...) after each raw code in ESX/ESXi logs.',
    },
    'infraLsp.includes.allowOutsideWorkspace': {
      type: 'boolean',
      default: false,
      description: 'Let `include` statements in named.conf and dhcpd.conf read files outside the workspace folders.',
    },
    'infraLsp.named.version': {
      type: 'string',
      enum: [...BIND_VERSIONS],
      enumDescriptions: [
        'BIND 9.16 (RHEL 8 and 9, Ubuntu 20.04)',
        'BIND 9.18 (Debian 12, Ubuntu 22.04 and 24.04)',
        'BIND 9.20 (Debian 13, bookworm-backports; the current stable release)',
      ],
      default: DEFAULT_BIND_VERSION,
      markdownDescription:
        'The BIND release named.conf files are checked as: the statements it knows, the ones it removed or deprecated, and its checks. A file can name its own on its first line: `// infra-lsp: bind 9.18`.',
    },
    'infraLsp.zone.incrementSerialOnSave': {
      type: 'boolean',
      default: false,
      markdownDescription:
        "Increment the SOA serial of a DNS zone file when it is saved with changes, unless its serial already went up since the last save: YYYYMMDDnn serials take today's date (or the next nn), others + 1. Auto-saves after a delay (`files.autoSave`) are left alone, and the next save by hand bumps once for them; the command **Increment SOA serial** does it any time.",
    },
    'infraLsp.format.enable': {
      type: 'boolean',
      default: true,
      markdownDescription:
        'Format named.conf, dhcpd.conf, .vmx and DNS zone files (**Format Document**, **Format Selection**, and on typing `}` or `;` where `editor.formatOnType` is on). Only whitespace changes: what the daemon loads stays the same.',
    },
    'infraLsp.includes.root': {
      type: 'string',
      default: '',
      description:
        'The folder that stands for `/` when named.conf and dhcpd.conf include absolute paths such as `/etc/bind/named.conf.options`, like `named-checkconf -t`; relative to the first workspace folder. Empty: the folder above an `etc/` that holds the root file.',
    },
  };
  const rules = createLanguageService()
    .rules()
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const r of rules) {
    props[`infraLsp.rules.${r.id}`] = {
      type: 'string',
      enum: ['ignore', 'info', 'warning', 'error'],
      default: r.defaultSeverity,
      description: r.description,
    };
    for (const former of r.formerIds ?? []) {
      props[`infraLsp.rules.${former}`] = {
        type: 'string',
        enum: ['ignore', 'info', 'warning', 'error'],
        description: r.description,
        deprecationMessage: `Renamed: use infraLsp.rules.${r.id}, which this setting still sets while that one is unset.`,
      };
    }
  }
  return props;
}
