/** The settings the extension contributes, derived from the rule tables. */
import { createLanguageService } from '../server/src/modes';

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
