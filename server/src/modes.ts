/**
 * The registry: every language mode and cross-language feature the server serves.
 *
 * Each mode loads on first use. The registry holds a stand-in that knows the mode's id and
 * rules (what the facade reads at start-up); any other property loads the real mode. The build
 * (scripts/build.mjs) turns each `require()` of a mode below into a file of its own under
 * dist/lib/modes/, so the server answers `initialize`, and the CLI starts, without compiling any
 * mode's code or tables. In tests the same `require()` is bundled and only runs late.
 */
import { LanguageService, type ServiceOptions, type TextFeature } from './service/languageService';
import { LANGUAGES, SERVED_ALIASES, type ModeFolder } from './service/languages';
import type { LanguageMode, RuleDef } from './service/types';
import { RULES as VMX_RULES } from './vmx/rules';
import { RULES as DHCPD_RULES } from './dhcpd/rules';
import { RULES as NAMED_RULES } from './named/rules';
import { INITIATOR_RULES, NAME_RULES } from './iscsi/rules';
import { RULES as ZONE_RULES } from './zone/rules';
import { RULES as VMKLOG_RULES } from './vmklog/rules';

/** Stands in for what `load` returns: `own` answers its own keys, the loaded object all others. */
function lazy<T extends object>(own: Partial<T>, load: () => T): T {
  let real: T | undefined;
  const target = () => (real ??= load());
  return new Proxy(own as T, {
    get: (o, key) => (Object.hasOwn(o, key) ? Reflect.get(o, key) : Reflect.get(target(), key)),
    has: (o, key) => Object.hasOwn(o, key) || Reflect.has(target(), key),
  });
}

const iscsi = () => require('./iscsi') as typeof import('./iscsi');

/**
 * Each mode folder's rules (read at start-up) and its loader (run on first use). Keyed by the
 * folders of service/languages.ts, so a language without a mode does not compile.
 */
const FOLDERS: Record<ModeFolder, { readonly rules: readonly RuleDef[]; load(): LanguageMode }> = {
  vmx: { rules: VMX_RULES, load: () => (require('./vmx') as typeof import('./vmx')).vmxMode },
  dhcpd: { rules: DHCPD_RULES, load: () => (require('./dhcpd') as typeof import('./dhcpd')).dhcpdMode },
  named: { rules: NAMED_RULES, load: () => (require('./named') as typeof import('./named')).namedMode },
  vmklog: { rules: VMKLOG_RULES, load: () => (require('./vmklog') as typeof import('./vmklog')).vmkLogMode },
  iscsi: { rules: INITIATOR_RULES, load: () => iscsi().iscsiInitiatorMode },
  zone: { rules: ZONE_RULES, load: () => (require('./zone') as typeof import('./zone')).zoneMode },
};

/** One stand-in per language of service/languages.ts (a test checks they match the loaded modes). */
export const MODES: readonly LanguageMode[] = LANGUAGES.map((l) =>
  lazy<LanguageMode>({ id: l.id, rules: FOLDERS[l.folder].rules }, () => FOLDERS[l.folder].load()),
);

export const TEXT_FEATURES: readonly TextFeature[] = [
  lazy<TextFeature>({ rules: NAME_RULES, skipLanguages: ['iscsi-initiatorname'] }, () => iscsi().iscsiTextFeature),
];

/** VS Code's built-in `log` language is served by the ESX log mode. */
export const ALIASES: Readonly<Record<string, string>> = SERVED_ALIASES;

export function createLanguageService(options: Omit<ServiceOptions, 'aliases'> = {}): LanguageService {
  return new LanguageService(MODES, TEXT_FEATURES, { ...options, aliases: ALIASES });
}
