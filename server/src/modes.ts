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
import type { LanguageMode, RuleDef } from './service/types';
import { RULES as VMX_RULES } from './vmx/rules';
import { RULES as DHCPD_RULES } from './dhcpd/rules';
import { RULES as NAMED_RULES } from './named/rules';
import { INITIATOR_RULES, NAME_RULES } from './iscsi/rules';

/** Stands in for what `load` returns: `own` answers its own keys, the loaded object all others. */
function lazy<T extends object>(own: Partial<T>, load: () => T): T {
  let real: T | undefined;
  const target = () => (real ??= load());
  return new Proxy(own as T, {
    get: (o, key) => (Object.hasOwn(o, key) ? Reflect.get(o, key) : Reflect.get(target(), key)),
    has: (o, key) => Object.hasOwn(o, key) || Reflect.has(target(), key),
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each mode has its own tree type
const lazyMode = (id: string, rules: readonly RuleDef[], load: () => LanguageMode<any>): LanguageMode =>
  lazy<LanguageMode>({ id, rules }, load);

const iscsi = () => require('./iscsi') as typeof import('./iscsi');

/** The loaded modes must have these ids and rules (a test checks). */
export const MODES = [
  lazyMode('vmx', VMX_RULES, () => (require('./vmx') as typeof import('./vmx')).vmxMode),
  lazyMode('dhcpd', DHCPD_RULES, () => (require('./dhcpd') as typeof import('./dhcpd')).dhcpdMode),
  lazyMode('named', NAMED_RULES, () => (require('./named') as typeof import('./named')).namedMode),
  lazyMode('vmkernel-log', [], () => (require('./vmklog') as typeof import('./vmklog')).vmkLogMode),
  lazyMode('iscsi-initiatorname', INITIATOR_RULES, () => iscsi().iscsiInitiatorMode),
] as const;

export const TEXT_FEATURES: readonly TextFeature[] = [
  lazy<TextFeature>({ rules: NAME_RULES, skipLanguages: ['iscsi-initiatorname'] }, () => iscsi().iscsiTextFeature),
];

/** VS Code's built-in `log` language is served by the ESX log mode. */
export const ALIASES: Readonly<Record<string, string>> = { log: 'vmkernel-log' };

export function createLanguageService(options: Omit<ServiceOptions, 'aliases'> = {}): LanguageService {
  return new LanguageService(MODES, TEXT_FEATURES, { ...options, aliases: ALIASES });
}
